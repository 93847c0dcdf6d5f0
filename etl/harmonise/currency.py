"""EUR/JPY conversion at the annual average market rate and at purchasing power parity."""
from __future__ import annotations

import pandas as pd

from etl.frames import plain


def rate_tables(facts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(market JPY per EUR by year, PPP JPY per EUR by year) from the preferred published facts."""
    pref = plain(facts.loc[facts["preferred"] & facts["indicator_id"].isin(["fx_jpy_per_eur", "ppp_conversion_factor"]),
                           ["indicator_id", "area_id", "year", "value"]])
    fx = pref[pref["indicator_id"].eq("fx_jpy_per_eur")].set_index("year")["value"]
    ppp = pref[pref["indicator_id"].eq("ppp_conversion_factor")].pivot_table(
        index="year", columns="area_id", values="value", aggfunc="first")
    if {"japan", "germany"} <= set(ppp.columns):
        implied = (ppp["japan"] / ppp["germany"]).dropna()
    else:
        implied = pd.Series(dtype=float)
    return fx.sort_index(), implied.sort_index()


def to_eur(values: pd.Series, units: pd.Series, years: pd.Series, rates: pd.Series) -> pd.Series:
    """Convert JPY values to EUR at ``rates`` (JPY per EUR, indexed by year); EUR stays; no rate → NaN."""
    rate = years.map(rates)
    out = pd.Series(float("nan"), index=values.index)
    out[units.eq("EUR")] = values[units.eq("EUR")]
    jpy = units.eq("JPY")
    out[jpy] = values[jpy] / rate[jpy]
    return out
