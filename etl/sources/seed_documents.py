"""The partnership's own documents: headline figures and the dated events of the cooperation."""
from pathlib import Path

import pandas as pd

from etl.errors import RawDataError
from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "seed_documents"
FIGURES = "headline_figures.csv"
EVENTS = "events.csv"
STAKEHOLDERS = "stakeholders.csv"
ACTIONS = "action_plan.csv"
FIGURE_COLUMNS = ["area", "indicator", "value", "unit", "period", "document", "locator", "note"]
EVENT_COLUMNS = ["id", "date_start", "date_end", "precision", "field", "place", "place_detail", "kind",
                 "status", "milestone", "title_en", "title_de", "title_ja", "description_en",
                 "description_de", "description_ja", "participants", "document", "locator", "pair"]
STAKEHOLDER_COLUMNS = ["id", "name_en", "name_de", "name_ja", "kind", "city", "fields", "event_ids",
                       "document", "locator", "pair"]
ACTION_COLUMNS = ["id", "field", "action_en", "action_de", "action_ja", "stakeholder_ids", "status",
                  "document", "locator", "pair"]
# Population in the documents: Essen quotes its register, Koriyama its estimated population (推計人口).
POPULATION_BASIS = {"essen": "register", "koriyama": "estimate"}


# Figures the slides give without their own reference year carry the document's year and the basis
# "document", so that they are never mistaken for statistics of that year.
UNDATED_IN_DOCUMENT = {"gdp", "companies", "persons_employed", "highly_qualified_share"}
INDICATOR = {"gdp": "gdp_nominal"}


def _basis(record: dict) -> str:
    if record["indicator"] == "population":
        return POPULATION_BASIS.get(record["area"], "unspecified")
    return "document" if record["indicator"] in UNDATED_IN_DOCUMENT else ""


def _indicator(record: dict) -> str:
    return INDICATOR.get(record["indicator"], record["indicator"])


def _reference(record: dict) -> str:
    return f"document {record['document']}, {record['locator']}" + (f"; {record['note']}" if record["note"] else "")


def read(source_dir: Path) -> pd.DataFrame:
    path = Path(source_dir) / FIGURES
    table = read_table(path, encoding="utf-8", delimiter=",", columns=FIGURE_COLUMNS)
    table["reference"] = [_reference(r) for r in table.to_dict("records")]
    return long_facts(table, path, SOURCE_ID, numbers="en", periods="iso", area="[area]",
                      indicator=_indicator, basis=_basis, value="value", unit="[unit]",
                      period="period", note="reference")


def _table(source_dir: Path, name: str, columns: list[str]) -> pd.DataFrame:
    path = Path(source_dir) / name
    table = read_table(path, encoding="utf-8", delimiter=",", columns=columns)
    table["raw_file"] = path.as_posix()
    return table.rename(columns={"_row": "raw_row"})


def read_events(source_dir: Path) -> pd.DataFrame:
    """Events as text; the events schema (etl.schema) parses and checks dates, enums and ids."""
    table = _table(source_dir, EVENTS, EVENT_COLUMNS)
    if table["id"].eq("").any():
        row = int(table.loc[table["id"].eq(""), "raw_row"].iloc[0])
        raise RawDataError(Path(source_dir) / EVENTS, "event without id", row=row, column="id")
    return table


def read_stakeholders(source_dir: Path) -> pd.DataFrame:
    return _table(source_dir, STAKEHOLDERS, STAKEHOLDER_COLUMNS)


def read_actions(source_dir: Path) -> pd.DataFrame:
    return _table(source_dir, ACTIONS, ACTION_COLUMNS)


def documents(meta: dict) -> pd.DataFrame:
    """The partnership's documents as listed in source.yaml (id, title, date, file): events cite them by id."""
    rows = [{"id": str(d["id"]), "title": str(d["title"]), "date": str(d.get("date", "")),
             "file": str(d.get("file", ""))} for d in meta.get("documents") or []]
    return pd.DataFrame(rows, columns=["id", "title", "date", "file"])
