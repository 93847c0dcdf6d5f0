"""Maps as plain Plotly figures — nothing is fetched from a tile, font or topojson server.

* location map (:mod:`dashboard.figures.location_map`): equirectangular, with the great-circle route;
* twin map and overlay (here): each city in its own Lambert azimuthal equal-area projection centred on it,
  in metres, every panel at the same metres per pixel.

Pure functions: place rows (dicts from the places catalogue) + GeoJSON + options → ``go.Figure``.
"""
from __future__ import annotations

import plotly.graph_objects as go

from dashboard import geometry
from dashboard.figures.location_map import hours, location_facts, location_map, time_difference, time_differences
from dashboard.figures.map_base import (LAND_VIEW, OVERLAYS, SEA, SIMPLIFY_DRAW_M, base_layout, colour, float32,
                                        hidden_axis, km, km2, latitude, longitude, name, rgba)
from dashboard.i18n import t
from dashboard.i18n import format as fmt

__all__ = ["LAND_VIEW", "OVERLAYS", "SEA", "area_ratio", "city_outline", "city_stats", "colour", "hours", "km", "km2", "latitude",
           "location_facts", "location_map", "longitude", "missing_figure", "name", "overlay_map", "overlay_pair",
           "ratio_sentence", "rgba", "time_difference", "time_differences", "twin_map"]



# --- (2) twin map at the same scale ----------------------------------------------------------------

def city_outline(boundaries: dict, place_id: str) -> geometry.Local | None:
    gj = boundaries.get(place_id)
    return geometry.project_local(gj) if gj else None


def city_stats(local: geometry.Local, official_km2: float | None) -> dict:
    ew, ns = local.extent_km
    return {"area_km2": local.area_km2, "official_km2": official_km2, "extent_ew_km": ew, "extent_ns_km": ns}


def _outline_trace(geom, place: dict, hover: str, xaxis="x", yaxis="y", fill_alpha=0.22, dash="solid",
                   width=2.0, role="outline") -> go.Scatter:
    x, y = geometry.outline_xy(geometry.simplify(geom, SIMPLIFY_DRAW_M))
    return go.Scatter(x=float32(x), y=float32(y), xaxis=xaxis, yaxis=yaxis, mode="lines", fill="toself",
                      fillcolor=rgba(colour(place), fill_alpha), line={"color": colour(place), "width": width,
                                                                       "dash": dash},
                      hoveron="fills", hoverinfo="text", hovertext=hover, name=hover,
                      meta={"role": role, "place": place.get("id")})


def _scale_bar(fig: go.Figure, view: geometry.View, lang: str, xaxis="x", yaxis="y") -> float:
    """A scale bar (round length) in the lower left of a panel; returns its length in metres."""
    length = geometry.nice_length(view.width_m, 0.25)
    x0 = view.x_range[0] + view.width_m * 0.05
    y0 = view.y_range[0] + view.height_m * 0.05
    tick = view.height_m * 0.012
    fig.add_trace(go.Scatter(x=[x0, x0, x0 + length, x0 + length], y=[y0 + tick, y0, y0, y0 + tick],
                             xaxis=xaxis, yaxis=yaxis, mode="lines", line={"color": "#1a1a1a", "width": 2.5},
                             hoverinfo="skip", meta={"role": "scale-bar", "length_m": length}))
    fig.add_annotation(x=x0 + length / 2, y=y0 + tick, xref=xaxis, yref=yaxis, yanchor="bottom", showarrow=False,
                       text=km(length / 1000, lang, 0), font={"size": 12})
    return length


def _label(stats: dict, place: dict, lang: str) -> str:
    """Short lines (they must fit above a phone-sized panel): name, official and computed area, extents."""
    return "<br>".join([
        f"<b>{name(place, lang)}</b>",
        t("maps.twin.official_short", lang, area=km2(stats["official_km2"], lang)),
        t("maps.twin.computed_short", lang, area=km2(stats["area_km2"], lang)),
        t("maps.twin.extent_short", lang, ew=km(stats["extent_ew_km"], lang), ns=km(stats["extent_ns_km"], lang)),
    ])


