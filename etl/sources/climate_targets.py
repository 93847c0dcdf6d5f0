"""Climate and renewable-energy targets of Essen, Koriyama and Fukushima Prefecture (council decisions, plans)."""
from pathlib import Path

import pandas as pd

from etl.errors import RawDataError
from etl.extract.tables import read_table
from etl.harmonise.numbers import parse_number

SOURCE_ID = "climate_targets"
FILE = "targets.csv"
COLUMNS = ["area", "target", "target_year_from", "target_year_to", "target_value", "unit",
           "decided", "source_url", "note"]
TARGET_COLUMNS = ["area_id", "target", "year_from", "year_to", "value", "unit", "decided",
                  "source_id", "source_url", "note", "raw_file", "raw_row"]


def _year(text: str, path: Path, row: int, column: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise RawDataError(path, f"not a year: {text!r}", row=row, column=column) from None
    if not 1900 <= value <= 2100:
        raise RawDataError(path, f"year out of range: {value}", row=row, column=column)
    return value


def read(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8", delimiter=",", columns=COLUMNS)
    rows = []
    for rec in table.to_dict("records"):
        row = rec["_row"]
        year_from = _year(rec["target_year_from"], path, row, "target_year_from")
        year_to = _year(rec["target_year_to"], path, row, "target_year_to") if rec["target_year_to"] else year_from
        if year_to < year_from:
            raise RawDataError(path, "target_year_to is before target_year_from", row=row, column="target_year_to")
        value = None
        if rec["target_value"]:
            try:
                value = parse_number(rec["target_value"], "en")
            except ValueError as exc:
                raise RawDataError(path, str(exc), row=row, column="target_value") from None
        rows.append({"area_id": rec["area"], "target": rec["target"], "year_from": year_from,
                     "year_to": year_to, "value": value, "unit": rec["unit"], "decided": rec["decided"],
                     "source_id": SOURCE_ID, "source_url": rec["source_url"], "note": rec["note"],
                     "raw_file": path.as_posix(), "raw_row": row})
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)
