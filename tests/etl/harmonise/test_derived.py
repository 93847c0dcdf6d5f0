"""etl.harmonise.derived: density, per capita, euro values, PPP rate — and no filling of gaps."""
from __future__ import annotations

import pandas as pd
import pytest

from etl.harmonise.derived import add_derived, density, per_capita, population_for_year, ppp_rate

PLACES = pd.DataFrame([{"id": "essen", "population_bases": "register;official_update;census"},
                       {"id": "koriyama", "population_bases": "estimate;census;resident_register"},
                       {"id": "germany", "population_bases": ""}, {"id": "japan", "population_bases": ""}])


def f(area, indicator, period, value, unit, *, basis="", source="src", preferred=True, kind=None):
    if kind is None:
        kind = "fiscal_year" if period.startswith("FY") else ("day" if len(period) == 10 else "year")
    year = int(period[2:6] if kind == "fiscal_year" else period[:4])
    ref = {"day": period, "year": f"{year}-12-31", "fiscal_year": f"{year + 1}-03-31"}[kind]
    return {"area_id": area, "indicator_id": indicator, "basis": basis, "period": period, "period_kind": kind,
            "year": year, "ref_date": pd.Timestamp(ref), "value": float(value), "unit": unit,
            "preferred": preferred, "source_id": source, "source_url": "", "note": "", "raw_file": "x.csv",
            "raw_row": 1}


def facts(*rows):
    return pd.DataFrame(list(rows)).assign(derived=False)


def rows_of(frame, indicator):
    return frame[frame["indicator_id"].eq(indicator)]


def test_density_uses_the_latest_preferred_area():
    data = facts(f("essen", "area", "2010", 210.0, "km2"), f("essen", "area", "2022-12-31", 210.32, "km2", source="doc"),
                 f("essen", "population", "2022-12-31", 593489, "persons", basis="register"),
                 f("essen", "population", "2023-12-31", 595908, "persons", basis="register"))
    out = density(data)
    assert out["value"].tolist() == pytest.approx([593489 / 210.32, 595908 / 210.32])
    assert out["unit"].eq("persons/km2").all() and out["derived"].all() and out["source_id"].eq("derived").all()
    assert out["inputs"].eq("src;doc").all()
    assert "210.32 km²" in out["note"].iloc[0]
    assert out["period"].tolist() == ["2022-12-31", "2023-12-31"]


def test_no_area_means_no_density():
    data = facts(f("essen", "area", "2022", 210.32, "km2"),
                 f("koriyama", "population", "2020-10-01", 327692, "persons", basis="census"))
    assert density(data).empty


def test_not_preferred_values_are_not_used():
    data = facts(f("essen", "area", "2022", 210.32, "km2", preferred=False),
                 f("essen", "population", "2022-12-31", 593489, "persons", basis="register"))
    assert density(data).empty


def test_population_for_year_prefers_the_first_basis_then_the_latest_date():
    data = facts(f("essen", "population", "2022-05-15", 571058, "persons", basis="census"),
                 f("essen", "population", "2022-06-30", 590000, "persons", basis="register"),
                 f("essen", "population", "2022-12-31", 593489, "persons", basis="register"),
                 f("essen", "population", "2021-12-31", 579432, "persons", basis="official_update"))
    pop = population_for_year(data, PLACES)
    assert pop.loc[("essen", 2022), "value"] == 593489
    assert pop.loc[("essen", 2021), "value"] == 579432


def test_per_capita_needs_a_population_of_the_same_year():
    data = facts(f("essen", "gdp_nominal", "2015", 24.161e9, "EUR"), f("essen", "gdp_nominal", "2017", 24.6e9, "EUR"),
                 f("essen", "population", "2015-12-31", 584782, "persons", basis="register"))
    out = per_capita(data, PLACES)
    assert out["period"].tolist() == ["2015"]                  # 2017 has no population: no row
    assert out["value"].iloc[0] == pytest.approx(24.161e9 / 584782)
    assert out["unit"].iloc[0] == "EUR"
    assert "register 2015-12-31" in out["note"].iloc[0]


def test_per_capita_ignores_undated_document_figures():
    data = facts(f("essen", "gdp_nominal", "2023", 25.3e9, "EUR", basis="document"),
                 f("essen", "population", "2023-12-31", 595908, "persons", basis="register"))
    assert per_capita(data, PLACES).empty


