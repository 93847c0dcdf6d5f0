"""Derived indicators: density, GDP per capita, euro values at market rate and at PPP, PPP rate.

Every derived row names its inputs (source ids) and how it was computed; nothing is filled in:
when an input is missing for a period, the derived figure is missing too.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from etl.frames import as_category, concat, constant, plain
from etl.harmonise.currency import rate_tables, to_eur

DERIVED_SOURCE = "derived"
INPUTS = ["area", "population", "gdp_nominal", "fx_jpy_per_eur", "ppp_conversion_factor"]


def _rows(base: pd.DataFrame, indicator: str, values: pd.Series, unit, note: pd.Series,
          inputs: pd.Series, converted_from: pd.Series | str = "") -> pd.DataFrame:
    """Derived rows, each a copy of its ``base`` row (the fact rows as the table keeps them: repeated texts
    categorical, see :mod:`etl.frames`) with the figure's own columns; ``converted_from``: the currency a
    value was converted from ("" when it was not). A text given once holds for every row."""
    out = base.copy()

    def text(value) -> pd.Series:
        if isinstance(value, str):
            return pd.Series(constant(value, len(out)), index=out.index)
        return as_category(value)

    out["indicator_id"] = text(indicator)
    out["value"] = values
    out["unit"] = text(unit)
    out["note"] = text(note)
    out["inputs"] = text(inputs)
    out["source_id"] = text(DERIVED_SOURCE)      # publisher, quality and page of the main input are kept
    out["preferred"] = True
    out["derived"] = True
    out["converted_from"] = text(converted_from)
    return out[out["value"].notna()]


def _each_distinct(values: pd.Series, text) -> pd.Series:
    """``text(v)`` for every value (missing → ""), computed once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = np.array([text(v) for v in uniques] + [""], dtype=object)
    return pd.Series(texts[codes], index=values.index, dtype="str")


def valid_from(rows: pd.DataFrame) -> pd.Series:
    """The first day a figure stated for a period holds: the day itself, the month's or the year's first day."""
    start = rows["ref_date"].dt.to_period("M").dt.to_timestamp().astype("datetime64[ns]").where(rows["period_kind"].eq("month"), rows["ref_date"])
    year = pd.to_datetime(rows["year"].astype(str) + "-01-01").astype("datetime64[ns]")
    return start.where(~rows["period_kind"].isin(["year", "document_year"]), year).astype("datetime64[ns]")


def density(facts: pd.DataFrame) -> pd.DataFrame:
    """Population ÷ the area valid at the population's reference date: the latest preferred area stated
    for a period that began on or before that date. A population older than every stated area gets no density (the territory
    may have been different then: Essen 1962 had another city area)."""
    pref = plain(facts.loc[facts["preferred"] & facts["indicator_id"].isin(["area", "population"]),
                           ["area_id", "indicator_id", "ref_date", "value", "period", "period_kind", "year",
                            "source_id", "note"]])          # the columns used here, as text
    area = pref[pref["indicator_id"].eq("area")][["area_id", "ref_date", "value", "period", "source_id"]]
    area = area.assign(ref_date=valid_from(pref.loc[area.index]).astype("datetime64[ns]"))
    area = area.rename(columns={"ref_date": "_area_date", "value": "_km2", "period": "_area_period",
                                "source_id": "_area_source"}).sort_values("_area_date")
    pop = pref[pref["indicator_id"].eq("population") & pref["area_id"].isin(area["area_id"].unique())]
    if pop.empty:
        return _rows(facts.loc[pop.index], "density", pop["value"].astype(float), "persons/km2", pop["note"], pop["source_id"])
    order = pd.DataFrame({"area_id": pop["area_id"], "ref_date": pop["ref_date"].astype("datetime64[ns]"),
                          "_i": range(len(pop))}).sort_values("ref_date")
    joined = pd.merge_asof(order, area, left_on="ref_date", right_on="_area_date", by="area_id",
                           direction="backward").sort_values("_i")
    joined.index = pop.index
    km2 = joined["_km2"].astype(float)
    note = ("area " + _each_distinct(km2, lambda v: f"{v:g} km²") + " ("
            + joined["_area_period"].fillna("").astype(str) + ")")
    inputs = pop["source_id"] + ";" + joined["_area_source"].fillna("").astype(str)
    return _rows(facts.loc[pop.index], "density", pop["value"] / km2, "persons/km2", note, inputs)


