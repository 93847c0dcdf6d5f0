"""Maps as plain Plotly figures — nothing is fetched from a tile, font or topojson server.

Outlines are drawn as cartesian scatter traces in our own projections:

* location map: equirectangular (lon/lat as x/y, 1° of latitude drawn ``1/cos(φ₀)`` times as long as
  1° of longitude), with the great-circle route, both cities, and insets of each city's country and
  region;
* twin map and overlay: each city in its own Lambert azimuthal equal-area projection centred on it,
  in metres, every panel at the same metres per pixel.

Pure functions: place rows (dicts from the places catalogue) + GeoJSON + options → ``go.Figure``.
"""
from __future__ import annotations

import math
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import numpy as np
import plotly.graph_objects as go
import shapely

from dashboard import geometry
from dashboard.figures.theme import FONT, SEPARATORS
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


def _f4(values) -> np.ndarray:
    """Coordinates as float32: half the bytes of float64, still 1 m (or 10⁻⁵°) precise here."""
    return np.asarray(values, dtype=np.float32)


def _base(fig: go.Figure, lang: str, title: str, height: int | None = None) -> go.Figure:
    fig.update_layout(
        template=go.layout.Template(),  # no default template: smaller payload, explicit look
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 16}} if title else None,
        separators=SEPARATORS.get(lang, ".,"), font={"family": FONT, "size": 13, "color": "#1a1a1a"},
        margin={"l": 10, "r": 10, "t": 44 if title else 10, "b": 10},
        plot_bgcolor="white", paper_bgcolor="white", showlegend=False, hovermode="closest",
        hoverlabel={"font": {"family": FONT}}, autosize=True,
        **({"height": height} if height else {}),
    )
    return fig


def _hidden_axis(**extra) -> dict:
    return {"visible": True, "showgrid": False, "zeroline": False, "showticklabels": False, "ticks": "",
            "showline": True, "mirror": True, "linecolor": "#c8ccd2", **extra}


# --- facts -----------------------------------------------------------------------------------------

def time_difference(tz_a: str, tz_b: str, on: date) -> dict:
    """Hours by which ``tz_b`` is ahead of ``tz_a`` at noon UTC of ``on``, with the zones' abbreviations."""
    instant = datetime(on.year, on.month, on.day, 12, tzinfo=timezone.utc)
    a, b = instant.astimezone(ZoneInfo(tz_a)), instant.astimezone(ZoneInfo(tz_b))
    hours = (b.utcoffset() - a.utcoffset()).total_seconds() / 3600
    return {"hours": hours, "abbr_a": a.tzname(), "abbr_b": b.tzname(), "date": on}


def time_differences(tz_a: str, tz_b: str, on: date) -> dict:
    """The difference on ``on`` and in the winter and summer of that year (CET/CEST against JST)."""
    return {"on": time_difference(tz_a, tz_b, on),
            "winter": time_difference(tz_a, tz_b, date(on.year, 1, 15)),
            "summer": time_difference(tz_a, tz_b, date(on.year, 7, 15))}


def location_facts(a: dict, b: dict, on: date) -> dict:
    """Distance (km), route, latitudes and time difference of two places of the catalogue."""
    lon_a, lat_a, lon_b, lat_b = (float(a["lon"]), float(a["lat"]), float(b["lon"]), float(b["lat"]))
    lons, lats = geometry.route(lon_a, lat_a, lon_b, lat_b)
    return {"distance_km": geometry.distance_km(lon_a, lat_a, lon_b, lat_b), "lat_a": lat_a, "lat_b": lat_b,
            "lon_a": lon_a, "lon_b": lon_b, "route_max_lat": max(lats),
            "time": time_differences(str(a["time_zone"]), str(b["time_zone"]), on)}


def hours(value: float, lang: str) -> str:
    decimals = 0 if float(value).is_integer() else 1
    return t("maps.unit.hours_value", lang, n=fmt.number(value, lang, decimals))


# --- (1) location map ------------------------------------------------------------------------------

def _lonlat_traces(geojson: dict, fill: str, line: str, width: float, hover: str, tolerance: float) -> go.Scatter:
    lon, lat = geometry.outline_xy(geometry.simplify(geometry.to_shape(geojson), tolerance), decimals=3)
    return go.Scatter(x=_f4(lon), y=_f4(lat), mode="lines", fill="toself", fillcolor=fill,
                      line={"color": line, "width": width}, hoveron="fills", hoverinfo="text",
                      hovertext=hover, name=hover)


