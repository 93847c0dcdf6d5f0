"""Source reader: World Bank PPP conversion factors."""
from pathlib import Path

from etl.sources import worldbank_ppp

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


def test_known_values():
    facts = worldbank_ppp.read(RAW / worldbank_ppp.SOURCE_ID)
    factors = facts.set_index(["area_id", "year"])["value"]
    assert factors[("japan", 2023)] == 93.831737
    assert factors[("germany", 2023)] == 0.701054
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1)) and set(facts["area_id"]) == {"germany", "japan"}
    assert facts["indicator_id"].eq("ppp_conversion_factor").all()
