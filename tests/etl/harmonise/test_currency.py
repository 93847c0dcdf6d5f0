"""etl.harmonise.currency: EUR/JPY at the annual average market rate and at PPP."""
from __future__ import annotations

import pandas as pd
import pytest

from etl.harmonise.currency import rate_tables, to_eur


def fact(area, indicator, year, value, preferred=True):
    return {"area_id": area, "indicator_id": indicator, "year": year, "value": value, "preferred": preferred}


@pytest.fixture
def rates_facts():
    return pd.DataFrame([
        fact("japan", "fx_jpy_per_eur", 2022, 138.03), fact("japan", "fx_jpy_per_eur", 2023, 151.99),
        fact("japan", "fx_jpy_per_eur", 2023, 150.0, preferred=False),   # not preferred: ignored
        fact("germany", "ppp_conversion_factor", 2022, 0.688423),
        fact("japan", "ppp_conversion_factor", 2022, 94.922107),
        fact("germany", "ppp_conversion_factor", 2023, 0.701054),
        fact("japan", "ppp_conversion_factor", 2023, 93.831737),
        fact("japan", "ppp_conversion_factor", 2021, 99.211289),          # no German factor for 2021
    ])


def test_rate_tables(rates_facts):
    fx, ppp = rate_tables(rates_facts)
    assert fx.to_dict() == {2022: 138.03, 2023: 151.99}
    assert ppp.index.tolist() == [2022, 2023]
    assert ppp[2023] == pytest.approx(93.831737 / 0.701054)   # ≈ 133.84 JPY per EUR at PPP
    assert ppp[2022] == pytest.approx(137.88, abs=0.01)


def test_to_eur_at_market_rate_and_at_ppp(rates_facts):
    fx, ppp = rate_tables(rates_facts)
    values = pd.Series([1.39e12, 25.3e9, 1.0e12, 5.0e9])
    units = pd.Series(["JPY", "EUR", "JPY", "EUR"])
    years = pd.Series([2023, 2023, 2019, 2019])
    market = to_eur(values, units, years, fx)
    assert market[0] == pytest.approx(1.39e12 / 151.99)
    assert market[1] == 25.3e9                       # euros stay euros, whatever the year
    assert pd.isna(market[2])                         # no rate for 2019: a gap, not an estimate
    assert market[3] == 5.0e9
    at_ppp = to_eur(values, units, years, ppp)
    assert at_ppp[0] == pytest.approx(1.39e12 / (93.831737 / 0.701054))
    assert pd.isna(at_ppp[2])


def test_without_both_ppp_factors_there_is_no_ppp_rate():
    facts = pd.DataFrame([fact("japan", "ppp_conversion_factor", 2022, 94.9),
                          fact("japan", "fx_jpy_per_eur", 2022, 138.03)])
    fx, ppp = rate_tables(facts)
    assert fx.to_dict() == {2022: 138.03}
    assert ppp.empty
