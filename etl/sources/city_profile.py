"""Area, elevation and subdivisions of the cities (official statistics and reference works)."""
from pathlib import Path

from etl.extract.indicator_table import COLUMNS, read_indicator_table

SOURCE_ID = "city_profile"
FILE = "city_profile.csv"
__all__ = ["COLUMNS", "SOURCE_ID", "FILE", "read"]


def read(source_dir: Path):
    return read_indicator_table(Path(source_dir) / FILE, SOURCE_ID)
