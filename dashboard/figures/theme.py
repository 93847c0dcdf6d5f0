"""Shared look of the charts: colour-blind-safe colours (Okabe–Ito), fonts, locale separators (Babel)."""
from __future__ import annotations

import copy
import functools
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import format as fmt

FONT = ('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", '
        '"Hiragino Sans", "Yu Gothic", Meiryo, sans-serif')
DASH_BY_BASIS = {"register": "solid", "official_update": "dash", "census": "dot", "estimate": "solid",
                 "resident_register": "dashdot", "unspecified": "longdash", "": "solid", "registered": "solid",
                 "document": "dot", "official_update_zensus2022": "dash"}
SYMBOL_BY_BASIS = {"register": "circle", "official_update": "square", "census": "diamond",
                   "estimate": "circle", "resident_register": "triangle-up", "unspecified": "x", "": "circle",
                   "registered": "circle", "document": "star", "official_update_zensus2022": "square-open"}


@functools.lru_cache(maxsize=1)
def _template() -> dict:
    """Plotly's default look, as every figure object carries it (shared: nobody changes it)."""
    return go.Figure().to_plotly_json()["layout"]["template"]


# the template's parts for kinds of subplot these charts never draw (polar, 3-D, maps …)
_OTHER_SUBPLOTS = frozenset({"polar", "ternary", "scene", "geo", "mapbox", "map", "coloraxis", "colorscale"})


def written_out(layout: dict) -> dict:
    """``layout`` with plotly's default template written into it (the layout's own values win) and no
    ``template`` key: the same drawing. ``dcc.Graph`` hands plotly.js a deep copy of the layout on every
    update, and plotly.js redraws a whole chart when its template is not the same object as before — a
    chart without one redraws only what changed (an update changing nothing: 7 ms instead of 27). The
    layout given is not changed. Axes get the template's
    axis, annotations and shapes its ``annotationdefaults``/``shapedefaults``. The template's trace defaults
    are left out: for the scatter lines drawn here they only style fills, which these charts have none of."""
    template = (layout.get("template") or _template()).get("layout", {})
    out = {k: copy.deepcopy(v) for k, v in template.items()
           if k not in _OTHER_SUBPLOTS and not k.endswith("defaults") and k not in ("xaxis", "yaxis")}
    own = copy.deepcopy({k: v for k, v in layout.items() if k != "template"})
    out = _merged(out, own)
    for name in {"xaxis", "yaxis", *(k for k in out if re.fullmatch(r"[xy]axis\d*", k))}:
        own_axis = out.get(name) or {}
        out[name] = _merged(_axis_defaults(template.get(name[0] + "axis", {}), own_axis), own_axis)
    for items, defaults in (("annotations", "annotationdefaults"), ("shapes", "shapedefaults")):
        if out.get(items) and template.get(defaults):
            out[items] = [_merged(copy.deepcopy(template[defaults]), item) for item in out[items]]
    return out


# a colour or width of the axis line set in the layout turns the line on (plotly.js: it is off by default), one
# from the template does not: the template's are written out only where the layout says whether the line shows.
# (The grid and the zero line are on by default: their template colours and widths are always written out.)
_LINE = ("linecolor", "linewidth")


def _axis_defaults(template_axis: dict, own_axis: dict) -> dict:
    return {k: copy.deepcopy(v) for k, v in template_axis.items() if k not in _LINE or "showline" in own_axis}


def _merged(base: dict, over: dict) -> dict:
    """``over`` deep-merged onto ``base`` (``base`` is changed and returned)."""
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = _merged(base[key], value)
        else:
            base[key] = value
    return base


def layout_of(lang: str, title: str = "", y_title: str = "") -> dict:
    """The shared layout of a chart as a plain dict (for charts built as dicts; the same as :func:`base_layout`)."""
    layout = {"template": _template()}
    if title:
        layout["title"] = {"text": title, "x": 0, "xanchor": "left"}
    layout.update(
        separators=fmt.plotly_separators(lang),
        font={"family": FONT, "size": 14},
        margin={"l": 60, "r": 20, "t": 60 if title else 20, "b": 50},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        plot_bgcolor="white", paper_bgcolor="white", hovermode="closest",
        yaxis={"title": {"text": y_title}, "gridcolor": "#e5e5e5", "zeroline": False},
        xaxis={"gridcolor": "#f0f0f0"}, annotations=[],
    )
    return layout


def base_layout(fig: go.Figure, lang: str, title: str = "", y_title: str = "") -> go.Figure:
    layout = layout_of(lang, title, y_title)
    del layout["template"], layout["annotations"]
    fig.update_layout(**{"title": None, **layout})
    return fig


