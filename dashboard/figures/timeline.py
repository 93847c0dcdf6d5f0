"""The cooperation timeline: one lane per field of cooperation, and the counts of events per year and field.

Colours are Okabe–Ito (colour-blind safe) and never the only cue: every field has its own lane, milestones and
agreements are bigger diamonds with a dark outline, planned events are open symbols (hatched bars), cancelled
ones are grey crosses. ``customdata`` of every point is the event id, so that a click selects the event.
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from babel.dates import get_day_names, get_month_names

from dashboard.figures.theme import base_layout, empty
from dashboard.i18n import format as fmt
from dashboard.i18n import t
from dashboard.contract import FIELDS

FIELD_COLOURS = {
    "renewable_energy": "#009E73",  # bluish green
    "healthcare": "#CC79A7",        # reddish purple
    "next_generation": "#E69F00",   # orange
    "water": "#56B4E9",             # sky blue
    "culture": "#D55E00",           # vermillion
    "trade": "#0072B2",             # blue
    "general": "#000000",           # black
}
CANCELLED_COLOUR = "#8C8C8C"
OUTLINE = "#1a1a1a"
SIZE, MILESTONE_SIZE = 11, 18
LANE_HALF = 0.42
SLOT_GAP = pd.Timedelta(days=45)
GAP_YEARS = 4
MODEBAR_KEEP = ("zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "resetScale2d")
MODEBAR_TEXTS = {"Zoom": "zoom", "Pan": "pan", "Zoom in": "zoom_in", "Zoom out": "zoom_out",
                 "Reset axes": "reset", "Autoscale": "reset", "Double-click to zoom back out": "double_click"}


def is_highlighted(row) -> bool:
    """Milestones and agreements are drawn bigger."""
    return bool(row["milestone"]) or row["kind"] == "agreement"


def anchor(start: pd.Timestamp, precision: str) -> pd.Timestamp:
    """Where an event sits on the time axis: a day on itself, a month at the 15th, a year at 1 July."""
    start = pd.Timestamp(start)
    if precision == "year":
        return pd.Timestamp(year=start.year, month=7, day=1)
    if precision == "month":
        return pd.Timestamp(year=start.year, month=start.month, day=15)
    return start


def visual_end(start: pd.Timestamp, end, precision: str) -> pd.Timestamp:
    """The last moment covered: a range's end day/month/year inclusive; a single date its own day/month/year."""
    last = pd.Timestamp(end) if end is not None and pd.notna(end) else pd.Timestamp(start)
    if precision == "year":
        return pd.Timestamp(year=last.year + 1, month=1, day=1)
    if precision == "month":
        return (last + pd.offsets.MonthBegin(1)).normalize()
    return last + pd.Timedelta(days=1)


def date_text(row, lang: str) -> str:
    """The event's date or date range in the language, as precise as the source (day / month / year)."""
    end = row["end"] if "end" in row and pd.notna(row["end"]) else None
    return fmt.date_range(row["start"], end, lang, row["precision"])


def lane_slots(events: pd.DataFrame) -> pd.Series:
    """A sub-row inside its field's lane for every event, so that events close in time do not hide each other."""
    slots = pd.Series(0, index=events.index, dtype="int64")
    for _, group in events.groupby("field", sort=False):
        busy: list[pd.Timestamp] = []
        ordered = group.sort_values(["start", "id"])
        for idx, start, end, precision in zip(ordered.index, ordered["start"], ordered["end"], ordered["precision"]):
            start = pd.Timestamp(start)
            stop = visual_end(start, end, precision) + SLOT_GAP
            for slot, free_from in enumerate(busy):
                if free_from <= start:
                    busy[slot] = stop
                    slots[idx] = slot
                    break
            else:
                busy.append(stop)
                slots[idx] = len(busy) - 1
    return slots


