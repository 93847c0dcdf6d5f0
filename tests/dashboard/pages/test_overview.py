"""The overview cards show the published values, with date and source, and gaps as gaps."""
import pytest

from dashboard.pages import overview
from dashboard.selection import latest
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
            bases = [b for b in str(dataset.place(area).get("population_bases") or "").split(";") if b]
            order = bases if indicator in ("population", "density") else None
            fact = latest(dataset.facts, area, indicator, order)
            assert float(value["data-value"]) == pytest.approx(fact["value"])


def test_population_cards_show_official_update_and_estimate(dataset):
    """Essen's official figure (regionalstatistik.de 12411-01-01-4) leads the basis order."""
    essen, koriyama = (texts(c["component"]) for c in find_all(overview.layout(lang="en"), "core-card")[:2])
    assert essen == ["Essen", " · ", "Official update (IT.NRW/Destatis, Zensus 2022)", "574,682", " · ",
                     "as of 31 December 2024", "Statistische Ämter des Bundes und der Länder"]
    assert "Estimated population" in koriyama
    de = texts(find_all(overview.layout(lang="de"), "core-card")[0]["component"])
    assert de[2:4] == ["Amtliche Fortschreibung (IT.NRW/Destatis, Zensus 2022)", "574.682"]


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