def _city_marker(place: dict, lang: str, xaxis: str = "x", yaxis: str = "y", size: int = 12,
                 label: bool = True, position: str = "top center") -> go.Scatter:
    lon, lat = float(place["lon"]), float(place["lat"])
    hover = t("maps.location.city_hover", lang, name=name(place, lang), lat=latitude(lat, lang),
              lon=longitude(lon, lang))
    return go.Scatter(x=[lon], y=[lat], xaxis=xaxis, yaxis=yaxis,
                      mode="markers+text" if label else "markers", text=[name(place, lang)] if label else None,
                      textposition=position, textfont={"color": colour(place), "size": 14},
                      marker={"size": size, "color": colour(place), "line": {"color": "white", "width": 2}},
                      hovertext=[hover], hoverinfo="text", name=name(place, lang),
                      meta={"role": "city", "place": place.get("id")})


def _parents(place: dict, places: dict) -> list[dict]:
    """The place's region and country (parent chain in the catalogue)."""
    chain, pid = [], place.get("parent_id")
    while pid and pid in places and len(chain) < 3:
        chain.append(places[pid])
        pid = places[pid].get("parent_id")
    return chain


def _land_trace(land: dict, view: tuple = LAND_VIEW, tolerance: float = SIMPLIFY_MAIN_DEG,
                role: str = "land") -> go.Scatter:
    """The world's land masses (one trace), clipped to ``view`` (lon/lat box) and simplified."""
    shape = shapely.clip_by_rect(geometry.to_shape(land), *view)
    lon, lat = geometry.outline_xy(geometry.simplify(shape, tolerance), decimals=2)
    return go.Scatter(x=_f4(lon), y=_f4(lat), mode="lines", fill="toself", fillcolor=LAND_FILL,
                      line={"color": LAND_LINE, "width": 0.6}, hoverinfo="skip", meta={"role": role})


