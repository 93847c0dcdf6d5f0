"""Decks: the default deck is valid; every mistake in a deck names the file, the slide and the field."""
import copy
from pathlib import Path

import pytest
import yaml

from dashboard import decks
from dashboard.decks import DeckError
from dashboard.i18n import LANGUAGES
from dashboard.i18n.catalog import catalogue

pytestmark = pytest.mark.usefixtures("published")  # decks and the KPI list come from the published dataset

GOOD = {
    "titles": {"en": "Test deck", "de": "Testfolien", "ja": "テスト"},
    "slides": [
        {"id": "start", "view": {"page": "title"}, "title_key": "present.deck.default.title"},
        {"id": "gdp", "view": {"page": "economy", "indicator": "gdp", "currency": "ppp", "years": [2005, 2020]},
         "titles": {"en": "GDP", "de": "BIP", "ja": "GDP"}, "notes": {"en": "Say something."}},
        {"id": "energy", "view": {"page": "timeline", "field": ["renewable_energy", "healthcare"]},
         "titles": {"en": "Energy"}},
    ],
}


def deck_with(**changes):
    raw = copy.deepcopy(GOOD)
    for path, value in changes.items():
        target = raw
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last = keys[-1]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
    return raw


def error_for(raw, source="decks/test.yaml") -> str:
    with pytest.raises(DeckError) as info:
        decks.validate(raw, source=source)
    return str(info.value)


def test_default_deck_tells_the_story_with_every_kind_of_view():
    deck = decks.load("default")
    assert "default" in decks.available()
    assert len(deck) >= 8
    pages = [s.view.page for s in deck.slides]
    assert pages[0] == "title"
    assert {"overview", "people", "economy", "energy", "maps", "timeline"} <= set(pages)
    assert {s.view.chart for s in deck.slides if s.view.page == "maps"} >= {"location", "twin"}
    for slide in deck.slides:
        for lang in LANGUAGES:
            assert slide.title(lang) and "⟦" not in slide.title(lang)
    assert deck.title("ja") != deck.title("en")


def test_values_are_normalised_to_their_url_form():
    deck = decks.validate(GOOD, source="x.yaml")
    gdp, energy = deck.slides[1].view, deck.slides[2].view
    assert gdp.params == {"indicator": "gdp", "currency": "ppp", "years": "2005-2020"}
    assert gdp.live_path("de") == "/de/economy?indicator=gdp&currency=ppp&years=2005-2020"
    assert energy.params["field"] == "renewable_energy,healthcare"
    assert deck.slides[0].view.live_path("ja") == "/ja/overview"
    assert deck.slides[2].title("ja") == "Energy"  # falls back to English
    assert deck.slides[1].notes_text("de") == "Say something."


def test_chart_is_not_part_of_the_live_url():
    raw = deck_with(**{"slides__1__view": {"page": "maps", "chart": "twin", "overlay": "koriyama-on-essen"}})
    view = decks.validate(raw).slides[1].view
    assert view.chart == "twin" and view.live_path("en") == "/en/maps?overlay=koriyama-on-essen"


def test_unknown_page_names_file_slide_and_field():
    message = error_for(deck_with(**{"slides__1__view__page": "weather"}))
    assert message.startswith("decks/test.yaml, slide 2 ('gdp'), field 'view.page'")
    assert "unknown page 'weather'" in message and "economy" in message


def test_unknown_parameter_is_named():
    message = error_for(deck_with(**{"slides__2__view__colour": "red"}))
    assert "slide 3 ('energy')" in message and "field 'view.colour'" in message
    assert "unknown parameter 'colour' for page 'timeline'" in message


@pytest.mark.parametrize("field, value, expected", [
    ("currency", "yen", "'yen' is not one of: market, ppp"),
    ("years", "2020-2005", "outside"),
    ("years", "recent", "not a year range"),
    ("indicator", ["gdp", "gdp_per_capita"], "takes one value"),
])
def test_bad_values_are_named(field, value, expected):
    message = error_for(deck_with(**{f"slides__1__view__{field}": value}))
    assert f"slide 2 ('gdp'), field 'view.{field}'" in message and expected in message


