"""etl.schema: validation of the harmonised facts, with problems named by raw file, row and column."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from etl import pipeline
from etl.errors import ValidationError
from etl.schema import check_links, check_ranges_and_units, validate_facts


@pytest.fixture(scope="module")
def harmonised(tmp_path_factory):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "data"
    state = pipeline.run(raw=root / "raw", reference=root / "reference",
                         published=tmp_path_factory.mktemp("unused"), until="harmonise")
    return state


@pytest.fixture
def facts(harmonised):
    return harmonised.facts.copy()


def validate(harmonised, facts):
    return validate_facts(facts, harmonised.catalogues, [*harmonised.metas, "derived"])


def register_row(facts, period="2022-12-31"):
    hit = facts.index[facts["source_id"].eq("essen_register") & facts["period"].eq(period)
                      & facts["indicator_id"].eq("population")]
    assert len(hit) == 1
    return hit[0]


def problems_of(harmonised, facts) -> list[str]:
    with pytest.raises(ValidationError) as err:
        validate(harmonised, facts)
    return err.value.problems


def test_the_real_facts_pass(harmonised, facts):
    report = validate(harmonised, facts)
    assert report["facts"] == len(facts) > 200
    assert 0 < report["derived"] < report["facts"] and report["preferred"] > 0


@pytest.mark.parametrize("column,bad", [("area_id", "atlantis"), ("indicator_id", "happiness"),
                                        ("basis", "guess"), ("source_id", "nowhere"),
                                        ("period_kind", "decade")])
def test_unknown_catalogue_ids_are_named(harmonised, facts, column, bad):
    index = register_row(facts)
    if isinstance(facts[column].dtype, pd.CategoricalDtype):   # the harmonised table keeps texts categorical
        facts[column] = facts[column].cat.add_categories([bad])
    facts.loc[index, column] = bad
    problems = problems_of(harmonised, facts)
    where = "einwohner_melderegister.csv, row 17 (line 18)"
    assert any(where in p and f"column '{column}'" in p and bad in p for p in problems), problems


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_missing_or_infinite_values(harmonised, facts, bad):
    facts.loc[register_row(facts), "value"] = bad
    problems = problems_of(harmonised, facts)
    assert any("row 17" in p and "column 'value'" in p for p in problems), problems


def test_every_value_needs_a_reference_date(harmonised, facts):
    facts.loc[register_row(facts), "ref_date"] = pd.NaT
    problems = problems_of(harmonised, facts)
    assert any("row 17" in p and "column 'ref_date'" in p for p in problems), problems


def test_duplicate_key_is_reported_once_per_row_as_a_duplicate(harmonised, facts):
    index = register_row(facts)
    facts = pd.concat([facts, facts.loc[[index]]], ignore_index=True)
    problems = problems_of(harmonised, facts)
    duplicates = [p for p in problems if "duplicate key" in p]
    assert len(duplicates) == 2, problems
    assert "essen/population/register/2022-12-31/essen_register" in duplicates[0]
    assert "einwohner_melderegister.csv, row 17 (line 18), columns area_id" in duplicates[0]


def test_negative_value_where_impossible(harmonised, facts):
    facts.loc[register_row(facts), "value"] = -593489.0
    problems = problems_of(harmonised, facts)
    assert any("row 17 (line 18), column 'value': negative value -593489 for population" in p
               for p in problems), problems


def test_out_of_range_share(harmonised, facts):
    index = facts.index[facts["indicator_id"].eq("unemployment_rate")][0]
    facts.loc[index, "value"] = 250.0
    problems = check_ranges_and_units(facts, harmonised.catalogues["indicators"])
    assert len(problems) == 1 and "out of range value 250 for unemployment_rate" in problems[0]


def test_wrong_unit(harmonised, facts):
    facts.loc[register_row(facts), "unit"] = "EUR"
    problems = problems_of(harmonised, facts)
    assert any("row 17" in p and "column 'unit': unit 'EUR' is not a unit of population" in p
               for p in problems), problems


def test_check_links_names_unknown_ids():
    stakeholders = pd.DataFrame([{"id": "s1", "event_ids": "e1; e9", "raw_file": "st.csv", "raw_row": 4}])
    actions = pd.DataFrame([{"id": "a1", "stakeholder_ids": "s1;s2", "raw_file": "ac.csv", "raw_row": 2}])
    problems = check_links(stakeholders, actions, {"e1"})
    assert problems == ["st.csv, row 4 (line 5), column 'event_ids': unknown event 'e9'",
                        "ac.csv, row 2 (line 3), column 'stakeholder_ids': unknown stakeholder 's2'"]
