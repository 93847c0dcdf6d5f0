"""etl.harmonise.units: raw units → published base units."""
from __future__ import annotations

import pandas as pd
import pytest

from etl.harmonise.units import UNITS


@pytest.mark.parametrize("value,unit,expected,base", [
    (327.692, "千人", 327_692, "persons"),
    (9_667, "億円", 966_700_000_000, "JPY"),
    (1.33, "兆円", 1_330_000_000_000, "JPY"),
    (7.987, "兆円", 7_987_000_000_000, "JPY"),
    (295, "万円", 2_950_000, "JPY"),
    (24_161, "百万円", 24_161_000_000, "JPY"),
    (5, "千円", 5_000, "JPY"),
    (65_980, "kW", 65.98, "MW"),
    (3_961, "MW", 3_961, "MW"),
    (1.2, "GW", 1_200, "MW"),
    (991.5, "GWh", 991.5, "GWh"),
    (15_029_000, "MWh", 15_029, "GWh"),
    (24_161, "Mio. EUR", 24_161_000_000, "EUR"),
    (25.3, "Mrd. EUR", 25_300_000_000, "EUR"),
    (25.3, "bn EUR", 25_300_000_000, "EUR"),
    (2_781, "kt-CO2", 2_781, "kt_co2"),
    (593_489, "Personen", 593_489, "persons"),
    (12.0, "%", 12.0, "percent"),
    (210.32, "km²", 210.32, "km2"),
])
def test_units_table_converts_to_base(value, unit, expected, base):
    got_base, factor = UNITS[unit]
    assert value * factor == pytest.approx(expected)
    assert got_base == base


def test_every_base_unit_is_a_catalogue_unit(real_reference):
    indicators = pd.read_csv(real_reference / "indicators.csv", dtype=str, keep_default_na=False)
    catalogue_units = {u for units in indicators["units"] for u in units.split(";")}
    bases = {base for base, _ in UNITS.values()}
    assert bases <= catalogue_units, bases - catalogue_units