def lane_positions(events: pd.DataFrame) -> pd.Series:
    """The y position of every event: its field's lane (0 = first field) plus the offset of its sub-row.

    Sub-row 0 sits in the middle of the lane, the next ones alternately above and below it."""
    lanes = {f: i for i, f in enumerate(FIELDS)}
    if not events.index.is_unique:
        raise ValueError("lane_positions needs a unique index")
    slots = lane_slots(events)
    pos = pd.Series(0.0, index=events.index)
    for field, group in events.groupby("field", sort=False):
        k = slots[group.index]
        reach = max(1, (int(k.max()) + 1) // 2)
        step = min(0.2, LANE_HALF / reach)
        offset = ((k + 1) // 2) * step * k.map(lambda v: 1 if v % 2 else -1)
        pos[group.index] = lanes.get(field, len(lanes)) + offset
    return pos


def _label(kind: str, value: str, lang: str) -> str:
    return t(f"timeline.{kind}.{value}", lang)


def hover_text(row, lang: str, place_names: dict | None = None) -> str:
    """Title, date, field, place, kind and status in the language (text escaped for Plotly). ``place_names``:
    place id → name from the catalogue, for events held in one of the pair's places."""
    place = (place_names or {}).get(row["place"]) or _label("place", row["place"], lang)
    title = html.escape(str(row.get(f"title_{lang}") or row.get("title_en") or row["id"]))
    lines = [f"<b>{title}</b>", html.escape(date_text(row, lang)),
             html.escape(f"{_label('field', row['field'], lang)} · {place}"),
             html.escape(f"{_label('kind', row['kind'], lang)} · {_label('status', row['status'], lang)}")]
    if is_highlighted(row):
        lines.append(html.escape(t("timeline.legend_milestone", lang)))
    return "<br>".join(lines)


def point_style(row) -> dict:
    """Symbol, size, fill and outline of one event marker."""
    big = is_highlighted(row)
    colour = FIELD_COLOURS.get(row["field"], OUTLINE)
    if row["status"] == "cancelled":
        return {"symbol": "x", "size": SIZE + 2, "color": CANCELLED_COLOUR, "line_color": CANCELLED_COLOUR,
                "line_width": 1}
    symbol = "diamond" if big else "circle"
    if row["status"] in ("planned", "not_recorded"):     # not (yet) known to have taken place
        return {"symbol": symbol + "-open", "size": MILESTONE_SIZE if big else SIZE + 1, "color": colour,
                "line_color": colour, "line_width": 2.5}
    return {"symbol": symbol, "size": MILESTONE_SIZE if big else SIZE, "color": colour,
            "line_color": OUTLINE if big else "#ffffff", "line_width": 2 if big else 1}


def full_range(events: pd.DataFrame) -> list[pd.Timestamp]:
    """From a little before the first event to a little after the last one."""
    ends = [visual_end(s, e, p) for s, e, p in zip(events["start"], events["end"], events["precision"])]
    pad = pd.Timedelta(days=120)
    return [pd.Timestamp(events["start"].min()) - pad, max(ends) + pad]


def time_gaps(events: pd.DataFrame, min_years: int = GAP_YEARS) -> list[list[pd.Timestamp]]:
    """Long stretches without any event (e.g. 1883–1991), left out of the axis so that every event is in view."""
    if events.empty:
        return []
    spans = sorted((pd.Timestamp(s), visual_end(s, e, p))
                   for s, e, p in zip(events["start"], events["end"], events["precision"]))
    gaps, reach = [], spans[0][1]
    margin = pd.Timedelta(days=270)
    for start, stop in spans[1:]:
        if start - reach > pd.Timedelta(days=365 * min_years):
            gaps.append([reach + margin, start - margin])
        reach = max(reach, stop)
    return gaps


def year_ticks(events: pd.DataFrame, most: int = 8) -> list[pd.Timestamp]:
    """1 January of the years in view (Plotly's own ticks ignore the cut-out stretches): in a short stretch only
    the years with an event, in a long one every year (every second year beyond ``most`` years)."""
    lo, hi = full_range(events)
    bounds = [lo] + [b for gap in time_gaps(events) for b in gap] + [hi]
    with_events = set(int(y) for y in events["start"].dt.year)
    ticks = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        years = [y for y in range(a.year, b.year + 1) if a <= pd.Timestamp(year=y, month=1, day=1) <= b]
        if b - a < pd.Timedelta(days=3 * 365):
            years = [y for y in years if y in with_events] or years[:1]
        elif len(years) > most:
            years = years[::2]
        ticks += [pd.Timestamp(year=y, month=1, day=1) for y in years]
    return ticks


def _style_legend(fig: go.Figure, lang: str) -> None:
    """Legend-only entries explaining the marks (the lanes name the fields)."""
    keys = [
        (t("timeline.legend_held", lang), {"symbol": "circle", "size": SIZE, "color": "#555555",
                                            "line": {"color": "#ffffff", "width": 1}}),
        (t("timeline.legend_milestone", lang), {"symbol": "diamond", "size": MILESTONE_SIZE, "color": "#555555",
                                                 "line": {"color": OUTLINE, "width": 2}}),
        (t("timeline.legend_planned", lang), {"symbol": "circle-open", "size": SIZE + 1, "color": "#555555",
                                               "line": {"width": 2.5}}),
        (t("timeline.legend_cancelled", lang), {"symbol": "x", "size": SIZE + 2, "color": CANCELLED_COLOUR}),
    ]
    for name, marker in keys:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, marker=marker,
                                 hoverinfo="skip", showlegend=True, meta={"legend": "style"}))
    fig.add_trace(go.Bar(x=[None], y=[None], orientation="h", name=t("timeline.legend_range", lang),
                         marker={"color": "#bbbbbb", "line": {"color": "#555555", "width": 1}},
                         hoverinfo="skip", showlegend=True, meta={"legend": "style"}))


