"""Local formats for each language: numbers, money, percentages, dates, periods, eras."""
from datetime import date

import pytest

from dashboard.i18n import format as fmt


@pytest.mark.parametrize("lang, expected", [("en", "593,489"), ("de", "593.489"), ("ja", "593,489")])
def test_number(lang, expected):
    assert fmt.number(593489, lang) == expected


@pytest.mark.parametrize("lang, expected", [("en", "210.32"), ("de", "210,32"), ("ja", "210.32")])
def test_decimals(lang, expected):
    assert fmt.number(210.32, lang, 2) == expected


@pytest.mark.parametrize("lang, expected", [("en", "€25.3B"), ("de", "25,3\u00a0Mrd. €"), ("ja", "253億ユーロ")])
def test_money(lang, expected):
    assert fmt.money(25.3e9, "EUR", lang) == expected


def test_japanese_money_uses_oku_and_cho():
    assert fmt.money(1.39e12, "JPY", "ja") == "1.4兆円"
    assert "万" in fmt.money(2_950_000, "JPY", "ja")


@pytest.mark.parametrize("lang, expected", [("en", "19.9 %"), ("de", "19,9 %"), ("ja", "19.9%")])
def test_percent(lang, expected):
    assert fmt.value(19.9, "percent", lang, 1) == expected


@pytest.mark.parametrize("lang, expected", [("en", "1 December 2017"), ("de", "1. Dezember 2017"),
                                            ("ja", "2017年12月1日")])
def test_day(lang, expected):
    assert fmt.day(date(2017, 12, 1), lang) == expected


@pytest.mark.parametrize("lang, expected", [("en", "FY2021/22"), ("de", "Fiskaljahr 2021/22"), ("ja", "2021年度")])
def test_fiscal_year(lang, expected):
    assert fmt.period("FY2021", "fiscal_year", date(2022, 3, 31), lang) == expected


def test_japanese_era_display():
    assert fmt.period("FY2023", "fiscal_year", date(2024, 3, 31), "ja", japanese_era=True) == "令和5年度"
    assert fmt.day(date(2019, 5, 1), "ja", japanese_era=True) == "令和元年5月1日"
    assert fmt.day(date(2019, 4, 30), "ja", japanese_era=True) == "平成31年4月30日"


@pytest.mark.parametrize("lang, expected", [("en", "December 2022"), ("de", "Dezember 2022"), ("ja", "2022年12月")])
def test_month(lang, expected):
    assert fmt.period("2022-12", "month", date(2022, 12, 31), lang) == expected


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_gap_is_never_zero(lang):
    shown = fmt.value(float("nan"), "persons", lang)
    assert "0" not in shown and shown == fmt.value(None, "EUR", lang)


def test_date_range():
    assert fmt.date_range(date(2018, 4, 23), date(2018, 4, 27), "de", "day") == "23.–27. April 2018"
    assert fmt.date_range(date(2018, 4, 1), None, "ja", "month") == "2018年4月"


def test_chart_separators_come_from_the_locale_data():
    from dashboard.figures.theme import base_layout
    import plotly.graph_objects as go

    assert {lang: fmt.plotly_separators(lang) for lang in ("en", "de", "ja")} == {"en": ".,", "de": ",.", "ja": ".,"}
    assert base_layout(go.Figure(), "de").layout.separators == ",."


@pytest.mark.parametrize("lang, expected", [
    ("en", "29 November – 3 December 2017"), ("de", "29. November – 3. Dezember 2017"),
    ("ja", "2017年11月29日～12月3日")])
def test_range_does_not_repeat_the_year(lang, expected):
    assert fmt.date_range(date(2017, 11, 29), date(2017, 12, 3), lang, "day") == expected


@pytest.mark.parametrize("lang, expected", [
    ("en", "29 November 2017 – 3 January 2018"), ("de", "29. November 2017 – 3. Januar 2018"),
    ("ja", "2017年11月29日～2018年1月3日")])
def test_range_over_new_year_names_both_years(lang, expected):
    assert fmt.date_range(date(2017, 11, 29), date(2018, 1, 3), lang, "day") == expected


@pytest.mark.parametrize("lang, expected", [("en", "2020–2021"), ("de", "2020–2021"), ("ja", "2020年～2021年")])
def test_year_range(lang, expected):
    assert fmt.year_range(2020, 2021, lang) == expected
    assert fmt.date_range(date(2020, 1, 1), date(2021, 12, 31), lang, "year") == expected


@pytest.mark.parametrize("lang, expected", [("en", "2017"), ("de", "2017"), ("ja", "2017年")])
def test_year_alone(lang, expected):
    assert fmt.period("2017", "year", date(2017, 12, 31), lang) == expected
    assert fmt.as_of("2017", "year", date(2017, 12, 31), lang) == expected


def test_as_of_names_days_but_not_years_with_genzai():
    assert fmt.as_of("2022-12-31", "day", date(2022, 12, 31), "ja") == "2022年12月31日現在"
    assert fmt.as_of("FY2021", "fiscal_year", date(2022, 3, 31), "ja") == "2021年度"
    assert fmt.as_of("2022-12-31", "day", date(2022, 12, 31), "de") == "Stand 31. Dezember 2022"


@pytest.mark.parametrize("fy, expected", [(2019, "令和元年度"), (2018, "平成30年度"), (1989, "平成元年度"),
                                          (1988, "昭和63年度"), (2023, "令和5年度")])
def test_fiscal_year_takes_the_era_named_in_its_first_year(fy, expected):
    assert fmt.period(f"FY{fy}", "fiscal_year", date(fy + 1, 3, 31), "ja", japanese_era=True) == expected


@pytest.mark.parametrize("lang, today, yesterday, twelve", [
    ("en", "today", "1 day ago", "12 days ago"), ("de", "heute", "vor 1 Tag", "vor 12 Tagen"),
    ("ja", "本日", "1日前", "12日前")])
def test_days_ago(lang, today, yesterday, twelve):
    now = date(2026, 11, 29)
    assert fmt.days_ago(date(2026, 11, 29), lang, now) == today
    assert fmt.days_ago(date(2026, 11, 28), lang, now) == yesterday
    assert fmt.days_ago(date(2026, 11, 17), lang, now) == twelve


@pytest.mark.parametrize("lang, winter, summer", [("de", "MEZ", "MESZ"), ("en", "CET", "CEST"), ("ja", "CET", "CEST")])
def test_time_zone_names(lang, winter, summer):
    assert fmt.time_zone("Europe/Berlin", date(2026, 1, 15), lang) == winter
    assert fmt.time_zone("Europe/Berlin", date(2026, 7, 15), lang) == summer
    assert fmt.time_zone("Asia/Tokyo", date(2026, 7, 15), lang) == "JST"


@pytest.mark.parametrize("text, lang, expected", [("2021-08-25", "ja", "2021年8月25日"),
                                                  ("2026-11-29", "de", "29. November 2026"),
                                                  ("2024", "ja", "2024年"), ("", "en", "")])
def test_dates_kept_as_text(text, lang, expected):
    assert fmt.day_text(text, lang) == expected
