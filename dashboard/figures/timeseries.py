"""Time series of one indicator for several places and bases, with targets and partnership events."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.theme import (DASH_BY_BASIS, SYMBOL_BY_BASIS, base_layout, dated, empty, empty_plain,
                                     fixed_margins, layout_of, localise_y, place_colours, place_names, plot_dates,
                                     written_out)
from dashboard.i18n import t
from dashboard.i18n import format as fmt


def provenance_lines(rows: pd.DataFrame, lang: str) -> list[str]:
    """"<br>Source: IT.NRW · press" per row: the row's own publisher, and its kind when not official."""
    if f"publisher_{lang}" not in rows:
        return [""] * len(rows)
    quality = rows["source_quality"] if "source_quality" in rows else pd.Series("", index=rows.index)
    return [f"<br>{t('common.source', lang)} {name}" + (f" · {t(f'provenance.quality_{q}', lang)}"
                                                        if q and q != "official" else "")
            for name, q in zip(rows[f"publisher_{lang}"].astype(str), quality.astype(str))]


def tick_label(value: float, lang: str) -> str:
    """A y tick label: large numbers short ("580K", "58万"), others in full."""
    return fmt.compact(value, lang, 0) if abs(value) >= 1e4 else fmt.number(value, lang)


def _years(group: pd.DataFrame) -> dict:
    """``{"years": [...]}``: the years of a line's points, for showing a window of years in the browser."""
    return {"years": sorted({int(y) for y in group["year"].dropna()})} if "year" in group else {}


