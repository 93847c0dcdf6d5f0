"""Indicator tables declared as data: source.yaml ``format:`` drives the reader; bad declarations name the key."""
import shutil
from pathlib import Path

import pytest
import yaml

from etl.catalogues import read_catalogue, read_source_meta
from etl.errors import RawDataError
from etl.extract.indicator_table import declares_reader, read_declared

ROOT = Path(__file__).resolve().parents[3]
RAW = ROOT / "data" / "raw"
DECLARED = [p.name for p in sorted(RAW.iterdir()) if p.is_dir() and declares_reader(read_source_meta(p))]


def test_the_shared_layout_sources_are_declared_not_coded():
    assert {"city_profile", "health_education"} <= set(DECLARED)
    assert not (ROOT / "etl" / "sources" / "city_profile.py").exists()


@pytest.mark.parametrize("source_id", DECLARED)
def test_real_declared_sources_give_sourced_facts_of_known_places_and_indicators(source_id):
    facts = read_declared(RAW / source_id, read_source_meta(RAW / source_id))
    places = set(read_catalogue(ROOT / "data" / "reference", "places")["id"])
    indicators = set(read_catalogue(ROOT / "data" / "reference", "indicators")["id"])
    assert len(facts) > 0
    assert set(facts["area_id"]) <= places and set(facts["indicator_id"]) <= indicators
    assert facts["source_id"].eq(source_id).all() and facts["source_url"].astype(str).str.startswith("http").all()
    assert facts["ref_date"].notna().all() and facts["value"].notna().all()


def test_city_profile_keeps_its_transcribed_values():
    facts = read_declared(RAW / "city_profile", read_source_meta(RAW / "city_profile"))
    values = facts.set_index(["area_id", "indicator_id", "period"])["value"]
    assert values[("koriyama", "area", "2021")] == 757.20
    assert values[("essen", "stadtbezirke", "1975")] == 9


def _folder(tmp_path, fmt: dict, text: str = "Ort;Kennzahl;Wert;Einheit;Jahr\nalpha;population;1.234,5;persons;2020\n",
            encoding: str = "utf-8") -> Path:
    folder = tmp_path / "invented_source"
    folder.mkdir()
    (folder / "table.csv").write_bytes(text.encode(encoding))
    meta = {"id": "invented_source", "publisher": "p", "title": "t", "licence": "l", "accessed": "2026-01-01",
            "obtained": "o", "format": fmt, "files": [{"name": "table.csv", "sha256": "0" * 64}]}
    (folder / "source.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    return folder


GERMAN = {"reader": "indicator_table", "file": "table.csv", "encoding": "utf-8", "delimiter": ";", "decimal": ",",
          "thousands": ".", "periods": "calendar",
          "columns": {"area": "Ort", "indicator": "Kennzahl", "value": "Wert", "unit": "Einheit", "period": "Jahr",
                      "basis": {"value": "census"}}}


def test_a_column_map_and_number_marks_from_the_declaration(tmp_path):
    folder = _folder(tmp_path, GERMAN)
    facts = read_declared(folder, read_source_meta(folder))
    row = facts.iloc[0]
    assert (row["area_id"], row["indicator_id"], row["value"], row["basis"]) == ("alpha", "population", 1234.5,
                                                                                 "census")


@pytest.mark.parametrize("change, key", [
    ({"encoding": None}, "format.encoding"),
    ({"periods": "lunar"}, "format.periods"),
    ({"decimal": ",", "thousands": ","}, "format.thousands"),
    ({"file": "other.csv"}, "format.file"),
    ({"encoding": "no-such-codec"}, "format.encoding"),
    ({"columns": {**GERMAN["columns"], "value": None}}, "format.columns.value"),
])
def test_an_incomplete_declaration_names_source_yaml_and_the_key(tmp_path, change, key):
    folder = _folder(tmp_path, {k: v for k, v in {**GERMAN, **change}.items() if v is not None})
    with pytest.raises(RawDataError) as err:
        read_declared(folder, read_source_meta(folder))
    assert err.value.file.endswith("source.yaml") and err.value.column == key


def test_a_declaration_that_contradicts_the_file_names_the_file(tmp_path):
    missing = _folder(tmp_path, {**GERMAN, "columns": {**GERMAN["columns"], "unit": "Masseinheit"}})
    with pytest.raises(RawDataError) as err:
        read_declared(missing, read_source_meta(missing))
    assert err.value.file.endswith("table.csv") and "Masseinheit" in str(err.value)
    shutil.rmtree(missing)
    wrong = _folder(tmp_path, GERMAN, "Ort;Kennzahl;Wert;Einheit;Jahr\n郡山;population;1,5;persons;2020\n", "cp932")
    with pytest.raises(RawDataError) as err:
        read_declared(wrong, read_source_meta(wrong))
    assert err.value.file.endswith("table.csv") and "utf-8" in str(err.value)
