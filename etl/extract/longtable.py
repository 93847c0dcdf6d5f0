"""Turn a raw table (all text) into rows of the common long fact table.

Each source module says which column holds what; this module parses numbers, periods, units and
flags with the source's conventions (vectorised: periods and codes are parsed once per distinct
value) and names file, row and column when a cell is wrong.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Union

import pandas as pd

from etl.errors import RawDataError
from etl.harmonise.calendars import parse_period
from etl.harmonise.numbers import parse_numbers
from etl.harmonise.units import UNITS

FACT_COLUMNS = ["area_id", "indicator_id", "basis", "period", "period_kind", "year", "ref_date",
                "value", "unit", "preferred", "source_id", "source_url", "note", "raw_file", "raw_row"]

PREFERRED = {"ja": True, "○": True, "yes": True, "nein": False, "×": False, "no": False, "": None}

# A field is a constant, a column name in brackets ("[Merkmal]"), (column, {raw text: value}),
# or a function of the row's record.
Field = Union[str, tuple[str, dict[str, str]], Callable[[dict], str]]


def _fail(path: Path, table: pd.DataFrame, mask: pd.Series, column: str | None, message: str):
    first = mask.idxmax()
    raise RawDataError(path, message.format(value=table.at[first, column] if column else ""),
                       row=int(table.at[first, "_row"]), column=column)


def _field(spec: Field, table: pd.DataFrame, path: Path) -> pd.Series:
    if callable(spec):
        return pd.Series([spec(r) for r in table.to_dict("records")], index=table.index, dtype=object)
    if isinstance(spec, tuple):
        column, mapping = spec
        mapped = table[column].map(mapping)
        if mapped.isna().any():
            _fail(path, table, mapped.isna(), column,
                  "unknown value {value!r}; expected one of " + repr(sorted(mapping)))
        return mapped
    if spec.startswith("[") and spec.endswith("]"):
        return table[spec[1:-1]]
    return pd.Series(spec, index=table.index, dtype=object)


def long_facts(table: pd.DataFrame, path: Path, source_id: str, *, numbers: str, periods: str,
               area: Field, indicator: Field, value: str, unit: Field, period: str,
               basis: Field = "", preferred: str | None = None, url: str | None = None,
               note: str | None = None, default_url: str = "") -> pd.DataFrame:
    """Parse every row of ``table``; ``numbers`` is "de"/"en"/"ja", ``periods`` is "de"/"ja"/"iso"."""
    path = Path(path)
    table = table.reset_index(drop=True)
    parsed, bad = parse_numbers(table[value], numbers)
    if bad.any():
        _fail(path, table, bad, value, "not a number in " + numbers + " notation: {value!r}")

    distinct = {}
    for text in table[period].unique():
        try:
            distinct[text] = parse_period(text, periods)
        except ValueError as exc:
            _fail(path, table, table[period].eq(text), period, str(exc).replace("{", "{{").replace("}", "}}"))
    texts = table[period]

    units = _field(unit, table, path)
    unknown = ~units.isin(list(UNITS))
    if unknown.any():
        column = unit[1:-1] if isinstance(unit, str) and unit.startswith("[") else None
        first = unknown.idxmax()
        raise RawDataError(path, f"unknown unit {units[first]!r}", row=int(table.at[first, "_row"]), column=column)

    flags = table[preferred] if preferred else pd.Series("", index=table.index)
    bad_flag = ~flags.isin(list(PREFERRED))
    if bad_flag.any():
        _fail(path, table, bad_flag, preferred, "preferred flag must be one of "
              + repr(sorted(k for k in PREFERRED if k)) + " or empty, not {value!r}")

    out = pd.DataFrame({
        "area_id": _field(area, table, path),
        "indicator_id": _field(indicator, table, path),
        "basis": _field(basis, table, path) if basis else "",
        "period": texts.map({t: p.label for t, p in distinct.items()}),
        "period_kind": texts.map({t: p.kind for t, p in distinct.items()}),
        "year": texts.map({t: p.year for t, p in distinct.items()}).astype("int64"),
        "ref_date": pd.to_datetime(texts.map({t: pd.Timestamp(p.ref_date) for t, p in distinct.items()})),
        "value": parsed, "unit": units,
        "preferred": flags.map(PREFERRED).astype("boolean"),
        "source_id": source_id,
        "source_url": (table[url] if url else pd.Series("", index=table.index)).replace("", default_url),
        "note": table[note] if note else "",
        "raw_file": path.as_posix(), "raw_row": table["_row"].astype("int64"),
    })
    return out[FACT_COLUMNS]
