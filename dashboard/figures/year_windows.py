"""A time-series chart that carries every year, shown for any window of years without a round trip.

The chart holds the rows of the whole span; a window of years (the page's years slider) sets the x range,
and the y axis that fits the rows inside the window. Those axes, with their tick labels already written in the
page's language, are worked out here once per chart, for every window the slider can make:

``table`` = ``{"first": 1960, "lows": […], "highs": […], "zero": true, "padding": 0.05, "axes": [{"tickvals", "ticktext", "left"}, …],
"index": [[…], …]}``: the lowest and highest value of each year (None: no row), whether the axis starts at zero,
and ticks, where ``index[s - first][e - s]`` is the ticks of the window ``s``–``e`` (``-1``: no row in it). The y
range spans the window's values (from zero when ``zero``) with a margin of ``PADDING``. The browser
(``window.twincity.showYears`` in ``assets/twincity.js``) and :func:`shown` apply a window the same way;
a line's ``meta.years`` (the years of its points) tells whether a shown line has a point in the window, else
the chart's "no data" note shows."""
from __future__ import annotations

import copy
from typing import Callable

import numpy as np
import pandas as pd

from dashboard.figures.theme import left_margin, nice_ticks

PADDING = 0.05      # of the values' span, above the highest and below the lowest (markers are not cut)


def table(rows: pd.DataFrame, span: tuple[int, int], formatter: Callable[[float], str], *,
          include_zero: bool = True, title: str = "", size: float = 14) -> dict:
    """The y axis of every window of ``span`` over ``rows`` (``year``, ``value``: every line, shown or not —
    the axis spans them all, so showing a line never moves it)."""
    first, last = span
    years = np.arange(first, last + 1)
    values = rows[["year", "value"]].dropna() if len(rows) else pd.DataFrame({"year": [], "value": []})
    values = values[values["year"].between(first, last) & np.isfinite(values["value"].astype(float))]
    by_year = values.groupby("year")["value"].agg(["min", "max"]).reindex(years)
    lows, highs = _listed(by_year["min"].to_numpy(dtype=float)), _listed(by_year["max"].to_numpy(dtype=float))
    axes: list[dict] = []
    known: dict[tuple, int] = {}
    ticks_of: dict[tuple[float, float], tuple] = {}       # many windows share their lowest and highest value
    index: list[list[int]] = []
    for s in range(len(years)):
        row, lo, hi = [], np.inf, -np.inf
        for e in range(s, len(years)):
            if lows[e] is not None:
                lo, hi = min(lo, lows[e]), max(hi, highs[e])
            if lo > hi:
                row.append(-1)
                continue
            ticks = ticks_of.get((lo, hi))
            if ticks is None:
                ticks = ticks_of[lo, hi] = tuple(nice_ticks(lo, hi, include_zero=include_zero))
            if ticks not in known:
                known[ticks] = len(axes)
                text = [formatter(v) for v in ticks]
                axes.append({"tickvals": list(ticks), "ticktext": text, "left": left_margin(text, title, size)})
            row.append(known[ticks])
        index.append(row)
    return {"first": first, "lows": lows, "highs": highs, "zero": include_zero, "padding": PADDING, "axes": axes,
            "index": index}


def _listed(values: np.ndarray) -> list:
    return [None if np.isnan(v) else float(v) for v in values]


def y_range(windows: dict, years: tuple[int, int]) -> list[float] | None:
    """The y range of the window ``years``: its lowest to its highest value (from zero when the axis starts at
    zero), with a margin — worked out in the browser the same way."""
    s, e = years[0] - windows["first"], years[1] - windows["first"] + 1
    lows = [v for v in windows["lows"][max(s, 0):max(e, 0)] if v is not None]
    highs = [v for v in windows["highs"][max(s, 0):max(e, 0)] if v is not None]
    if not lows:
        return None
    lo, hi = min(lows), max(highs)
    if windows["zero"]:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    pad = (hi - lo) * windows["padding"] or abs(hi) * windows["padding"] or 1.0
    return [lo - pad, hi + pad]


def axis_for(windows: dict, years: tuple[int, int]) -> dict | None:
    """The axis of the window ``years`` (None: no row in it, or a window outside the table)."""
    s, e = years[0] - windows["first"], years[1] - years[0]
    if s < 0 or e < 0 or s >= len(windows["index"]) or e >= len(windows["index"][s]):
        return None
    k = windows["index"][s][e]
    return windows["axes"][k] if k >= 0 else None


def any_shown(figure: dict, years: tuple[int, int]) -> bool:
    """Whether a shown line (``meta.years``) has a point within ``years``."""
    return any(tr.get("visible", True) is not False and any(years[0] <= y <= years[1] for y in tr["meta"]["years"])
               for tr in figure.get("data", []) if (tr.get("meta") or {}).get("years") is not None)


def shown(figure: dict, windows: dict, years: tuple[int, int]) -> dict:
    """``figure`` (a chart of the whole span, as a dict) for the window ``years``: x range, y axis, left margin and
    the "no data" note — the same as the browser makes it. The figure given is not changed."""
    if not windows["axes"]:                 # nothing in any window: the chart is the "no data" figure
        return figure
    out = copy.copy(figure)
    layout = out["layout"] = dict(figure["layout"])
    layout["xaxis"] = {**layout.get("xaxis", {}), "range": [f"{years[0]}-01-01", f"{years[1]}-12-31"]}
    axis, ranged = axis_for(windows, years), years
    if axis is None:                        # a window without rows keeps the axis of the whole span
        ranged = (windows["first"], windows["first"] + len(windows["index"]) - 1)
        axis = axis_for(windows, ranged)
    layout["yaxis"] = {**layout.get("yaxis", {}), "tickmode": "array", "tickvals": axis["tickvals"],
                       "ticktext": axis["ticktext"], "range": y_range(windows, ranged)}
    layout["margin"] = {**layout.get("margin", {}), "l": axis["left"]}
    empty = not any_shown(out, years)
    layout["annotations"] = [{**a, "visible": empty} if a.get("name") == "no-data" else a
                             for a in layout.get("annotations", [])]
    return out
