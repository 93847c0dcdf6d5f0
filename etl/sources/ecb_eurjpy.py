"""ECB euro reference rates: annual average JPY per EUR."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "ecb_eurjpy"
FILE = "eurjpy_annual_average.csv"
COLUMNS = ["year", "jpy_per_eur", "preferred", "source_url", "note"]


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="utf-8", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="en", periods="iso", area="japan",
                      indicator="fx_jpy_per_eur", value="jpy_per_eur", unit="JPY per EUR",
                      period="year", preferred="preferred", url="source_url", note="note")