def population_for_year(facts: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One population per (area, year): the first basis in the place's order, latest date in the year."""
    pref = plain(facts.loc[facts["preferred"] & facts["indicator_id"].eq("population"),
                           ["area_id", "basis", "ref_date", "year", "value", "period", "source_id"]])
    order = {r.id: [b for b in r.population_bases.split(";") if b] for r in places.itertuples()}
    codes, pairs = pd.MultiIndex.from_arrays([pref["area_id"], pref["basis"]]).factorize()
    rank = np.array([order.get(a, []).index(b) if b in order.get(a, []) else 99 for a, b in pairs] + [99],
                    dtype=np.int64)[codes]                     # looked up once per (area, basis)
    pref = pref.assign(_rank=rank).sort_values(["_rank", "ref_date"], ascending=[True, False])
    return pref.groupby(["area_id", "year"], sort=False).head(1).set_index(["area_id", "year"])


def per_capita(facts: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    gdp = plain(facts.loc[facts["preferred"] & facts["indicator_id"].eq("gdp_nominal") & facts["basis"].ne("document"),
                          ["area_id", "year", "value", "unit", "source_id"]])
    pop = population_for_year(facts, places)[["value", "basis", "period", "source_id"]]
    pop.columns = ["_persons", "_basis", "_period", "_source"]
    joined = gdp[["area_id", "year"]].join(pop, on=["area_id", "year"])  # one vectorised look-up
    persons = joined["_persons"].astype(float)
    basis, when, src = (joined[c].fillna("").astype(str) for c in ("_basis", "_period", "_source"))
    note = "population " + basis + " " + when
    return _rows(facts.loc[gdp.index], "gdp_per_capita", gdp["value"] / persons, gdp["unit"], note,
                 gdp["source_id"] + ";" + src)


def in_euros(facts: pd.DataFrame, indicator: str, name: str | None = None) -> pd.DataFrame:
    """``<name>_eur`` (market rate) and ``<name>_eur_ppp`` rows for every preferred value of ``indicator``
    (``name``: the indicator's own id unless given)."""
    fx, ppp = rate_tables(facts)
    rows = plain(facts.loc[facts["preferred"] & facts["indicator_id"].eq(indicator),
                           ["value", "unit", "year", "period_kind", "inputs"]])
    frames = []
    for suffix, rates, label in (("_eur", fx, "ECB annual average"), ("_eur_ppp", ppp, "PPP (World Bank ICP)")):
        values = to_eur(rows["value"], rows["unit"], rows["year"], rates)
        rate_text = _each_distinct(rows["year"].map(rates), lambda r: f"{r:.2f}")
        fiscal = rows["period_kind"].eq("fiscal_year")
        note = pd.Series("", index=rows.index)
        jpy = rows["unit"].eq("JPY")
        note[jpy] = ("converted at " + rate_text[jpy] + " JPY/EUR, " + label + " "
                     + rows.loc[jpy, "year"].astype(str))
        note[jpy & fiscal] = note[jpy & fiscal] + " (year the fiscal year starts)"
        note[~jpy] = "in euros as published"
        source = "ecb_eurjpy" if suffix == "_eur" else "worldbank_ppp"
        inputs = rows["inputs"] + pd.Series(";" + source, index=rows.index).where(jpy, "")
        converted = pd.Series("", index=rows.index).where(~jpy, "JPY")
        frames.append(_rows(facts.loc[rows.index], (name or indicator) + suffix, values, "EUR", note, inputs,
                            converted))
    return concat(frames)


def ppp_rate(facts: pd.DataFrame) -> pd.DataFrame:
    _, implied = rate_tables(facts)
    base = facts.loc[facts["preferred"] & facts["indicator_id"].eq("ppp_conversion_factor")
                     & facts["area_id"].eq("japan") & facts["year"].isin(implied.index), ["year"]]
    note = pd.Series("PPP factor Japan ÷ PPP factor Germany", index=base.index)
    inputs = pd.Series("worldbank_ppp", index=base.index)
    return _rows(facts.loc[base.index], "ppp_jpy_per_eur", base["year"].map(implied), "JPY/EUR", note, inputs)


def derived_parts(facts: pd.DataFrame, places: pd.DataFrame) -> list[pd.DataFrame]:
    """The facts (with ``derived``, ``inputs`` and ``converted_from``) followed by the derived figures,
    in the published order of parts: to be joined with :func:`etl.frames.concat`."""
    facts = facts.assign(derived=False, inputs=facts["source_id"],     # "" on every row: one code each
                         converted_from=pd.Series(constant("", len(facts)), index=facts.index))
    # every derived figure is computed from these indicators alone: one small frame (rows in table order),
    # not a pass over all facts for each figure
    given = facts[facts["indicator_id"].isin(INPUTS)].reset_index(drop=True)
    pc = per_capita(given, places)
    # the euro figures need only GDP, GDP per capita and the rates
    money = concat([given[given["indicator_id"].isin(["gdp_nominal", "fx_jpy_per_eur", "ppp_conversion_factor"])],
                    pc])
    return [facts, pc, density(given), in_euros(money, "gdp_nominal", "gdp"), in_euros(money, "gdp_per_capita"),
            ppp_rate(given)]


def add_derived(facts: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    return concat(derived_parts(facts, places))
