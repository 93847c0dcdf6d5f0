"""Koriyama population: census (国勢調査), estimated population (推計人口), resident register (住民基本台帳)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "koriyama_population"
FILE = "koriyama_jinko.csv"
COLUMNS = ["基準日", "種別", "人口", "採用", "出典", "備考"]
BASIS = {"国勢調査": "census", "推計人口": "estimate", "住民基本台帳": "resident_register",
         "不明": "unspecified"}


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="cp932", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="ja", periods="ja", area="koriyama",
                      indicator="population", basis=("種別", BASIS), value="人口", unit="persons",
                      period="基準日", preferred="採用", url="出典", note="備考")
