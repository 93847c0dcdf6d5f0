"""Source reader: climate targets (not facts: a table of its own)."""
from pathlib import Path

import pytest

from etl.errors import RawDataError
from etl.sources import climate_targets

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


def test_known_values():
    targets = climate_targets.read(RAW / climate_targets.SOURCE_ID)
    essen = targets.set_index("area_id").loc["essen"]
    assert (essen["target"], essen["year_from"], essen["year_to"]) == ("net_zero_co2", 2030, 2040)
    fukushima = targets.set_index("area_id").loc["fukushima_pref"]
    assert (fukushima["value"], fukushima["unit"], fukushima["year_to"]) == (100.0, "%", 2040)
    assert targets.set_index("area_id").loc["koriyama", "decided"] == "2019-11-28"
    assert len(targets) == 3


def test_bad_year_names_row_and_column(tmp_path):
    text = (RAW / climate_targets.SOURCE_ID / climate_targets.FILE).read_text(encoding="utf-8")
    (tmp_path / climate_targets.FILE).write_text(text.replace("koriyama,net_zero_co2,2050,2050",
                                                              "koriyama,net_zero_co2,2050,2O50"), encoding="utf-8")
    with pytest.raises(RawDataError) as err:
        climate_targets.read(tmp_path)
    assert (err.value.row, err.value.column) == (2, "target_year_to")