def test_fiscal_year_gdp_per_capita_uses_the_population_of_its_start_year():
    data = facts(f("koriyama", "gdp_nominal", "FY2020", 1.3e12, "JPY"),
                 f("koriyama", "population", "2020-10-01", 327692, "persons", basis="census"))
    out = per_capita(data, PLACES)
    assert out["value"].iloc[0] == pytest.approx(1.3e12 / 327692)
    assert out["unit"].iloc[0] == "JPY"


def rates():
    return [f("japan", "fx_jpy_per_eur", "2021", 129.88, "JPY/EUR"),
            f("germany", "ppp_conversion_factor", "2021", 0.706697, "LCU/intl$"),
            f("japan", "ppp_conversion_factor", "2021", 99.211289, "LCU/intl$"),
            f("japan", "ppp_conversion_factor", "2022", 94.922107, "LCU/intl$")]


def test_ppp_rate_only_where_both_factors_exist():
    out = ppp_rate(facts(*rates()))
    assert out["period"].tolist() == ["2021"]
    assert out["value"].iloc[0] == pytest.approx(99.211289 / 0.706697)
    assert out["unit"].iloc[0] == "JPY/EUR"


def test_add_derived_converts_at_market_rate_and_ppp_without_filling_gaps():
    data = facts(*rates(),
                 f("koriyama", "gdp_nominal", "FY2021", 1.39e12, "JPY"),
                 f("koriyama", "gdp_nominal", "FY2013", 1.45e12, "JPY"),            # no 2013 rate
                 f("koriyama", "population", "2021-10-01", 325000, "persons", basis="estimate"),
                 f("essen", "gdp_nominal", "2014", 25.5e9, "EUR"))                  # euros: no rate needed
    out = add_derived(data, PLACES)
    gdp_eur = rows_of(out, "gdp_eur").set_index(["area_id", "period"])["value"]
    assert gdp_eur[("koriyama", "FY2021")] == pytest.approx(1.39e12 / 129.88)
    assert ("koriyama", "FY2013") not in gdp_eur.index
    assert gdp_eur[("essen", "2014")] == 25.5e9
    gdp_ppp = rows_of(out, "gdp_eur_ppp").set_index(["area_id", "period"])["value"]
    assert gdp_ppp[("koriyama", "FY2021")] == pytest.approx(1.39e12 / (99.211289 / 0.706697))
    assert ("koriyama", "FY2013") not in gdp_ppp.index
    per_head = rows_of(out, "gdp_per_capita_eur").set_index(["area_id", "period"])["value"]
    assert per_head.to_dict() == {("koriyama", "FY2021"): pytest.approx(1.39e12 / 325000 / 129.88)}
    note = rows_of(out, "gdp_eur").set_index("period").loc["FY2021", "note"]
    assert "129.88 JPY/EUR" in note and "fiscal year" in note
    # which currency a figure was converted from is a column, not a phrase of the note
    converted = rows_of(out, "gdp_eur").set_index("area_id")["converted_from"]
    assert converted["koriyama"] == "JPY" and converted["essen"] == ""
    assert out[~out["derived"]]["converted_from"].eq("").all()
    # every derived row is marked, preferred, sourced and has a value
    derived = out[out["derived"]]
    assert derived["source_id"].eq("derived").all() and derived["preferred"].all()
    assert derived["value"].notna().all()
    assert len(out[~out["derived"]]) == len(data)


def test_a_missing_input_gives_no_derived_row():
    data = facts(f("koriyama", "gdp_nominal", "FY2021", 1.39e12, "JPY"))  # no rates, no population, no area
    out = add_derived(data, PLACES)
    assert not out["derived"].any()


@pytest.mark.parametrize("rows", [
    [],                                                                         # nothing at all
    [f("essen", "population", "2022-12-31", 593489, "persons", basis="register")],  # no area, no GDP
    [f("essen", "area", "2022", 210.32, "km2")],                                # area, no population
    [f("essen", "gdp_nominal", "2015", 24.161e9, "EUR")],                       # GDP, no population
])
def test_gaps_in_the_inputs_give_no_derived_rows_and_no_crash(rows):
    base = facts(*rates(), *rows)
    out = add_derived(base, PLACES)
    derived = out[out["derived"]]
    expected = {"ppp_jpy_per_eur"} | ({"gdp_eur", "gdp_eur_ppp"} if any(r["indicator_id"] == "gdp_nominal"
                                                                       for r in rows) else set())
    assert set(derived["indicator_id"]) == expected
