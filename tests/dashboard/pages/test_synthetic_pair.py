"""A second pair added with data only (catalogue rows + a raw folder declared as data) is published by the
ETL and shown on every page — names, colours, relationship — in en, de and ja."""
from __future__ import annotations

import json

import plotly
import pytest

from dashboard import data
from etl import pipeline
from tests.dashboard.tree import walk
from tests.synthetic_pair import PAIR_ID, PLACES, build

LANGS = ("en", "de", "ja")
SISTER = {"en": "Sister city", "de": "Städtepartnerschaft", "ja": "姉妹都市"}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    raw, reference = build(root / "data")
    state = pipeline.run(raw=raw, reference=reference, published=root / "published", mirror=None)
    return root, reference, state


@pytest.fixture
def served(synthetic, monkeypatch):
    """The dashboard reads the synthetic dataset (and its catalogues) for the length of one test."""
    root, reference, _state = synthetic
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(root / "published"))
    monkeypatch.setenv("TWINCITY_REFERENCE", str(reference))
    monkeypatch.setattr(data, "_current", data._Current())
    return data.current()


def _text(tree) -> str:
    return json.dumps(tree, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def test_the_etl_publishes_the_pair_and_its_facts(synthetic):
    _root, _reference, state = synthetic
    facts = state.facts
    mine = facts[facts["area_id"].isin(list(PLACES))]
    assert set(mine["source_id"]) <= {"synthetic_profile", "derived"}
    assert {"population", "area", "density"} <= set(mine["indicator_id"])
    assert PAIR_ID in set(state.catalogues["pairs"]["id"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["overview", "people", "economy", "energy", "maps", "timeline", "sources"])
def test_every_page_shows_the_synthetic_pair(served, page, lang):
    module = __import__(f"dashboard.pages.{page}", fromlist=["layout"])
    tree = module.layout(lang=lang, pair=PAIR_ID)
    text = _text(tree)
    for place in PLACES.values():
        assert place[f"name_{lang}"] in text
        assert place["colour"] in text            # the pair's colours, from the catalogue
    assert SISTER[lang] in text                   # the relationship's label, from the catalogue
    assert "⟦" not in text                        # every text found in the catalogues
    if page != "sources":  # the sources page lists every source, those of the other pair included
        main = _text(next(node for node in walk(tree) if getattr(node, "id", None) == "main"))
        assert not any(word in main for word in ("Essen", "Koriyama", "郡山", "エッセン")), main[:300]


@pytest.mark.parametrize("lang", LANGS)
def test_the_maps_page_draws_the_location_and_says_the_boundaries_are_missing(served, lang):
    from dashboard.pages import maps

    text = _text(maps.layout(lang=lang, pair=PAIR_ID))
    assert '"maps-location"' in text and '"maps-missing"' in text and '"maps-twin"' not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_presenter_shows_the_pair(served, lang):
    from dashboard.pages import present

    text = _text(present.layout(lang=lang, pair=PAIR_ID))
    assert all(p[f"name_{lang}"] in text for p in PLACES.values())
    text = _text(present.layout(lang=lang, slide="5", pair=PAIR_ID))  # population chart, invented lines
    assert PLACES["nordhafen"][f"name_{lang}"] in text
    # the default deck is about Essen and Koriyama: another pair gets the deck for any pair
    assert '"any-pair"' in text and not any(w in text for w in ("Essen", "Koriyama", "郡山", "エッセン"))


def test_the_overview_cards_hold_the_invented_figures(served):
    from dashboard.pages import overview

    text = _text(overview.layout(lang="en", pair=PAIR_ID))
    assert "123,456" in text and "98,765" in text


def test_the_default_pair_stays_the_default_and_the_switch_offers_both(served):
    from dashboard.pages import overview

    text = _text(overview.layout(lang="en"))
    assert "Koriyama" in text and f"pair={PAIR_ID}" in text
