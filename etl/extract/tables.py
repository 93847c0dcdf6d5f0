"""Read a raw CSV exactly as its source.yaml describes it: encoding, delimiter, required columns.

Every cell comes back as text; numbers and dates are parsed by the harmonisers, which know the
source's conventions. Any problem raises :class:`RawDataError` naming file, row and column.
"""
from __future__ import annotations

import csv
import re
import gc
import io
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from etl import raw_schemas
from etl.errors import RawDataError

_MAX_COLUMNS = 1024
# control characters, or the start of a tag or an entity: cells are then checked one by one
_SUSPICIOUS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f<&]")
_UNSUSPICIOUS = bytes(b for b in range(256) if not _SUSPICIOUS.match(bytes([b])))   # deleted by translate
_BOM = b"\xef\xbb\xbf"


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
    """Read ``path`` into a DataFrame of strings with a ``_row`` column (1-based data row).

    Clean files are parsed by ``pyarrow.csv``; a file the fast path cannot read with certainty
    (bad bytes, wrong field count, quotes, blank lines, header problems, …) is read again by the
    ``csv`` module, which names the file, row and column of the problem.
    """
    path = Path(path)
    if not path.exists():
        raise RawDataError(path, "file is missing")
    frame = _read_fast(path, encoding=encoding, delimiter=delimiter, columns=columns)
    if frame is None:
        frame = _read_exact(path, encoding=encoding, delimiter=delimiter, columns=columns)
    if path.read_bytes().translate(None, _UNSUSPICIOUS):   # a suspicious byte: only then look at every cell
        raw_schemas.check_cells(path, frame)
    if raw_schemas.declared(path) or path.parent.name == "reference":
        _check_complete(path)                      # after the reader: its own error is more precise
    if raw_schemas.declared(path):
        raw_schemas.validate(path, frame, raw_schemas.RAW[f"{path.parent.name}/{path.name}"])
    return frame


def _check_complete(path: Path) -> None:
    """A file that does not end with a line break was cut off (an interrupted download or copy)."""
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        if size == 0:
            return                                   # "file is empty", reported by the reader
        handle.seek(size - 1)
        last = handle.read(1)
    if last not in (b"\n", b"\r"):
        lines = path.read_bytes().count(b"\n")
        raise RawDataError(path, "the file does not end with a line break: it looks truncated (cut off in its "
                                 "last line); replace it with the complete file", row=lines if lines else None)


def _read_fast(path: Path, *, encoding: str, delimiter: str, columns: list[str]) -> pd.DataFrame | None:
    """``pyarrow.csv`` reading; None whenever the file is not certainly read exactly as the ``csv``
    module reads it (the caller then reads it the exact way, which raises the precise error)."""
    data = path.read_bytes()
    codec = encoding.lower().replace("-", "_")
    if codec in ("utf_8_sig", "utf8_sig"):
        if not data.startswith(_BOM):
            return None
        data = data[len(_BOM):]
    elif codec in ("utf_8", "utf8"):
        if data.startswith(_BOM):          # the csv path keeps a BOM in the first header name
            return None
    else:
        try:
            data = data.decode(encoding).encode("utf-8")
        except (UnicodeError, LookupError):
            return None
    if (len(delimiter) != 1 or not data.strip() or data[:1] in (b"\n", b"\r") or b"\x00" in data
            or b'"' in data or b"\n\n" in data or b"\n\r" in data or b"\r\r" in data):
        # quotes: arrow accepts some quoting the strict csv module rejects; blank lines shift the
        # row numbers; NUL, empty files: the exact path decides
        return None
    try:
        table = pacsv.read_csv(
            pa.py_buffer(data),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, use_threads=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char=False, double_quote=False,
                                             escape_char=False, newlines_in_values=False,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": pa.large_string() for i in range(_MAX_COLUMNS)},
                strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    del data
    if table.num_rows < 2 or table.num_columns > _MAX_COLUMNS:
        return None
    header = [str(h).strip() for h in table.slice(0, 1).to_pylist()[0].values()]
    if any(c not in header for c in columns) or len(set(header)) != len(header):
        return None
    body = table.slice(1)
    del table
    blank = None
    frame = {}
    for position, name in enumerate(header):
        if name not in columns:
            continue
        values = pd.Series(pd.arrays.ArrowStringArray(body.column(position)), dtype="str").str.strip()
        frame[name] = values
    for position in range(len(header)):    # a row is skipped when every cell is blank
        empty = pd.Series(pd.arrays.ArrowStringArray(body.column(position)), dtype="str").str.strip().eq("")
        blank = empty if blank is None else blank & empty
        if not blank.any():
            break
    numbers = pd.Series(range(1, body.num_rows + 1), dtype="int64")
    out = pd.DataFrame({c: frame[c] for c in columns})
    out["_row"] = numbers
    if blank is not None and blank.any():
        out = out[~blank.to_numpy()].reset_index(drop=True)
        if out.empty:
            return None
    return out


def _read_exact(path: Path, *, encoding: str, delimiter: str, columns: list[str]) -> pd.DataFrame:
    """The ``csv`` module path: slower, names the file, row and column of any problem."""
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
