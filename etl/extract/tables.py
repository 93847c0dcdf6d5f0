"""Read a raw CSV exactly as its source.yaml describes it: encoding, delimiter, required columns.

Every cell comes back as text; numbers and dates are parsed by the harmonisers, which know the
source's conventions. Any problem raises :class:`RawDataError` naming file, row and column.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from etl.errors import RawDataError


def _decode(path: Path, encoding: str) -> str:
    data = path.read_bytes()
    if encoding.lower().replace("-", "_") in ("utf_8_sig",) and not data.startswith(b"\xef\xbb\xbf"):
        raise RawDataError(path, "expected UTF-8 with a byte-order mark (BOM); the file has none — "
                                 "was it saved in another encoding?")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RawDataError(path, f"cannot be decoded as {encoding} (byte {exc.start}); "
                                 "wrong encoding or damaged file", row=line - 1 if line > 1 else None) from exc


def read_table(path: Path, *, encoding: str, delimiter: str, columns: list[str]) -> pd.DataFrame:
    """Read ``path`` into a DataFrame of strings with a ``_row`` column (1-based data row)."""
    path = Path(path)
    if not path.exists():
        raise RawDataError(path, "file is missing")
    text = _decode(path, encoding)
    if not text.strip():
        raise RawDataError(path, "file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise RawDataError(path, f"malformed CSV: {exc}", row=max(reader.line_num - 1, 1)) from exc
    header = [h.strip() for h in rows[0]]
    missing = [c for c in columns if c not in header]
    if missing:
        extra = [h for h in header if h not in columns]
        hint = f"; found unexpected {extra}" if extra else ""
        raise RawDataError(path, f"required column missing{hint}", column=missing[0])
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise RawDataError(path, "column appears twice", column=dup)
    records = []
    for number, row in enumerate(rows[1:], start=1):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise RawDataError(path, f"has {len(row)} fields, the header has {len(header)} "
                                     "(truncated or mis-delimited line)", row=number)
        record = {h: cell.strip() for h, cell in zip(header, row)}
        record["_row"] = number
        records.append(record)
    if not records:
        raise RawDataError(path, "file has a header but no data rows")
    frame = pd.DataFrame.from_records(records, columns=[*header, "_row"])
    return frame[[*columns, "_row"]]
