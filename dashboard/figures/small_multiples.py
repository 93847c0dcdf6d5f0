"""Charts a mayor can read: one panel per measure, so only like figures share an axis.

* :func:`share_panels` — renewable shares, one panel per measure (energy demand, electricity consumption …),
  the places of the pair in their colours, a target as a labelled star inside its own measure's panel;
* :func:`capacity_panels` — installed capacity: figures of the same measure for places of the same kind (two
  cities, two regions) share a panel; any other figure stands alone, on its own linear axis, titled with its
  place and measure (never a prefecture's total against one wind farm on a log axis).
"""
from __future__ import annotations

import functools
import json

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures.theme import FONT, empty, fixed_margins, nice_ticks, plot_dates
from dashboard.i18n import t
from dashboard.i18n import format as fmt

PANEL_HEIGHT = 190
HEADROOM = 1.18     # room above the highest value (and a target) for its label, inside the plot area


def _names(places: pd.DataFrame, lang: str) -> dict:
    return dict(zip(places["id"], places[f"name_{lang}"]))


def _colours(places: pd.DataFrame) -> dict:
    return dict(zip(places["id"], places["colour"]))


def _frame(lang: str, height: int) -> dict:
    return {"separators": fmt.plotly_separators(lang), "font": {"family": FONT, "size": 13}, "height": height,
            "margin": {"l": 60, "r": 20, "t": 50, "b": 90}, "plot_bgcolor": "white", "paper_bgcolor": "white",
            "hovermode": "closest", "showlegend": True,
            "legend": {"orientation": "h", "yanchor": "top", "y": -45 / height, "x": 0}}


def _layout(fig: go.Figure, lang: str, panels: int, height: int) -> go.Figure:
    fig.update_layout(**_frame(lang, height))
    fig.update_xaxes(gridcolor="#f0f0f0")
    fig.update_yaxes(gridcolor="#e5e5e5", zeroline=False)
    axes = sorted((k for k in fig.layout.to_plotly_json() if k.startswith("xaxis")),
                  key=lambda k: int(k[5:] or 1))
    for annotation, axis in zip(fig.layout.annotations, axes):   # panel titles: at the left of their panel
        annotation.update(x=fig.layout[axis].domain[0], xanchor="left", align="left", font={"size": 13})
    return fixed_margins(fig, size=13)


def _ticks(fig: go.Figure, row: int, col: int, top: float, lang: str, percent: bool = False) -> None:
    fig.update_yaxes(**_tick_axis(top, lang, percent), row=row, col=col)


@functools.lru_cache(maxsize=16)
def _grid(panels: int, height: int) -> str:
    """The layout of ``panels`` stacked panels sharing one time axis (plotly's subplot grid, titles empty),
    as JSON: built once per shape, copied for each figure.

    One x axis for all the panels (drawn with its labels under the bottom one), not one per panel tied
    together: the browser sets up and draws half as many axes each time a control redraws the chart."""
    layout = make_subplots(rows=panels, cols=1, shared_xaxes=True, vertical_spacing=55 / height,
                           subplot_titles=[" "] * panels).layout.to_plotly_json()
    bottom = layout.pop(f"xaxis{panels}" if panels > 1 else "xaxis")
    for n in range(1, panels):
        layout.pop(f"xaxis{n}" if n > 1 else "xaxis")
    layout["xaxis"] = {**bottom, "anchor": f"y{panels}" if panels > 1 else "y"}
    for n in range(1, panels + 1):
        layout[f"yaxis{n}" if n > 1 else "yaxis"]["anchor"] = "x"
    return json.dumps(layout)


def _dated(values) -> list:
    return [v.isoformat() if hasattr(v, "isoformat") else v for v in values]