def line_chart(rows: pd.DataFrame, places: pd.DataFrame, bases: pd.DataFrame, lang: str, *,
               title: str = "", y_title: str = "", targets: pd.DataFrame | None = None,
               events: pd.DataFrame | None = None, decimals: int = 0,
               indicators: pd.DataFrame | None = None, events_shown: bool = True,
               bases_shown: tuple[str, ...] | None = None):
    """One line per (place, basis) — or per (place, indicator) when ``indicators`` is given, to name
    the lines by indicator; x = reference date. Targets as star markers; milestones along the bottom
    (hidden, ready to be shown in the browser, when ``events_shown`` is False).

    With ``bases_shown`` the rows hold every basis and only the lines of those bases are visible (the others
    are carried hidden, and the axis spans them all, so the browser can show and hide bases without a round
    trip); a "no data" note (annotation ``name`` "no-data") shows when no line is.

    Built as a plain figure dict (plotly's figure objects validate every property: they took three times as
    long, on the path of every control that asks for a chart not drawn before)."""
    if "period_kind" in rows:        # a figure whose year is not stated has no place on a time axis
        rows = rows[rows["period_kind"].ne("document_year")]
    if rows.empty:          # the "no data" figure, as a dict without plotly's template like every line chart
        return empty_plain(t("common.no_data_chart", lang), lang)
    names, colours = place_names(places, lang), place_colours(places)
    basis_names = dict(zip(bases["id"], bases[f"label_{lang}"]))
    data: list[dict] = []
    by_indicator = indicators is not None
    ind_names = dict(zip(indicators["id"], indicators[f"label_{lang}"])) if by_indicator else {}
    for (area, key), group in rows.groupby(["area_id", "indicator_id" if by_indicator else "basis"], sort=False):
        group = group.sort_values("ref_date")
        basis = "" if by_indicator else key
        suffix = ind_names.get(key, key) if by_indicator else basis_names.get(basis, basis)
        label = names.get(area, area) + (f" — {suffix}" if suffix else "")
        hover = [f"{label}<br>{fmt.period(p, k, d, lang)}: {fmt.value(v, u, lang, decimals)}{src}"
                 for p, k, d, v, u, src in zip(group["period"], group["period_kind"], group["ref_date"],
                                               group["value"], group["unit"], provenance_lines(group, lang))]
        dash = DASH_BY_BASIS.get(basis, "solid")
        if by_indicator:
            dash = ["solid", "dash", "dot", "dashdot", "longdash"][sorted(ind_names).index(key) % 5 if key in ind_names else 0]
        data.append({
            "type": "scatter", "x": dated(plot_dates(group["period"], group["period_kind"], group["ref_date"])),
            "y": group["value"].to_numpy(dtype=float), "name": label, "mode": "lines+markers",
            "line": {"color": colours.get(area, "#555"), "dash": dash, "width": 3},
            "marker": {"symbol": SYMBOL_BY_BASIS.get(basis, "circle"), "size": 9},
            "hovertext": hover, "hoverinfo": "text", "meta": {"area": area, "basis": basis, **_years(group)},
            "visible": bases_shown is None or basis in bases_shown,
        })
    fig = {"data": data, "layout": layout_of(lang, title, y_title)}
    layout = fig["layout"]
    layout["xaxis"]["type"] = "date"     # also when no line is shown (plotly would guess a number axis)
    indexed = bool(len(rows)) and rows["unit"].eq("index").all()
    localise_y(fig, rows["value"], lang, lambda v: tick_label(v, lang), include_zero=not indexed)
    if targets is not None and not targets.empty:
        for r in targets.itertuples():
            if pd.isna(r.value):
                x0, x1 = f"{r.year_from}-01-01", f"{r.year_to}-12-31"
                layout.setdefault("shapes", []).append({
                    "type": "rect", "x0": x0, "x1": x1, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain",
                    "fillcolor": colours.get(r.area_id, "#555"), "opacity": 0.12, "line": {"width": 0}})
                layout["annotations"].append({
                    "text": f"{names.get(r.area_id, r.area_id)}: " + t(
                        f"target.{r.target}", lang,
                        years=r.year_to if r.year_from == r.year_to else f"{r.year_from}–{r.year_to}"),
                    "x": x0, "xref": "x", "xanchor": "left", "y": 1, "yref": "y domain", "yanchor": "top",
                    "showarrow": False, "font": {"size": 11}})
            elif r.unit == "%":
                data.append({
                    "type": "scatter", "x": [f"{r.year_to}-12-31"], "y": [r.value], "mode": "markers+text",
                    "marker": {"symbol": "star", "size": 16, "color": colours.get(r.area_id, "#555")},
                    "text": [t("chart.target_label", lang, year=r.year_to)], "textposition": "top center",
                    "name": t("chart.target", lang) + " — " + names.get(r.area_id, r.area_id),
                    "hovertext": [t(f"target.{r.target}", lang, years=r.year_to)], "hoverinfo": "text"})
    if events is not None and not events.empty:
        data.append(event_markers(events, lang, visible=events_shown))
        layout["yaxis2"] = {"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True}
    if bases_shown is not None:
        layout["annotations"].append({
            "text": t("common.no_data_chart", lang), "name": "no-data", "showarrow": False, "font": {"size": 18},
            "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
            "visible": not rows["basis"].isin(list(bases_shown)).any()})
    fig["layout"] = written_out(layout)
    return fixed_margins(fig)


def event_markers(events: pd.DataFrame, lang: str, visible: bool = True) -> dict:
    """Milestones of the partnership as markers along the bottom of the chart (on an overlaid ``y2`` axis from 0
    to 1); customdata = event id. The trace is marked ``meta.role = "milestones"``: a page shows or hides it in
    the browser (``visible``)."""
    return {
        "type": "scatter", "x": dated(events["start"]), "y": [0] * len(events), "yaxis": "y2", "mode": "markers",
        "marker": {"symbol": "diamond-wide", "size": 14, "color": "#6a3d9a", "line": {"width": 1, "color": "white"}},
        "name": t("chart.milestones", lang), "customdata": events["id"].tolist(),
        "hovertext": [f"{fmt.date_range(s, None, lang, p)}: {title}" for s, p, title in
                      zip(events["start"], events["precision"], events[f"title_{lang}"])],
        "hoverinfo": "text", "meta": {"role": "milestones"}, "visible": visible,
    }


def paired_bars(rows: pd.DataFrame, places: pd.DataFrame, lang: str, *, title: str = "", y_title: str = "",
                decimals: int = 0, indicators: pd.DataFrame | None = None) -> go.Figure:
    """Bars per period, one colour per place (for figures that are not continuous series).

    With ``indicators`` each bar is labelled "indicator (period)", for several indicators in one chart."""
    if rows.empty:
        return empty(t("common.no_data_chart", lang), lang)
    names, colours = place_names(places, lang), place_colours(places)
    ind_names = dict(zip(indicators["id"], indicators[f"label_{lang}"])) if indicators is not None else None
    fig = go.Figure()
    for area, group in rows.groupby("area_id", sort=False):
        labels = [fmt.period(p, k, d, lang) for p, k, d in zip(group["period"], group["period_kind"], group["ref_date"])]
        if ind_names is not None:
            labels = [f"{ind_names.get(i, i)} ({lab})" for i, lab in zip(group["indicator_id"], labels)]
        fig.add_trace(go.Bar(
            x=labels, y=group["value"], name=names.get(area, area), marker_color=colours.get(area, "#555"),
            hovertext=[f"{names.get(area, area)} {lab}: {fmt.value(v, u, lang, decimals)}{src}"
                       for lab, v, u, src in zip(labels, group["value"], group["unit"], provenance_lines(group, lang))],
            hoverinfo="text"))
    base_layout(fig, lang, title, y_title)
    localise_y(fig, rows["value"], lang, lambda v: tick_label(v, lang))
    fig.update_layout(barmode="group")
    return fixed_margins(fig)
