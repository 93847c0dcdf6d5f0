"""Units as the sources write them → the published base units, with the factor between them."""
from __future__ import annotations

# raw unit (as written in a raw file) → (base unit, factor)
UNITS: dict[str, tuple[str, float]] = {
    # people and things
    "persons": ("persons", 1), "Personen": ("persons", 1), "人": ("persons", 1),
    "千人": ("persons", 1_000),
    "count": ("count", 1), "Anzahl": ("count", 1), "事業所": ("count", 1),
    "beds": ("count", 1), "students": ("count", 1),
    # place
    "km2": ("km2", 1), "km²": ("km2", 1), "km": ("km", 1), "m": ("m", 1),
    # money
    "EUR": ("EUR", 1), "Mio. EUR": ("EUR", 1e6), "Mrd. EUR": ("EUR", 1e9), "bn EUR": ("EUR", 1e9),
    "mn EUR": ("EUR", 1e6),
    "JPY": ("JPY", 1), "円": ("JPY", 1), "千円": ("JPY", 1e3), "万円": ("JPY", 1e4),
    "百万円": ("JPY", 1e6), "億円": ("JPY", 1e8), "兆円": ("JPY", 1e12),
    # shares
    "%": ("percent", 1),
    # energy
    "kW": ("MW", 1e-3), "MW": ("MW", 1), "GW": ("MW", 1e3),
    "MWh": ("GWh", 1e-3), "GWh": ("GWh", 1), "TWh": ("GWh", 1e3),
    "kt-CO2": ("kt_co2", 1), "t-CO2": ("kt_co2", 1e-3),
    # rates
    "JPY per EUR": ("JPY/EUR", 1), "LCU per international $": ("LCU/intl$", 1),
}
