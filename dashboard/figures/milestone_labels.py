"""Labels for the partnership's milestones on static charts (slides, PDF): on a projector nobody hovers, so each
milestone carries its date and a short title next to its marker, inside the plot area."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import format as fmt

MAX_TITLE = 38


def short(title: str, limit: int = MAX_TITLE) -> str:
    title = " ".join(str(title).split())
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"


def positions(fig: go.Figure) -> dict[str, tuple]:
    """Where the figure drew each event: event id → (x, y, xaxis, yaxis), from the traces' customdata."""
    out = {}
    for trace in fig.data:
        ids = getattr(trace, "customdata", None)
        if ids is None or getattr(trace, "orientation", None) == "h" or trace.x is None or trace.y is None:
            continue
        for event_id, x, y in zip(ids, trace.x, trace.y):
            out.setdefault(str(event_id), (x, y, trace.xaxis or "x", trace.yaxis or "y"))
    return out


def label_milestones(fig: go.Figure, rows: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """Number every milestone the figure shows (1, 2 … in order of date) just above its marker, and return the
    key — (date, title) per number — for the slide to list beside the chart: numbers do not collide where
    milestones crowd, and every label stays readable."""
    if rows.empty or "milestone" not in rows:
        return []
    where = positions(fig)
    chosen = rows[rows["milestone"].fillna(False).astype(bool) & rows["id"].isin(list(where))].sort_values("start")
    key = []
    for number, r in enumerate(chosen.to_dict("records"), start=1):
        x, y, xaxis, yaxis = where[str(r["id"])]
        fig.add_annotation(x=x, y=y, xref=xaxis, yref=yaxis, text=f"<b>{number}</b>", showarrow=False,
                           yshift=16, font={"size": 13}, bgcolor="rgba(255,255,255,0.9)", name="milestone-label")
        key.append((fmt.date_range(r["start"], None, lang, r["precision"]), short(r[f"title_{lang}"], 70)))
    return key
