"""Renewable shares, one panel per measure, drawn in the browser from one description of every panel.

* :func:`share_store` — every year of every measure × every place of the pair as ready traces (lines with the
  years of their points, target stars, target bands, the milestones), the panel grid for 1 … 6 panels, and per
  measure and place the y axes the panel can get (ticks formatted here);
* :func:`share_figure` — the figure for the chosen measures, places and window of years (and the milestones on
  or off). The browser does the same in ``assets/energy_panels.js``, so no control of the chart needs a round
  trip; the server uses this one for the first paint and for decks and briefings.

A panel's axis depends only on its highest figure within the window (values of the chosen places there, and
their targets), and the highest figure of some places is the highest of one of them, which is one of its values
or its target: so the axes of each (measure, place) for each of those figures are enough.
"""
from __future__ import annotations

import copy
import functools
import json

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures.small_multiples import panel_frame, tick_axis
from dashboard.figures.theme import (dated, empty_plain, fixed_margins, left_margin, place_colours, place_names,
                                     plot_dates, written_out)
from dashboard.figures.timeseries import event_markers
from dashboard.i18n import format as fmt
from dashboard.i18n import t

PANEL_HEIGHT = 190
HEADROOM = 1.18     # room above the highest value (and a target) for its label, inside the plot area
SIZE = 13           # the font size of the panels (tick labels: the left margin is measured with it)


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


def share_height(fig: go.Figure) -> int:
    """The height the panels need (the chart card's graph takes it)."""
    layout = fig.get("layout", {}) if isinstance(fig, dict) else fig.layout.to_plotly_json()
    return int(layout.get("height") or 440)


def _suffix(n: int) -> str:
    """The axis suffix of the ``n``-th panel (from 1): "", "2", "3" …"""
    return "" if n == 1 else str(n)


def _panel_layout(panels: int, lang: str) -> dict:
    """The layout of ``panels`` stacked panels, all but what depends on the measures, places and years chosen
    (titles' text, x range, y ranges and ticks, bands, left margin)."""
    height = PANEL_HEIGHT * panels + 120
    layout = json.loads(_grid(panels, height))
    layout["xaxis"]["gridcolor"] = "#f0f0f0"
    for n in range(1, panels + 1):
        layout[f"yaxis{_suffix(n)}"].update(gridcolor="#e5e5e5", zeroline=False)
    for annotation in layout["annotations"]:   # panel titles: at the left of their panel
        annotation.update(x=layout["xaxis"]["domain"][0], xanchor="left", align="left", font={"size": SIZE})
    layout.update(panel_frame(lang, height))
    for name in [k for k in layout if k.startswith(("xaxis", "yaxis"))]:
        layout[name]["automargin"] = False   # fixed_margins: the left margin is set from the chosen ticks
    return written_out(layout)


def _axis(top: float, lang: str) -> dict:
    """The y axis of a panel whose highest figure is ``top``, and the left margin its tick labels need."""
    axis = tick_axis(max(top * HEADROOM, 10.0), lang, percent=True)
    return {"top": top, "axis": axis, "margin": left_margin(axis["ticktext"], size=SIZE)}


