"""Renewable energy in Germany, North Rhine-Westphalia and Essen (UBA/AGEE-Stat, IT.NRW, LANUV, Stadt Essen)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "germany_energy"
FILE = "energie_de_nrw_essen.csv"
COLUMNS = ["Gebiet", "Merkmal", "Zeitraum", "Wert", "Einheit", "Bevorzugt", "Quelle", "Anmerkung"]
AREA = {"Deutschland": "germany", "Nordrhein-Westfalen": "nrw", "Essen": "essen"}


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=COLUMNS,
                       categorical=[c for c in COLUMNS if c != "Wert"])     # repeated texts
    return long_facts(table, path, SOURCE_ID, numbers="de", periods="de", area=("Gebiet", AREA),
                      indicator="[Merkmal]", value="Wert", unit="[Einheit]", period="Zeitraum",
                      preferred="Bevorzugt", url="Quelle", note="Anmerkung")
