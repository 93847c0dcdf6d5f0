"""Dates on the pages go through i18n.format: no ISO date, MEZ/MESZ in German, heute/本日, 年 after years."""
import re
from datetime import date

import pytest

from dashboard.data import current
from dashboard.components.map_cards import location_facts
from dashboard.pages import overview, sources
from dashboard.views.maps import MapsView
from tests.dashboard.tree import texts

ISO = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_no_iso_date_on_the_overview(dataset, lang):
    shown = " ".join(texts(overview.layout(lang=lang)))
    assert not ISO.search(shown), ISO.findall(shown)[:5]


@pytest.mark.parametrize("lang, accessed", [("de", r"abgerufen \d{1,2}\. \w+ \d{4}"),
                                            ("ja", r"\d{4}年\d{1,2}月\d{1,2}日取得")])
def test_sources_dates_in_the_language(dataset, lang, accessed):
    shown = " ".join(texts(sources.source_table(current(), lang)))
    assert re.search(accessed, shown)
    assert not re.search(r"abgerufen \d{4}-", shown)
    assert not re.search(r"\d{4}-\d{2}-\d{2}取得", shown)
    freshness = " ".join(texts(sources.freshness(current(), lang)))
    assert not ISO.search(freshness.split("Bekannte")[0].split("既知")[0])


def test_japanese_years_carry_nen_and_no_genzai(dataset):
    shown = " ".join(texts(overview.layout(lang="ja")))
    assert not re.search(r"\d{4}現在", shown)
    assert not re.search(r"\d{4}[–～]\d{4}", shown)


@pytest.mark.parametrize("lang, winter, summer", [("de", "MEZ", "MESZ"), ("en", "CET", "CEST")])
def test_time_zones_in_the_language(dataset, lang, winter, summer):
    view = MapsView.from_query(current(), {})
    shown = " ".join(texts(location_facts(view, lang, date(2026, 1, 15))))
    assert winter in shown and summer in shown
    if lang == "de":
        assert "CET" not in shown and "CEST" not in shown


@pytest.mark.parametrize("lang, word", [("en", "today"), ("de", "heute"), ("ja", "本日")])
def test_freshness_says_today(dataset, lang, word):
    made = dataset.manifest["created"]
    from datetime import datetime

    now = datetime.fromisoformat(made)
    shown = " ".join(texts(sources.freshness(dataset, lang, now)))
    assert word in shown and "0" not in shown.split("(")[-1]
