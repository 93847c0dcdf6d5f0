"""End to end on the real data/raw: everything published, sourced, dated, and readable."""
from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from etl import pipeline

MANIFEST_FIELDS = {"version", "schema_version", "created", "input_digest", "inputs", "row_counts", "per_source",
                   "validation", "warnings", "boundaries_available", "python"}


@pytest.fixture(scope="module")
def run(tmp_path_factory, request):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    published = tmp_path_factory.mktemp("e2e") / "published"
    start = time.perf_counter()
    state = pipeline.run(raw=root / "data" / "raw", reference=root / "data" / "reference",
                         published=published)
    seconds = time.perf_counter() - start
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n[etl end-to-end] pipeline.run on data/raw: {seconds:.2f} s ({len(state.facts)} facts, "
              f"{len(state.report['boundaries']['layers'])} boundary layers)")
    return state, published / "current"


def test_every_table_is_published_and_not_empty(run):
    state, current = run
    manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["row_counts"], manifest
    for name, count in manifest["row_counts"].items():
        table = pd.read_parquet(current / f"{name}.parquet")
        assert len(table) == count > 0, name


def test_manifest_fields(run):
    state, current = run
    manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
    assert MANIFEST_FIELDS <= set(manifest)
    assert manifest["version"] == state.version == current.resolve().name
    assert manifest["validation"]["passed"] is True
    assert len(manifest["input_digest"]) == 64
    assert set(manifest["inputs"]) == set(state.metas)                       # every source's checksums
    assert manifest["inputs"]["koriyama_population"]["koriyama_jinko.csv"] == state.checksums[
        "koriyama_population"]["koriyama_jinko.csv"]
    assert manifest["boundaries_available"] is True
    assert manifest["per_source"] == state.per_source and all(n > 0 for n in manifest["per_source"].values())


def test_every_fact_has_a_source_and_a_reference_date(run):
    _, current = run
    facts = pd.read_parquet(current / "facts.parquet")
    sources = pd.read_parquet(current / "sources.parquet")
    assert facts["source_id"].notna().all() and facts["source_id"].ne("").all()
    assert set(facts["source_id"]) <= set(sources["id"])
    assert facts["ref_date"].notna().all()
    assert facts["value"].notna().all()
    assert not facts["raw_file"].str.startswith("/").any()               # repository-relative paths only
    original = facts[~facts["derived"]]
    assert original["source_url"].str.startswith("http").mean() > 0.9


def test_headline_values(run):
    _, current = run
    facts = pd.read_parquet(current / "facts.parquet")
    pref = facts[facts["preferred"]].set_index(["area_id", "indicator_id", "basis", "period"])["value"]
    assert pref[("essen", "population", "register", "2022-12-31")] == 593489
    assert pref[("koriyama", "population", "census", "2020-10-01")] == 327692
    assert pref[("koriyama", "population", "estimate", "2023-02-01")] == 323350
    assert pref[("essen", "area", "", "2022-12-31")] == 210.32


def test_events_and_links(run):
    _, current = run
    events = pd.read_parquet(current / "events.parquet")
    assert len(events) >= 40
    assert events["start"].notna().all() and events["id"].is_unique


def test_boundaries_from_the_repository_alone(run):
    """With nothing beside the repository, city, district, region, country and land outlines are
    published from data/raw, and each city's area check passed."""
    _, current = run
    meta = json.loads((current / "boundaries" / "boundaries.json").read_text(encoding="utf-8"))
    kinds = {layer["kind"] for layer in meta["layers"].values()}
    assert {"city", "districts", "region", "country", "land"} <= kinds
    cities = [name for name, layer in meta["layers"].items() if layer["kind"] == "city"]
    assert len(cities) >= 2
    for name in cities:
        layer = meta["layers"][name]
        assert abs(layer["area_km2_computed"] / layer["area_km2_official"] - 1) <= 0.01, name
    for name, layer in meta["layers"].items():
        assert (current / "boundaries" / f"{name}.geojson").exists(), name
        assert not layer["file"].startswith("/") and layer["attribution"], name
    sources = pd.read_parquet(current / "sources.parquet")
    assert {layer["source_id"] for layer in meta["layers"].values()} <= set(sources["id"])
