"""Renewable energy in Fukushima Prefecture and Koriyama (prefecture reports, city history, press)."""
from pathlib import Path

from etl.extract.longtable import long_facts
from etl.extract.tables import read_table

SOURCE_ID = "japan_energy"
FILE = "fukushima_koriyama_energy.csv"
COLUMNS = ["地域", "指標", "期間", "値", "単位", "採用", "出典", "備考"]
AREA = {"福島県": "fukushima_pref", "郡山市": "koriyama"}
INDICATOR = {"re_share_energy_demand": "re_share_energy_demand",
             "re_share_electricity_consumption": "re_share_electricity_consumption",
             "re_capacity_total": "re_capacity_total", "wind_capacity": "wind_capacity",
             "wind_farm_capacity": "wind_farm_capacity",
             "co2_emissions": "co2_emissions", "gross_prefectural_product": "gdp_nominal"}


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    table = read_table(path, encoding="cp932", delimiter=",", columns=COLUMNS)
    return long_facts(table, path, SOURCE_ID, numbers="ja", periods="ja", area=("地域", AREA),
                      indicator=("指標", INDICATOR), value="値", unit="[単位]", period="期間",
                      preferred="採用", url="出典", note="備考")
