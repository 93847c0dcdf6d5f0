"""The English long format shared by hand-transcribed sources: area, indicator, value, unit, period, …"""
from __future__ import annotations

from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

COLUMNS = ["area", "indicator", "value", "unit", "period", "preferred", "source_url", "note"]


def read_indicator_table(path: Path, source_id: str):
    """UTF-8, comma-separated, ISO periods, English numbers; one row per figure."""
    table = read_table(path, encoding="utf-8", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, source_id, numbers="en", periods="iso", area="[area]",
                      indicator="[indicator]", value="value", unit="[unit]", period="period",
                      preferred="preferred", url="source_url", note="note")
