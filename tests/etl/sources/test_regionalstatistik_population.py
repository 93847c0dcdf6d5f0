"""Source reader: regionalstatistik.de table 12411-01-01-4, the recorded tablefile zip."""
from pathlib import Path

import pytest

from etl.sources import regionalstatistik_population as source

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


@pytest.fixture(scope="module")
def facts():
    return source.read(RAW / source.SOURCE_ID)


def test_essen_official_population_2024(facts):
    assert len(facts) == 1
    row = facts.iloc[0]
    assert (row["area_id"], row["indicator_id"], row["basis"]) == ("essen", "population", "official_update_zensus2022")
    assert row["period"] == "2024-12-31" and row["value"] == 574682 and row["unit"] == "persons"
    assert "12411-01-01-4" in row["source_url"] and "Zensus 2022" in row["note"]


def test_rows_point_into_the_zip(facts):
    assert facts.iloc[0]["raw_file"].endswith(source.FILE)
    assert facts.iloc[0]["raw_row"] > 1
