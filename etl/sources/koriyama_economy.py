"""Koriyama's economy: gross municipal product (市内総生産), municipal income, establishments, census unemployment."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "koriyama_economy"
FILE = "koriyama_keizai.csv"
COLUMNS = ["指標", "期間", "値", "単位", "採用", "出典", "備考"]
INDICATOR = {"gross_municipal_product": "gdp_nominal", "gmp_share_of_prefecture": "gmp_share_of_prefecture",
             "municipal_income_total": "municipal_income_total",
             "municipal_income_per_capita": "municipal_income_per_capita",
             "establishments": "establishments", "unemployment_rate": "unemployment_rate"}


def _basis(record: dict) -> str:
    # 完全失業率 from the census: unemployed / labour force on census day.
    return "census" if record["指標"] == "unemployment_rate" else ""


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="cp932", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="ja", periods="ja", area="koriyama",
                      indicator=("指標", INDICATOR), basis=_basis, value="値", unit="[単位]",
                      period="期間", preferred="採用", url="出典", note="備考")
