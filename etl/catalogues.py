"""The catalogues (places, indicators, bases) and the source metadata, read as data."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from etl.errors import RawDataError

CATALOGUES = ("places", "indicators", "bases")


def read_catalogue(reference_dir: Path, name: str) -> pd.DataFrame:
    path = Path(reference_dir) / f"{name}.csv"
    if not path.exists():
        raise RawDataError(path, "catalogue file is missing")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if frame["id"].duplicated().any():
        dup = frame.loc[frame["id"].duplicated(), "id"].iloc[0]
        row = int(frame.index[frame["id"].duplicated()][0]) + 1
        raise RawDataError(path, f"duplicate id {dup!r}", row=row, column="id")
    return frame


def read_catalogues(reference_dir: Path) -> dict[str, pd.DataFrame]:
    return {name: read_catalogue(reference_dir, name) for name in CATALOGUES}


REQUIRED_META = ("id", "publisher", "title", "licence", "accessed", "obtained", "files")


def read_source_meta(source_dir: Path) -> dict:
    path = Path(source_dir) / "source.yaml"
    if not path.exists():
        raise RawDataError(path, "source.yaml is missing: every raw source needs its metadata")
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RawDataError(path, f"not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise RawDataError(path, "must be a mapping of keys")
    for key in REQUIRED_META:
        if key == "files" and meta.get("fetch") and meta.get("files") == []:
            continue                   # declared for `twincity etl fetch`, not fetched yet
        if not meta.get(key):
            raise RawDataError(path, f"key '{key}' is missing or empty", column=key)
    if meta["id"] != Path(source_dir).name:
        raise RawDataError(path, f"id {meta['id']!r} differs from the folder name {Path(source_dir).name!r}",
                           column="id")
    return meta


def _text(value) -> str:
    """source.yaml values may be text, lists or mappings (e.g. a licence per kind of page)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return str(value)


def sources_table(metas: list[dict]) -> pd.DataFrame:
    rows = []
    for m in metas:
        rows.append({"id": m["id"], "publisher": _text(m["publisher"]), "title": _text(m["title"]),
                     "url": _text(m.get("url")), "licence": _text(m["licence"]), "accessed": _text(m["accessed"]),
                     "published": _text(m.get("published")), "obtained": _text(m["obtained"]),
                     "reliability": _text(m.get("reliability")), "priority": int(m.get("priority", 0)),
                     "files": ", ".join(f["name"] for f in m["files"])})
    rows.append({"id": "derived", "publisher": "City Partnership Dashboard ETL", "title": "Derived figures",
                 "url": "", "licence": "as the inputs", "accessed": "", "published": "",
                 "obtained": "computed from the published facts named in each row's inputs",
                 "reliability": "as the inputs", "priority": -1, "files": ""})
    return pd.DataFrame(rows)
