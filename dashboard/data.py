"""The only reader of ``data/published``: the current version, in memory, read-only.

The link ``current`` is looked at no more than once every ``CHECK_SECONDS``; when it points at a
new version, that version is loaded and served from the next request on, without a restart.
"""
from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl import paths

CHECK_SECONDS = 2.0
TABLES = ("facts", "places", "indicators", "bases", "sources", "events", "stakeholders", "actions", "targets")


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


def load(version_dir: Path) -> Dataset:
    manifest = json.loads((version_dir / "manifest.json").read_text(encoding="utf-8"))
    tables = {name: pd.read_parquet(version_dir / f"{name}.parquet") for name in TABLES}
    if (version_dir / "documents.parquet").exists():  # versions published before documents were added lack it
        tables["documents"] = pd.read_parquet(version_dir / "documents.parquet")
    boundaries, meta = {}, {}
    bdir = version_dir / "boundaries"
    if (bdir / "boundaries.json").exists():
        meta = json.loads((bdir / "boundaries.json").read_text(encoding="utf-8"))
        for name in meta.get("layers", {}):
            boundaries[name] = json.loads((bdir / f"{name}.geojson").read_text(encoding="utf-8"))
    return Dataset(version=manifest["version"], manifest=manifest, boundaries=boundaries,
                   boundary_meta=meta, **tables)


class _Current:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dataset: Dataset | None = None
        self._target: str | None = None
        self._checked = 0.0

    def get(self) -> Dataset:
        now = time.monotonic()
        if self._dataset is not None and now - self._checked < CHECK_SECONDS:
            return self._dataset
        with self._lock:
            published = paths.published_dir()
            link = published / "current"
            try:
                target = os.readlink(link)
            except OSError:
                raise FileNotFoundError(f"no published dataset at {link}: run `twincity etl run`") from None
            if target != self._target or self._dataset is None:
                self._dataset = load(published / target)
                self._target = target
            self._checked = now
            return self._dataset


_current = _Current()


def current() -> Dataset:
    return _current.get()
