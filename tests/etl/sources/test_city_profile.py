"""Source reader: city profile (area, elevation, districts)."""
from pathlib import Path

from etl.sources import city_profile

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


def test_known_values():
    facts = city_profile.read(RAW / city_profile.SOURCE_ID)
    values = facts.set_index(["area_id", "indicator_id", "period"])["value"]
    assert values[("koriyama", "area", "2021")] == 757.20
    assert values[("koriyama", "area", "2010")] == 757.06
    assert values[("essen", "stadtbezirke", "1975")] == 9
    assert values[("toyota", "population", "2025-01-01")] == 414502
    assert values[("essen", "area", "2020")] == 210.34      # the other sources' Essen area, beside 210.32
    assert len(facts) == 8
