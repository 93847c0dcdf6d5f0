"""Hospitals, beds and students in both cities (press, hospital and university figures)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "health_education"
FILE = "health_education.csv"
COLUMNS = ["area", "indicator", "value", "unit", "period", "preferred", "source_url", "note"]


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="en", periods="iso", area="[area]",
                      indicator="[indicator]", value="value", unit="[unit]", period="period",
                      preferred="preferred", url="source_url", note="note")
