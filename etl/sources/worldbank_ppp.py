"""World Bank ICP: PPP conversion factor, GDP (local currency per international $)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "worldbank_ppp"
FILE = "ppp_gdp.csv"
COLUMNS = ["country", "year", "lcu_per_intl_usd", "preferred", "source_url", "note"]
AREA = {"DEU": "germany", "JPN": "japan"}


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="en", periods="iso", area=("country", AREA),
                      indicator="ppp_conversion_factor", value="lcu_per_intl_usd",
                      unit="LCU per international $", period="year", preferred="preferred",
                      url="source_url", note="note")
