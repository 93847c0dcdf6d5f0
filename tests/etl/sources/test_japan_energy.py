"""Source reader: Fukushima/Koriyama renewable energy (cp932, 年度, kW)."""
from pathlib import Path

import pandas as pd
import pytest

from etl.sources import japan_energy

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


@pytest.fixture(scope="module")
def facts():
    return japan_energy.read(RAW / japan_energy.SOURCE_ID)


def test_fukushima_renewable_share_fy2009_to_fy2023(facts):
    share = facts[facts["area_id"].eq("fukushima_pref") & facts["indicator_id"].eq("re_share_energy_demand")]
    series = share.set_index("period")["value"]
    assert series["FY2009"] == 20 and series["FY2023"] == 54.9 and series["FY2021"] == 47.0
    assert share["period_kind"].eq("fiscal_year").all()
    assert share.set_index("period").loc["FY2023", "ref_date"] == pd.Timestamp("2024-03-31")


def test_prefectural_product_from_reiwa_gannen_fiscal_year(facts):
    gpp = facts[facts["indicator_id"].eq("gdp_nominal")].iloc[0]    # 令和元年度 7.9870 兆円
    assert (gpp["area_id"], gpp["period"], gpp["value"], gpp["unit"]) == ("fukushima_pref", "FY2019", 7.987, "兆円")


def test_wind_in_kw_and_calendar_year(facts):
    wind = facts[facts["indicator_id"].eq("wind_capacity")].iloc[0]   # 2007年, "65,980" kW
    assert (wind["area_id"], wind["period"], wind["value"], wind["unit"]) == ("koriyama", "2007", 65980.0, "kW")


def test_shape(facts):
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1)) and set(facts["area_id"]) == {"fukushima_pref", "koriyama"}
