"""Source reader: hospitals, beds, students."""
from pathlib import Path

from etl.sources import health_education

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


def test_known_values():
    facts = health_education.read(RAW / health_education.SOURCE_ID)
    values = facts.set_index(["area_id", "indicator_id"])["value"]
    assert values[("essen", "hospitals")] == 16
    assert values[("essen", "hospital_beds")] == 6270
    assert values[("koriyama", "largest_hospital_beds")] == 1086
    assert len(facts) == 5 and set(facts["unit"]) == {"count", "beds", "students"}