def share_store(rows: pd.DataFrame, places: pd.DataFrame, lang: str, *, indicators: pd.DataFrame,
                order: tuple[str, ...], targets: pd.DataFrame | None = None,
                events: pd.DataFrame | None = None) -> dict:
    """Everything :func:`share_figure` (and the browser) needs to draw any choice of measures, places and years
    of ``rows`` (all the measures, places and years on offer) — plain JSON-able data."""
    labels = dict(zip(indicators["id"], indicators[f"label_{lang}"]))
    names, colours = place_names(places, lang), place_colours(places)
    targets = targets if targets is not None else pd.DataFrame(columns=["area_id", "target", "value"])
    measures = []
    for measure in [m for m in order if m in set(rows["indicator_id"])]:
        mine = rows[rows["indicator_id"].eq(measure)]
        label = labels.get(measure, measure)
        lines, tops = [], {}
        for area, group in mine.groupby("area_id", sort=False):   # in the order of their first figure
            group = group.sort_values("ref_date")
            name = names.get(area, area)
            lines.append({"area": area, "years": [int(y) for y in group["year"]], "trace": {
                "type": "scatter", "x": dated(plot_dates(group["period"], group["period_kind"], group["ref_date"])),
                "y": group["value"].tolist(), "mode": "lines+markers", "name": name, "legendgroup": area,
                "line": {"color": colours.get(area, "#555"), "width": 3}, "marker": {"size": 8},
                "hoverinfo": "text", "meta": {"area": area, "indicator": measure},
                "hovertext": [f"{name} — {label}<br>{fmt.period(p, k, d, lang)}: {fmt.value(v, u, lang, 1)}"
                              for p, k, d, v, u in zip(group["period"], group["period_kind"], group["ref_date"],
                                                       group["value"], group["unit"])]}})
            tops[area] = {float(v) for v in group["value"] if v == v}
        stars, goals = [], {}
        for r in targets[targets["target"].eq(measure) & targets["value"].notna()].itertuples():
            goals[r.area_id] = max(goals.get(r.area_id, float(r.value)), float(r.value))
            tops.setdefault(r.area_id, set()).add(float(r.value))
            stars.append({"area": r.area_id, "trace": {
                "type": "scatter", "x": [f"{r.year_to}-07-01"], "y": [r.value], "mode": "markers+text",
                "marker": {"symbol": "star", "size": 15, "color": colours.get(r.area_id, "#555")},
                "text": [t("chart.target_label", lang, year=r.year_to)], "textposition": "middle left",
                "cliponaxis": False, "showlegend": False, "hoverinfo": "text", "meta": {"target": r.target},
                "hovertext": [names.get(r.area_id, r.area_id) + ": " + t(f"target.{r.target}", lang,
                                                                         years=r.year_to)]}})
        measures.append({"id": measure, "title": label, "lines": lines, "stars": stars, "targets": goals,
                         "axes": [{"area": area, **_axis(top, lang)} for area, values in tops.items()
                                  for top in sorted(values)]})
    bands = [{"area": r.area_id, "shape": {"type": "rect", "xref": "x", "y0": 0, "y1": 1,
                                           "x0": f"{r.year_from}-01-01", "x1": f"{r.year_to}-12-31",
                                           "fillcolor": colours.get(r.area_id, "#555"), "opacity": 0.12,
                                           "line": {"width": 0}}}
             for r in targets[targets["value"].isna()].itertuples()]
    milestones = None
    if events is not None and not events.empty:     # the time series' milestones, a little smaller in a panel
        milestones = event_markers(events, lang)
        milestones.update(xaxis="x", marker={**milestones["marker"], "size": 12})
    grids = [_panel_layout(n, lang) for n in range(1, len(order) + 1)]
    return {"measures": measures, "bands": bands, "target_areas": list(dict.fromkeys(targets["area_id"])),
            "milestones": milestones, "grids": grids,
            "empty": empty_plain(t("common.no_data_chart", lang), lang)}


def _top(measure: dict, area: str, years: tuple[int, int]) -> float | None:
    """The highest figure of ``area`` in a panel: its values within ``years`` and its target (None: neither)."""
    values = [v for line in measure["lines"] if line["area"] == area
              for y, v in zip(line["years"], line["trace"]["y"]) if years[0] <= y <= years[1]]
    if area in measure["targets"]:
        values.append(measure["targets"][area])
    return max(values) if values else None


def _in_window(line: dict, years: tuple[int, int]) -> bool:
    return any(years[0] <= y <= years[1] for y in line["years"])


def share_figure(store: dict, indicators, areas, events_shown: bool = False,
                 years: tuple[int, int] = (0, 9999)) -> dict:
    """The figure for the chosen ``indicators``, ``areas`` and ``years`` — what ``energyPanels`` in the browser
    draws. A line is drawn whole when it has a figure within the years (the x axis shows the years)."""
    chosen = set(areas or ())
    panels = [m for m in store["measures"] if m["id"] in set(indicators or ())
              and any(line["area"] in chosen and _in_window(line, years) for line in m["lines"])]
    if not panels:
        return copy.deepcopy(store["empty"])
    layout = copy.deepcopy(store["grids"][len(panels) - 1])
    layout["xaxis"]["range"] = [f"{years[0]}-01-01", f"{years[1]}-12-31"]
    data: list[dict] = []
    shown_in_legend: set[str] = set()
    for n, (measure, annotation) in enumerate(zip(panels, layout["annotations"]), start=1):
        axes = {"xaxis": "x", "yaxis": f"y{_suffix(n)}"}
        annotation["text"] = measure["title"]
        for line in measure["lines"]:
            if line["area"] in chosen and _in_window(line, years):   # the legend names a place once: at its first line
                data.append({**line["trace"], **axes, "showlegend": line["area"] not in shown_in_legend})
                shown_in_legend.add(line["area"])
        data.extend({**star["trace"], **axes} for star in measure["stars"] if star["area"] in chosen)
        # the panel's axis: that of the chosen place with the highest figure, for that figure
        tops = [(top, area) for area in sorted(chosen) if (top := _top(measure, area, years)) is not None]
        top, area = max(tops, key=lambda pair: pair[0])
        axis = next(a for a in measure["axes"] if a["area"] == area and a["top"] == top)
        layout[f"yaxis{_suffix(n)}"].update(axis["axis"])
    if chosen & set(store["target_areas"]):   # a target period as a band across every panel
        layout["shapes"] = [{**band["shape"], "yref": f"y{_suffix(n)} domain"} for band in store["bands"]
                            if band["area"] in chosen for n in range(1, len(panels) + 1)]
    if store["milestones"]:
        data.append({**store["milestones"], "yaxis": f"y{_suffix(len(panels))}", "visible": bool(events_shown)})
    return fixed_margins({"data": data, "layout": layout}, size=SIZE)
