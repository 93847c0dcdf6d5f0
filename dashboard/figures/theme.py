"""Shared look of the charts: colour-blind-safe colours (Okabe–Ito), fonts, locale separators."""
from __future__ import annotations

import plotly.graph_objects as go

SEPARATORS = {"en": ".,", "de": ",.", "ja": ".,"}
FONT = ('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", '
        '"Hiragino Sans", "Yu Gothic", Meiryo, sans-serif')
DASH_BY_BASIS = {"register": "solid", "official_update": "dash", "census": "dot", "estimate": "solid",
                 "resident_register": "dashdot", "unspecified": "longdash", "": "solid", "registered": "solid",
                 "document": "dot"}
SYMBOL_BY_BASIS = {"register": "circle", "official_update": "square", "census": "diamond",
                   "estimate": "circle", "resident_register": "triangle-up", "unspecified": "x", "": "circle",
                   "registered": "circle", "document": "star"}


def base_layout(fig: go.Figure, lang: str, title: str = "", y_title: str = "") -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"} if title else None,
        separators=SEPARATORS.get(lang, ".,"),
        font={"family": FONT, "size": 14},
        margin={"l": 60, "r": 20, "t": 60 if title else 20, "b": 50},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        plot_bgcolor="white", paper_bgcolor="white", hovermode="closest",
        yaxis={"title": {"text": y_title}, "gridcolor": "#e5e5e5", "zeroline": False},
        xaxis={"gridcolor": "#f0f0f0"},
    )
    return fig


def empty(message: str, lang: str) -> go.Figure:
    fig = go.Figure()
    base_layout(fig, lang)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False},
                      annotations=[{"text": message, "showarrow": False, "font": {"size": 18},
                                    "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}])
    return fig
