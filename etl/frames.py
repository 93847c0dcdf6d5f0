"""Repeated text columns of the fact table as categoricals (one small code per row, each text once).

The fact table repeats a few hundred distinct texts (area, indicator, unit, source, file, …) on
millions of rows; as plain strings they cost ~280 bytes per fact. Here they are pandas categoricals
whose categories are kept *sorted*, so that sorting by the codes gives the same order as sorting
the texts. They become plain strings again only where a table is published (:func:`plain`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

_SLICE = 1_000_000     # rows at a time where a whole-column temporary would cost too much
CATEGORICAL = ["area_id", "indicator_id", "basis", "period", "period_kind", "unit", "source_id", "source_url",
               "note", "raw_file", "inputs", "publisher_id", "source_quality", "converted_from"]


def _sorted_categories(values) -> pd.Index:
    """The distinct texts of ``values``, sorted as Python sorts ``str`` (by code point, which is the byte
    order of UTF-8 that Arrow sorts by): a text Index is sorted by Arrow, anything else in Python."""
    if isinstance(values, pd.Index) and values.dtype == "str":
        unique = values.unique()
        return unique[unique.notna()].sort_values()
    return pd.Index(sorted(set(values)), dtype="str")


def from_codes(codes: np.ndarray, values) -> pd.Categorical:
    """Row ``i`` gets ``values[codes[i]]`` (code -1 → missing); categories sorted and unique."""
    if isinstance(values, pd.Index) and values.dtype == "str":
        index = values
        categories = _sorted_categories(values)
    else:
        values = list(values)
        categories = _sorted_categories(v for v in values if isinstance(v, str))
        index = pd.Index(values, dtype=object)
    position = categories.get_indexer(index) if len(index) else np.array([], dtype=np.intp)
    lookup = np.append(position, -1).astype(code_dtype(len(categories)))    # code -1 → lookup[-1] = -1
    new = lookup[np.asarray(codes)]        # indexed by the codes as they are: no 8-byte copy per row
    return pd.Categorical.from_codes(new, categories=categories, validate=False)


def code_dtype(n: int):
    return np.int8 if n < 127 else np.int16 if n < 32_767 else np.int32


def constant(value: str, length: int) -> pd.Categorical:
    return pd.Categorical.from_codes(np.zeros(length, dtype=np.int8), categories=pd.Index([value], dtype="str"))


def as_category(values: pd.Series) -> pd.Series:
    """``values`` (text) as a categorical with sorted categories; categoricals are re-sorted if needed."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = values.cat.categories
        if cats.is_monotonic_increasing and cats.dtype == "str":
            return values
        return pd.Series(from_codes(values.cat.codes.to_numpy(), cats), index=values.index, name=values.name)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return pd.Series(from_codes(codes, uniques), index=values.index, name=values.name)


def map_categories(values: pd.Series, mapping) -> pd.Series:
    """``values.map(mapping)`` computed once per distinct value; the result stays categorical."""
    values = as_category(values)
    mapped = [mapping.get(c) if isinstance(mapping, dict) else mapping(c) for c in values.cat.categories]
    return pd.Series(from_codes(values.cat.codes.to_numpy(), mapped), index=values.index, name=values.name)


def concat(frames: list[pd.DataFrame], *, sort_by: list[str] | None = None, consume: bool = False) -> pd.DataFrame:
    """``pd.concat(frames, ignore_index=True)`` keeping the repeated text columns categorical (a plain
    concat of categoricals with different categories falls back to Python objects).

    ``sort_by``: the result is also sorted, as ``sort_values(sort_by, ignore_index=True)`` sorts it
    (stable, missing values last), without a second copy of the table: the order is found from the
    key columns, then each column is joined and taken in that order, one column at a time.
    ``consume``: each column is deleted from the given frames once joined, so that their memory is
    released while the result grows (for frames nobody else holds)."""
    frames = [f for f in frames]
    if len(frames) == 1 and sort_by is None:   # nothing to join: the columns are kept (no copy)
        only = frames[0]
        text = {c: as_category(only[c]) for c in only.columns if c in CATEGORICAL}
        return only.assign(**text).reset_index(drop=True) if text else only.reset_index(drop=True)
    order: list[str] = []
    for f in frames:
        order += [c for c in f.columns if c not in order]
    permutation = _order(frames, sort_by) if sort_by else None
    columns = {}
    for name in order:
        values = _joined(frames, name)
        if consume:                    # released before the sorted copy is made: two columns at a time, not three
            for f in frames:
                if name in f.columns:
                    del f[name]
        if permutation is not None:
            values = (pd.Categorical.from_codes(values.codes[permutation], dtype=values.dtype, validate=False)
                      if isinstance(values, pd.Categorical) else values.take(permutation).reset_index(drop=True))
        columns[name] = values
    return pd.DataFrame(columns, copy=False)


def without_unused(values: pd.Series) -> pd.Series:
    """``values.cat.remove_unused_categories()`` (categories sorted), the codes looked at a slice at a time
    (pandas sorts all of them as 8-byte numbers)."""
    codes, categories = values.cat.codes.to_numpy(), values.cat.categories
    used = np.zeros(len(categories) + 1, dtype=bool)
    for start in range(0, len(codes), _SLICE):
        used[np.unique(codes[start:start + _SLICE])] = True          # code -1 → the last, unused slot
    if used[:-1].all():
        return values
    kept = [c if u else None for c, u in zip(categories, used[:-1])]
    return pd.Series(from_codes(codes, kept), index=values.index, name=values.name)


