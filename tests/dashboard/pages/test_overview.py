"""The overview cards show the published values, with date and source, and gaps as gaps."""
import pytest

from dashboard import card_figures
from dashboard.components.kpi_card import ratio_sentence
from dashboard.pages import overview
from tests.dashboard.tree import find_all, texts


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_every_kpi_has_two_cards_with_value_or_gap(dataset, lang):
    tree = overview.layout(lang=lang)
    core = find_all(tree, "core-card")
    cards = [c for c in find_all(tree, "kpi-card") if c.get("data-indicator")]
    assert len(core) == 2 * 6 and len(core) + len(cards) >= 2 * 9
    for card, kind in [*((c, "core") for c in core), *((c, "kpi") for c in cards)]:
        value = find_all(card["component"], f"{kind}-value")[0]
        if value.get("data-gap"):
            assert texts(value["component"]) == [overview.t("common.no_data", lang)]
            assert "0" not in "".join(texts(value["component"]))
        else:
            assert find_all(card["component"], "core-source" if kind == "core" else "source-note")


def test_card_values_equal_published_facts(dataset):
    tree = overview.layout(lang="en")
    cards = [(c, "core") for c in find_all(tree, "core-card")] + [(c, "kpi") for c in find_all(tree, "kpi-card")]
    assert len(cards) > 12
    for card, kind in cards:
        if not card.get("data-indicator") or card.get("data-indicator") == "":
            continue
        value = find_all(card["component"], f"{kind}-value")[0]
        if value.get("data-value"):
            indicator, area = card["data-indicator"], card["data-area"]
            fact = card_figures.lead(dataset.facts, dataset.place(area), indicator)
            assert float(value["data-value"]) == pytest.approx(fact["value"])


def test_population_cards_show_official_update_and_estimate(dataset):
    """Essen's official figure (regionalstatistik.de 12411-01-01-4) leads the basis order."""
    essen, koriyama = (texts(c["component"]) for c in find_all(overview.layout(lang="en"), "core-card")[:2])
    assert essen[:6] == ["Essen", " · ", "Official update (IT.NRW/Destatis, Zensus 2022)", "574,682", " · ",
                         "as of 31 December 2024"]
    assert "Statistical Offices of the Federation and the Länder" in essen and " ↗" in essen   # the row's publisher
    assert "Full citation" in essen
    assert "Estimated population" in koriyama
    de = texts(find_all(overview.layout(lang="de"), "core-card")[0]["component"])
    assert de[2:4] == ["Amtliche Fortschreibung (IT.NRW/Destatis, Zensus 2022)", "574.682"]


def test_population_card_leads_with_the_like_for_like_pair(dataset):
    tree = overview.layout(lang="en")
    cards = {c["data-area"]: c for c in find_all(tree, "core-card") if c.get("data-indicator") == "population"}
    essen = " ".join(texts(cards["essen"]["component"]))
    koriyama = " ".join(texts(cards["koriyama"]["component"]))
    assert essen.index("Official update (IT.NRW/Destatis, Zensus 2022)") < essen.index("City register: 597,066")
    assert "Estimated population" in koriyama
    seconds = find_all(cards["essen"]["component"], "kpi-other-second")
    assert [s["data-basis"] for s in seconds] == ["register"]


def test_card_names_the_rows_own_publisher_and_kind(dataset):
    tree = overview.layout(lang="en")
    notes = find_all(tree, "source-note")
    publishers = {n.get("data-publisher") for n in notes}
    assert {"supertipp", "koriyama_city", "ewg"} <= publishers      # per row, not per file
    text = " ".join(texts(tree))
    assert "Supertipp (local weekly)" in text and "↗" in text and "press" in text
    assert "Full citation" in text


def test_document_figures_never_dated_by_the_deck_year(dataset):
    for lang, words in (("en", "year not stated (deck of 2023)"), ("de", "Jahr nicht angegeben (Foliensatz von 2023)"),
                        ("ja", "年の記載なし（2023年の資料）")):
        text = " ".join(texts(overview.layout(lang=lang)))
        assert words in text
    gdp = " ".join(texts(overview.layout(lang="en")))
    assert "In the partnership deck: €25.3B" in gdp


def test_essen_area_conflict_is_shown(dataset):
    text = " ".join(texts(overview.layout(lang="en")))
    assert "210.32 km²" in text and "Also stated: 210.34 km²" in text


def test_ratio_only_between_like_bases():
    ind = {"id": "population", "category": "people", "label_en": "Population"}
    places = ({"id": "essen", "name_en": "Essen"}, {"id": "koriyama", "name_en": "Koriyama"})
    fact = lambda basis, v: {"value": v, "unit": "persons", "year": 2024, "basis": basis, "period_kind": "day"}  # noqa: E731
    assert ratio_sentence(fact("official_update_zensus2022", 574682), fact("estimate", 319905), ind, *places, "en")
    assert ratio_sentence(fact("census", 571058), fact("census", 327692), ind, *places, "en")
    assert not ratio_sentence(fact("register", 597066), fact("estimate", 319905), ind, *places, "en")
    assert not ratio_sentence(fact("unspecified", 1), fact("estimate", 2), ind, *places, "en")


def test_area_ratio_sentence(dataset):
    text = " ".join(texts(overview.layout(lang="en")))
    assert "Area: Koriyama is 3.6 × Essen" in text
    assert "Population: Essen is 1.8 × Koriyama" in text
    assert "面積：郡山市はエッセンの3.6倍" in " ".join(texts(overview.layout(lang="ja")))
    assert "das 3,6-Fache" in " ".join(texts(overview.layout(lang="de")))


def test_no_ratio_between_different_years(dataset):
    text = " ".join(texts(overview.layout(lang="en")))
    assert "GDP in euros (market rate):" not in text


def test_japanese_era_display_is_optional(dataset):
    plain = " ".join(texts(overview.layout(lang="ja")))
    era = " ".join(texts(overview.layout(lang="ja", era="1")))
    assert "令和" not in plain and "2024年" in plain
    assert "令和6年" in era and "和暦で表示" in plain and "西暦で表示" in era
    assert "令和" not in " ".join(texts(overview.layout(lang="en", era="1")))


def test_maps_show_the_documents_extents_beside_the_computed_ones(dataset):
    from dashboard.components.map_cards import city_cards
    from dashboard.views.maps import MapsView

    text = " ".join(texts(city_cards(dataset, MapsView.from_query(dataset, {}), "en")))
    assert "Stated in the partnership deck: 17 km east–west × 21 km north–south" in text
    assert "46.78 km east–west × 39.95 km north–south" in text


def test_each_target_card_names_its_own_publisher(dataset):
    tree = overview.layout(lang="en")
    row = [r for r in find_all(tree, "kpi-row") if r.get("data-indicator") == "climate_target"][0]
    cards = {c["data-area"]: " ".join(texts(c["component"])) for c in find_all(row["component"], "kpi-card")}
    assert "City of Essen" in cards["essen"] and "Koriyama City" not in cards["essen"]
    assert "Koriyama City" in cards["koriyama"] and "City of Essen" not in cards["koriyama"]
    ja = overview.layout(lang="ja")
    row = [r for r in find_all(ja, "kpi-row") if r.get("data-indicator") == "climate_target"][0]
    assert "郡山市" in " ".join(texts(row["component"]))
