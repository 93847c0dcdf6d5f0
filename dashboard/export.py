"""The data behind a chart as CSV, with source and reference date on every row.

``period`` is the reference period as people read it in the page's language (31. Dezember 2022, 2021年度);
``ref_date`` stays ISO 8601 so that spreadsheets sort and filter by it."""
from __future__ import annotations

import pandas as pd

from dashboard.i18n import format as fmt

COLUMNS = ["place", "indicator", "basis", "period", "ref_date", "value", "unit", "source", "source_url", "note"]


def rows_to_csv(rows: pd.DataFrame, dataset, lang: str) -> str:
    names = dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))
    labels = dict(zip(dataset.indicators["id"], dataset.indicators[f"label_{lang}"]))
    publishers = dict(zip(dataset.sources["id"], dataset.sources["publisher"]))
    inputs = rows["inputs"] if "inputs" in rows else rows["source_id"]
    out = pd.DataFrame({
        "place": rows["area_id"].map(names).fillna(rows["area_id"]),
        "indicator": rows["indicator_id"].map(labels).fillna(rows["indicator_id"]),
        "basis": rows["basis"],
        "period": [fmt.period(p, k, d, lang) for p, k, d in zip(rows["period"], rows["period_kind"], rows["ref_date"])],
        "ref_date": pd.to_datetime(rows["ref_date"]).dt.strftime("%Y-%m-%d"),
        "value": rows["value"], "unit": rows["unit"],
        "source": inputs.map(lambda s: "; ".join(publishers.get(x, x) for x in str(s).split(";") if x)),
        "source_url": rows["source_url"], "note": rows["note"],
    })
    return out[COLUMNS].to_csv(index=False)