def timeline_figure(events: pd.DataFrame, lang: str, place_names: dict | None = None) -> go.Figure:
    """x = date, one lane per field. Markers for every event (at its start); bars for the extent of ranges.

    Stretches of several years without any event are cut out of the axis (``rangebreaks``)."""
    if events.empty:
        return empty(t("timeline.empty", lang), lang)
    events = events.reset_index(drop=True)
    events["_y"] = lane_positions(events)
    events["_x"] = [anchor(s, p) for s, p in zip(events["start"], events["precision"])]
    records = events.to_dict("records")
    events["_hover"] = [hover_text(r, lang, place_names) for r in records]
    events["_style"] = [point_style(r) for r in records]
    events["_big"] = [is_highlighted(r) for r in records]
    fig = go.Figure()
    for field in FIELDS:
        rows = events[events["field"].eq(field)]
        if rows.empty:
            continue
        ranges = rows[rows["end"].notna()]
        if not ranges.empty:
            ends = [visual_end(s, e, p) for s, e, p in zip(ranges["start"], ranges["end"], ranges["precision"])]
            colours = [CANCELLED_COLOUR if s == "cancelled" else FIELD_COLOURS[field] for s in ranges["status"]]
            fig.add_trace(go.Bar(
                orientation="h", base=list(ranges["start"]),
                x=[(e - s).total_seconds() * 1000 for s, e in zip(ranges["start"], ends)],
                y=list(ranges["_y"]), width=0.12, customdata=list(ranges["id"]),
                hovertext=list(ranges["_hover"]), hoverinfo="text", showlegend=False,
                name=_label("field", field, lang), legendgroup=field,
                marker={"color": colours, "opacity": 0.55,
                        "pattern": {"shape": ["/" if s in ("planned", "not_recorded") else "" for s in ranges["status"]],
                                    "fgcolor": colours, "bgcolor": "rgba(0,0,0,0)", "fillmode": "overlay",
                                    "solidity": 0.4},
                        "line": {"color": [OUTLINE if big else c for big, c in zip(ranges["_big"], colours)],
                                 "width": [2 if big else 1 for big in ranges["_big"]]}},
                meta={"field": field, "kind": "ranges"},
            ))
        styles = list(rows["_style"])
        fig.add_trace(go.Scatter(
            x=list(rows["_x"]), y=list(rows["_y"]), mode="markers", customdata=list(rows["id"]),
            hovertext=list(rows["_hover"]), hoverinfo="text", showlegend=False,
            name=_label("field", field, lang), legendgroup=field,
            marker={"symbol": [s["symbol"] for s in styles], "size": [s["size"] for s in styles],
                    "color": [s["color"] for s in styles],
                    "line": {"color": [s["line_color"] for s in styles], "width": [s["line_width"] for s in styles]}},
            meta={"field": field, "kind": "events"},
        ))
    _style_legend(fig, lang)
    base_layout(fig, lang)
    lanes = list(range(len(FIELDS)))
    fig.update_layout(
        barmode="overlay", dragmode="zoom", showlegend=True, clickmode="event",
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "itemclick": False,
                "itemdoubleclick": False, "traceorder": "normal"},
        xaxis={"type": "date", "range": full_range(events), "gridcolor": "#eeeeee", "showline": True,
               "tickmode": "array", "tickvals": year_ticks(events), "tickformat": "%Y",
               "linecolor": "#999999", "rangebreaks": [{"bounds": gap} for gap in time_gaps(events)]},
        yaxis={"tickmode": "array", "tickvals": lanes, "showticklabels": False, "showgrid": False,
               "range": [len(FIELDS) - 0.5, -0.5], "fixedrange": True, "zeroline": False, "title": None},
        annotations=[{"text": _label("field_short", f, lang), "xref": "paper", "x": 0, "xanchor": "left",
                      "yref": "y", "y": i - 0.5, "yanchor": "top", "showarrow": False, "align": "left",
                      "font": {"size": 12, "color": "#333333"}, "bgcolor": "rgba(255,255,255,0.75)"}
                     for i, f in enumerate(FIELDS)],
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": i + 0.5, "y1": i + 0.5,
                 "line": {"color": "#e5e5e5", "width": 1}} for i in lanes[:-1]]
        + [{"type": "line", "xref": "x", "x0": gap[1], "x1": gap[1], "yref": "paper", "y0": 0, "y1": 1,
            "line": {"color": "#777777", "width": 1.5, "dash": "dash"}} for gap in time_gaps(events)],
        hoverlabel={"align": "left"},
    )
    return fig


