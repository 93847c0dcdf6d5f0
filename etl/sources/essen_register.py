"""Stadt Essen, Amt für Statistik: population by the municipal register (main residence)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "essen_register"
FILE = "einwohner_melderegister.csv"
COLUMNS = ["Stichtag", "Einwohner", "Bevorzugt", "Quelle", "Anmerkung"]


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="de", periods="de", area="essen",
                      indicator="population", basis="register", value="Einwohner", unit="persons",
                      period="Stichtag", preferred="Bevorzugt", url="Quelle", note="Anmerkung")
