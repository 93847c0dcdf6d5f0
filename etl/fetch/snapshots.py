"""Stage, compare and swap fetched snapshots.

Every source to refresh is downloaded into a temporary copy of its folder first; the new snapshot is
read by the source's own reader (the same one ``etl run`` uses) and compared with the current one.
Only when every download and every check has passed are the staged folders swapped into ``data/raw``
(one rename per folder). A dry run stops before the swap. ``data/published`` is never touched here.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import yaml

from etl.catalogues import read_catalogue, read_source_meta
from etl.errors import EtlError, RawDataError
from etl.extract.checksums import sha256_of
from etl.fetch import boundaries, ecb, estat, genesis, worldbank
from etl.fetch.errors import FetchError, MalformedResponse
from etl.sources import ALL_SOURCES

CONNECTORS = {"genesis": genesis, "ecb": ecb, "worldbank": worldbank, "estat": estat, "boundaries": boundaries}
KEY = ["area_id", "indicator_id", "basis", "period"]
PAGES = {"people": "people page", "place": "overview", "economy": "economy page", "energy": "energy page",
         "next_generation": "overview"}


class UnknownSource(EtlError):
    exit_code = 2


@dataclass
class Staged:
    source_id: str
    folder: Path                   # the staged copy of the source folder
    request: dict
    report: dict = field(default_factory=dict)


def fetchable(raw: Path, ids: list[str] | None = None) -> list[tuple[str, dict]]:
    """``(source id, source.yaml)`` of the sources with a ``fetch:`` section (those named, else all)."""
    found = {}
    for yaml_path in sorted(Path(raw).glob("*/source.yaml")):
        meta = read_source_meta(yaml_path.parent)
        if meta.get("fetch"):
            found[meta["id"]] = meta
    enabled = sorted(i for i, m in found.items() if m["fetch"].get("enabled", True) is not False)
    for name in ids or []:
        if name not in found:
            raise UnknownSource(f"{name}: no such source with a `fetch:` section in {raw} "
                                f"(fetchable: {', '.join(enabled) or 'none'})")
        if name not in enabled:
            raise UnknownSource(f"{name}: its `fetch:` section says enabled: false — complete it "
                                f"(see the comment at the top of {name}/source.yaml), then set enabled: true")
    return [(i, found[i]) for i in (ids or enabled)]


def connector(meta: dict):
    service = meta["fetch"].get("service")
    if service not in CONNECTORS:
        raise RawDataError(f"{meta['id']}/source.yaml", f"unknown fetch service {service!r}; "
                           f"expected one of {sorted(CONNECTORS)}", column="fetch.service")
    return CONNECTORS[service]


def reader(source_id: str):
    for module in ALL_SOURCES:
        if module.SOURCE_ID == source_id:
            return module
    return None


def files_of(spec: dict) -> list[str]:
    return list(spec.get("files") or [spec["file"]])


def stage(raw: Path, source_id: str, meta: dict, workdir: Path, progress=None) -> Staged:
    """Download one source into ``workdir/<id>`` (a copy of its folder) and record the request."""
    current = Path(raw) / source_id
    folder = Path(workdir) / source_id
    shutil.copytree(current, folder)
    spec = meta["fetch"]
    module = connector(meta)
    record = module.fetch(spec, folder, progress)
    names = record.pop("files", None) or files_of(spec)
    for entry in meta.get("files") or []:       # files of the previous snapshot that the new one lacks
        if entry["name"] not in names:
            (folder / entry["name"]).unlink(missing_ok=True)
    now = datetime.now(timezone.utc)
    record["time"] = now.isoformat(timespec="seconds")
    new_meta = dict(meta)
    new_meta.update(accessed=now.date().isoformat(), request=record,
                    obtained=f"downloaded by `twincity etl fetch` from the {module.label(spec)} "
                             f"({record['url']}), kept as received",
                    files=[{"name": n, "sha256": sha256_of(folder / n)} for n in names])
    _write_meta(folder / "source.yaml", new_meta, current / "source.yaml")
    return Staged(source_id, folder, record)


def _write_meta(path: Path, meta: dict, old: Path) -> None:
    header = []
    for line in old.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=110)
    path.write_text("\n".join([*header, text]), encoding="utf-8")


def read_facts(source_id: str, folder: Path, url: str = "", service: str = "") -> pd.DataFrame | None:
    """The facts the ETL would read from ``folder``; None for sources that yield none."""
    module = reader(source_id)
    if module is None or not hasattr(module, "read"):
        return None
    meta = yaml.safe_load((Path(folder) / "source.yaml").read_text(encoding="utf-8"))
    if not meta.get("files"):
        return pd.DataFrame(columns=[*KEY, "value", "unit"])
    try:
        return module.read(folder)
    except RawDataError as exc:
        if url:
            raise MalformedResponse(service or source_id, url,
                                    f"the download does not read as {source_id} expects: {exc}") from None
        raise


def compare(old: pd.DataFrame | None, new: pd.DataFrame | None, indicators: pd.DataFrame | None = None) -> dict:
    """Rows added, changed (old → new value) and removed, keyed by place, indicator, basis, period."""
    if new is None:
        return {"added": [], "changed": [], "removed": [], "figures": []}

    def keyed(frame):
        if frame is None or frame.empty:
            return {}
        frame = frame[[*KEY, "value"]].astype({k: str for k in KEY})
        return {tuple(r[:4]): float(r[4]) for r in frame.drop_duplicates(KEY, keep="last").itertuples(index=False)}

    before, after = keyed(old), keyed(new)
    added = [(*k, after[k]) for k in after if k not in before]
    removed = [(*k, before[k]) for k in before if k not in after]
    changed = [(*k, before[k], after[k]) for k in after if k in before and before[k] != after[k]]
    touched = sorted({k[1] for k in [*added, *removed, *changed]})
    return {"added": sorted(added), "changed": sorted(changed), "removed": sorted(removed),
            "figures": [_screens(i, indicators) for i in touched]}


def changed_files(old_meta: dict, folder: Path) -> list[str]:
    """Names of the files whose sha256 differs from the previous snapshot (or that are new)."""
    before = {f["name"]: f.get("sha256") for f in old_meta.get("files") or []}
    after = yaml.safe_load((Path(folder) / "source.yaml").read_text(encoding="utf-8"))["files"]
    return [f["name"] for f in after if before.get(f["name"]) != f["sha256"]]


def _screens(indicator: str, indicators: pd.DataFrame | None) -> str:
    if indicators is None or indicator not in set(indicators["id"]):
        return indicator
    row = indicators[indicators["id"].eq(indicator)].iloc[0]
    where = [PAGES.get(row["category"], f"{row['category']} page")]
    if row.get("kpi_order"):
        where.append("overview")
    return f"{row['label_en']} ({indicator}): " + ", ".join(dict.fromkeys(where))


def swap(raw: Path, staged: list[Staged]) -> None:
    """Move every staged folder into ``raw`` (copy beside, then two renames per folder)."""
    moves = []
    for item in staged:
        target = Path(raw) / item.source_id
        incoming = Path(raw) / f".{item.source_id}.fetched"
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.copytree(item.folder, incoming)
        moves.append((target, incoming))
    for target, incoming in moves:
        old = target.with_name(f".{target.name}.previous")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        incoming.rename(target)
        shutil.rmtree(old)


def run(raw: Path, reference: Path, ids: list[str] | None = None, dry_run: bool = False,
        progress=None, on_source=None) -> list[Staged]:
    """Fetch the named (else all) fetchable sources; swap them into ``raw`` unless ``dry_run``."""
    sources = fetchable(raw, ids)
    for _, meta in sources:                    # every credential is checked before any download
        module = connector(meta)
        if hasattr(module, "check_credentials"):
            module.check_credentials(meta["fetch"])
    try:
        indicators = read_catalogue(reference, "indicators")
    except RawDataError:
        indicators = None
    staged, failures = [], []
    with tempfile.TemporaryDirectory(prefix="twincity-fetch-") as workdir:
        for source_id, meta in sources:
            if on_source:
                on_source(source_id, meta)
            try:
                item = stage(raw, source_id, meta, Path(workdir), progress)
                new = read_facts(source_id, item.folder, item.request["url"], connector(meta).label(meta["fetch"]))
            except FetchError as exc:           # try the others too: say every service that failed
                failures.append((source_id, exc))
                continue
            item.report = compare(read_facts(source_id, Path(raw) / source_id), new, indicators)
            item.report["files"] = changed_files(meta, item.folder)
            staged.append(item)
        if failures:
            raise failures[0][1] if len(failures) == 1 else FetchFailed(failures)
        if not dry_run:
            swap(raw, staged)
    return staged


class FetchFailed(EtlError):
    """Several sources failed: one line each; the exit code is the first failure's."""

    def __init__(self, failures: list[tuple[str, FetchError]]):
        self.failures = failures
        self.exit_code = failures[0][1].exit_code
        super().__init__(f"{len(failures)} sources failed:\n  "
                         + "\n  ".join(f"{sid} (exit {e.exit_code}): {e}" for sid, e in failures))