def counts_figure(counts: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars: events per year (x, only years with events) and field (colour, same as the lanes)."""
    if counts.empty:
        return empty(t("timeline.empty", lang), lang)
    years = sorted(int(y) for y in counts["year"].unique())
    fig = go.Figure()
    for field in FIELDS:
        rows = counts[counts["field"].eq(field)]
        if rows.empty:
            continue
        label = _label("field", field, lang)
        fig.add_trace(go.Bar(
            x=[str(int(y)) for y in rows["year"]], y=list(rows["count"]), name=label,
            marker={"color": FIELD_COLOURS[field], "line": {"color": "#ffffff", "width": 0.5}},
            hovertext=[t("timeline.counts_hover", lang, year=int(y), field=label, n=fmt.number(int(n), lang))
                       for y, n in zip(rows["year"], rows["count"])],
            hoverinfo="text", meta={"field": field}))
    base_layout(fig, lang, y_title=t("timeline.counts_axis", lang))
    totals = counts.groupby("year")["count"].sum()
    fig.update_layout(barmode="stack", xaxis={"type": "category", "categoryorder": "array",
                                              "categoryarray": [str(y) for y in years],
                                              "title": {"text": t("timeline.counts_year", lang)}},
                      yaxis={"rangemode": "tozero", "dtick": 5 if totals.max() > 12 else 1},
                      legend={"y": -0.25})
    return fig


def graph_config(lang: str, filename: str = "timeline") -> dict:
    """Plotly config: the zoom tools only, their tooltips and month/day names in the language."""
    lang = lang if lang in ("en", "de", "ja") else "en"
    locale = fmt.locale(lang)
    months = get_month_names("wide", locale=locale)
    short = get_month_names("abbreviated", locale=locale)
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    # Babel counts weekdays from Monday (0); Plotly (d3) from Sunday.
    order = [6, 0, 1, 2, 3, 4, 5]
    dictionary = {english: t(f"timeline.modebar.{key}", lang) for english, key in MODEBAR_TEXTS.items()}
    return {
        "displaylogo": False, "responsive": True, "scrollZoom": False,
        "modeBarButtons": [list(MODEBAR_KEEP)],
        "locale": f"twincity-{lang}",
        "locales": {f"twincity-{lang}": {
            "dictionary": dictionary,
            "format": {"months": [months[i] for i in range(1, 13)], "shortMonths": [short[i] for i in range(1, 13)],
                       "days": [days[i] for i in order], "shortDays": [short_days[i] for i in order],
                       "decimal": fmt.decimal_symbol(lang), "thousands": fmt.group_symbol(lang)}}},
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
    }
