"""ECB euro reference rates EUR/JPY, daily (EXR D.JPY.EUR.SP00.A), fetched from the ECB Data Portal.

The snapshot is the SDMX-JSON answer as received. The ETL computes the annual mean of the daily
rates (the ECB's method) for every complete calendar year — one with rates in January and in
December — and says so in each row's note; a year in progress stays a gap. These computed means
are marked preferred over the hand-transcribed annual averages of ``ecb_eurjpy``.
"""
import json
from pathlib import Path

import pandas as pd

from etl.errors import RawDataError
from etl.extract.longtable import long_facts
from etl.extract.sdmx_json import read_series

SOURCE_ID = "ecb_exr_jpy"
FILE = "EXR_D.JPY.EUR.SP00.A.json"
SERIES = {"FREQ": "D", "CURRENCY": "JPY", "CURRENCY_DENOM": "EUR", "EXR_TYPE": "SP00", "EXR_SUFFIX": "A"}
URL = "https://data.ecb.europa.eu/data/datasets/EXR/EXR.D.JPY.EUR.SP00.A"


def annual_means(observations: list[tuple[str, float | None]]) -> pd.DataFrame:
    """One row per complete year: year, mean (4 decimals), number of rates, first and last date."""
    frame = pd.DataFrame(observations, columns=["date", "rate"]).dropna()
    frame["row"] = range(1, len(frame) + 1)
    frame["year"], frame["month"] = frame["date"].str[:4], frame["date"].str[5:7]
    rows = []
    for year, group in frame.groupby("year", sort=True):
        if not {"01", "12"} <= set(group["month"]):
            continue
        rows.append({"year": year, "value": f"{group['rate'].mean():.4f}", "preferred": "yes",
                     "note": f"annual mean of {len(group)} daily ECB reference rates "
                             f"({group['date'].iloc[0]} – {group['date'].iloc[-1]}), computed by the ETL",
                     "_row": int(group["row"].iloc[0])})
    return pd.DataFrame(rows, columns=["year", "value", "preferred", "note", "_row"])


def read(source_dir: Path):
    path = Path(source_dir) / FILE
    if not path.exists():
        raise RawDataError(path, "file is missing")
    try:
        message = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RawDataError(path, f"not JSON: {exc}") from None
    codes, observations = read_series(message, str(path))
    wrong = {k: v for k, v in SERIES.items() if codes.get(k) != v}
    if wrong:
        raise RawDataError(path, f"not the EUR/JPY daily series: {codes}", column=next(iter(wrong)))
    table = annual_means(observations)
    return long_facts(table, path, SOURCE_ID, numbers="en", periods="iso", area="japan",
                      indicator="fx_jpy_per_eur", value="value", unit="JPY per EUR", period="year",
                      preferred="preferred", note="note", default_url=URL)
