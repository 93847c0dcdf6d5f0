"""etl.pipeline: the steps, their order, what is published when, and the harmonised values."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from etl import pipeline, publish
from etl.errors import ValidationError


@pytest.fixture(scope="module")
def validated(tmp_path_factory):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "data"
    return pipeline.run(raw=root / "raw", reference=root / "reference",
                        published=tmp_path_factory.mktemp("never") / "published", until="validate")


def value(facts, **where):
    mask = pd.Series(True, index=facts.index)
    for column, wanted in where.items():
        mask &= facts[column].eq(wanted)
    hit = facts[mask]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_until_validate_publishes_nothing(validated):
    assert not validated.published.exists()
    assert validated.version is None and validated.report["passed"] is True


def test_units_are_converted_to_base_units(validated):
    facts = validated.facts
    gmp = value(facts, area_id="koriyama", indicator_id="gdp_nominal", period="FY2011", derived=False)
    assert (gmp["value"], gmp["unit"]) == (pytest.approx(1.33e12), "JPY")          # 1.33 兆円
    income = value(facts, area_id="koriyama", indicator_id="municipal_income_per_capita", period="FY2013")
    assert (income["value"], income["unit"]) == (pytest.approx(2.95e6), "JPY")     # 295 万円
    total = value(facts, area_id="koriyama", indicator_id="municipal_income_total", period="FY2020")
    assert total["value"] == pytest.approx(9.699e11)                                 # 9,699 億円
    wind = value(facts, area_id="koriyama", indicator_id="wind_farm_capacity", period="2007")
    assert (wind["value"], wind["unit"]) == (pytest.approx(65.98), "MW")            # 65,980 kW
    essen = value(facts, area_id="essen", indicator_id="gdp_nominal", period="2015", derived=False)
    assert (essen["value"], essen["unit"]) == (pytest.approx(24.161e9), "EUR")     # 24.161 Mio. EUR


def test_preferred_values_across_sources(validated):
    facts = validated.facts
    essen = facts[facts["area_id"].eq("essen") & facts["indicator_id"].eq("population")
                  & facts["period"].eq("2022-12-31")].set_index("source_id")["preferred"]
    assert essen.to_dict() == {"essen_register": True, "seed_documents": False}    # by source priority
    zensus = facts[facts["indicator_id"].eq("population") & facts["basis"].eq("census")
                   & facts["period"].eq("2022-05-15")].set_index("value")["preferred"]
    assert zensus.to_dict() == {571058.0: True, 571039.0: False}                   # as marked in the file
    key = ["area_id", "indicator_id", "basis", "period"]
    assert not facts[facts["preferred"]].duplicated(key).any()


def test_derived_values(validated):
    facts = validated.facts
    density = value(facts, area_id="essen", indicator_id="density", period="2022-12-31",
                    inputs="essen_register;seed_documents")
    assert density["value"] == pytest.approx(593489 / 210.32) and density["derived"]
    fy21 = value(facts, area_id="koriyama", indicator_id="gdp_eur", period="FY2021")
    assert fy21["value"] == pytest.approx(1.39e12 / 129.88)
    ppp = value(facts, indicator_id="ppp_jpy_per_eur", period="2023")
    assert ppp["value"] == pytest.approx(93.831737 / 0.701054)
    areas = pipeline.official_areas(facts)  # properties, not today's rows: every value preferred and plausible
    assert areas["essen"] == 210.32 and areas["koriyama"] == 757.20
    assert all(0 < km2 < 100000 for km2 in areas.values())
    assert set(areas) <= set(validated.catalogues["places"]["id"])


def test_every_fact_is_sourced_and_dated(validated):
    facts = validated.facts
    assert facts["source_id"].ne("").all() and facts["ref_date"].notna().all()
    assert facts.loc[~facts["derived"], "raw_file"].str.contains("data/raw/").all()


def test_dry_run_checks_everything_and_publishes_nothing(tmp_path):
    state = pipeline.run(published=tmp_path / "pub", mirror=None, dry_run=True)
    assert state.report["passed"] and state.version is None
    assert not (tmp_path / "pub").exists()


def test_steps_are_reported_in_order(tmp_path):
    seen = []
    pipeline.run(published=tmp_path / "pub", mirror=None, on_step=seen.append)
    assert seen == pipeline.STEPS


def test_same_inputs_publish_nothing_new(published_copy):
    version = publish.current_version(published_copy)
    state = pipeline.run(published=published_copy, mirror=None)
    assert state.unchanged and state.version == version
    assert {p.name for p in published_copy.iterdir()} == {"current", version}


def test_changed_reference_publishes_a_new_version(data_copy, published_copy):
    raw, reference = data_copy
    old = publish.current_version(published_copy)
    path = reference / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Inhabitants on the reference date.",
                                                             "Inhabitants on the reference day."), encoding="utf-8")
    state = pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)
    assert not state.unchanged and state.version != old
    manifest = json.loads((published_copy / "current" / "manifest.json").read_text(encoding="utf-8"))
    old_manifest = json.loads((published_copy / old / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input_digest"] != old_manifest["input_digest"]
    assert manifest["inputs"] == old_manifest["inputs"]                  # raw files unchanged


def test_a_changed_source_yaml_publishes_a_new_version(data_copy, published_copy):
    """A source's priority decides the preferred value: changing it (raw files untouched) republishes."""
    raw, reference = data_copy
    old = publish.current_version(published_copy)
    path = raw / "seed_documents" / "source.yaml"
    meta = path.read_text(encoding="utf-8")
    assert "\npriority:" in meta
    path.write_text(re.sub(r"\npriority: *(-?\d+)", lambda m: f"\npriority: {int(m.group(1)) + 1}", meta),
                    encoding="utf-8")
    state = pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)
    assert not state.unchanged and state.version != old


