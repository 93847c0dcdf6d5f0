"""The only reader of ``data/published``: the current version, in memory, read-only — and never less.

The link ``current`` is looked at no more than once every ``CHECK_SECONDS``; when it points at a
new version, that version is verified (manifest, schema, the sha256 of every file) and loaded, and served
from the next request on, without a restart.

The last good version wins: when the version ``current`` points to cannot be read (a damaged file, a
missing manifest, a checksum that does not match, ``current`` removed or pointing nowhere), the version in
memory stays served, one line goes to the log, and the next check tries again. A process that starts
while ``current`` is unreadable serves the newest readable version on disk instead. Only when no version
at all can be read does :func:`current` raise :class:`NoDataset`; :func:`status` says what is wrong.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import settings

log = logging.getLogger(__name__)

CHECK_SECONDS = 2.0
RETRY_SECONDS = 30.0   # an unreadable version whose files have not changed is read again this often
SCHEMA_VERSIONS = (1, 2)  # manifest schema versions this reader understands (2: per-row publisher, quality)
TABLES = ("facts", "places", "indicators", "bases", "sources", "events", "stakeholders", "actions", "targets")
PUBLISH_COMMAND = "twincity etl run"


class DatasetError(Exception):
    """A version folder that cannot be served; the message says why, in a few words."""


class NoDataset(FileNotFoundError):
    """No readable version is published at all."""


@dataclass
class Dataset:
    version: str
    manifest: dict
    facts: pd.DataFrame
    places: pd.DataFrame
    indicators: pd.DataFrame
    bases: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame
    stakeholders: pd.DataFrame
    actions: pd.DataFrame
    targets: pd.DataFrame
    documents: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["id", "title", "date", "file"]))
    publishers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["id", "name_en", "name_de", "name_ja", "quality", "match"]))
    pairs: pd.DataFrame = field(default_factory=pd.DataFrame)
    relationships: pd.DataFrame = field(default_factory=pd.DataFrame)
    pair_notes: pd.DataFrame = field(default_factory=pd.DataFrame)
    boundaries: dict = field(default_factory=dict)
    boundary_meta: dict = field(default_factory=dict)

    def indicator(self, indicator_id: str) -> dict:
        rows = self.indicators[self.indicators["id"].eq(indicator_id)]
        return rows.iloc[0].to_dict() if len(rows) else {}

    def place(self, place_id: str) -> dict:
        rows = self.places[self.places["id"].eq(place_id)]
        return rows.iloc[0].to_dict() if len(rows) else {}

    def source(self, source_id: str) -> dict:
        rows = self.sources[self.sources["id"].eq(source_id)]
        return rows.iloc[0].to_dict() if len(rows) else {}

    def sources_of(self, table: str) -> list[str]:
        """The ids of the sources whose files a published table's rows come from (by their ``source_id``, or
        else the first folder of their repository-relative ``raw_file``), in the order they first appear."""
        frame = getattr(self, table)
        column = frame["source_id"] if "source_id" in frame else (
            frame["raw_file"].astype(str).str.split("/").str[0] if "raw_file" in frame else pd.Series([], dtype=str))
        return [s for s in dict.fromkeys(column.dropna().astype(str)) if s]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(version_dir: Path) -> dict:
    """The manifest of a complete, undamaged version folder; :class:`DatasetError` saying why not."""
    version_dir = Path(version_dir)
    if not version_dir.is_dir():
        raise DatasetError(f"folder {version_dir.name} does not exist")
    try:
        manifest = json.loads((version_dir / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{version_dir.name}: manifest.json is missing") from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{version_dir.name}: manifest.json unreadable ({type(exc).__name__})") from None
    if not isinstance(manifest, dict) or not manifest.get("version"):
        raise DatasetError(f"{version_dir.name}: manifest.json has no version")
    if manifest.get("schema_version") not in SCHEMA_VERSIONS:
        raise DatasetError(f"{version_dir.name}: schema version {manifest.get('schema_version')!r} not supported")
    files = manifest.get("files")
    if files is None:      # versions published before checksums were recorded: the parquet check still applies
        return manifest
    missing = [f"{name}.parquet" for name in TABLES if f"{name}.parquet" not in files]
    if missing:
        raise DatasetError(f"{version_dir.name}: manifest lists no {missing[0]}")
    for rel, expected in files.items():
        path = version_dir / rel
        if ".." in Path(rel).parts or not path.is_file():
            raise DatasetError(f"{version_dir.name}: {rel} is missing")
        if _sha256(path) != expected:
            raise DatasetError(f"{version_dir.name}: {rel} does not match its sha256 in the manifest")
    return manifest


def load(version_dir: Path) -> Dataset:
    """Verify and read one version folder (``current`` or a version); :class:`DatasetError` if it cannot be."""
    version_dir = Path(version_dir)
    manifest = verify(version_dir)
    name = version_dir.resolve().name
    try:
        tables = {table: pd.read_parquet(version_dir / f"{table}.parquet") for table in TABLES}
        # versions published before these tables were added lack them
        for optional in ("documents", "publishers", "pairs", "relationships", "pair_notes"):
            if (version_dir / f"{optional}.parquet").exists():
                tables[optional] = pd.read_parquet(version_dir / f"{optional}.parquet")
        boundaries, meta = {}, {}
        bdir = version_dir / "boundaries"
        if (bdir / "boundaries.json").exists():
            meta = json.loads((bdir / "boundaries.json").read_text(encoding="utf-8"))
            for layer in meta.get("layers", {}):
                boundaries[layer] = json.loads((bdir / f"{layer}.geojson").read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001 — whatever a damaged file raises, the version is unreadable
        raise DatasetError(f"{name}: {type(exc).__name__}: {str(exc)[:160]}") from None
    if not set(tables["facts"].columns) >= {"area_id", "indicator_id", "value", "ref_date", "source_id"}:
        raise DatasetError(f"{name}: facts.parquet lacks the fact columns")
    return Dataset(version=manifest["version"], manifest=manifest, boundaries=boundaries,
                   boundary_meta=meta, **tables)


def versions_on_disk(published: Path) -> list[str]:
    """Version folders, newest first (their names start with the publication time)."""
    try:
        return sorted((p.name for p in published.iterdir()
                       if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")), reverse=True)
    except OSError:
        return []


def _fingerprint(folder: Path) -> tuple:
    """Cheap identity of a folder's files (names, sizes, modification times): changed → worth reading again."""
    try:
        return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()))
    except OSError:
        return ()


