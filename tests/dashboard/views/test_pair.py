"""The pair of a view: resolved from ?pair= against the catalogue, never echoed back when unknown."""
import pytest

from dashboard.views.pair import all_pairs, readable_on_white, resolve


def test_the_default_pair_when_the_url_names_none(dataset):
    pair = resolve(dataset)
    assert pair.ids == ("essen", "koriyama") and pair.default and not pair.unknown
    assert pair.relationship == "city_partnership_mou" and pair.since == "2017-12-01"
    assert [p.id for p in pair.contexts] == ["nrw", "germany", "fukushima_pref", "japan"]
    assert pair.query_value() == ""  # the default pair keeps short URLs


def test_another_pair_by_its_id(dataset):
    pair = resolve(dataset, ["grenoble_toyota", "essen_koriyama"])  # a repeated key: the first one
    assert pair.ids == ("grenoble_alpes", "toyota") and pair.query_value() == "grenoble_toyota"
    assert not pair.a.has_coordinates  # the maps page says so instead of drawing a broken map


@pytest.mark.parametrize("raw", ["<script>alert(1)</script>", "nope", "x" * 5000, 5, {"a": 1}])
def test_an_unknown_pair_gives_the_default_and_a_flag(dataset, raw):
    pair = resolve(dataset, raw)
    assert pair.ids == ("essen", "koriyama")
    assert pair.unknown is isinstance(raw, str)
    assert "script" not in pair.model_dump_json()


def test_names_in_both_scripts_and_readable_colours(dataset):
    pair = resolve(dataset)
    assert pair.a.both_scripts("en") == "Essen · エッセン" and pair.b.both_scripts("ja") == "郡山市 · Koriyama"
    assert pair.b.colour == "#D55E00" and pair.b.text_colour != pair.b.colour  # darkened for text
    assert readable_on_white("#0072B2") == "#0072B2"
    assert pair.style()["--city-b"] == "#D55E00"


def test_every_catalogue_pair_resolves(dataset):
    assert {p.id for p in all_pairs(dataset)} == set(dataset.pairs["id"])
    assert sum(p.default for p in all_pairs(dataset)) == 1


def test_a_pair_is_resolved_once_per_dataset_version(dataset, monkeypatch):
    from dashboard.views import pair as module

    first = resolve(dataset, "grenoble_toyota")
    monkeypatch.setattr(module, "_find", lambda *_: pytest.fail("resolved again"))
    assert resolve(dataset, "grenoble_toyota") is first and resolve(dataset, " grenoble_toyota ") is first
    assert [p.id for p in all_pairs(dataset)] == [p.id for p in all_pairs(dataset)]


def test_another_version_resolves_afresh(dataset):
    import dataclasses

    other = dataclasses.replace(dataset, version=dataset.version + "-other")
    assert resolve(other, "grenoble_toyota") == resolve(dataset, "grenoble_toyota")
    assert resolve(other, "grenoble_toyota") is not resolve(dataset, "grenoble_toyota")
