"""Local formats through Babel: numbers, percentages, money, dates, periods, Japanese eras."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd
from babel.dates import format_date, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, get_decimal_symbol, get_group_symbol

from dashboard.i18n.catalog import normalise_language, t
from dashboard.i18n.eras import ERA_START

LOCALE = {"en": "en_GB", "de": "de_DE", "ja": "ja_JP"}


def locale(lang: str) -> str:
    return LOCALE[normalise_language(lang)]


def decimal_symbol(lang: str) -> str:
    return get_decimal_symbol(locale(lang))


def group_symbol(lang: str) -> str:
    return get_group_symbol(locale(lang))


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators`` (decimal mark, then thousands separator) from the locale's data."""
    return decimal_symbol(lang) + group_symbol(lang)


def is_gap(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, lang: str, decimals: int = 0) -> str:
    if is_gap(value):
        return t("common.no_data", lang)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


def compact(value, lang: str, decimals: int = 1) -> str:
    if is_gap(value):
        return t("common.no_data", lang)
    shown = format_compact_decimal(value, format_type="short", locale=locale(lang), fraction_digits=decimals)
    # Where the language has no short word for this size (German below a million), group the digits.
    return number(value, lang) if shown.lstrip("-").isdigit() else shown


def money(value, currency: str, lang: str, decimals: int = 1) -> str:
    """€25.3B / 25,3 Mrd. € / 253億ユーロ — the words around the amount come from the catalogue."""
    if is_gap(value):
        return t("common.no_data", lang)
    amount = compact(value, lang, decimals) if abs(value) >= 1e5 else number(value, lang)
    return t(f"money.{currency}", lang, n=amount)


def percent(value, lang: str, decimals: int = 1) -> str:
    if is_gap(value):
        return t("common.no_data", lang)
    return t("unit.percent_value", lang, n=number(value, lang, decimals))


def era(d: date) -> tuple[str, int]:
    name = max((start, n) for n, start in ERA_START.items() if start <= d)[1]
    return name, d.year - ERA_START[name].year + 1


def day(d, lang: str, japanese_era: bool = False) -> str:
    d = pd.Timestamp(d).date()
    if lang == "ja" and japanese_era:
        name, y = era(d)
        return f"{name}{'元' if y == 1 else y}年{d.month}月{d.day}日"
    return format_date(d, "long", locale=locale(lang))


def month(d, lang: str) -> str:
    return format_skeleton("yMMMM", pd.Timestamp(d).date(), locale=locale(lang))


def period(label: str, kind: str, ref_date, lang: str, japanese_era: bool = False) -> str:
    """The reference period in the language: 31 December 2022 · December 2022 · 2022 · FY2021/GJ 2021/2021年度."""
    if kind == "day":
        return day(ref_date, lang, japanese_era)
    if kind == "month":
        return month(ref_date, lang)
    if kind == "fiscal_year":
        y = int(label[2:])
        if lang == "ja" and japanese_era:
            name, n = era(date(y, 4, 1))
            return f"{name}{'元' if n == 1 else n}年度"
        return t("period.fiscal_year", lang, year=y)
    return str(label)


def value(v, unit: str, lang: str, decimals: int = 0) -> str:
    """A value with its unit, in the language's format."""
    if is_gap(v):
        return t("common.no_data", lang)
    if unit in ("EUR", "JPY"):
        return money(v, unit, lang, decimals=1 if abs(v) >= 1e5 else 0)
    if unit == "percent":
        return percent(v, lang, max(decimals, 1))
    shown = number(v, lang, decimals)
    unit_text = t(f"unit.{unit}", lang)
    return t("unit.value_with_unit", lang, n=shown, unit=unit_text) if unit_text else shown


def date_range(start, end, lang: str, precision: str) -> str:
    fmt = {"day": day, "month": month}.get(precision)
    render = (lambda d: fmt(d, lang)) if fmt else (lambda d: str(pd.Timestamp(d).year))
    if end is None or pd.isna(end):
        return render(start)
    return t("period.range", lang, start=render(start), end=render(end))
