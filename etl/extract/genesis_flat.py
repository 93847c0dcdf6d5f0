"""GENESIS "flat" tables (format ``ffcsv``): a zip holding one ``;``-separated UTF-8 CSV with a BOM.

GENESIS-Online (Destatis), regionalstatistik.de and the Landesdatenbanken send ``data/tablefile``
results in this form. The same reader serves the snapshots in ``data/raw`` and the connector that
downloads them (:mod:`etl.fetch.genesis`), so a download is checked exactly as the ETL will read it.

Long format, one row per value: ``time`` (ISO date for a Stichtag, else a year), for each classifying
variable n ``n_variable_code`` / ``n_variable_attribute_code`` / ``…_label``, then ``value``,
``value_unit`` and ``value_variable_code``. An empty attribute code is the total ("Insgesamt").
"""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd

from etl.errors import RawDataError

#: Columns every flat table has; a table with classifying variables has ``1_variable_code`` … too.
BASE_COLUMNS = ["statistics_code", "time_code", "time", "value", "value_unit", "value_variable_code"]
#: Cells that mean "no value" in GENESIS tables: "-" nothing / discontinued unit, "." secret,
#: "..." not yet available, "/" too uncertain, "x" not applicable.
SPECIAL_VALUES = {"-", ".", "...", "/", "x"}


def member_name(data: bytes, where: str) -> str:
    """The single CSV inside the zip ``data``; RawDataError if the zip is damaged or holds other things."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise RawDataError(where, f"not a readable zip archive ({exc}); truncated or damaged download") from None
    if bad is not None:
        raise RawDataError(where, f"zip member {bad!r} is damaged (CRC error)")
    csvs = [n for n in names if n.lower().endswith(".csv")]
    if len(csvs) != 1:
        raise RawDataError(where, f"expected exactly one CSV file in the zip, found {names}")
    return csvs[0]


def read_flat(data: bytes, where: str, columns: list[str]) -> pd.DataFrame:
    """Read the flat CSV inside the zip ``data`` into strings with a 1-based ``_row`` column.

    ``where`` names the file (or URL) in error messages; ``columns`` are required besides
    :data:`BASE_COLUMNS` (e.g. ``1_variable_attribute_code``). A missing column is schema drift and
    raises :class:`RawDataError` naming it.
    """
    name = member_name(data, where)
    label = f"{where}!{name}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        raw = archive.read(name)
    if not raw.startswith(b"\xef\xbb\xbf"):
        raise RawDataError(label, "expected UTF-8 with a byte-order mark (GENESIS flat file); the file has none")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RawDataError(label, f"cannot be decoded as UTF-8 (byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise RawDataError(label, f"malformed CSV: {exc}", row=max(reader.line_num - 1, 1)) from None
    if not rows:
        raise RawDataError(label, "file is empty")
    header = [h.strip() for h in rows[0]]
    required = [*BASE_COLUMNS, *[c for c in columns if c not in BASE_COLUMNS]]
    missing = [c for c in required if c not in header]
    if missing:
        extra = [h for h in header if h not in required]
        raise RawDataError(label, f"required column missing (schema drift?); the header has {extra or header}",
                           column=missing[0])
    width, records, numbers = len(header), [], []
    for number, row in enumerate(rows[1:], start=1):
        if not "".join(row).strip():
            continue
        if len(row) != width:
            raise RawDataError(label, f"has {len(row)} fields, the header has {width} (truncated line?)", row=number)
        records.append(row)
        numbers.append(number)
    if not records:
        raise RawDataError(label, "file has a header but no data rows")
    cells = list(zip(*records))
    frame = pd.DataFrame({c: pd.Series(cells[header.index(c)], dtype=str).str.strip() for c in required})
    frame["_row"] = pd.Series(numbers, dtype="int64")
    return frame


def select(frame: pd.DataFrame, keep: dict[str, str]) -> pd.DataFrame:
    """Rows whose columns equal every ``{column: value}`` of ``keep`` ("" selects the total)."""
    mask = pd.Series(True, index=frame.index)
    for column, value in (keep or {}).items():
        if column not in frame.columns:
            raise KeyError(column)
        mask &= frame[column].eq(str(value))
    return frame[mask]


def read_flat_file(path: Path, columns: list[str]) -> pd.DataFrame:
    path = Path(path)
    if not path.exists():
        raise RawDataError(path, "file is missing")
    return read_flat(path.read_bytes(), str(path), columns)