def _joined(frames: list[pd.DataFrame], name: str):
    """Column ``name`` of all frames one after another: a Categorical (sorted categories) for text, else
    the Series ``pd.concat`` of the frames would hold (missing in a frame → missing values)."""
    if name not in CATEGORICAL:
        return pd.concat([f[[name]] if name in f.columns else f[[]] for f in frames], ignore_index=True)[name]
    parts = [as_category(f[name]) if name in f.columns else None for f in frames]
    given = [p.cat.categories for p in parts if p is not None]
    categories = _sorted_categories(given[0].append(given[1:]) if given else pd.Index([], dtype="str"))
    dtype = code_dtype(len(categories))
    codes = []
    for f, part in zip(frames, parts):
        if part is None:
            codes.append(np.full(len(f), -1, dtype=dtype))
        else:
            lookup = np.append(categories.get_indexer(part.cat.categories), -1).astype(dtype)
            codes.append(lookup[part.cat.codes.to_numpy()])
    all_codes = np.concatenate(codes) if codes else np.array([], dtype=dtype)
    return pd.Categorical.from_codes(all_codes, categories=categories, validate=False)


def _order(frames: list[pd.DataFrame], columns: list[str]) -> np.ndarray:
    """The stable order ``sort_values(columns)`` gives (missing last): each column ranked as small
    integers, the ranks combined in place into one number per row and sorted once; ``np.lexsort``
    when the combination would not fit in 62 bits."""
    combined, bits = None, 0
    for name in columns:
        rank, n = _ranks(_joined(frames, name))
        bits += int(n).bit_length()
        if bits > 62:
            return np.lexsort([_ranks(_joined(frames, c))[0] for c in reversed(columns)])
        if combined is None:
            combined = rank.astype(np.int64)
        else:
            combined *= n
            combined += rank          # cast chunk by chunk: no second full-length array
        del rank
    if bits <= 31:                    # sorted as 4-byte numbers: the same order, half the memory
        combined = combined.astype(np.int32)
    order = np.argsort(combined, kind="stable")
    del combined
    return order.astype(np.int32) if len(order) < 2**31 else order     # 4 bytes a row while it is used


def _ranks(values) -> tuple[np.ndarray, int]:
    """(rank of each row's value among the column's values, number of ranks): missing values last;
    in the smallest integer type that holds them."""
    if isinstance(values, pd.Categorical):         # sorted categories: the code is the rank
        n = len(values.categories) + 1
        rank = values.codes.astype(code_dtype(n), copy=True)
        rank[rank < 0] = n - 1
        return rank, n
    if values.dtype.kind == "M":
        # the distinct dates (found a slice at a time: a hash table as long as the column would cost more
        # than the column), then each row's rank by binary search; NaT after every date
        stamps = values.to_numpy().view(np.int64)
        missing = np.iinfo(np.int64).min            # NaT
        distinct = np.unique(np.concatenate([pd.unique(stamps[i:i + _SLICE]) for i in range(0, len(stamps), _SLICE)]
                                            or [np.zeros(0, dtype=np.int64)]))
        distinct = distinct[distinct != missing]
        n = len(distinct) + 1
        rank = np.empty(len(stamps), dtype=code_dtype(n))
        for i in range(0, len(stamps), _SLICE):
            part = stamps[i:i + _SLICE]
            rank[i:i + _SLICE] = np.where(part == missing, n - 1, np.searchsorted(distinct, part))
        return rank, n
    raise TypeError(f"no sort order for a column of {values.dtype}")


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categorical columns back to plain text (``str``), as published; other columns untouched."""
    cats = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    if not cats:
        return frame
    return frame.assign(**{c: text(frame[c]) for c in cats})


def text(values: pd.Series) -> pd.Series:
    """A categorical of texts as ``values.astype("str")``: the categories taken by code in Arrow."""
    categories = values.cat.categories
    if categories.dtype != "str":
        return values.astype("str")
    codes = values.cat.codes.to_numpy()
    taken = pa.array(categories.to_numpy(dtype=object), type=pa.large_string()).take(pa.array(codes, mask=codes < 0))
    return pd.Series(pd.arrays.ArrowStringArray(taken), index=values.index, name=values.name, dtype="str")


def key_numbers(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """One integer per row, equal for rows with equal values in ``columns`` (missing values are a value
    of their own, as with ``groupby(dropna=False)``), combined from the categorical codes: no hashing
    of texts, 8 bytes per row."""
    ids = np.zeros(len(frame), dtype=np.int64)
    bound = 1
    for column in columns:
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes, n = values.cat.codes.to_numpy(), len(values.cat.categories) + 1
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
            n = len(uniques) + 1
        if bound >= (2**62) // n:          # keep the combined number within int64: renumber densely
            ids = pd.factorize(ids)[0].astype(np.int64)
            bound = int(ids.max(initial=0)) + 1
        ids *= n
        ids += codes
        ids += 1                            # code -1 (missing) → 0
        bound *= n
    return ids


def repeated(frame: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(mask of the rows whose values in ``columns`` appear on more than one row, a dense group number
    for each of those rows). Found by sorting one integer per row; only the repeated rows are grouped."""
    ids = key_numbers(frame, columns)
    ordered = np.sort(ids)
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return np.zeros(len(ids), dtype=bool), np.zeros(0, dtype=np.int64)
    twice = np.unique(ordered[1:][same])
    del ordered, same
    mask = np.isin(ids, twice)
    return mask, pd.factorize(ids[mask])[0].astype(np.int64)
