"""The location map: both cities on one equirectangular map (lon/lat as x/y, 1° of latitude drawn
``1/cos(φ₀)`` times as long as 1° of longitude) with the great-circle route, their parallels, the world's land
masses, and insets of each city's country and region; and the facts beside it (distance, latitudes, time
difference)."""
from __future__ import annotations

import math
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import numpy as np
import plotly.graph_objects as go
import shapely

from dashboard import geometry
from dashboard.figures.map_base import (COUNTRY_FILL, COUNTRY_LINE, GRID, LAND_FILL, LAND_LINE, LAND_VIEW,
                                        ROUTE_COLOUR, SEA, SIMPLIFY_INSET_DEG, SIMPLIFY_MAIN_DEG,
                                        STANDARD_PARALLEL, base_layout, colour, float32, hidden_axis, km,
                                        latitude, longitude, name, rgba)
from dashboard.i18n import t
from dashboard.i18n import format as fmt


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
    return go.Scatter(x=float32(lon), y=float32(lat), mode="lines", fill="toself", fillcolor=fill,
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
    return go.Scatter(x=float32(lon), y=float32(lat), mode="lines", fill="toself", fillcolor=LAND_FILL,
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
    fig.add_trace(go.Scatter(x=float32(lons), y=float32(lats), mode="lines", line={"color": ROUTE_COLOUR, "width": 3},
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
            f"xaxis{axis}": hidden_axis(range=[minx - padx, maxx + padx], domain=dom, anchor=f"y{axis}",
                                         fixedrange=True, constrain="domain"),
            f"yaxis{axis}": hidden_axis(range=[miny - pady, maxy + pady], domain=[0.0, 0.30], anchor=f"x{axis}",
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
    base_layout(fig, lang, t("maps.location.figure_title", lang, a=name(a, lang), b=name(b, lang)))
    if land:
        fig.update_layout(plot_bgcolor=SEA)
    return fig

