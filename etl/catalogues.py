"""The catalogues (places, indicators, bases) and the source metadata, read as data."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from etl import raw_schemas
from etl.errors import RawDataError
from etl.extract.tables import read_table

CATALOGUES = ("places", "indicators", "bases", "publishers")


def read_catalogue(reference_dir: Path, name: str, catalogues: dict | None = None) -> pd.DataFrame:
    """A catalogue as text, checked against its declared schema (types, ranges, unique ids, foreign keys);
    a problem names file, row and column."""
    path = Path(reference_dir) / f"{name}.csv"
    if not path.exists():
        raise RawDataError(path, "catalogue file is missing")
    schema = raw_schemas.catalogue_schema(name, catalogues or {})
    with path.open(encoding="utf-8", newline="") as handle:      # every column of the file is kept
        header = [h.strip() for h in next(csv.reader(handle), [])]
    wanted = [c for c in dict.fromkeys(header) if c] or list(schema.columns)
    frame = read_table(path, encoding="utf-8", delimiter=",", columns=wanted)
    raw_schemas.validate(path, frame, schema)
    return frame


def _foreign_keys(reference_dir: Path, catalogues: dict[str, pd.DataFrame]) -> None:
    places = catalogues["places"]
    known = set(places["id"])
    for r in places.to_dict("records"):
        if r["parent_id"] and r["parent_id"] not in known:
            raise RawDataError(Path(reference_dir) / "places.csv", f"parent_id {r['parent_id']!r} is not a place "
                               "of places.csv", row=int(r["_row"]), column="parent_id")


def read_catalogues(reference_dir: Path) -> dict[str, pd.DataFrame]:
    catalogues: dict[str, pd.DataFrame] = {}
    for name in ("bases", "indicators", "publishers", "places"):     # places refers to bases
        catalogues[name] = read_catalogue(reference_dir, name, catalogues)
    _foreign_keys(reference_dir, catalogues)
    return {name: catalogues[name].drop(columns="_row") for name in CATALOGUES}


def _filled(value):
    if value is None or value == "" or value == [] or value == {}:
        raise ValueError("missing or empty")
    return value


Filled = Annotated[Any, AfterValidator(_filled)]


class SourceFile(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: Annotated[str, Field(min_length=1)]
    sha256: str = ""


class SourceMeta(BaseModel):
    """The keys of a source.yaml the ETL relies on (others, such as ``format`` or ``gaps``, are kept as given)."""

    model_config = ConfigDict(extra="allow")

    id: Annotated[str, Field(min_length=1)]
    publisher: Filled
    title: Filled
    licence: Filled
    accessed: Filled
    obtained: Filled
    files: list[SourceFile]
    priority: int = 0

    @model_validator(mode="after")
    def _files_unless_declared_for_fetch(self):
        if not self.files and not (self.model_extra or {}).get("fetch"):  # fetch: not fetched yet
            raise PydanticCustomError("empty", "missing or empty", {"key": "files"})
        return self


def _meta_problem(exc: ValidationError) -> tuple[str, str]:
    """(message, key) of the first problem in a source.yaml."""
    error = exc.errors(include_url=False)[0]
    loc = [str(part) for part in error["loc"]] or [(error.get("ctx") or {}).get("key", "")]
    key = loc[0] if loc else ""
    if error["type"] in ("missing", "value_error", "too_short", "empty") and len(loc) == 1:
        return f"key '{key}' is missing or empty", key
    return f"key '{'.'.join(loc)}': {error['msg']}", key


# libyaml's safe loader when PyYAML was built with it (the same safe subset, about ten times faster than the
# pure-Python one, which took a fifth of an embedded run reading the sources' metadata)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_source_meta(source_dir: Path) -> dict:
    path = Path(source_dir) / "source.yaml"
    if not path.exists():
        raise RawDataError(path, "source.yaml is missing: every raw source needs its metadata")
    try:
        meta = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise RawDataError(path, f"not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise RawDataError(path, "must be a mapping of keys")
    try:
        SourceMeta.model_validate(meta)
    except ValidationError as exc:
        message, key = _meta_problem(exc)
        raise RawDataError(path, message, column=key) from None
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
                     "source_quality": _text(m.get("source_quality")), "update_cycle": _text(m.get("update_cycle")),
                     "publisher_id": _text(m.get("publisher_id")),
                     "files": ", ".join(f["name"] for f in m["files"])})
    rows.append({"id": "derived", "publisher": "City Partnership Dashboard ETL", "title": "Derived figures",
                 "url": "", "licence": "as the inputs", "accessed": "", "published": "",
                 "obtained": "computed from the published facts named in each row's inputs",
                 "reliability": "as the inputs", "priority": -1, "source_quality": "", "update_cycle": "",
                 "publisher_id": "", "files": ""})
    return pd.DataFrame(rows)