@pytest.mark.parametrize("changes, expected", [
    ({"slides__1__titles": KeyError}, "slide 2 ('gdp'), field 'titles': missing a title"),
    ({"slides__0__title_key": "present.nope"}, "slide 1 ('start'), field 'title_key': no text 'present.nope'"),
    ({"slides__1__id": "start"}, "slide 2 ('start'), field 'id': slide id 'start' is already used by slide 1"),
    ({"slides__1__id": "Bad Id!"}, "slide 2 ('Bad Id!'), field 'id'"),
    ({"slides__1__notes": {"fr": "Bonjour"}}, "field 'notes.fr': unknown language 'fr'"),
    ({"slides__1__speaker": "x"}, "slide 2 ('gdp'), field 'speaker': unknown key"),
    ({"slides__1__view": "economy"}, "slide 2 ('gdp'), field 'view'"),
    ({"slides": []}, "field 'slides'"),
    ({"theme": "dark"}, "field 'theme': unknown key(s) 'theme'"),
    ({"titles": KeyError}, "decks/test.yaml, field 'titles': missing a title"),
])
def test_structural_mistakes_are_named(changes, expected):
    assert expected in error_for(deck_with(**changes))


def test_a_deck_file_with_a_mistake_names_the_file(tmp_path):
    path = tmp_path / "webinar.yaml"
    raw = deck_with(**{"slides__2__view__page": "nowhere"})
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DeckError) as info:
        decks.load(path)
    assert str(path) in str(info.value) and "slide 3 ('energy')" in str(info.value)
    path.write_text("slides: [\n  - id: a\n   view: x", encoding="utf-8")
    with pytest.raises(DeckError, match=r"webinar.yaml: not valid YAML at line \d+"):
        decks.load(path)
    with pytest.raises(DeckError, match="decks available: .*default"):
        decks.load(tmp_path / "missing.yaml")


def test_presenter_texts_exist_in_every_language():
    keys = [{k for k in catalogue(lang) if k.startswith("present.")} for lang in LANGUAGES]
    assert keys[0] and keys[0] == keys[1] == keys[2]


@pytest.mark.parametrize("raw, expected", [
    (["not", "a", "mapping"], "decks/test.yaml: a deck is a mapping with a 'slides' list"),
    (deck_with(slides=[GOOD["slides"][0], "gdp"]), "decks/test.yaml, slide 2: a slide is a mapping with 'id', 'view'"),
    (deck_with(slides__1__id=KeyError), "slide 2, field 'id': is required"),
    (deck_with(slides=[GOOD["slides"][0]] * 101), "field 'slides': at most 100 slides"),
    (deck_with(slides="all"), "field 'slides': 'slides' must be a non-empty list"),
    (deck_with(subtitle_key="present.deck.default.title", subtitles={"en": "x"}),
     "field 'subtitle_key': give either 'subtitle_key' or 'subtitles', not both"),
    (deck_with(slides__2__view__years=[2030, 1990]), "slide 3 ('energy'), field 'view.years'"),
])
def test_the_first_problem_pydantic_finds_is_named_by_deck_slide_and_field(raw, expected):
    assert expected in error_for(raw)


def test_a_deck_names_its_pair_from_the_catalogue():
    assert decks.load("default").pair == "essen_koriyama"
    deck = decks.validate(deck_with(pair="grenoble_toyota"))
    assert deck.pair == "grenoble_toyota"
    assert deck.slides[1].view.live_path("en", "grenoble_toyota").startswith("/en/economy?pair=grenoble_toyota&")
    message = error_for(deck_with(pair="atlantis_x"))
    assert "field 'pair'" in message and "unknown pair 'atlantis_x'" in message and "essen_koriyama" in message


@pytest.mark.parametrize("overlay, ok", [("a-on-b", True), ("b-on-a", True), ("koriyama-on-essen", True),
                                         ("essen-on-essen", False), ("mars-on-essen", False), ("sideways", False)])
def test_overlays_are_pair_relative_or_name_places_of_the_catalogue(overlay, ok):
    raw = deck_with(**{"slides__1__view": {"page": "maps", "chart": "overlay", "overlay": overlay}})
    if ok:
        assert decks.validate(raw).slides[1].view.params["overlay"] == overlay
    else:
        assert "field 'view.overlay'" in error_for(raw)


@pytest.mark.parametrize("name", sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "data" / "reference"
                                                        / "decks").glob("*.yaml")))
def test_every_deck_of_the_catalogue_is_valid(name):
    deck = decks.load(name)
    assert len(deck) > 1 and (not deck.pair or deck.pair in decks.pair_ids())
