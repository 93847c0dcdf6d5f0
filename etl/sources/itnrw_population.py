"""IT.NRW: official population update (Fortschreibung) and the Zensus 2011/2022 results for Essen."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "itnrw_population"
FILE = "bevoelkerung_amtlich.csv"
COLUMNS = ["Stichtag", "Zählart", "Einwohner", "Bevorzugt", "Quelle", "Anmerkung"]
BASIS = {"Fortschreibung": "official_update", "Zensus": "census", "unbestimmt": "unspecified"}


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="de", periods="de", area="essen",
                      indicator="population", basis=("Zählart", BASIS), value="Einwohner",
                      unit="persons", period="Stichtag", preferred="Bevorzugt", url="Quelle",
                      note="Anmerkung")
