"""regionalstatistik.de table 12411-01-01-4: official population update of every Kreis (Essen = 05113).

The snapshot is the ``data/tablefile`` zip exactly as the service sent it (see source.yaml ``fetch:``);
it is read by the same GENESIS flat-file reader the connector checks downloads with. Only Essen's
total (empty GES attribute = "Insgesamt") becomes facts; discontinued units carry "-" and are skipped.
"""
from pathlib import Path

from etl.extract.genesis_flat import SPECIAL_VALUES, read_flat_file, select
from etl.extract.longtable import long_facts

SOURCE_ID = "regionalstatistik_population"
FILE = "12411-01-01-4_de_flat.zip"
TABLE_URL = "https://www.regionalstatistik.de/genesis/online?operation=table&code=12411-01-01-4"
COLUMNS = ["1_variable_code", "1_variable_attribute_code", "2_variable_code", "2_variable_attribute_code"]
KEEP = {"statistics_code": "12411", "time_code": "STAG", "1_variable_code": "KREISE",
        "1_variable_attribute_code": "05113", "2_variable_code": "GES", "2_variable_attribute_code": "",
        "value_variable_code": "BEVSTD", "value_unit": "Anzahl"}
UNIT = {"Anzahl": "persons"}
NOTE = ("Bevölkerungsstand (Fortschreibung auf Basis des Zensus 2022), Statistische Ämter des Bundes und "
        "der Länder, Regionaldatenbank Deutschland, Tabelle 12411-01-01-4, Kreis 05113 Essen, insgesamt")


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = select(read_flat_file(path, COLUMNS), KEEP)
    table = table[~table["value"].isin(SPECIAL_VALUES)].assign(note=NOTE)
    return long_facts(table, path, SOURCE_ID, numbers="de", periods="iso", area="essen",
                      indicator="population", basis="official_update_zensus2022", value="value",
                      unit=("value_unit", UNIT), period="time", note="note", default_url=TABLE_URL)