def _hover(stats: dict, place: dict, lang: str) -> str:
    area = stats["official_km2"] or stats["area_km2"]
    return t("maps.twin.hover", lang, name=name(place, lang), area=km2(area, lang))


def twin_map(a: dict, b: dict, boundaries: dict, lang: str, *, districts: bool = False,
             official_km2: dict | None = None, carry_districts: bool = False) -> go.Figure:
    """Two panels, ``a`` left and ``b`` right, each city in its own equal-area projection centred on it.

    Both panels show the same span in metres on equal-sized axes with a 1:1 aspect, and all four axes
    are tied to one scale (``scaleanchor``/``matches``), so 1 km is the same length on screen in both,
    also after zooming. With ``carry_districts`` the districts layer is in the figure even when not shown
    (``visible`` False, ``meta.role`` "district"/"district-label"): a page shows it without a round trip."""
    official_km2 = official_km2 or {}
    locals_ = [city_outline(boundaries, p.get("id")) for p in (a, b)]
    if any(loc is None for loc in locals_):
        return missing_figure(lang)
    view = geometry.common_view([loc.geometry for loc in locals_], pad=0.05, bottom_extra=0.04)
    fig = go.Figure()
    domains = ([0.0, 0.485], [0.515, 1.0])
    for i, (place, loc) in enumerate(zip((a, b), locals_)):
        ax = "" if i == 0 else "2"
        stats = city_stats(loc, official_km2.get(place.get("id")))
        fig.add_trace(_outline_trace(loc.geometry, place, _hover(stats, place, lang), f"x{ax}", f"y{ax}"))
        layer = f"{place.get('id')}_districts"
        if (districts or carry_districts) and layer in boundaries:
            offset = geometry.local_offset(boundaries[place.get("id")], loc.centre)
            for props, geom in geometry.features(boundaries[layer]):
                g = geometry.project_like(geom, loc, offset)
                roman = props.get("stadtbezirk_roman") or str(props.get("stadtbezirk", ""))
                label = t("maps.twin.district", lang, roman=roman)
                hover = t("maps.twin.district_hover", lang, district=label,
                          area=km2(geometry.area_km2(g), lang, 1))
                x, y = geometry.outline_xy(geometry.simplify(g, SIMPLIFY_DRAW_M))
                fig.add_trace(go.Scatter(x=float32(x), y=float32(y), xaxis=f"x{ax}", yaxis=f"y{ax}", mode="lines",
                                         fill="toself", fillcolor="rgba(255,255,255,0)",
                                         line={"color": colour(place), "width": 0.8}, hoveron="fills",
                                         hoverinfo="text", hovertext=hover, name=label,
                                         meta={"role": "district", "place": place.get("id"), "district": roman},
                                         visible=districts))
                p = g.representative_point()
                fig.add_trace(go.Scatter(x=[round(p.x)], y=[round(p.y)], xaxis=f"x{ax}", yaxis=f"y{ax}",
                                         mode="text", text=[roman], hoverinfo="skip",
                                         textfont={"size": 10, "color": "#333"},
                                         meta={"role": "district-label", "place": place.get("id")},
                                         visible=districts))
        _scale_bar(fig, view, lang, f"x{ax}", f"y{ax}")
        fig.add_annotation(xref=f"x{ax} domain", yref=f"y{ax} domain", x=0.5, y=1.0, yanchor="bottom",
                           showarrow=False, text=_label(stats, place, lang), font={"size": 11},
                           name=f"label-{place.get('id')}")
        axis_x = hidden_axis(range=list(view.x_range), domain=domains[i], anchor=f"y{ax}", constrain="domain")
        axis_y = hidden_axis(range=list(view.y_range), domain=[0.0, 0.82], anchor=f"x{ax}", constrain="domain",
                              constraintoward="top")
        if i == 0:
            axis_y.update(scaleanchor="x", scaleratio=1)
        else:
            axis_x.update(matches="x")
            axis_y.update(matches="y")
        fig.update_layout({f"xaxis{ax}": axis_x, f"yaxis{ax}": axis_y})
    base_layout(fig, lang, t("maps.twin.figure_title", lang, a=name(a, lang), b=name(b, lang)))
    fig.update_layout(meta={"view_m": {"x": list(view.x_range), "y": list(view.y_range)}})
    return fig


