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


@pytest.mark.parametrize("lang, expected", [("en", "FY2021"), ("de", "GJ 2021"), ("ja", "2021年度")])
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
    assert fmt.date_range(date(2018, 4, 23), date(2018, 4, 27), "de", "day") == "23. April 2018 – 27. April 2018"
    assert fmt.date_range(date(2018, 4, 1), None, "ja", "month") == "2018年4月"


def test_chart_separators_come_from_the_locale_data():
    from dashboard.figures.theme import base_layout
    import plotly.graph_objects as go

    assert {lang: fmt.plotly_separators(lang) for lang in ("en", "de", "ja")} == {"en": ".,", "de": ",.", "ja": ".,"}
    assert base_layout(go.Figure(), "de").layout.separators == ",."
