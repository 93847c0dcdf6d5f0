"""Source reader: the partnership's own documents (headline figures, events, stakeholders, actions)."""
from pathlib import Path

import pandas as pd
import pytest

from etl.sources import seed_documents

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"
SEED = RAW / seed_documents.SOURCE_ID


@pytest.fixture(scope="module")
def facts():
    return seed_documents.read(SEED)


def test_headline_figures(facts):
    values = facts.set_index(["area_id", "indicator_id"])
    essen_pop = values.loc[("essen", "population")]
    assert (essen_pop["value"], essen_pop["basis"], essen_pop["ref_date"]) == (593489, "register",
                                                                               pd.Timestamp("2022-12-31"))
    koriyama_pop = values.loc[("koriyama", "population")]
    assert (koriyama_pop["value"], koriyama_pop["basis"], koriyama_pop["period"]) == (323350, "estimate",
                                                                                      "2023-02-01")
    assert values.loc[("essen", "area"), "value"] == 210.32
    assert values.loc[("koriyama", "area"), "value"] == 757.20
    assert values.loc[("koriyama", "extent_ew_km"), "value"] == 46.78
    assert values.loc[("essen", "companies"), "value"] == 23250


def test_undated_document_figures_carry_the_document_basis(facts):
    gdp = facts[facts["indicator_id"].eq("gdp_nominal")].iloc[0]
    assert (gdp["value"], gdp["unit"], gdp["basis"]) == (25.3, "bn EUR", "document")
    assert facts.set_index("indicator_id").loc["highly_qualified_share", "basis"] == "document"
    assert facts["note"].str.startswith("document 000").all()


def test_events_stakeholders_actions():
    events = seed_documents.read_events(SEED)
    assert len(events) >= 40
    assert events["id"].is_unique and events["raw_row"].tolist()[:2] == [1, 2]
    assert len(seed_documents.read_stakeholders(SEED)) > 0
    assert len(seed_documents.read_actions(SEED)) > 0
