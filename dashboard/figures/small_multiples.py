"""Charts a mayor can read: one panel per measure, so only like figures share an axis.

* renewable shares, one panel per measure (energy demand, electricity consumption …), the places of the pair
  in their colours, a target as a labelled star inside its own measure's panel: ``share_panels.py``;
* :func:`capacity_panels` — installed capacity: figures of the same measure for places of the same kind (two
  cities, two regions) share a panel; any other figure stands alone, on its own linear axis, titled with its
  place and measure (never a prefecture's total against one wind farm on a log axis).
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures.theme import FONT, empty, fixed_margins, nice_ticks, place_colours, place_names
from dashboard.i18n import t
from dashboard.i18n import format as fmt



def panel_frame(lang: str, height: int) -> dict:
    return {"separators": fmt.plotly_separators(lang), "font": {"family": FONT, "size": 13}, "height": height,
            "margin": {"l": 60, "r": 20, "t": 50, "b": 90}, "plot_bgcolor": "white", "paper_bgcolor": "white",
            "hovermode": "closest", "showlegend": True,
            "legend": {"orientation": "h", "yanchor": "top", "y": -45 / height, "x": 0}}


def _layout(fig: go.Figure, lang: str, panels: int, height: int) -> go.Figure:
    fig.update_layout(**panel_frame(lang, height))
    fig.update_xaxes(gridcolor="#f0f0f0")
    fig.update_yaxes(gridcolor="#e5e5e5", zeroline=False)
    axes = sorted((k for k in fig.layout.to_plotly_json() if k.startswith("xaxis")),
                  key=lambda k: int(k[5:] or 1))
    for annotation, axis in zip(fig.layout.annotations, axes):   # panel titles: at the left of their panel
        annotation.update(x=fig.layout[axis].domain[0], xanchor="left", align="left", font={"size": 13})
    return fixed_margins(fig, size=13)


def _ticks(fig: go.Figure, row: int, col: int, top: float, lang: str, percent: bool = False) -> None:
    fig.update_yaxes(**tick_axis(top, lang, percent), row=row, col=col)


def tick_axis(top: float, lang: str, percent: bool = False) -> dict:
    ticks = [v for v in nice_ticks(0.0, top, 4) if v <= top]
    return {"range": [0, top], "tickmode": "array", "tickvals": ticks,
            "ticktext": [fmt.percent(v, lang, 0) if percent else fmt.number(v, lang, 0) for v in ticks]}


def _kind(places: pd.DataFrame, area: str) -> str:
    row = places[places["id"].eq(area)]
    return str(row.iloc[0]["kind"]) if len(row) else ""


def capacity_groups(rows: pd.DataFrame, places: pd.DataFrame) -> list[tuple[str, tuple[str, ...]]]:
    """(measure, areas) per panel: the same measure for places of the same kind share one; any other stands alone."""
    groups: dict[tuple[str, str], list[str]] = {}
    for (measure, area) in rows[["indicator_id", "area_id"]].drop_duplicates().itertuples(index=False):
        groups.setdefault((measure, _kind(places, area)), []).append(area)
    return [(measure, tuple(areas)) for (measure, _), areas in groups.items()]


def capacity_panels(rows: pd.DataFrame, places: pd.DataFrame, lang: str, *, indicators: pd.DataFrame,
                    basis_labels: pd.DataFrame | None = None) -> go.Figure:
    if rows.empty:
        return empty(t("common.no_data_chart", lang), lang)
    labels = dict(zip(indicators["id"], indicators[f"label_{lang}"]))
    names, colours = place_names(places, lang), place_colours(places)
    groups = capacity_groups(rows, places)
    bases = dict(zip(basis_labels["id"], basis_labels[f"label_{lang}"])) if basis_labels is not None else {}

    def scope(measure: str, areas) -> str:
        """Place(s), measure and — when the figure counts something narrower — its basis (e.g. one facility)."""
        kinds = rows[rows["indicator_id"].eq(measure) & rows["area_id"].isin(list(areas))]["basis"].dropna()
        narrower = [bases.get(b, b) for b in dict.fromkeys(kinds) if b]
        return (" · ".join(names.get(a, a) for a in areas) + "<br>" + labels.get(measure, measure)
                + (f" ({', '.join(narrower)})" if narrower else ""))

    titles = [scope(m, areas) for m, areas in groups]
    fig = make_subplots(rows=1, cols=len(groups), subplot_titles=titles, horizontal_spacing=0.08)
    for col, (measure, areas) in enumerate(groups, start=1):
        mine = rows[rows["indicator_id"].eq(measure) & rows["area_id"].isin(list(areas))]
        for area, group in mine.groupby("area_id", sort=False):
            periods = [fmt.period(p, k, d, lang) for p, k, d in
                       zip(group["period"], group["period_kind"], group["ref_date"])]
            fig.add_trace(go.Bar(
                x=periods, y=group["value"], name=names.get(area, area), marker_color=colours.get(area, "#555"),
                showlegend=False, text=[fmt.value(v, u, lang, 1) for v, u in zip(group["value"], group["unit"])],
                textposition="inside", insidetextanchor="end", cliponaxis=True,
                hovertext=[f"{names.get(area, area)} — {labels.get(measure, measure)} ({p}): {fmt.value(v, u, lang, 1)}"
                           + (f"<br>{n}" if n else "") for p, v, u, n in
                           zip(periods, group["value"], group["unit"], group["note"].fillna(""))],
                hoverinfo="text", meta={"area": area, "indicator": measure}), row=1, col=col)
        _ticks(fig, 1, col, float(mine["value"].max()) * 1.1, lang)
        fig.update_yaxes(title_text="MW" if col == 1 else None, row=1, col=col)
    fig.update_layout(barmode="group")
    return _layout(fig, lang, len(groups), 380)
