"""Read a raw CSV exactly as its source.yaml describes it: encoding, delimiter, required columns.

Every cell comes back as text; numbers and dates are parsed by the harmonisers, which know the
source's conventions. Any problem raises :class:`RawDataError` naming file, row and column.
"""
from __future__ import annotations

import csv
import gc
import io
from contextlib import contextmanager
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


@contextmanager
def _no_gc():
    """The rows are lists of strings (no reference cycles): parsing millions of them with the cyclic
    garbage collector on costs ~40 % more time, growing with the file."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
        with _no_gc():
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
    width, records, numbers = len(header), [], []
    with _no_gc():
        for number, row in enumerate(rows[1:], start=1):
            if not "".join(row).strip():            # empty line, or only blank cells
                continue
            if len(row) != width:
                raise RawDataError(path, f"has {len(row)} fields, the header has {width} "
                                         "(truncated or mis-delimited line)", row=number)
            records.append(row)
            numbers.append(number)
        if not records:
            raise RawDataError(path, "file has a header but no data rows")
        del rows
        cells = list(zip(*records))                 # one tuple per column
    frame = pd.DataFrame({c: pd.Series(cells[header.index(c)], dtype=str).str.strip() for c in columns})
    frame["_row"] = pd.Series(numbers, dtype="int64")
    return frame
