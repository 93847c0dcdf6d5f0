"""World Bank WDI PA.NUS.PPP (PPP conversion factor, GDP, LCU per international $) for Germany and
Japan, fetched from the Indicators API v2; one JSON file per page as received. Missing years
(``"value": null``) stay gaps. Marked preferred over the hand-transcribed ``worldbank_ppp``."""
import json
from pathlib import Path

import pandas as pd
import yaml

from etl import frames
from etl.errors import RawDataError
from etl.extract.longtable import long_facts

SOURCE_ID = "worldbank_ppp_api"
AREA = {"DEU": "germany", "JPN": "japan"}
URL = "https://data.worldbank.org/indicator/PA.NUS.PPP"


def rows(path: Path) -> list[dict]:
    try:
        answer = json.loads(path.read_text(encoding="utf-8"))
        return list(answer[1] or [])
    except (UnicodeDecodeError, ValueError, IndexError, KeyError, TypeError) as exc:
        raise RawDataError(path, f"not a World Bank v2 answer: {exc}") from None


def read(source_dir: Path):
    source_dir = Path(source_dir)
    meta = yaml.safe_load((source_dir / "source.yaml").read_text(encoding="utf-8"))
    records, first = [], None
    for entry in meta["files"]:
        path = source_dir / entry["name"]
        first = first or path
        for number, row in enumerate(rows(path), start=1):
            try:
                value, code = row["value"], row["countryiso3code"]
                indicator, date = row["indicator"]["id"], str(row["date"])
            except (KeyError, TypeError) as exc:
                raise RawDataError(path, f"row without {exc}", row=number) from None
            if indicator != "PA.NUS.PPP":
                raise RawDataError(path, f"indicator {indicator!r}, expected 'PA.NUS.PPP'", row=number,
                                   column="indicator")
            if value is None:
                continue
            records.append({"country": code, "year": date, "value": str(value), "preferred": "yes",
                            "note": f"World Bank WDI PA.NUS.PPP, Indicators API v2 ({entry['name']})",
                            "_row": number, "_file": str(path)})
    columns = ["country", "year", "value", "preferred", "note", "_row", "_file"]
    table = pd.DataFrame(records, columns=columns)
    parts = [_facts(group, Path(name)) for name, group in table.groupby("_file", sort=False)]
    return frames.concat(parts) if parts else _facts(table, first or source_dir / "source.yaml")


def _facts(table: pd.DataFrame, path: Path):
    return long_facts(table, path, SOURCE_ID, numbers="en", periods="iso", area=("country", AREA),
                      indicator="ppp_conversion_factor", value="value", unit="LCU per international $",
                      period="year", preferred="preferred", note="note", default_url=URL)