def empty(message: str, lang: str) -> go.Figure:
    fig = go.Figure()
    base_layout(fig, lang)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False},
                      annotations=[{"text": message, "showarrow": False, "font": {"size": 18},
                                    "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}])
    return fig


def empty_plain(message: str, lang: str) -> dict:
    """:func:`empty` as a plain dict with plotly's template written out (for the charts built as dicts)."""
    fig = empty(message, lang).to_plotly_json()
    return {"data": fig["data"], "layout": written_out(fig["layout"])}


def place_names(places: pd.DataFrame, lang: str) -> dict:
    """Place id → its name in ``lang`` (from the places catalogue)."""
    return dict(zip(places["id"], places[f"name_{lang}"]))


def place_colours(places: pd.DataFrame) -> dict:
    """Place id → its colour (from the places catalogue)."""
    return dict(zip(places["id"], places["colour"]))


def dated(values) -> list:
    """Dates as ISO text (what plotly's JSON makes of them, without its encoder's per-value work)."""
    return [v.isoformat() if hasattr(v, "isoformat") else v for v in values]


def plot_dates(periods: pd.Series, kinds: pd.Series, ref_dates: pd.Series) -> pd.Series:
    """Where a figure sits on a time axis: a year or fiscal year at its middle, a month at the 15th, a day on itself.

    On numpy arrays (no date-string inference, no masked assignment into a Series): a chart builds this
    for every line, so it is on the path of every control that asks for a figure not drawn before."""
    ref = pd.to_datetime(ref_dates)
    out = ref.to_numpy(dtype="datetime64[ns]").copy()
    kind = kinds.to_numpy(dtype=object)
    years = kind == "year"
    if years.any():
        out[years] = np.char.add(periods.to_numpy(dtype=str)[years], "-07-01").astype("datetime64[ns]")
    fiscal = kind == "fiscal_year"
    out[fiscal] -= np.timedelta64(182, "D")
    months = kind == "month"
    if months.any():
        out[months] = out[months].astype("datetime64[M]").astype("datetime64[ns]") + np.timedelta64(14, "D")
    return pd.Series(out, index=ref.index, name=ref.name)


def nice_ticks(lo: float, hi: float, count: int = 5, include_zero: bool = True) -> list[float]:
    """Round tick values covering [lo, hi] (1-2-5 steps); from zero unless ``include_zero`` is False (an index
    around 100 needs ticks around 100)."""
    if not np.isfinite(lo) or not np.isfinite(hi):
        return []
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    span = hi - lo or abs(hi) or 1.0
    raw = span / count
    mag = 10 ** np.floor(np.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = np.floor(lo / step) * step
    return [float(v) for v in np.arange(start, hi + step * 1.001, step)]


def localise_y(fig: go.Figure, values, lang: str, formatter, include_zero: bool = True) -> go.Figure:
    """Y tick labels in the language's number format (Babel), instead of Plotly's English SI suffixes."""
    vals = [v for v in values if v is not None and np.isfinite(v)]
    if not vals:
        return fig
    ticks = nice_ticks(min(vals), max(vals), include_zero=include_zero)
    labels = {"tickmode": "array", "tickvals": ticks, "ticktext": [formatter(v) for v in ticks]}
    if isinstance(fig, dict):               # a chart built as a plain dict
        fig["layout"].setdefault("yaxis", {}).update(labels)
    else:
        fig.update_yaxes(**labels)
    return fig


def text_width(text: str, size: float) -> float:
    """A generous estimate of the drawn width of ``text`` in px at ``size`` (wide for CJK and full-width)."""
    return sum(size * (1.0 if ord(c) >= 0x2E80 else 0.62) for c in str(text))


def left_margin(ticktext, title: str = "", size: float = 14, minimum: int = 60) -> int:
    """The left margin that holds the widest of ``ticktext`` and, when there is one, the axis title."""
    label = max((text_width(v, size) for v in ticktext), default=0.0)
    return max(minimum, int(label + (size * 1.6 + 4 if title else 0.0) + 14))


def fixed_margins(fig, size: float = 14, minimum: int = 60):
    """Margins set from the y tick labels this module wrote, with plotly's axis automargin off.

    With automargin plotly measures the labels after drawing and draws the whole chart again whenever the
    margins move — on every update of a chart. Here the left margin holds the widest tick label and the axis
    title, so each update draws once. Axes without explicit labels keep automargin. ``fig`` is a figure
    object or a plain ``{"data", "layout"}`` dict (changed in place, and returned)."""
    plain = isinstance(fig, dict)
    layout = fig.setdefault("layout", {}) if plain else fig.layout.to_plotly_json()
    axes = [k for k in layout if k.startswith(("xaxis", "yaxis"))] or ["xaxis", "yaxis"]
    left = minimum
    for name in axes:
        axis = layout.get(name) or {}
        ticktext = axis.get("ticktext")
        if name.startswith("yaxis") and ticktext is None and axis.get("visible") is not False:
            return fig                      # labels we cannot know: let plotly measure them
        if name.startswith("yaxis") and ticktext is not None and axis.get("side", "left") == "left":
            left = max(left, left_margin(ticktext, (axis.get("title") or {}).get("text") or "", size, minimum))
    if plain:
        for name in axes:
            layout.setdefault(name, {})["automargin"] = False
        layout.setdefault("margin", {})["l"] = left
        return fig
    for name in axes:
        fig.layout[name].automargin = False
    fig.update_layout(margin={"l": left})
    return fig
