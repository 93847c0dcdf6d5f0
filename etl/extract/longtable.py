"""Turn a raw table (all text) into rows of the common long fact table.

Each source module says which column holds what; this module parses numbers, periods, units and
flags with the source's conventions (vectorised: periods and codes are parsed once per distinct
value) and names file, row and column when a cell is wrong.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Union

import numpy as np
import pandas as pd

from etl import frames
from etl.errors import RawDataError
from etl.harmonise.calendars import parse_period
from etl.harmonise.numbers import parse_numbers
from etl.harmonise.units import UNITS

FACT_COLUMNS = ["area_id", "indicator_id", "basis", "period", "period_kind", "year", "ref_date",
                "value", "unit", "preferred", "source_id", "source_url", "note", "raw_file", "raw_row"]

# Small integers while the ETL runs (2 + 4 bytes a row instead of 16); published as int64 (etl.publish)
YEAR, ROW = np.int16, np.int32

PREFERRED = {"ja": True, "○": True, "yes": True, "nein": False, "×": False, "no": False, "": None}

# A field is a constant, a column name in brackets ("[Merkmal]"), (column, {raw text: value}),
# or a function of the row's record.
Field = Union[str, tuple[str, dict[str, str]], Callable[[dict], str]]


def _fail(path: Path, table: pd.DataFrame, mask, column: str | None, message: str):
    first = int(np.argmax(np.asarray(mask, dtype=bool)))
    raise RawDataError(path, message.format(value=table[column].iat[first] if column else ""),
                       row=int(table["_row"].iat[first]), column=column)


def _field(spec: Field, table: pd.DataFrame, path: Path) -> pd.Series:
    """The field as a categorical (each distinct raw text looked up once)."""
    if callable(spec):
        values = pd.Series([spec(r) for r in table.to_dict("records")], index=table.index, dtype=object)
        return frames.as_category(values)
    if isinstance(spec, tuple):
        column, mapping = spec
        codes, uniques = pd.factorize(table[column], use_na_sentinel=True)
        mapped = [mapping.get(u) for u in uniques]
        bad = [i for i, m in enumerate(mapped) if m is None or m != m]
        if bad or (codes < 0).any():
            _fail(path, table, np.isin(codes, bad) | (codes < 0), column,
                  "unknown value {value!r}; expected one of " + repr(sorted(mapping)))
        return pd.Series(frames.from_codes(codes, mapped), index=table.index)
    if spec.startswith("[") and spec.endswith("]"):
        return frames.as_category(table[spec[1:-1]])
    return pd.Series(frames.constant(spec, len(table)), index=table.index)


def long_facts(table: pd.DataFrame, path: Path, source_id: str, *, numbers: str, periods: str,
               area: Field, indicator: Field, value: str, unit: Field, period: str,
               basis: Field = "", preferred: str | None = None, url: str | None = None,
               note: str | None = None, default_url: str = "") -> pd.DataFrame:
    """Parse every row of ``table``; ``numbers`` is "de"/"en"/"ja", ``periods`` is "de"/"ja"/"iso".

    Repeated texts come back as categoricals (see :mod:`etl.frames`); each distinct period, unit,
    flag and mapped value is parsed once and taken by code."""
    path = Path(path)
    table = table.reset_index(drop=True)
    n = len(table)
    index = table.index
    parsed, bad = parse_numbers(table[value], numbers)
    if bad.any():
        _fail(path, table, bad, value, "not a number in " + numbers + " notation: {value!r}")

    codes, texts = pd.factorize(table[period], use_na_sentinel=True)
    distinct = []
    for i, text in enumerate(texts):
        try:
            distinct.append(parse_period(text, periods))
        except ValueError as exc:
            _fail(path, table, codes == i, period, str(exc).replace("{", "{{").replace("}", "}}"))

    units = _field(unit, table, path)
    unknown = ~units.isin(list(UNITS))
    if unknown.any():
        column = unit[1:-1] if isinstance(unit, str) and unit.startswith("[") else None
        first = int(np.argmax(unknown.to_numpy()))
        raise RawDataError(path, f"unknown unit {units.iat[first]!r}", row=int(table["_row"].iat[first]),
                           column=column)

    if preferred:
        flag_codes, flag_texts = pd.factorize(table[preferred], use_na_sentinel=True)
        bad_flag = [i for i, t in enumerate(flag_texts) if t not in PREFERRED]
        if bad_flag or (flag_codes < 0).any():
            _fail(path, table, np.isin(flag_codes, bad_flag) | (flag_codes < 0), preferred,
                  "preferred flag must be one of " + repr(sorted(k for k in PREFERRED if k))
                  + " or empty, not {value!r}")
        flags = pd.array([PREFERRED[t] for t in flag_texts], dtype="boolean").take(flag_codes)
    else:
        flags = pd.array([None] * n, dtype="boolean")

    if url:
        url_codes, url_texts = pd.factorize(table[url], use_na_sentinel=True)
        source_url = frames.from_codes(url_codes, [default_url if t == "" else t for t in url_texts])
    else:
        source_url = frames.constant(default_url, n)
    ref_dates = pd.to_datetime(pd.Series([pd.Timestamp(p.ref_date) for p in distinct], dtype=object))

    out = pd.DataFrame({
        "area_id": _field(area, table, path),
        "indicator_id": _field(indicator, table, path),
        "basis": _field(basis, table, path) if basis else pd.Series(frames.constant("", n), index=index),
        "period": frames.from_codes(codes, [p.label for p in distinct]),
        "period_kind": frames.from_codes(codes, [p.kind for p in distinct]),
        "year": np.array([p.year for p in distinct], dtype=YEAR)[codes] if n else np.array([], dtype=YEAR),
        "ref_date": pd.Series(ref_dates.to_numpy()[codes] if n else ref_dates.to_numpy()[:0], index=index),
        "value": parsed, "unit": units,
        "preferred": pd.Series(flags, index=index),
        "source_id": frames.constant(source_id, n),
        "source_url": source_url,
        "note": frames.as_category(table[note]) if note else pd.Series(frames.constant("", n), index=index),
        "raw_file": frames.constant(path.as_posix(), n), "raw_row": table["_row"].astype(ROW),
    }, index=index)
    return out[FACT_COLUMNS]