def location_map(a: dict, b: dict, places: dict[str, dict], boundaries: dict, lang: str,
                 land: dict | None = None) -> go.Figure:
    """Both cities on one equirectangular map with the great-circle route and the distance, over the
    world's land masses when ``land`` (GeoJSON) is given; when the boundaries are there, each city's
    country and region (NRW, Fukushima Prefecture) and an inset of each."""
    ends = (float(a["lon"]), float(a["lat"]), float(b["lon"]), float(b["lat"]))
    lons, lats = geometry.route(*ends)
    fig = go.Figure()
    if land:
        fig.add_trace(_land_trace(land))
    have_context = all(p.get("id") in boundaries for p in (*_parents(a, places), *_parents(b, places))) and bool(
        _parents(a, places) and _parents(b, places))
    main_y = [0.40, 1.0] if have_context else [0.0, 1.0]
    insets = []
    if have_context:
        for k, (city, axis) in enumerate(((a, "2"), (b, "3"))):
            chain = _parents(city, places)  # [region, country]
            if land:  # the country's neighbours in the inset, so that it does not float on the sea
                minx, miny, maxx, maxy = geometry.to_shape(boundaries[chain[-1]["id"]]).bounds
                inset_land = _land_trace(land, (minx - 4, miny - 3, maxx + 4, maxy + 3), SIMPLIFY_INSET_DEG,
                                         "land-inset")
                fig.add_trace(inset_land.update(xaxis=f"x{axis}", yaxis=f"y{axis}"))
            for level, p in enumerate(reversed(chain)):  # country first, then region
                gj = boundaries[p["id"]]
                for xa, ya, tol in (("x", "y", SIMPLIFY_MAIN_DEG), (f"x{axis}", f"y{axis}", SIMPLIFY_INSET_DEG)):
                    # countries in grey, regions in their catalogue colour (as on the overview cards)
                    trace = _lonlat_traces(gj, rgba(colour(p), 0.35) if level else COUNTRY_FILL,
                                           colour(p) if level else COUNTRY_LINE, 1.2 if level else 0.8,
                                           name(p, lang), tol)
                    trace.update(xaxis=xa, yaxis=ya, meta={"role": "region" if level else "country",
                                                           "place": p["id"]})
                    fig.add_trace(trace)
            insets.append((city, axis, chain))
    fig.add_trace(go.Scatter(x=_f4(lons), y=_f4(lats), mode="lines", line={"color": ROUTE_COLOUR, "width": 3},
                             hoverinfo="skip", name=t("maps.location.route", lang), meta={"role": "route"}))
    for city in (a, b):  # the cities' parallels
        lat = float(city["lat"])
        fig.add_trace(go.Scatter(x=[-10, 170], y=[lat, lat], mode="lines", hoverinfo="skip",
                                 line={"color": colour(city), "width": 1, "dash": "dot"},
                                 meta={"role": "parallel", "place": city.get("id")}))
    fig.add_trace(_city_marker(a, lang, position="bottom right"))
    fig.add_trace(_city_marker(b, lang, position="bottom left"))
    top = int(np.argmax(lats))
    fig.add_annotation(x=float(lons[top]), y=float(lats[top]), yshift=12, showarrow=False,
                       text=f"<b>{km(geometry.distance_km(*ends), lang, 0)}</b>", bgcolor="rgba(255,255,255,0.85)",
                       font={"color": ROUTE_COLOUR, "size": 15})
    for city, anchor in ((a, "left"), (b, "right")):
        lat = float(city["lat"])
        fig.add_annotation(x=0.3 if anchor == "left" else 0.6, xref="x domain", xanchor="center", y=lat,
                           yanchor="bottom", text=latitude(lat, lang), showarrow=False,
                           font={"color": colour(city), "size": 12})
    lon_ticks, lat_ticks = list(range(0, 151, 30)), list(range(30, 71, 10))
    axis_common = {"automargin": True, "showgrid": True, "gridcolor": GRID, "zeroline": False, "fixedrange": True,
                   "ticks": "", "showline": True, "mirror": True, "linecolor": "#c8ccd2",
                   "tickfont": {"size": 11, "color": "#555"}}
    fig.update_layout(
        xaxis={**axis_common, "range": [0, 150], "domain": [0, 1], "anchor": "y", "tickvals": lon_ticks,
               "ticktext": [t("maps.unit.tick_lon", lang, n=v) for v in lon_ticks], "constrain": "domain"},
        yaxis={**axis_common, "range": [24, 72], "domain": main_y, "anchor": "x", "tickvals": lat_ticks,
               "ticktext": [t("maps.unit.tick_lat", lang, n=v) for v in lat_ticks], "scaleanchor": "x",
               "scaleratio": 1 / math.cos(math.radians(STANDARD_PARALLEL)), "constrain": "domain"},
    )
    for k, (city, axis, chain) in enumerate(insets):
        geoms = [geometry.to_shape(boundaries[p["id"]]) for p in chain]
        minx, miny, maxx, maxy = geoms[-1].bounds  # the country
        if (maxx - minx) > 15:  # a long country (Japan): frame the region's surroundings only
            rminx, rminy, rmaxx, rmaxy = geoms[0].bounds
            cx, cy = (rminx + rmaxx) / 2, (rminy + rmaxy) / 2
            minx, maxx, miny, maxy = max(minx, cx - 4.5), min(maxx, cx + 4.5), max(miny, cy - 3.2), min(maxy, cy + 3.2)
        padx, pady = (maxx - minx) * 0.06, (maxy - miny) * 0.06
        dom = [0.0, 0.48] if k == 0 else [0.52, 1.0]
        ratio = 1 / math.cos(math.radians((miny + maxy) / 2))
        fig.update_layout({
            f"xaxis{axis}": _hidden_axis(range=[minx - padx, maxx + padx], domain=dom, anchor=f"y{axis}",
                                         fixedrange=True, constrain="domain"),
            f"yaxis{axis}": _hidden_axis(range=[miny - pady, maxy + pady], domain=[0.0, 0.30], anchor=f"x{axis}",
                                         scaleanchor=f"x{axis}", scaleratio=ratio, fixedrange=True,
                                         constrain="domain"),
        })
        marker = _city_marker(city, lang, xaxis=f"x{axis}", yaxis=f"y{axis}", size=10, label=True,
                              position="middle right" if k == 0 else "middle left")
        marker.update(meta={"role": "city-inset", "place": city.get("id")}, cliponaxis=False)
        fig.add_trace(marker)
        # centred over the inset's half of the figure, so that a long name has room on a phone too
        fig.add_annotation(xref="paper", yref=f"y{axis} domain", x=sum(dom) / 2, y=1.0,
                           xanchor="center", yanchor="bottom", showarrow=False,
                           text=f"<b>{name(chain[0], lang)}</b>", font={"size": 11, "color": "#333"},
                           hovertext=f"{name(chain[0], lang)} · {name(chain[-1], lang)}")
    _base(fig, lang, t("maps.location.figure_title", lang, a=name(a, lang), b=name(b, lang)))
    if land:
        fig.update_layout(plot_bgcolor=SEA)
    return fig


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
    return go.Scatter(x=_f4(x), y=_f4(y), xaxis=xaxis, yaxis=yaxis, mode="lines", fill="toself",
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
             official_km2: dict | None = None) -> go.Figure:
    """Two panels, ``a`` left and ``b`` right, each city in its own equal-area projection centred on it.

    Both panels show the same span in metres on equal-sized axes with a 1:1 aspect, and all four axes
    are tied to one scale (``scaleanchor``/``matches``), so 1 km is the same length on screen in both,
    also after zooming."""
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
        if districts and layer in boundaries:
            offset = geometry.local_offset(boundaries[place.get("id")], loc.centre)
            for props, geom in geometry.features(boundaries[layer]):
                g = geometry.project_like(geom, loc, offset)
                roman = props.get("stadtbezirk_roman") or str(props.get("stadtbezirk", ""))
                label = t("maps.twin.district", lang, roman=roman)
                hover = t("maps.twin.district_hover", lang, district=label,
                          area=km2(geometry.area_km2(g), lang, 1))
                x, y = geometry.outline_xy(geometry.simplify(g, SIMPLIFY_DRAW_M))
                fig.add_trace(go.Scatter(x=_f4(x), y=_f4(y), xaxis=f"x{ax}", yaxis=f"y{ax}", mode="lines",
                                         fill="toself", fillcolor="rgba(255,255,255,0)",
                                         line={"color": colour(place), "width": 0.8}, hoveron="fills",
                                         hoverinfo="text", hovertext=hover, name=label,
                                         meta={"role": "district", "place": place.get("id"), "district": roman}))
                p = g.representative_point()
                fig.add_trace(go.Scatter(x=[round(p.x)], y=[round(p.y)], xaxis=f"x{ax}", yaxis=f"y{ax}",
                                         mode="text", text=[roman], hoverinfo="skip",
                                         textfont={"size": 10, "color": "#333"},
                                         meta={"role": "district-label", "place": place.get("id")}))
        _scale_bar(fig, view, lang, f"x{ax}", f"y{ax}")
        fig.add_annotation(xref=f"x{ax} domain", yref=f"y{ax} domain", x=0.5, y=1.0, yanchor="bottom",
                           showarrow=False, text=_label(stats, place, lang), font={"size": 11},
                           name=f"label-{place.get('id')}")
        axis_x = _hidden_axis(range=list(view.x_range), domain=domains[i], anchor=f"y{ax}", constrain="domain")
        axis_y = _hidden_axis(range=list(view.y_range), domain=[0.0, 0.82], anchor=f"x{ax}", constrain="domain",
                              constraintoward="top")
        if i == 0:
            axis_y.update(scaleanchor="x", scaleratio=1)
        else:
            axis_x.update(matches="x")
            axis_y.update(matches="y")
        fig.update_layout({f"xaxis{ax}": axis_x, f"yaxis{ax}": axis_y})
    _base(fig, lang, t("maps.twin.figure_title", lang, a=name(a, lang), b=name(b, lang)))
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
        xaxis=_hidden_axis(range=list(view.x_range), constrain="domain", fixedrange=True),
        yaxis=_hidden_axis(range=list(view.y_range), scaleanchor="x", scaleratio=1, constrain="domain",
                           fixedrange=True),
        meta={"direction": f"{moving.get('id')}-on-{base.get('id')}"},
    )
    _base(fig, lang, t("maps.overlay.option", lang, moving=name(moving, lang), base=name(base, lang)))
    return fig


# --- no boundaries ---------------------------------------------------------------------------------

def missing_figure(lang: str) -> go.Figure:
    fig = go.Figure()
    _base(fig, lang, "")
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=220,
                      annotations=[{"text": t("maps.missing.title", lang), "showarrow": False, "font": {"size": 16},
                                    "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}])
    return fig