def share_panels(rows: pd.DataFrame, places: pd.DataFrame, lang: str, *, indicators: pd.DataFrame,
                 order: tuple[str, ...], targets: pd.DataFrame | None = None,
                 events: pd.DataFrame | None = None, years: tuple[int, int] | None = None,
                 events_shown: bool = True):
    """One panel per measure in ``order`` that has rows; x = time (shared), y = percent (each panel its own).
    Milestones along the bottom panel (``meta.role = "milestones"``; hidden when ``events_shown`` is False, for
    the page to show them in the browser).

    Built as a plain figure dict on a cached grid (every control of the energy page asks for one of these:
    plotly's figure objects took ~150 ms to build it)."""
    if rows.empty:
        return empty(t("common.no_data_chart", lang), lang)
    measures = [m for m in order if m in set(rows["indicator_id"])]
    labels = dict(zip(indicators["id"], indicators[f"label_{lang}"]))
    names, colours = _names(places, lang), _colours(places)
    height = PANEL_HEIGHT * len(measures) + 120
    layout = json.loads(_grid(len(measures), height))
    for annotation, measure in zip(layout["annotations"], measures):
        annotation["text"] = labels.get(measure, measure)
    suffixes = [""] + [str(n) for n in range(2, len(measures) + 1)]
    data: list[dict] = []
    shown_in_legend: set[str] = set()
    for suffix, measure in zip(suffixes, measures):
        axes = {"xaxis": "x", "yaxis": f"y{suffix}"}
        mine = rows[rows["indicator_id"].eq(measure)]
        top = float(mine["value"].max())
        for area, group in mine.groupby("area_id", sort=False):
            group = group.sort_values("ref_date")
            name = names.get(area, area)
            data.append({
                "type": "scatter", **axes, "x": _dated(plot_dates(group["period"], group["period_kind"],
                                                                  group["ref_date"])),
                "y": group["value"].to_numpy(), "mode": "lines+markers", "name": name, "legendgroup": area,
                "showlegend": area not in shown_in_legend, "line": {"color": colours.get(area, "#555"), "width": 3},
                "marker": {"size": 8}, "hoverinfo": "text", "meta": {"area": area, "indicator": measure},
                "hovertext": [f"{name} — {labels.get(measure, measure)}<br>{fmt.period(p, k, d, lang)}: "
                              f"{fmt.value(v, u, lang, 1)}" for p, k, d, v, u in
                              zip(group["period"], group["period_kind"], group["ref_date"], group["value"],
                                  group["unit"])]})
            shown_in_legend.add(area)
        if targets is not None and not targets.empty:
            for r in targets[targets["target"].eq(measure) & targets["value"].notna()].itertuples():
                top = max(top, float(r.value))
                data.append({
                    "type": "scatter", **axes, "x": [f"{r.year_to}-07-01"], "y": [r.value], "mode": "markers+text",
                    "marker": {"symbol": "star", "size": 15, "color": colours.get(r.area_id, "#555")},
                    "text": [t("chart.target_label", lang, year=r.year_to)], "textposition": "middle left",
                    "cliponaxis": False, "showlegend": False, "hoverinfo": "text", "meta": {"target": r.target},
                    "hovertext": [names.get(r.area_id, r.area_id) + ": " + t(f"target.{r.target}", lang,
                                                                             years=r.year_to)]})
        layout[f"yaxis{suffix}"].update(_tick_axis(max(top * HEADROOM, 10.0), lang, percent=True))
    if targets is not None and not targets.empty:   # a target period as a band across every panel
        layout["shapes"] = [
            {"type": "rect", "xref": "x", "yref": f"y{n} domain", "y0": 0, "y1": 1,
             "x0": f"{r.year_from}-01-01", "x1": f"{r.year_to}-12-31",
             "fillcolor": colours.get(r.area_id, "#555"), "opacity": 0.12, "line": {"width": 0}}
            for r in targets[targets["value"].isna()].itertuples() for n in suffixes]
    if events is not None and not events.empty:
        data.append({
            "type": "scatter", "xaxis": "x", "yaxis": f"y{suffixes[-1]}", "x": _dated(events["start"]),
            "y": [0] * len(events), "mode": "markers", "name": t("chart.milestones", lang),
            "marker": {"symbol": "diamond-wide", "size": 12, "color": "#6a3d9a", "line": {"width": 1, "color": "white"}},
            "customdata": events["id"].tolist(), "hoverinfo": "text", "meta": {"role": "milestones"},
            "visible": bool(events_shown),
            "hovertext": [f"{fmt.date_range(s, None, lang, p)}: {title}" for s, p, title in
                          zip(events["start"], events["precision"], events[f"title_{lang}"])]})
    layout["xaxis"]["gridcolor"] = "#f0f0f0"
    if years:
        layout["xaxis"]["range"] = [f"{years[0]}-01-01", f"{years[1]}-12-31"]
    for suffix in suffixes:
        layout[f"yaxis{suffix}"].update(gridcolor="#e5e5e5", zeroline=False)
    for annotation in layout["annotations"]:   # panel titles: at the left of their panel
        annotation.update(x=layout["xaxis"]["domain"][0], xanchor="left", align="left", font={"size": 13})
    layout.update(_frame(lang, height))
    return fixed_margins({"data": data, "layout": layout}, size=13)


def _tick_axis(top: float, lang: str, percent: bool = False) -> dict:
    ticks = [v for v in nice_ticks(0.0, top, 4) if v <= top]
    return {"range": [0, top], "tickmode": "array", "tickvals": ticks,
            "ticktext": [fmt.percent(v, lang, 0) if percent else fmt.number(v, lang, 0) for v in ticks]}


def share_height(fig: go.Figure) -> int:
    """The height the panels need (the chart card's graph takes it)."""
    layout = fig.get("layout", {}) if isinstance(fig, dict) else fig.layout.to_plotly_json()
    return int(layout.get("height") or 440)


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
    names, colours = _names(places, lang), _colours(places)
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
