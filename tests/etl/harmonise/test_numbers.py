"""etl.harmonise.numbers: numbers in German, English and Japanese notation."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.harmonise import numbers
from etl.harmonise.numbers import parse_number, parse_numbers


@pytest.mark.parametrize("text,convention,expected", [
    ("593.489", "de", 593489.0),          # thousands separator
    ("593489", "de", 593489.0),           # not grouped
    ("25,5", "de", 25.5),                 # decimal comma
    ("1.234.567,89", "de", 1234567.89),
    ("24.161", "de", 24161.0),            # German: a dot groups thousands
    ("-3,5", "de", -3.5),
    ("\u22123,5", "de", -3.5),            # typographic minus
    ("+7", "de", 7.0),
    ("593,489", "de", 593.489),           # the same text is a decimal in German …
    ("593,489", "en", 593489.0),          # … and a grouped integer in English
    ("1,234,567.89", "en", 1234567.89),
    ("24.161", "en", 24.161),             # English: the same text is a decimal
    ("0.778122", "en", 0.778122),
    ("327,692", "ja", 327692.0),
    ("7.9870", "ja", 7.987),
    ("３２７，６９２", "ja", 327692.0),     # full-width digits and comma
    ("１．３３", "ja", 1.33),
    (" 42 ", "en", 42.0),
])
def test_parse_number(text, convention, expected):
    assert parse_number(text, convention) == pytest.approx(expected)


@pytest.mark.parametrize("text,convention", [
    ("59.3489", "de"),        # bad grouping
    ("5.93.489", "de"),
    ("1.234,5.6", "de"),
    ("1,234.5", "de"),        # English notation is not German
    ("59,3489", "en"),
    ("1.234,5", "en"),
    ("12,34", "ja"),
    ("593 489", "de"),        # space as separator is not this convention
    ("1e5", "en"),
    ("abc", "en"),
    ("", "de"),
    ("-", "de"),
    ("1.", "en"),
    (",5", "de"),
])
def test_malformed_numbers_are_rejected(text, convention):
    with pytest.raises(ValueError, match="empty value|not a number"):
        parse_number(text, convention)


def test_parse_numbers_returns_values_and_a_mask_of_bad_cells():
    values, bad = parse_numbers(pd.Series(["1.000", "2,5", "x", "", "3"]), "de")
    assert bad.tolist() == [False, False, True, True, False]
    assert values[~bad].tolist() == [1000.0, 2.5, 3.0]
    assert values[bad].isna().all()


def test_empty_value_message():
    with pytest.raises(ValueError, match="empty value"):
        parse_number("  ", "en")


@settings(max_examples=150, deadline=None)
@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
       st.sampled_from([("de", "de_DE"), ("en", "en_US"), ("ja", "ja_JP")]))
def test_numbers_formatted_by_babel_parse_back(value, conv):
    convention, locale = conv
    text = format_decimal(value, locale=locale, decimal_quantization=False)
    assert parse_number(text, convention) == pytest.approx(float(value), abs=1e-9)


@pytest.mark.parametrize("convention", ["de", "en"])
def test_ascii_cells_parse_exactly_like_the_general_path(convention, monkeypatch):
    """Arrow's path (ASCII cells) gives the same bits as the pandas path and as ``float``, signs included."""
    rng = np.random.default_rng(7)
    values = np.concatenate([rng.uniform(-1e7, 1e7, 3000), rng.uniform(0, 1, 3000), [0.1, 2.675, 1e-7, 123456789.987]])
    dec, grp = (",", ".") if convention == "de" else (".", ",")
    texts = [f"{v:,.{d}f}".replace(",", "\0").replace(".", dec).replace("\0", grp)
             for v, d in zip(values, rng.integers(0, 9, len(values)))]
    texts += ["+12", " 7 ", "-0"]
    series = pd.Series(texts, dtype="str")
    assert numbers._parse_ascii(series, *numbers._pattern(convention)) is not None   # Arrow's path taken
    fast, fast_bad = numbers.parse_numbers(series, convention)
    monkeypatch.setattr(numbers, "_parse_ascii", lambda *args: None)
    slow, slow_bad = numbers.parse_numbers(series, convention)
    exact = np.array([float(t.strip().replace(grp, "").replace(dec, ".")) for t in texts])
    assert not fast_bad.any() and not slow_bad.any()
    assert (fast.to_numpy().view("int64") == slow.to_numpy().view("int64")).all()
    assert (fast.to_numpy().view("int64") == exact.view("int64")).all()


def test_a_bad_ascii_cell_is_still_reported():
    parsed, bad = numbers.parse_numbers(pd.Series(["1.234", "12,5", "abc", ""], dtype="str"), "de")
    assert bad.tolist() == [False, False, True, True] and parsed.iloc[1] == 12.5
