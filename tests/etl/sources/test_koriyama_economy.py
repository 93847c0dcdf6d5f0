"""Source reader: Koriyama economy (cp932, fiscal years 年度, 兆円/億円/万円)."""
from pathlib import Path

import pandas as pd
import pytest

from etl.sources import koriyama_economy

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


@pytest.fixture(scope="module")
def facts():
    return koriyama_economy.read(RAW / koriyama_economy.SOURCE_ID)


def row(facts, indicator, period):
    match = facts[facts["indicator_id"].eq(indicator) & facts["period"].eq(period)]
    assert len(match) == 1
    return match.iloc[0]


def test_fiscal_year_values(facts):
    gmp = row(facts, "gdp_nominal", "FY2011")                     # 平成23年度, 1.33 兆円
    assert (gmp["value"], gmp["unit"], gmp["period_kind"]) == (1.33, "兆円", "fiscal_year")
    assert gmp["ref_date"] == pd.Timestamp("2012-03-31") and gmp["year"] == 2011
    assert row(facts, "gdp_nominal", "FY2021")["value"] == 1.39   # 令和3年度
    income = row(facts, "municipal_income_total", "FY2020")       # 令和2年度, "9,699" 億円
    assert (income["value"], income["unit"]) == (9699.0, "億円")
    assert row(facts, "municipal_income_per_capita", "FY2018")["unit"] == "万円"


def test_census_unemployment(facts):
    rate = row(facts, "unemployment_rate", "2020-10-01")
    assert (rate["value"], rate["basis"]) == (2.4, "census")


def test_shape(facts):
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1)) and facts["area_id"].eq("koriyama").all()
