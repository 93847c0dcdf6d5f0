"""Source reader: ECB EUR/JPY annual averages."""
from pathlib import Path

from etl.sources import ecb_eurjpy

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


def test_known_values():
    facts = ecb_eurjpy.read(RAW / ecb_eurjpy.SOURCE_ID)
    rates = facts.set_index("year")["value"]
    assert rates[2023] == 151.99 and rates[2015] == 134.31 and rates[2024] == 163.85
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1)) and facts["indicator_id"].eq("fx_jpy_per_eur").all()
    assert facts["unit"].eq("JPY per EUR").all() and facts["period_kind"].eq("year").all()
