"""Reference periods: ISO, German and Japanese (era, fiscal-year) notations → one canonical form.

A period has a canonical ``label`` ("2022-12-31", "2023-09", "2022", "FY2021"), a ``kind``
(day / month / year / fiscal_year), the ``year`` it belongs to (a fiscal year's start year) and a
``ref_date``: the date the figure refers to (the last day of the month, year or fiscal year).
Japanese fiscal years run from 1 April to 31 March.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# Japanese eras: name → first Gregorian year (year 1 of the era). 元年 is year 1.
ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
# First day of each era, to reject impossible dates such as 平成32年 or 令和元年3月.
ERA_START = {"明治": date(1868, 1, 25), "大正": date(1912, 7, 30), "昭和": date(1926, 12, 25),
             "平成": date(1989, 1, 8), "令和": date(2019, 5, 1)}
ERA_END = {"明治": date(1912, 7, 29), "大正": date(1926, 12, 24), "昭和": date(1989, 1, 7),
           "平成": date(2019, 4, 30), "令和": date(9999, 12, 31)}


@dataclass(frozen=True)
class Period:
    label: str
    kind: str  # day | month | year | fiscal_year
    year: int
    ref_date: date


def day(d: date) -> Period:
    return Period(d.isoformat(), "day", d.year, d)


def month(y: int, m: int) -> Period:
    last = calendar.monthrange(y, m)[1]
    return Period(f"{y:04d}-{m:02d}", "month", y, date(y, m, last))


def year(y: int) -> Period:
    return Period(f"{y:04d}", "year", y, date(y, 12, 31))


def fiscal_year(y: int, start_month: int = 4) -> Period:
    """Fiscal year starting in ``start_month`` of year ``y`` (Japan: FY2021 = Apr 2021–Mar 2022)."""
    if start_month == 1:
        return year(y)
    end_year, end_month = (y + 1, start_month - 1)
    last = calendar.monthrange(end_year, end_month)[1]
    return Period(f"FY{y:04d}", "fiscal_year", y, date(end_year, end_month, last))


def era_year(era: str, number: str) -> int:
    if era not in ERAS:
        raise ValueError(f"unknown Japanese era {era!r}")
    n = 1 if number == "元" else int(number)
    if n < 1:
        raise ValueError(f"era year must be 1 or more: {era}{number}年")
    return ERAS[era] + n - 1


_ERA_RE = re.compile(r"^(?P<era>明治|大正|昭和|平成|令和)(?P<n>元|\d{1,2})年"
                     r"(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?(?P<fy>度)?$")
_JP_YEAR_RE = re.compile(r"^(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?(?P<fy>度)?$")


def _check_era_bounds(era: str, when: date, text: str) -> None:
    if not (ERA_START[era] <= when <= ERA_END[era]):
        raise ValueError(f"{text!r} lies outside the {era} era "
                         f"({ERA_START[era].isoformat()} – {ERA_END[era].isoformat()})")


def parse_japanese(text: str) -> Period:
    """令和5年2月1日 · 令和5年4月 · 令和3年度 · 平成27年度 · 昭和55年10月1日 · 2022年 · 2021年度."""
    s = unicodedata.normalize("NFKC", text).replace(" ", "")
    match = _ERA_RE.match(s)
    if match:
        era = match["era"]
        y = era_year(era, match["n"])
        if match["fy"]:
            if match["m"]:
                raise ValueError(f"a fiscal year has no month: {text!r}")
            # An era's fiscal year may start before the era (令和元年度 = FY2019 from April 2019).
            return fiscal_year(y)
        period = _with_month_day(y, match["m"], match["d"], text)
        if period.kind == "day":
            _check_era_bounds(era, period.ref_date, text)
        elif period.kind == "month":
            # A month belongs to the era when any of its days does: 平成元年1月 (8–31 Jan 1989),
            # 昭和元年12月 (25–31 Dec 1926); 令和元年4月 and 平成31年5月 do not exist.
            first = date(y, int(match["m"]), 1)
            if period.ref_date < ERA_START[era] or first > ERA_END[era]:
                _check_era_bounds(era, first if first > ERA_END[era] else period.ref_date, text)
        elif not (ERA_START[era].year <= y <= ERA_END[era].year):
            raise ValueError(f"{text!r} lies outside the {era} era")
        return period
    match = _JP_YEAR_RE.match(s)
    if match:
        y = int(match["y"])
        if match["fy"]:
            return fiscal_year(y)
        return _with_month_day(y, match["m"], match["d"], text)
    raise ValueError(f"not a Japanese date, month, year or fiscal year: {text!r}")


def _with_month_day(y: int, m: str | None, d: str | None, text: str) -> Period:
    if m is None:
        return year(y)
    if d is None:
        if not 1 <= int(m) <= 12:
            raise ValueError(f"no such month: {text!r}")
        return month(y, int(m))
    try:
        return day(date(y, int(m), int(d)))
    except ValueError as exc:
        raise ValueError(f"no such date: {text!r}") from exc


_DE_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DE_MONTH = re.compile(r"^(\d{1,2})\.(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_german(text: str) -> Period:
    """31.12.2022 · 09.2023 · 2022."""
    s = text.strip()
    if m := _DE_DAY.match(s):
        try:
            return day(date(int(m[3]), int(m[2]), int(m[1])))
        except ValueError as exc:
            raise ValueError(f"no such date: {text!r}") from exc
    if m := _DE_MONTH.match(s):
        if not 1 <= int(m[1]) <= 12:
            raise ValueError(f"no such month: {text!r}")
        return month(int(m[2]), int(m[1]))
    if m := _YEAR.match(s):
        return year(int(m[1]))
    raise ValueError(f"not a German date (TT.MM.JJJJ), month (MM.JJJJ) or year: {text!r}")


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_FY = re.compile(r"^FY\s?(\d{4})$", re.IGNORECASE)


def parse_iso(text: str) -> Period:
    """2022-12-31 · 2023-09 · 2022 · FY2021."""
    s = text.strip()
    if m := _ISO_DAY.match(s):
        try:
            return day(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError as exc:
            raise ValueError(f"no such date: {text!r}") from exc
    if m := _ISO_MONTH.match(s):
        if not 1 <= int(m[2]) <= 12:
            raise ValueError(f"no such month: {text!r}")
        return month(int(m[1]), int(m[2]))
    if m := _YEAR.match(s):
        return year(int(m[1]))
    if m := _FY.match(s):
        return fiscal_year(int(m[1]))
    raise ValueError(f"not an ISO date, month, year or FY: {text!r}")


PARSERS = {"de": parse_german, "ja": parse_japanese, "iso": parse_iso}


def parse_period(text: str, convention: str) -> Period:
    return PARSERS[convention](text)
