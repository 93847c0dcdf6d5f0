"""Source reader: IT.NRW official population update and Zensus results for Essen."""
from pathlib import Path

import pytest

from etl.sources import itnrw_population

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


@pytest.fixture(scope="module")
def facts():
    return itnrw_population.read(RAW / itnrw_population.SOURCE_ID)


def test_known_values(facts):
    census = facts[facts["basis"].eq("census")].set_index(["period", "value"])["preferred"]
    assert census[("2022-05-15", 571058.0)] == True  # noqa: E712 — marked "ja"
    assert census[("2022-05-15", 571039.0)] == False  # noqa: E712 — marked "nein"
    assert ("2011-05-09", 566201.0) in census.index
    update = facts[facts["basis"].eq("official_update")].set_index("period")["value"]
    assert update["2021-12-31"] == 579432
    assert set(facts["basis"]) == {"official_update", "census", "unspecified"}


def test_shape(facts):
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1))
    assert facts["area_id"].eq("essen").all() and facts["unit"].eq("persons").all()
