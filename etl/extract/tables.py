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

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from etl import frames, raw_schemas
from etl.errors import RawDataError

_MAX_COLUMNS = 1024
# control characters, or the start of a tag or an entity: cells are then checked one by one
_SUSPICIOUS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f<&]")
_UNSUSPICIOUS = bytes(b for b in range(256) if not _SUSPICIOUS.match(bytes([b])))   # deleted by translate
_BOM = b"\xef\xbb\xbf"
_LINE_END = re.compile(rb"\r\n|\n|\r")
_BLANK = re.compile(rb"\s*\Z")            # only whitespace (what bytes.strip() removes)
_DICTIONARY = pa.dictionary(pa.int32(), pa.large_string())


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


def read_table(path: Path, *, encoding: str, delimiter: str, columns: list[str],
               categorical: list[str] | tuple[str, ...] = ()) -> pd.DataFrame:
    """Read ``path`` into a DataFrame of strings with a ``_row`` column (1-based data row).

    Clean files are parsed by ``pyarrow.csv``; a file the fast path cannot read with certainty
    (bad bytes, wrong field count, quotes, blank lines, header problems, …) is read again by the
    ``csv`` module, which names the file, row and column of the problem.

    ``categorical``: columns of repeated texts (place, indicator, period, unit, …) that come back as
    categoricals (sorted categories, see :mod:`etl.frames`) with the same stripped texts: the fast path
    reads them dictionary-encoded, each distinct text decoded and stripped once.
    """
    path = Path(path)
    if not path.exists():
        raise RawDataError(path, "file is missing")
    categorical = [c for c in categorical if c in columns]
    declared = raw_schemas.declared(path)            # its schema checks the texts: categoricals come after
    data = path.read_bytes()
    frame = _read_fast(path, encoding=encoding, delimiter=delimiter, columns=columns,
                       categorical=[] if declared else categorical, data=data)
    if frame is None:
        frame = _read_exact(path, encoding=encoding, delimiter=delimiter, columns=columns)
    if data.translate(None, _UNSUSPICIOUS):        # a suspicious byte: only then look at every cell
        raw_schemas.check_cells(path, frame)
    if declared or path.parent.name == "reference":
        _check_complete(path)                      # after the reader: its own error is more precise
    if declared:
        raw_schemas.validate(path, frame, raw_schemas.RAW[f"{path.parent.name}/{path.name}"])
    for name in categorical:
        frame[name] = frames.as_category(frame[name])
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


def _read_fast(path: Path, *, encoding: str, delimiter: str, columns: list[str], categorical: list[str] = (),
               data: bytes | None = None) -> pd.DataFrame | None:
    """``pyarrow.csv`` reading (of ``data``, the file's bytes, when the caller has read them); None whenever
    the file is not certainly read exactly as the ``csv`` module reads it (the caller then reads it the
    exact way, which raises the precise error)."""
    data = Path(path).read_bytes() if data is None else data
    codec = encoding.lower().replace("-", "_")
    start = 0
    if codec in ("utf_8_sig", "utf8_sig"):
        if not data.startswith(_BOM):
            return None
        start = len(_BOM)                  # skipped without copying the file
    elif codec in ("utf_8", "utf8"):
        if data.startswith(_BOM):          # the csv path keeps a BOM in the first header name
            return None
    else:
        try:
            data = data.decode(encoding).encode("utf-8")
        except (UnicodeError, LookupError):
            return None
    if (len(delimiter) != 1 or _BLANK.match(data, start) or data[start:start + 1] in (b"\n", b"\r")
            or b"\x00" in data or b'"' in data or b"\n\n" in data or b"\n\r" in data or b"\r\r" in data):
        # quotes: arrow accepts some quoting the strict csv module rejects; blank lines shift the
        # row numbers; NUL, empty files: the exact path decides
        return None
    # the header, split as arrow splits a line without quoting (it ends at \n, \r\n or \r)
    try:
        end = _LINE_END.search(data, start)
        line = data[start:end.start() if end else len(data)].decode("utf-8")
        header = [h.strip() for h in line.split(delimiter)]
    except UnicodeDecodeError:
        return None
    if (len(header) > _MAX_COLUMNS or any(c not in header for c in columns)
            or len(set(header)) != len(header)):
        return None
    text = {f"f{i}": (_DICTIONARY if name in categorical else pa.large_string()) for i, name in enumerate(header)}
    try:
        body = pacsv.read_csv(
            pa.py_buffer(memoryview(data)[start:]),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, use_threads=True, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char=False, double_quote=False,
                                             escape_char=False, newlines_in_values=False,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types=text, strings_can_be_null=False,
                                                 quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    del data
    if body.num_rows < 1 or body.num_columns != len(header):
        return None
    frame, blank = {}, None
    for position, name in enumerate(header):
        if name in columns or blank is None or blank.any():
            values, empty = _column(body.column(position), name in categorical)
            if name in columns:
                frame[name] = values
            blank = empty if blank is None else blank & empty   # a row is skipped when every cell is blank
    out = pd.DataFrame({c: frame[c] for c in columns})
    out["_row"] = pd.Series(range(1, body.num_rows + 1), dtype="int64")
    if blank is not None and blank.any():
        out = out[~blank.to_numpy()].reset_index(drop=True)
        if out.empty:
            return None
        for name in categorical:               # the texts of the skipped rows are no category
            out[name] = out[name].cat.remove_unused_categories()
    return out


def _column(chunks: pa.ChunkedArray, categorical: bool) -> tuple[pd.Series, pd.Series]:
    """(the stripped texts of a column, mask of its blank cells); a dictionary-encoded column becomes a
    categorical whose categories (sorted, see :mod:`etl.frames`) are stripped once each: texts equal once
    stripped share one category."""
    if not categorical:
        values = pd.Series(pd.arrays.ArrowStringArray(chunks), dtype="str").str.strip()
        return values, values.eq("")
    chunks = chunks.unify_dictionaries() if chunks.num_chunks > 1 else chunks
    indices = np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunks.chunks])
    stripped = pc.utf8_trim_whitespace(chunks.chunk(0).dictionary)
    categories = pc.unique(stripped)
    categories = categories.take(pc.array_sort_indices(categories))   # byte order of UTF-8 = Python's str order
    position = pc.index_in(stripped, value_set=categories).to_numpy(zero_copy_only=False)
    codes = position.astype(frames.code_dtype(len(categories)))[indices]
    values = pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(
        pd.Index(pd.arrays.ArrowStringArray(categories), dtype="str")), validate=False)
    blank = np.asarray(pc.equal(categories, "").to_numpy(zero_copy_only=False), dtype=bool)
    return pd.Series(values), pd.Series(blank[codes])


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