# --- (3) overlay -----------------------------------------------------------------------------------

def overlay_pair(direction: str, a: dict, b: dict) -> tuple[dict, dict]:
    """(moving, base) places for ``"a-on-b"`` / ``"b-on-a"``; unknown directions fall back to the first."""
    direction = direction if direction in OVERLAYS else OVERLAYS[0]
    return (a, b) if direction == "a-on-b" else (b, a)


def area_ratio(moving_km2: float, base_km2: float) -> float:
    """How many times the larger area is the smaller one."""
    return max(moving_km2, base_km2) / min(moving_km2, base_km2)


def ratio_sentence(a: dict, b: dict, area_a: float, area_b: float, lang: str) -> str:
    big, small, big_area, small_area = (a, b, area_a, area_b) if area_a >= area_b else (b, a, area_b, area_a)
    return t("maps.overlay.ratio", lang, big=name(big, lang), small=name(small, lang),
             big_area=km2(big_area, lang), small_area=km2(small_area, lang),
             x=fmt.number(area_ratio(area_a, area_b), lang, 1))


def overlay_map(a: dict, b: dict, boundaries: dict, lang: str, *, direction: str = OVERLAYS[0],
                official_km2: dict | None = None) -> go.Figure:
    """The moving city's outline laid over the base city's centre (centroid on centroid), same scale."""
    official_km2 = official_km2 or {}
    moving, base = overlay_pair(direction, a, b)
    loc_m, loc_b = city_outline(boundaries, moving.get("id")), city_outline(boundaries, base.get("id"))
    if loc_m is None or loc_b is None:
        return missing_figure(lang)
    moved = geometry.translate_onto(loc_m.geometry, loc_b.geometry)
    view = geometry.fit_view([moved, loc_b.geometry], pad=0.06, bottom_extra=0.08)
    st_m = city_stats(loc_m, official_km2.get(moving.get("id")))
    st_b = city_stats(loc_b, official_km2.get(base.get("id")))
    fig = go.Figure()
    fig.add_trace(_outline_trace(loc_b.geometry, base, _hover(st_b, base, lang), fill_alpha=0.25, role="base"))
    fig.add_trace(_outline_trace(moved, moving, t("maps.overlay.moved_hover", lang, name=name(moving, lang),
                                                  area=km2(st_m["official_km2"] or st_m["area_km2"], lang)),
                                 fill_alpha=0.12, dash="dash", width=2.5, role="moved"))
    c = loc_b.geometry.centroid
    fig.add_trace(go.Scatter(x=[round(c.x)], y=[round(c.y)], mode="markers", hoverinfo="skip",
                             marker={"symbol": "cross-thin", "size": 12, "line": {"width": 2, "color": "#1a1a1a"}},
                             meta={"role": "centre"}))
    _scale_bar(fig, view, lang)
    fig.add_annotation(xref="paper", yref="paper", x=1, y=0, xanchor="right", yanchor="bottom", showarrow=False,
                       align="right", bgcolor="rgba(255,255,255,0.85)",
                       text=t("maps.overlay.legend", lang, moving=name(moving, lang), base=name(base, lang)),
                       font={"size": 12})
    fig.update_layout(
        xaxis=hidden_axis(range=list(view.x_range), constrain="domain", fixedrange=True),
        yaxis=hidden_axis(range=list(view.y_range), scaleanchor="x", scaleratio=1, constrain="domain",
                           fixedrange=True),
        meta={"direction": f"{moving.get('id')}-on-{base.get('id')}"},
    )
    base_layout(fig, lang, t("maps.overlay.option", lang, moving=name(moving, lang), base=name(base, lang)))
    return fig


# --- no boundaries ---------------------------------------------------------------------------------

def missing_figure(lang: str) -> go.Figure:
    fig = go.Figure()
    base_layout(fig, lang, "")
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=220,
                      annotations=[{"text": t("maps.missing.title", lang), "showarrow": False, "font": {"size": 16},
                                    "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}])
    return fig
