"""Essen's economy: GDP, productivity, employment, establishments, registered unemployment (IT.NRW, BA, EWG)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "essen_economy"
FILE = "wirtschaft_essen.csv"
COLUMNS = ["Merkmal", "Zeitraum", "Wert", "Einheit", "Bevorzugt", "Quelle", "Anmerkung"]


def _basis(record: dict) -> str:
    # The Bundesagentur für Arbeit counts registered unemployed against the civilian labour force.
    return "registered" if record["Merkmal"] == "unemployment_rate" else ""


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="de", periods="de", area="essen",
                      indicator="[Merkmal]", basis=_basis, value="Wert", unit="[Einheit]",
                      period="Zeitraum", preferred="Bevorzugt", url="Quelle", note="Anmerkung")
