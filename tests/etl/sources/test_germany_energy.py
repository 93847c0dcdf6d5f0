"""Source reader: renewable energy in Germany, NRW and Essen."""
from pathlib import Path

import pytest

from etl.sources import germany_energy

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


@pytest.fixture(scope="module")
def facts():
    return germany_energy.read(RAW / germany_energy.SOURCE_ID)


def test_known_values_and_preferred_marks(facts):
    de = facts[facts["area_id"].eq("germany") & facts["indicator_id"].eq("re_share_gross_electricity_consumption")]
    marked = de[de["period"].eq("2023")].set_index("value")["preferred"]
    assert marked[52.5] == True and marked[51.8] == False  # noqa: E712
    assert de.set_index("period").loc["2022", "value"] == 46.3
    essen = facts[facts["area_id"].eq("essen")].set_index(["indicator_id", "period"])["value"]
    assert essen[("pv_capacity", "2022-10")] == 46.8
    assert essen[("electricity_demand", "2019")] == 991.5


def test_area_names_are_mapped(facts):
    assert set(facts["area_id"]) == {"germany", "nrw", "essen"}
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1))
