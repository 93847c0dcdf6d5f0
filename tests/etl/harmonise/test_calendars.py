"""etl.harmonise.calendars: Japanese eras and fiscal years, German and ISO notations."""
from __future__ import annotations

from datetime import date

import pytest

from etl.harmonise.calendars import (era_year, fiscal_year, parse_german, parse_iso, parse_japanese,
                                     parse_period)


@pytest.mark.parametrize("text,label,kind,year,ref", [
    ("令和5年2月1日", "2023-02-01", "day", 2023, date(2023, 2, 1)),
    ("令和2年10月1日", "2020-10-01", "day", 2020, date(2020, 10, 1)),
    ("令和元年", "2019", "year", 2019, date(2019, 12, 31)),
    ("令和元年5月1日", "2019-05-01", "day", 2019, date(2019, 5, 1)),
    ("令和元年5月", "2019-05", "month", 2019, date(2019, 5, 31)),
    ("平成31年4月30日", "2019-04-30", "day", 2019, date(2019, 4, 30)),
    ("平成31年4月", "2019-04", "month", 2019, date(2019, 4, 30)),
    ("平成31年", "2019", "year", 2019, date(2019, 12, 31)),
    ("平成23年5月", "2011-05", "month", 2011, date(2011, 5, 31)),
    ("平成元年1月8日", "1989-01-08", "day", 1989, date(1989, 1, 8)),
    ("平成元年1月", "1989-01", "month", 1989, date(1989, 1, 31)),  # 8–31 Jan 1989 are Heisei
    ("昭和64年1月7日", "1989-01-07", "day", 1989, date(1989, 1, 7)),
    ("昭和64年1月", "1989-01", "month", 1989, date(1989, 1, 31)),
    ("昭和55年10月1日", "1980-10-01", "day", 1980, date(1980, 10, 1)),
    ("昭和元年12月", "1926-12", "month", 1926, date(1926, 12, 31)),  # 25–31 Dec 1926
    ("大正元年7月", "1912-07", "month", 1912, date(1912, 7, 31)),
    ("明治45年7月29日", "1912-07-29", "day", 1912, date(1912, 7, 29)),
    ("2007年", "2007", "year", 2007, date(2007, 12, 31)),
    ("2023年2月1日", "2023-02-01", "day", 2023, date(2023, 2, 1)),
])
def test_japanese_dates(text, label, kind, year, ref):
    period = parse_japanese(text)
    assert (period.label, period.kind, period.year, period.ref_date) == (label, kind, year, ref)


@pytest.mark.parametrize("text,label,ref", [
    ("令和3年度", "FY2021", date(2022, 3, 31)),
    ("平成27年度", "FY2015", date(2016, 3, 31)),
    ("令和元年度", "FY2019", date(2020, 3, 31)),   # began 1 April 2019, before the era: still FY2019
    ("平成31年度", "FY2019", date(2020, 3, 31)),   # the same fiscal year in the old era's numbering
    ("平成21年度", "FY2009", date(2010, 3, 31)),
    ("昭和63年度", "FY1988", date(1989, 3, 31)),
    ("2021年度", "FY2021", date(2022, 3, 31)),
])
def test_japanese_fiscal_years_run_april_to_march(text, label, ref):
    period = parse_japanese(text)
    assert period.kind == "fiscal_year" and period.label == label and period.ref_date == ref
    assert period.year == int(label[2:])  # the year the fiscal year starts


@pytest.mark.parametrize("text,label", [
    ("令和２年１０月１日", "2020-10-01"),     # full-width digits
    ("令和　元年度", "FY2019"),              # ideographic space
    ("平成２７年度", "FY2015"),
    ("２０２１年度", "FY2021"),
    (" 令和5年 ", "2023"),
])
def test_full_width_digits_and_spaces(text, label):
    assert parse_japanese(text).label == label


@pytest.mark.parametrize("text", [
    "令和元年4月",       # Reiwa began on 1 May 2019
    "令和元年4月30日",
    "平成31年5月1日",    # Heisei ended on 30 April 2019
    "平成31年5月",
    "平成32年",          # no such Heisei year
    "平成元年1月7日",    # still Showa
    "昭和64年1月8日",
    "昭和64年2月",
    "令和0年",
    "令和5年13月",
    "令和5年2月30日",
    "令和3年4月度",      # a fiscal year has no month
    "寛永3年",           # unknown era
    "R2",
    "2022-12-31",
    "",
])
def test_impossible_or_unknown_japanese_dates_are_rejected(text):
    with pytest.raises(ValueError):
        parse_japanese(text)


def test_rejection_message_names_the_era_bounds():
    with pytest.raises(ValueError, match="outside the 平成 era .1989-01-08 – 2019-04-30"):
        parse_japanese("平成31年5月1日")


def test_era_year():
    assert era_year("令和", "元") == 2019
    assert era_year("令和", "5") == 2023
    assert era_year("平成", "1") == 1989
    assert era_year("昭和", "64") == 1989
    with pytest.raises(ValueError, match="unknown Japanese era"):
        era_year("天保", "3")


def test_fiscal_year_start_month():
    assert fiscal_year(2021).ref_date == date(2022, 3, 31)
    assert fiscal_year(2021, start_month=1).label == "2021"  # calendar-year fiscal years (Germany)
    assert fiscal_year(2021, start_month=7).ref_date == date(2022, 6, 30)


@pytest.mark.parametrize("text,label,kind,ref", [
    ("31.12.2022", "2022-12-31", "day", date(2022, 12, 31)),
    ("1.1.2020", "2020-01-01", "day", date(2020, 1, 1)),
    ("15.05.2022", "2022-05-15", "day", date(2022, 5, 15)),
    ("09.2023", "2023-09", "month", date(2023, 9, 30)),
    ("02.2024", "2024-02", "month", date(2024, 2, 29)),
    ("2022", "2022", "year", date(2022, 12, 31)),
])
def test_german_dates(text, label, kind, ref):
    period = parse_german(text)
    assert (period.label, period.kind, period.ref_date) == (label, kind, ref)


@pytest.mark.parametrize("text", ["31.02.2022", "13.2022", "00.2022", "2022-12-31", "Dezember 2022",
                                  "12/31/2022", "31.12.22", ""])
def test_bad_german_dates(text):
    with pytest.raises(ValueError):
        parse_german(text)


@pytest.mark.parametrize("text,label,kind,ref", [
    ("2022-12-31", "2022-12-31", "day", date(2022, 12, 31)),
    ("2023-09", "2023-09", "month", date(2023, 9, 30)),
    ("2022", "2022", "year", date(2022, 12, 31)),
    ("FY2021", "FY2021", "fiscal_year", date(2022, 3, 31)),
    ("fy 2009", "FY2009", "fiscal_year", date(2010, 3, 31)),
])
def test_iso_dates_and_fiscal_years(text, label, kind, ref):
    period = parse_iso(text)
    assert (period.label, period.kind, period.ref_date) == (label, kind, ref)


@pytest.mark.parametrize("text", ["2022-02-30", "2022-13", "31.12.2022", "FY21", "2022/12/31"])
def test_bad_iso_dates(text):
    with pytest.raises(ValueError):
        parse_iso(text)


def test_parse_period_dispatches_on_convention():
    assert parse_period("31.12.2022", "de") == parse_period("2022-12-31", "iso") == parse_period("令和4年12月31日", "ja")
    with pytest.raises(KeyError):
        parse_period("2022", "fr")
