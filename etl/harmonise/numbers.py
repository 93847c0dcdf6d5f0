"""Parse numbers written the way each source writes them (593.489 / 593,489 / 25,5).

The separators come from Babel's locale data; parsing is vectorised so that millions of cells
parse in seconds. A cell that is not a well-formed number in the convention is reported.
"""
from __future__ import annotations

import re

import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol

LOCALES = {"de": "de_DE", "en": "en_US", "ja": "ja_JP"}


def _pattern(convention: str) -> tuple[re.Pattern, str, str]:
    locale = LOCALES[convention]
    dec, grp = get_decimal_symbol(locale), get_group_symbol(locale)
    d, g = re.escape(dec), re.escape(grp)
    # either grouped in threes (593.489) or not grouped at all (593489), optional fraction
    pattern = re.compile(rf"^[-+]?(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}\d+)?$")
    return pattern, dec, grp


def parse_numbers(values: pd.Series, convention: str) -> tuple[pd.Series, pd.Series]:
    """Return (numbers as float, mask of cells that are not numbers) for a Series of text."""
    pattern, dec, grp = _pattern(convention)
    text = (values.astype(str).str.normalize("NFKC").str.strip()
            .str.replace("\u2212", "-", regex=False))
    ok = text.str.match(pattern.pattern)
    cleaned = text.where(ok, "nan").str.replace(grp, "", regex=False).str.replace(dec, ".", regex=False)
    return pd.to_numeric(cleaned, errors="coerce").astype(float), ~ok


def parse_number(text: str, convention: str) -> float:
    """Parse one value under ``convention`` ("de", "en" or "ja"); raise ValueError when it is not one."""
    numbers, bad = parse_numbers(pd.Series([text]), convention)
    if bad.iloc[0]:
        shown = str(text).strip()
        raise ValueError("empty value" if not shown else f"not a number in {convention} notation: {text!r}")
    return float(numbers.iloc[0])
