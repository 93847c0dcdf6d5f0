"""The pairs catalogue (``pairs.csv``) and its relationship types (``relationships.csv``), checked.

A pair names two places of ``places.csv``, the kind of relationship between them (with its labels in
en/de/ja), the date and founding document, the regional context areas of each side (``nrw;germany``)
and whether it is the pair shown when a page's URL names none; optionally the fields of cooperation its
documents name (``fields``: ``renewable_energy;healthcare``). Every problem stops the run with the
file, the row and the column.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from etl.catalogues import read_catalogue
from etl.errors import RawDataError
from etl.schema import FIELDS

PAIR_COLUMNS = ["id", "place_a", "place_b", "relationship", "since", "document_id", "context_a", "context_b",
                "default"]
RELATIONSHIP_COLUMNS = ["id", "label_en", "label_de", "label_ja"]
ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")
DEFAULT_VALUES = {"yes": True, "no": False, "": False}


def _require_columns(path: Path, frame: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise RawDataError(path, f"missing column(s) {', '.join(missing)}; expected {', '.join(columns)}",
                           column=missing[0])


def read_relationships(reference_dir: Path) -> pd.DataFrame:
    path = Path(reference_dir) / "relationships.csv"
    frame = read_catalogue(reference_dir, "relationships")
    _require_columns(path, frame, RELATIONSHIP_COLUMNS)
    for row, record in enumerate(frame.to_dict("records"), start=1):
        for column in RELATIONSHIP_COLUMNS[1:]:
            if not record[column].strip():
                raise RawDataError(path, f"relationship type {record['id']!r} has no label in this language",
                                   row=row, column=column)
    return frame.drop(columns="_row")


def context_ids(value: str) -> list[str]:
    """``"nrw;germany"`` → ``["nrw", "germany"]``."""
    return [v.strip() for v in str(value or "").split(";") if v.strip()]


def read_pairs(reference_dir: Path, places: pd.DataFrame, relationships: pd.DataFrame,
               documents: list[str] | None = None) -> pd.DataFrame:
    """``pairs.csv`` checked against the places, the relationship types and (when given) the documents."""
    path = Path(reference_dir) / "pairs.csv"
    frame = read_catalogue(reference_dir, "pairs")
    _require_columns(path, frame, PAIR_COLUMNS)
    if frame.empty:
        raise RawDataError(path, "no pair: the catalogue needs at least one pair, marked default=yes", column="id")
    place_ids, kinds = set(places["id"]), set(relationships["id"])
    defaults = []
    for row, r in enumerate(frame.to_dict("records"), start=1):
        def fail(column: str, message: str):
            raise RawDataError(path, message, row=row, column=column)

        if not r["id"] or set(r["id"]) - ID_CHARS:
            fail("id", f"{r['id']!r} is not an id (lower-case letters, digits, _)")
        for column in ("place_a", "place_b"):
            if r[column] not in place_ids:
                fail(column, f"unknown place {r[column]!r}; places are the ids of places.csv")
        if r["place_a"] == r["place_b"]:
            fail("place_b", f"a pair of {r['place_a']!r} with itself")
        if r["relationship"] not in kinds:
            fail("relationship", f"unknown relationship type {r['relationship']!r}; relationships.csv has "
                                 f"{', '.join(sorted(kinds))} (each with labels in en, de and ja)")
        if r["since"]:
            try:
                date.fromisoformat(r["since"])
            except ValueError:
                fail("since", f"{r['since']!r} is not a date (YYYY-MM-DD)")
        if r["document_id"] and documents is not None and r["document_id"] not in documents:
            fail("document_id", f"unknown document {r['document_id']!r}; documents: {', '.join(documents)}")
        for column in ("context_a", "context_b"):
            for area in context_ids(r[column]):
                if area not in place_ids:
                    fail(column, f"unknown place {area!r} among the context areas")
        for value in str(r.get("fields") or "").split(";"):   # optional: the fields its documents name
            if value and value not in FIELDS:
                fail("fields", f"unknown field {value!r}; fields are {', '.join(FIELDS)} (separated by ;)")
        if r["default"] not in DEFAULT_VALUES:
            fail("default", f"{r['default']!r}: write yes or no")
        if DEFAULT_VALUES[r["default"]]:
            defaults.append(row)
    if len(defaults) != 1:
        where = defaults[1] if len(defaults) > 1 else None
        raise RawDataError(path, f"exactly one pair must be default=yes, found {len(defaults)}", row=where,
                           column="default")
    frame["default"] = frame["default"].map(DEFAULT_VALUES).astype(bool)
    return frame.drop(columns="_row")


NOTE_COLUMNS = ["pair", "indicator", "note_en", "note_de", "note_ja"]


def read_pair_notes(reference_dir: Path, pairs: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """``pair_notes.csv``: what makes one indicator hard to compare for one pair (in en/de/ja); optional."""
    path = Path(reference_dir) / "pair_notes.csv"
    if not path.exists():
        return pd.DataFrame(columns=NOTE_COLUMNS)
    frame = read_catalogue(reference_dir, "pair_notes")
    _require_columns(path, frame, NOTE_COLUMNS)
    pair_ids, indicator_ids, seen = set(pairs["id"]), set(indicators["id"]), set()
    for row, r in enumerate(frame.to_dict("records"), start=1):
        if r["pair"] not in pair_ids:
            raise RawDataError(path, f"unknown pair {r['pair']!r}", row=row, column="pair")
        if r["indicator"] not in indicator_ids:
            raise RawDataError(path, f"unknown indicator {r['indicator']!r}", row=row, column="indicator")
        if (r["pair"], r["indicator"]) in seen:
            raise RawDataError(path, "a second note for this pair and indicator", row=row, column="indicator")
        seen.add((r["pair"], r["indicator"]))
        for column in NOTE_COLUMNS[2:]:
            if not r[column].strip():
                raise RawDataError(path, "empty note", row=row, column=column)
    return frame.drop(columns="_row")
