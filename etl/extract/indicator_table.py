"""Indicator tables declared as data: a folder with a CSV and a ``source.yaml`` whose ``format:`` says how
to read it — no Python module per source.

``format:`` of a declared source (every key checked; a missing or contradicting one stops the run with
source.yaml and the key named)::

    format:
      reader: indicator_table      # this reader
      file: city_profile.csv       # one of the files listed under files:
      encoding: utf-8              # utf-8, utf-8-sig (with BOM), cp932 (Shift-JIS) …
      delimiter: ','
      decimal: '.'                 # '.' or ','
      thousands: ''                # '', ',', '.' or ' ' (must differ from the decimal mark)
      periods: calendar            # calendar (ISO dates, months, years, FY2021) | era (令和5年…, 平成27年度) | german (31.12.2024)
      columns:                     # field → column of the file; area, indicator, value, unit, period required
        area: area                 #   (or a constant: area: {value: koriyama})
        indicator: indicator
        value: value
        unit: unit
        period: period
        preferred: preferred       # optional: yes/no, ja/nein, ○/×
        source_url: source_url     # optional
        note: note                 # optional
        basis: basis               # optional (or a constant: basis: {value: census})

The shared English layout (``COLUMNS``) needs only ``reader``, ``file``, ``encoding``, ``delimiter``,
``decimal``, ``thousands`` and ``periods``: its columns are the default map.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from etl.errors import RawDataError
from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

READER = "indicator_table"
COLUMNS = ["area", "indicator", "value", "unit", "period", "preferred", "source_url", "note"]
REQUIRED_KEYS = ("file", "encoding", "delimiter", "decimal", "thousands", "periods")
REQUIRED_FIELDS = ("area", "indicator", "value", "unit", "period")
OPTIONAL_FIELDS = ("preferred", "source_url", "note", "basis")
PERIODS = {"calendar": "iso", "iso": "iso", "fiscal": "iso", "era": "ja", "german": "de"}
NUMBERS = {(".", ""): "en", (".", ","): "en", (",", ""): "de", (",", "."): "de", (",", " "): "de"}
CONSTANT_ALLOWED = ("area", "unit", "basis", "indicator")


def read_indicator_table(path: Path, source_id: str):
    """The shared English layout: UTF-8, comma-separated, ISO periods, English numbers; one row per figure."""
    table = read_table(path, encoding="utf-8", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, source_id, numbers="en", periods="iso", area="[area]",
                      indicator="[indicator]", value="value", unit="[unit]", period="period",
                      preferred="preferred", url="source_url", note="note")


def declares_reader(meta: dict) -> bool:
    fmt = meta.get("format")
    return isinstance(fmt, dict) and fmt.get("reader") == READER


def read_declared(source_dir: Path, meta: dict):
    """Read the folder's table as its ``source.yaml`` ``format:`` declares it."""
    source_dir = Path(source_dir)
    yaml_path = source_dir / "source.yaml"
    fmt = meta.get("format")

    def fail(key: str, message: str):
        raise RawDataError(yaml_path, message, column=f"format.{key}")

    if not isinstance(fmt, dict):
        fail("reader", "format: must be a mapping")
    for key in REQUIRED_KEYS:
        if key not in fmt or fmt[key] is None:
            fail(key, f"missing; the {READER} reader needs {', '.join(REQUIRED_KEYS)}")
    listed = [f.get("name") for f in meta.get("files") or [] if isinstance(f, dict)]
    if fmt["file"] not in listed:
        fail("file", f"{fmt['file']!r} is not among the files of this source ({', '.join(map(str, listed))})")
    decimal, thousands = str(fmt["decimal"]), str(fmt["thousands"])
    numbers = NUMBERS.get((decimal, thousands))
    if numbers is None:
        fail("thousands" if decimal in (".", ",") else "decimal",
             f"decimal {decimal!r} with thousands {thousands!r} is not a supported number format")
    periods = PERIODS.get(str(fmt["periods"]))
    if periods is None:
        fail("periods", f"{fmt['periods']!r}: use one of {', '.join(PERIODS)}")
    columns = fmt.get("columns") or {name: name for name in COLUMNS}
    if not isinstance(columns, dict):
        fail("columns", "must map fields (area, indicator, value, unit, period …) to columns of the file")
    unknown = sorted(set(columns) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        fail(f"columns.{unknown[0]}", f"unknown field; fields: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)}")
    spec, file_columns = {}, []
    for name in REQUIRED_FIELDS + OPTIONAL_FIELDS:
        value = columns.get(name)
        if value is None:
            if name in REQUIRED_FIELDS:
                fail(f"columns.{name}", "missing: name the column that holds it")
            continue
        if isinstance(value, dict):
            if name not in CONSTANT_ALLOWED or not str(value.get("value") or "").strip():
                fail(f"columns.{name}", "a constant is written {value: …} and allowed for "
                                        + ", ".join(CONSTANT_ALLOWED))
            spec[name] = str(value["value"]).strip()
            continue
        spec[name] = ("column", str(value))
        file_columns.append(str(value))
    try:
        codecs.lookup(str(fmt["encoding"]))
    except LookupError:
        fail("encoding", f"{fmt['encoding']!r} is not an encoding Python knows (utf-8, utf-8-sig, cp932 …)")
    if len(str(fmt["delimiter"])) != 1:
        fail("delimiter", f"{fmt['delimiter']!r}: one character, e.g. ',' or ';'")
    path = source_dir / fmt["file"]
    value_column = spec["value"][1] if isinstance(spec.get("value"), tuple) else None
    table = read_table(path, encoding=str(fmt["encoding"]), delimiter=str(fmt["delimiter"]),
                       columns=list(dict.fromkeys(file_columns)),
                       categorical=[c for c in dict.fromkeys(file_columns) if c != value_column])

    def field(name: str, default: str = ""):
        value = spec.get(name, default)
        return f"[{value[1]}]" if isinstance(value, tuple) else value

    def column(name: str):
        value = spec.get(name)
        return value[1] if isinstance(value, tuple) else None

    return long_facts(table, path, meta["id"], numbers=numbers, periods=periods, area=field("area"),
                      indicator=field("indicator"), basis=field("basis"), value=column("value"),
                      unit=field("unit"), period=column("period"), preferred=column("preferred"),
                      url=column("source_url"), note=column("note"))
