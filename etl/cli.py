"""The ``twincity`` command: ``etl run``, ``etl rehash``, ``etl fetch``; ``serve`` and ``export`` come from
the dashboard (entry points, see :func:`add_commands`)."""
from __future__ import annotations

import sys
from importlib.metadata import entry_points
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from etl import paths, pipeline
from etl.errors import EtlError

console = Console(stderr=True)


@click.group()
def main() -> None:
    """City Partnership Dashboard (the pairs are in data/reference/pairs.csv)."""


@main.group()
def etl() -> None:
    """Build and publish the dataset from data/raw."""


@etl.command("run")
@click.option("--only", "only", type=click.Choice(pipeline.STEPS), default=None,
              help="Run the steps up to and including STEP; publishes only when STEP is 'publish'.")
@click.option("--dry-run", is_flag=True, help="Run and check every step but publish nothing.")
@click.option("--mirror", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Take newer boundary GeoJSON files from this folder instead of the committed snapshots "
                   "(same checks; the summary names each file taken).")
@click.option("--published", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Publish into this folder instead of data/published.")
def run(only: str | None, dry_run: bool, mirror: Path | None, published: Path | None) -> None:
    """extract → harmonise → validate → boundaries → publish (atomic)."""
    until = only or "publish"
    steps = pipeline.STEPS[: pipeline.STEPS.index(until) + 1]
    if dry_run and "publish" in steps:
        steps.remove("publish")
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=console, transient=not console.is_terminal) as progress:
        task = progress.add_task("ETL", total=len(steps))

        def on_step(name: str) -> None:
            if progress.tasks[task].completed < len(steps) and name != steps[0]:
                progress.advance(task)
            progress.update(task, description=f"ETL: {name}")

        try:
            state = pipeline.run(mirror=mirror, published=published, until=until, dry_run=dry_run,
                                 on_step=on_step)
        except EtlError as exc:
            progress.stop()
            console.print(f"[bold red]ETL failed[/]: {exc}")
            console.print("Published data is unchanged.")
            sys.exit(exc.exit_code)
        progress.update(task, completed=len(steps))
    _summary(state, dry_run)


def _summary(state: pipeline.RunState, dry_run: bool) -> None:
    table = Table(title="ETL summary")
    table.add_column("source")
    table.add_column("rows", justify="right")
    for source, rows in state.per_source.items():
        table.add_row(source, str(rows))
    if state.facts is not None:
        table.add_row("[bold]facts published[/]", str(len(state.facts)))
    console.print(table)
    if state.gaps:
        console.print(f"{len(state.gaps)} known gaps kept as gaps (listed in the manifest and on the sources page)")
    for item in state.past_due:
        console.print(f"[yellow]past due[/]: {item['source_id']} — latest reference date {item['latest']}, "
                      f"update cycle {item['update_cycle']}, due since {item['due']}")
    layers = (state.report.get("boundaries") or {}).get("layers") or {}
    if layers:
        sources = sorted({layer["source_id"] for layer in layers.values()})
        console.print(f"boundaries: {len(layers)} layers from {', '.join(sources)} (areas checked within 1 %)")
    for warning in state.warnings:
        console.print(f"[yellow]warning[/]: {warning}")
    if state.version:
        verb = "unchanged, still" if state.unchanged else "published"
        console.print(f"[green]{verb}[/] version {state.version}")
    elif dry_run:
        console.print("[green]dry run passed[/]: nothing published")


@etl.command("rehash")
@click.argument("source")
def rehash(source: str) -> None:
    """Record the sha256 of SOURCE's files in its source.yaml (after replacing a snapshot on purpose)."""
    import re

    import yaml

    from etl.extract.checksums import sha256_of

    path = paths.raw_dir() / source / "source.yaml"
    text = path.read_text(encoding="utf-8")
    for entry in yaml.safe_load(text)["files"]:          # only the sha256 lines change: comments and layout stay
        digest = sha256_of(path.parent / entry["name"])
        text = re.sub(rf"(-\s+name:\s*['\"]?{re.escape(entry['name'])}['\"]?\s*\n\s+sha256:\s*)['\"]?[0-9a-fA-F]*['\"]?",
                      lambda m, d=digest: m.group(1) + d, text)
    path.write_text(text, encoding="utf-8")
    if any(e["sha256"] != sha256_of(path.parent / e["name"]) for e in yaml.safe_load(text)["files"]):
        raise click.ClickException(f"{path}: could not update every sha256 line; edit them by hand")
    console.print(f"updated {path}")


def add_commands(group: click.Group) -> None:
    """Commands other packages contribute through the entry-point group ``twincity.commands`` (the dashboard's
    ``serve`` and ``export``); the ETL never imports them."""
    for entry in entry_points(group="twincity.commands"):
        if entry.name not in group.commands:
            group.add_command(entry.load(), entry.name)


etl.add_command(__import__("etl.fetch.cli", fromlist=["fetch"]).fetch)
add_commands(main)


if __name__ == "__main__":  # pragma: no cover
    main()
