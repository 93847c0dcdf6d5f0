"""Stadt Essen, Amt für Statistik: population by the municipal register (main residence)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "essen_register"
FILE = "einwohner_melderegister.csv"
COLUMNS = ["Stichtag", "Zählart", "Einwohner", "Bevorzugt", "Quelle", "Anmerkung"]
# Melderegister: year-end register (main residence); Jahresmitte: a mid-year city figure of another count;
# unbestimmt: the source does not say how the figure was counted.
BASIS = {"Melderegister": "register", "Jahresmitte": "register_midyear", "unbestimmt": "unspecified"}


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="de", periods="de", area="essen",
                      indicator="population", basis=("Zählart", BASIS), value="Einwohner", unit="persons",
                      period="Stichtag", preferred="Bevorzugt", url="Quelle", note="Anmerkung")