def test_a_changed_deck_publishes_it(data_copy, published_copy):
    raw, reference = data_copy
    deck = reference / "decks" / "default.yaml"
    deck.write_text(deck.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    state = pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)
    assert not state.unchanged
    assert (published_copy / "current" / "decks" / "default.yaml").read_text(encoding="utf-8").endswith("# edited\n")


def test_the_etl_code_is_part_of_the_input_digest(published_copy, monkeypatch):
    state = pipeline.run(published=published_copy, mirror=None)
    assert state.unchanged
    monkeypatch.setattr(pipeline, "code_version", lambda: "another version of the ETL")
    state = pipeline.run(published=published_copy, mirror=None)
    assert not state.unchanged


def test_two_values_marked_preferred_stop_the_run(data_copy, rehash, tmp_path):
    raw, reference = data_copy
    path = raw / "itnrw_population" / "bevoelkerung_amtlich.csv"
    path.write_bytes(path.read_bytes().replace(b"15.05.2022;Zensus;571.039;nein;", b"15.05.2022;Zensus;571.039;ja;"))
    rehash(raw / "itnrw_population")
    with pytest.raises(ValidationError, match="more than one value marked preferred for essen/population/census/2022-05-15"):
        pipeline.run(raw=raw, reference=reference, published=tmp_path / "pub", mirror=None)
    assert not (tmp_path / "pub").exists()


def test_a_third_city_is_added_by_data_alone(data_copy, rehash, tmp_path):
    """A new place in the catalogue plus rows in a raw file: no code change."""
    raw, reference = data_copy
    places = reference / "places.csv"
    places.write_text(places.read_text(encoding="utf-8")
                      + "aachen,city,Aachen,Aachen,アーヘン,DE,nrw,05334002,50.7753,6.0839,,Europe/Berlin,EUR,1,"
                        "#000000,register\n", encoding="utf-8")
    publishers = reference / "publishers.csv"
    publishers.write_text(publishers.read_text(encoding="utf-8")
                          + "example,Example office,Beispielamt,例の役所,official,example.org/aachen\n", encoding="utf-8")
    profile = raw / "city_profile" / "city_profile.csv"
    profile.write_text(profile.read_text(encoding="utf-8")
                       + "aachen,area,160.85,km2,2022,,https://example.org/aachen,test row\n"
                         "aachen,population,249070,persons,2022-12-31,,https://example.org/aachen,test row\n",
                       encoding="utf-8")
    rehash(raw / "city_profile")
    state = pipeline.run(raw=raw, reference=reference, published=tmp_path / "pub", mirror=None)
    density = value(state.facts, area_id="aachen", indicator_id="density")
    assert density["publisher_id"] == "example"
    assert density["value"] == pytest.approx(249070 / 160.85)
