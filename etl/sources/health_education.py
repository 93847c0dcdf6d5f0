"""Hospitals, beds and students in both cities (press, hospital and university figures)."""
from pathlib import Path

from etl.extract.indicator_table import COLUMNS, read_indicator_table

SOURCE_ID = "health_education"
FILE = "health_education.csv"
__all__ = ["COLUMNS", "SOURCE_ID", "FILE", "read"]


def read(source_dir: Path):
    return read_indicator_table(Path(source_dir) / FILE, SOURCE_ID)
