"""``twincity etl fetch [SOURCE_ID ...] [--dry-run] [--publish]`` (registered by :mod:`etl.cli`)."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from etl import paths
from etl.errors import EtlError
from etl.fetch import snapshots

console = Console(stderr=True)
EXIT_CODES = """Exit codes: 0 fetched (or nothing to fetch), 7 unreachable or timed out, 8 HTTP error or HTML page,
9 the service's own error, 10 malformed response or schema drift, 11 missing credentials;
with --publish also those of `etl run` (2 raw data, 3 checksum, 4 validation, 5 publish)."""


@click.command("fetch", epilog=EXIT_CODES)
@click.argument("source_ids", nargs=-1)
@click.option("--dry-run", is_flag=True, help="Download into a temporary folder, print the change report, write nothing.")
@click.option("--publish", "publish_", is_flag=True, help="Run `etl run` (validate and publish) after the fetch.")
@click.option("--raw", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The raw data folder (default data/raw or $TWINCITY_RAW).")
def fetch(source_ids: tuple[str, ...], dry_run: bool, publish_: bool, raw: Path | None) -> None:
    """Download new snapshots of the sources whose source.yaml has a `fetch:` section (all when none is
    named) from the official services, and report what changed. Nothing is published until
    `twincity etl run` has validated the new snapshots (or --publish chains it)."""
    raw = Path(raw or paths.raw_dir())
    reference = paths.reference_dir()

    def progress(url: str, done: int, total: int | None) -> None:
        if console.is_terminal:
            size = f"{done / 1e6:.1f}/{total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
            console.print(f"  {size}", end="\r")

    def on_source(source_id: str, meta: dict) -> None:
        spec = meta["fetch"]
        what = spec.get("table") or spec.get("series") or spec.get("indicator") or spec.get("stats_data_id") or ""
        console.print(f"fetching [bold]{source_id}[/] ({spec.get('service')} {what}) …")

    try:
        staged = snapshots.run(raw, reference, list(source_ids) or None, dry_run=dry_run,
                               progress=progress, on_source=on_source)
    except EtlError as exc:
        console.print(f"[bold red]fetch failed[/]: {exc}")
        console.print(f"Nothing was written: {raw} and the published data are unchanged.")
        sys.exit(exc.exit_code)
    if not staged:
        console.print("No source declares a `fetch:` section: nothing to fetch.")
        return
    for item in staged:
        print_report(item)
    if dry_run:
        console.print("[green]dry run[/]: nothing written")
        return
    console.print(f"new snapshots written to {raw}; run `twincity etl run` to validate and publish them")
    if publish_:
        from etl import pipeline

        try:
            state = pipeline.run(raw=raw)
        except EtlError as exc:
            console.print(f"[bold red]ETL failed[/]: {exc}")
            console.print("Published data is unchanged.")
            sys.exit(exc.exit_code)
        verb = "unchanged, still" if state.unchanged else "published"
        console.print(f"[green]{verb}[/] version {state.version}")


def print_report(item: snapshots.Staged) -> None:
    report = item.report
    console.print(f"[bold]{item.source_id}[/]: {item.request['method']} {item.request['url']} "
                  f"→ HTTP {item.request['status']}")
    counts = {k: len(report.get(k, [])) for k in ("added", "changed", "removed")}
    console.print(f"  rows added {counts['added']}, changed {counts['changed']}, removed {counts['removed']}")
    if any(counts.values()):
        table = Table(show_header=True, header_style="bold")
        for column in ("", "place", "indicator", "basis", "period", "old", "new"):
            table.add_column(column)
        for row in report["added"]:
            table.add_row("+", *row[:4], "", f"{row[4]:g}")
        for row in report["changed"]:
            table.add_row("~", *row[:4], f"{row[4]:g}", f"{row[5]:g}")
        for row in report["removed"]:
            table.add_row("−", *row[:4], f"{row[4]:g}", "")
        console.print(table)
    if report.get("files"):
        console.print(f"  files changed: {', '.join(report['files'])}")
    for figure in report.get("figures", []):
        console.print(f"  on screen: {figure}")
