"""Local formats through Babel: numbers, percentages, money, dates, periods, Japanese eras.

Every date, period, range, relative date and time-zone name that reaches a page, a PDF or a CSV meant for
people goes through this module: nothing else turns a date into text.
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd
from babel.dates import format_date, format_interval, format_skeleton, format_timedelta, get_timezone_name
from babel.numbers import format_compact_decimal, format_decimal, get_decimal_symbol, get_group_symbol

from dashboard.i18n.catalog import normalise_language, t
from dashboard.i18n.eras import ERA_START

LOCALE = {"en": "en_GB", "de": "de_DE", "ja": "ja_JP"}
# The first day of a range within one month (29–30 November 2017 · 29.–30. November 2017) and the first day of a
# range within one year (29 November – 3 December 2017): Japanese ranges come from CLDR's interval formats.
SAME_MONTH_START = {"en": "d", "de": "d."}
DAY_MONTH = {"en": "d MMMM", "de": "d. MMMM"}


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


def fiscal_era(y: int) -> tuple[str, int]:
    """The era name of fiscal year ``y`` (1 April y – 31 March y+1) as offices write it.

    A fiscal year carries the newest era whose first year is the fiscal year's first calendar year or earlier:
    FY2019 (the era changed on 1 May 2019) is 令和元年度, FY1988 is 昭和63年度, FY1989 平成元年度.
    """
    name = max((start, n) for n, start in ERA_START.items() if start.year <= y)[1]
    return name, y - ERA_START[name].year + 1


def _era_text(name: str, n: int) -> str:
    return f"{name}{'元' if n == 1 else n}"


def _date(d) -> date:
    return d if type(d) is date else pd.Timestamp(d).date()


def day(d, lang: str, japanese_era: bool = False) -> str:
    d = _date(d)
    if lang == "ja" and japanese_era:
        name, y = era(d)
        return f"{_era_text(name, y)}年{d.month}月{d.day}日"
    return format_date(d, "long", locale=locale(lang))


def month(d, lang: str) -> str:
    return format_skeleton("yMMMM", _date(d), locale=locale(lang))


def year(y, lang: str) -> str:
    """2017 / 2017 / 2017年."""
    return format_skeleton("y", date(int(y), 1, 1), locale=locale(lang))


def fiscal_year(y, lang: str, japanese_era: bool = False) -> str:
    """FY2021/22 · Fiskaljahr 2021/22 · 2021年度 (令和3年度)."""
    y = int(y)
    if lang == "ja" and japanese_era:
        return f"{_era_text(*fiscal_era(y))}年度"
    return t("period.fiscal_year", lang, year=y, next=f"{(y + 1) % 100:02d}")


def period(label: str, kind: str, ref_date, lang: str, japanese_era: bool = False) -> str:
    """The reference period in the language: 31 December 2022 · December 2022 · 2022 · FY2021/22 · 2021年度."""
    if kind == "day":
        return day(ref_date, lang, japanese_era)
    if kind == "month":
        return month(ref_date, lang)
    if kind == "fiscal_year":
        return fiscal_year(int(str(label)[2:]), lang, japanese_era)
    if kind == "document_year":       # a figure of a document that states no year: never "2023"
        return t("provenance.document_year", lang, year=label)
    if kind == "year" or str(label).isdigit():
        return year(int(str(label)[:4]), lang)
    return str(label)


def as_of(label: str, kind: str, ref_date, lang: str, japanese_era: bool = False) -> str:
    """'as of 31 December 2022' / 'Stand …' / '2022年12月31日現在'; a year or fiscal year is named as such (2021年度)."""
    shown = period(label, kind, ref_date, lang, japanese_era)
    key = "common.as_of" if kind in ("day", "month") else "common.as_of_year"
    return t(key, lang, date=shown)


def day_text(value, lang: str) -> str:
    """A date kept as text in the data ("2021-08-25", "2026-11-29"), shown in the language; other text unchanged."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == "":
        return ""
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return year(int(text), lang)
        if len(text) == 7 and text[4] == "-":
            return month(date(int(text[:4]), int(text[5:]), 1), lang)
        return day(date.fromisoformat(text[:10]), lang)
    except ValueError:
        return text


def days_ago(then, lang: str, now=None) -> str:
    """today / heute / 本日 · yesterday / gestern / 昨日 … · 12 days ago / vor 12 Tagen / 12日前."""
    now = now or datetime.now(timezone.utc)
    days = (_date(now) - _date(then)).days
    if days == 0:
        return t("period.today", lang)
    shown = format_timedelta(timedelta(days=-days), granularity="day", threshold=10**6, add_direction=True,
                             format="long", locale=locale(lang))
    return shown.replace(" ", "") if lang == "ja" else shown


def time_zone(zone: str, on, lang: str) -> str:
    """The zone's abbreviation at noon UTC of ``on`` as the language writes it: MEZ/MESZ in German, CET/CEST in
    English; where the language has no abbreviation of its own (Babel falls back to an offset), the zone's own."""
    d = _date(on)
    instant = datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc).astimezone(ZoneInfo(zone))
    name = get_timezone_name(instant, width="short", locale=locale(lang))
    return instant.tzname() if name[:1] in "+-" or name.startswith("GMT") else name


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
    """A day, month or year, or a range of them, without repeating what both ends share:
    29 November – 3 December 2017 · 29. November – 3. Dezember 2017 · 2017年11月29日～12月3日 · 2020年～2021年."""
    one = {"day": day, "month": month}.get(precision, lambda d, lg: year(_date(d).year, lg))
    if end is None or pd.isna(end):
        return one(start, lang)
    s, e = _date(start), _date(end)
    same = {"day": s == e, "month": (s.year, s.month) == (e.year, e.month)}.get(precision, s.year == e.year)
    if same:
        return one(s, lang)
    if lang == "ja" or precision not in ("day", "month"):
        skeleton = {"day": "yMMMd", "month": "yMMM"}.get(precision, "y")
        return format_interval(s, e, skeleton, locale=locale(lang))
    if precision == "day" and (s.year, s.month) == (e.year, e.month):
        head = format_date(s, SAME_MONTH_START[lang], locale=locale(lang))
        return t("period.range_in_month", lang, start=head, end=one(e, lang))
    if s.year == e.year:
        head = format_date(s, DAY_MONTH[lang] if precision == "day" else "MMMM", locale=locale(lang))
        return t("period.range", lang, start=head, end=one(e, lang))
    return t("period.range", lang, start=one(s, lang), end=one(e, lang))


def year_range(first, last, lang: str) -> str:
    """2030 · 2030–2040 · 2030年～2040年."""
    if int(first) == int(last):
        return year(first, lang)
    return date_range(date(int(first), 1, 1), date(int(last), 1, 1), lang, "year")
