"""What every map shares: colours, the catalogue's names and colours of places, distances, areas and
coordinates in words, and the plain layout (no template, no tile, font or topojson server)."""
from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from dashboard.figures.theme import FONT
from dashboard.i18n import t
from dashboard.i18n import format as fmt

ROUTE_COLOUR = "#6a3d9a"
COUNTRY_FILL = "#e2ded3"
LAND_FILL, LAND_LINE, SEA = "#f6f5f0", "#d3d6da", "#eaf1f7"
LAND_VIEW = (-40.0, 0.0, 190.0, 85.0)  # lon/lat box kept of the world's land (wider than the visible range)
COUNTRY_LINE = "#9aa3ad"
GRID = "#e3e6ea"
STANDARD_PARALLEL = 45.0
OVERLAYS = ("a-on-b", "b-on-a")  # relative to the pair: a = its first place, b = its second
SIMPLIFY_DRAW_M = 40.0  # drawing only (< 1 px on a 1920 px projector); areas use the published geometry
SIMPLIFY_MAIN_DEG, SIMPLIFY_INSET_DEG = 0.04, 0.01  # location map: about half a pixel at its usual sizes


# --- small helpers ---------------------------------------------------------------------------------

def name(place: dict, lang: str) -> str:
    return str(place.get(f"name_{lang}") or place.get("name_en") or place.get("id", ""))


def rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def colour(place: dict, default: str = "#555555") -> str:
    c = str(place.get("colour") or "")
    return c if c.startswith("#") and len(c) == 7 else default


def km2(value: float | None, lang: str, decimals: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("maps.no_data", lang)
    return t("maps.unit.km2_value", lang, n=fmt.number(value, lang, decimals))


def km(value: float, lang: str, decimals: int = 1) -> str:
    return t("maps.unit.km_value", lang, n=fmt.number(value, lang, decimals))


def latitude(lat: float, lang: str, decimals: int = 2) -> str:
    key = "maps.unit.lat_north" if lat >= 0 else "maps.unit.lat_south"
    return t(key, lang, n=fmt.number(abs(lat), lang, decimals))


def longitude(lon: float, lang: str, decimals: int = 2) -> str:
    key = "maps.unit.lon_east" if lon >= 0 else "maps.unit.lon_west"
    return t(key, lang, n=fmt.number(abs(lon), lang, decimals))


def float32(values) -> np.ndarray:
    """Coordinates as float32: half the bytes of float64, still 1 m (or 10⁻⁵°) precise here."""
    return np.asarray(values, dtype=np.float32)


def base_layout(fig: go.Figure, lang: str, title: str, height: int | None = None) -> go.Figure:
    fig.update_layout(
        template=go.layout.Template(),  # no default template: smaller payload, explicit look
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 16}} if title else None,
        separators=fmt.plotly_separators(lang), font={"family": FONT, "size": 13, "color": "#1a1a1a"},
        margin={"l": 10, "r": 10, "t": 44 if title else 10, "b": 10},
        plot_bgcolor="white", paper_bgcolor="white", showlegend=False, hovermode="closest",
        hoverlabel={"font": {"family": FONT}}, autosize=True,
        **({"height": height} if height else {}),
    )
    return fig


def hidden_axis(**extra) -> dict:
    return {"visible": True, "showgrid": False, "zeroline": False, "showticklabels": False, "ticks": "",
            "showline": True, "mirror": True, "linecolor": "#c8ccd2", **extra}


