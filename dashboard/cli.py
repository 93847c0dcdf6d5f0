"""The dashboard's commands of ``twincity``: ``serve`` and ``export``.

They reach the ``twincity`` command through the entry-point group ``twincity.commands`` (pyproject.toml), so
the ETL's command group never imports the dashboard and this module never imports the ETL. Both commands read
the published dataset only; when there is none they say so and exit (``twincity etl run`` builds it).
"""
from __future__ import annotations

import sys
import time
from contextlib import nullcontext
from pathlib import Path

import click

LANGS = ("en", "de", "ja")
NO_DATASET = 1


def _require_dataset():
    """The current dataset, or exit with a message naming the command that builds it."""
    from dashboard.data import current

    try:
        return current()
    except FileNotFoundError as exc:
        click.echo(f"{exc}", err=True)
        sys.exit(NO_DATASET)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface; use gunicorn in production).")
@click.option("--port", default=8050, type=int, show_default=True, help="Port to listen on.")
@click.option("--debug", is_flag=True, help="Dash dev tools (never in production).")
def serve(host: str, port: int, debug: bool) -> None:
    """Run the dashboard (development server) on the published dataset."""
    _require_dataset()
    from dashboard.app import create_app

    app = create_app()
    app.run(host=host, port=port, debug=debug, dev_tools_disable_version_check=True)
FACTSHEET_LANGS = ("en", "de", "ja", "en+ja", "de+ja", "en+de")   # dashboard.factsheet.CODES


@click.command("export")
@click.option("--deck", "deck_name", default="default", show_default=True,
              help="A published deck's name (from data/reference/decks), or the path of a deck YAML file.")
@click.option("--lang", type=click.Choice(FACTSHEET_LANGS), default="en", show_default=True,
              help="Language of the pack (en, de, ja); a fact sheet also takes two side by side (en+ja, de+ja, en+de).")
@click.option("--factsheet", is_flag=True,
              help="Write the one-page A4 fact sheet of a pair (factsheet-<pair>-<lang>.pdf) instead of a deck.")
@click.option("--pair", "pair_id", default=None, help="Fact sheet: a pair id of data/reference/pairs.csv "
                                                       "(default: the catalogue's default pair).")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf", "both"]), default="both", show_default=True,
              help="Standalone HTML, PDF, or both.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder to write briefing-<deck>-<lang>.html/.pdf into.")
@click.option("--base-url", default=None, envvar="TWINCITY_PUBLIC_URL",
              help="Public address of the dashboard, for links and the QR code on title slides "
                   "(default: $TWINCITY_PUBLIC_URL; without it the pack has no live links).")
def export(deck_name: str, lang: str, factsheet: bool, pair_id: str | None, fmt: str, out_dir: Path,
           base_url: str | None) -> None:
    """Render a deck into a briefing pack that works with no server and no internet, or a pair's fact sheet."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from dashboard import briefing, decks
    from dashboard.app import create_app
    from dashboard.i18n import t

    console = Console(stderr=True)
    if factsheet:
        _factsheet(console, pair_id, lang, out_dir)
        return
    if lang not in LANGS:
        console.print(f"[bold red]language error[/]: a briefing pack is in one language ({', '.join(LANGS)})")
        sys.exit(2)
    dataset = _require_dataset()
    create_app()  # registers the pages whose figure functions the slides use
    try:
        deck = decks.load(deck_name)
    except decks.DeckError as exc:
        console.print(f"[bold red]deck error[/]: {exc}")
        sys.exit(2)
    formats = ["html", "pdf"] if fmt == "both" else [fmt]
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=not console.is_terminal) as progress:
        task = progress.add_task(t("present.export.cli_task", lang), total=briefing.steps(deck, formats))

        def on_progress(step: str, _n: int, _total: int) -> None:
            progress.update(task, advance=1, description=step)

        with briefing.kaleido_session() if "pdf" in formats else nullcontext():
            written = briefing.export(deck, lang, formats, out_dir, dataset, base_url, on_progress)
        progress.update(task, completed=briefing.steps(deck, formats))
    for path in written.values():
        console.print(t("present.export.cli_done", lang, path=path))
    console.print(f"[dim]{time.perf_counter() - started:.1f} s[/]")


def _factsheet(console, pair_id: str | None, code: str, out_dir: Path) -> None:
    from dashboard import factsheet
    from dashboard.i18n import t
    from dashboard.views.pair import catalogue_ids, resolve

    dataset = _require_dataset()
    if pair_id is not None and pair_id not in catalogue_ids(dataset):
        console.print(f"[bold red]pair error[/]: unknown pair {pair_id!r}; pairs: {', '.join(catalogue_ids(dataset))}")
        sys.exit(2)
    path = factsheet.write(dataset, resolve(dataset, pair_id), code, out_dir)
    console.print(t("present.export.cli_done", code.split("+")[0], path=path))
