"""Small event tables built in code, shaped like the published ``events`` table."""
from __future__ import annotations

import pandas as pd

BASE = {"field": "general", "place": "essen", "kind": "meeting", "status": "held", "precision": "day",
        "end": None, "participants": "", "milestone": False, "place_detail": ""}


def frame(rows: list[dict]) -> pd.DataFrame:
    out = [{**BASE, "id": f"e{i}", "title_en": f"Event {i}", "title_de": f"Ereignis {i}", "title_ja": f"出来事{i}",
            "description_en": "", "description_de": "", "description_ja": "", **row} for i, row in enumerate(rows)]
    df = pd.DataFrame(out)
    df["start"] = pd.to_datetime(df["start"])
    df["end"] = pd.to_datetime(df["end"])
    df["year"] = df["start"].dt.year
    return df