@dataclass
class Status:
    """What the reader serves and what is wrong, for ``/readyz`` and the sources page."""
    version: str | None = None       # the version served (None: nothing readable)
    current: str | None = None       # what ``current`` points to (None: missing)
    error: str | None = None         # why ``current`` is not what is served
    checked: float = 0.0             # time.time() of the last check
    loaded: float | None = None      # time.time() when the served version was loaded by this process


class _Current:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dataset: Dataset | None = None
        self._target: str | None = None       # the link target that was loaded
        self._failed: dict[str, tuple] = {}   # unreadable target → (fingerprint, monotonic time, error)
        self._checked: float | None = None
        self._logged: set[str] = set()
        self.status = Status()

    def get(self) -> Dataset:
        if self._due():
            with self._lock:
                if self._due():
                    self._check()
        if self._dataset is None:
            raise NoDataset(f"no readable dataset in {settings.published_dir()}: run `{PUBLISH_COMMAND}`"
                            + (f" ({self.status.error})" if self.status.error else ""))
        return self._dataset

    def _due(self) -> bool:
        return self._checked is None or time.monotonic() - self._checked >= CHECK_SECONDS

    def _check(self) -> None:
        now = time.monotonic()
        self._checked = now
        published = settings.published_dir()
        try:
            target = os.readlink(published / "current")
        except OSError:
            target = None
        self.status.current, self.status.checked = target, time.time()
        if target is not None and target == self._target and self._dataset is not None:
            self._set_error(None)
            return
        error = "`current` is missing" if target is None else self._try(published, target, now)
        if error is None:
            return
        if self._dataset is None:
            self._fall_back(published, target, now)
        if self._dataset is not None and self._target is None:
            error += f"; serving the newest readable version {self._dataset.version} instead"
        self._set_error(error)

    def _try(self, published: Path, target: str, now: float) -> str | None:
        """Load ``target``; None when it is now served, else why not (a recent failure is not retried)."""
        folder = published / target
        fingerprint = _fingerprint(folder)
        failed = self._failed.get(target)
        if failed and failed[0] == fingerprint and now - failed[1] < RETRY_SECONDS:
            return failed[2]
        try:
            dataset = load(folder)
        except DatasetError as exc:
            self._failed[target] = (fingerprint, now, str(exc))
            return str(exc)
        self._failed.pop(target, None)
        previous = self._dataset.version if self._dataset is not None else None
        self._dataset, self._target = dataset, target
        self.status.version, self.status.loaded = dataset.version, time.time()
        if previous != dataset.version:
            log.info("serving dataset version %s", dataset.version)
        return None

    def _fall_back(self, published: Path, target: str | None, now: float) -> None:
        """Nothing in memory: serve the newest readable version on disk (``_target`` stays None)."""
        for name in versions_on_disk(published):
            if name != target and self._try(published, name, now) is None:
                self._target = None   # not what `current` says: `current` is looked at again at every check
                return

    def _set_error(self, error: str | None) -> None:
        self.status.error = error
        if error is None:
            self._logged.clear()
        elif error not in self._logged:   # one line per fault, not one per check
            self._logged.add(error)
            log.error("published dataset unreadable: %s (serving %s)", error, self.status.version or "nothing")


_current = _Current()


def current() -> Dataset:
    """The dataset to show: the current version, or the last good one; :class:`NoDataset` if none is readable."""
    return _current.get()


def status() -> Status:
    """The reader's state after a check (made now if it is due)."""
    try:
        _current.get()
    except NoDataset:
        pass
    return _current.status
