"""Parse numbers written the way each source writes them (593.489 / 593,489 / 25,5).

The separators come from Babel's locale data; parsing is vectorised so that millions of cells
parse in seconds. A cell that is not a well-formed number in the convention is reported.
"""
from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from babel.numbers import get_decimal_symbol, get_group_symbol

LOCALES = {"de": "de_DE", "en": "en_US", "ja": "ja_JP"}


def _pattern(convention: str) -> tuple[re.Pattern, str, str]:
    locale = LOCALES[convention]
    dec, grp = get_decimal_symbol(locale), get_group_symbol(locale)
    d, g = re.escape(dec), re.escape(grp)
    # either grouped in threes (593.489) or not grouped at all (593489), optional fraction
    pattern = re.compile(rf"^[-+]?(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}\d+)?$")
    return pattern, dec, grp


_ASCII_SPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"     # what str.strip() removes from ASCII text


def parse_numbers(values: pd.Series, convention: str) -> tuple[pd.Series, pd.Series]:
    """Return (numbers as float, mask of cells that are not numbers) for a Series of text."""
    pattern, dec, grp = _pattern(convention)
    fast = _parse_ascii(values, pattern, dec, grp)
    if fast is not None:
        return fast
    text = (values.astype(str).str.normalize("NFKC").str.strip()
            .str.replace("\u2212", "-", regex=False))
    ok = text.str.match(pattern.pattern)
    cleaned = text.where(ok, "nan").str.replace(grp, "", regex=False).str.replace(dec, ".", regex=False)
    return pd.to_numeric(cleaned, errors="coerce").astype(float), ~ok


def _parse_ascii(values: pd.Series, pattern: re.Pattern, dec: str, grp: str):
    """The same with Arrow's kernels when every cell is ASCII text (NFKC and U+2212 then change nothing;
    ``\\d`` is ``[0-9]`` in both regular expression engines; Arrow parses decimals correctly rounded, like
    ``float``). None when the cells are not all ASCII or not all numbers (the path above reports those)."""
    if not (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow") or not len(values):
        return None
    array = values.array.__arrow_array__()
    array = array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])
    if array.null_count or not pc.all(pc.string_is_ascii(array)).as_py():
        return None
    text = pc.ascii_trim(array, characters=_ASCII_SPACE)
    if not pc.all(pc.match_substring_regex(text, pattern.pattern)).as_py():
        return None
    cleaned = pc.replace_substring(pc.replace_substring(text, grp, ""), dec, ".")
    try:
        numbers = pc.cast(cleaned, pa.float64())
    except pa.ArrowInvalid:
        return None
    return (pd.Series(numbers.to_numpy(), index=values.index, dtype=float),
            pd.Series(False, index=values.index))


def parse_number(text: str, convention: str) -> float:
    """Parse one value under ``convention`` ("de", "en" or "ja"); raise ValueError when it is not one."""
    numbers, bad = parse_numbers(pd.Series([text]), convention)
    if bad.iloc[0]:
        shown = str(text).strip()
        raise ValueError("empty value" if not shown else f"not a number in {convention} notation: {text!r}")
    return float(numbers.iloc[0])
