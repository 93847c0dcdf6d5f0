"""The data behind a chart as CSV, with source and reference date on every row."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["place", "indicator", "basis", "period", "ref_date", "value", "unit", "source", "source_url", "note"]


def rows_to_csv(rows: pd.DataFrame, dataset, lang: str) -> str:
    names = dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))
    labels = dict(zip(dataset.indicators["id"], dataset.indicators[f"label_{lang}"]))
    publishers = dict(zip(dataset.sources["id"], dataset.sources["publisher"]))
    inputs = rows["inputs"] if "inputs" in rows else rows["source_id"]
    out = pd.DataFrame({
        "place": rows["area_id"].map(names).fillna(rows["area_id"]),
        "indicator": rows["indicator_id"].map(labels).fillna(rows["indicator_id"]),
        "basis": rows["basis"], "period": rows["period"],
        "ref_date": pd.to_datetime(rows["ref_date"]).dt.strftime("%Y-%m-%d"),
        "value": rows["value"], "unit": rows["unit"],
        "source": inputs.map(lambda s: "; ".join(publishers.get(x, x) for x in str(s).split(";") if x)),
        "source_url": rows["source_url"], "note": rows["note"],
    })
    return out[COLUMNS].to_csv(index=False)
