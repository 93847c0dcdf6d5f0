"""Source reader: Essen economy (German numbers: decimal comma and thousands dot, Mrd./Mio. EUR)."""
from pathlib import Path

import pytest

from etl.sources import essen_economy

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


@pytest.fixture(scope="module")
def facts():
    return essen_economy.read(RAW / essen_economy.SOURCE_ID)


def value(facts, indicator, period):
    row = facts[facts["indicator_id"].eq(indicator) & facts["period"].eq(period)]
    assert len(row) == 1
    return row["value"].iloc[0], row["unit"].iloc[0]


def test_known_values(facts):
    assert value(facts, "gdp_nominal", "2011") == (23.8, "Mrd. EUR")        # "23,8"
    assert value(facts, "gdp_nominal", "2015") == (24161.0, "Mio. EUR")     # "24.161"
    assert value(facts, "gdp_per_employed", "2019") == (77357.0, "EUR")
    assert value(facts, "employees_social_insurance", "2017-06-30") == (240680.0, "Personen")
    assert value(facts, "unemployment_rate", "2017-09") == (12.0, "%")


def test_unemployment_has_its_definition_as_basis(facts):
    assert facts.loc[facts["indicator_id"].eq("unemployment_rate"), "basis"].eq("registered").all()
    assert facts.loc[~facts["indicator_id"].eq("unemployment_rate"), "basis"].eq("").all()


def test_shape(facts):
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1)) and facts["area_id"].eq("essen").all()
