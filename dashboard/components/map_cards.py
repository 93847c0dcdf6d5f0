"""The pieces of the maps page that slides reuse: cards of facts, attribution, notes — no callbacks."""
from __future__ import annotations

import re
from datetime import date

from dash import dcc, html

from dashboard.components import source_note
from dashboard.components.kpi_card import border
from dashboard.components.source_note import note
from dashboard.figures import maps as figures
from dashboard.i18n import format as fmt
from dashboard.i18n import t
from dashboard.views.maps import MapsView

GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                "toImageButtonOptions": {"format": "png", "scale": 2}}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def attribution(dataset, layers: list[str], lang: str, extra: list[str] | None = None) -> html.P:
    """The attribution each licence requires, once per distinct text, in the licence's own words."""
    meta = dataset.boundary_meta.get("layers", {})
    texts = dict((meta[name]["attribution"], meta[name].get("source_id", "")) for name in layers if name in meta)
    parts: list = [html.Span(t("maps.attribution.label", lang), className="map-attribution-label"), " "]
    for i, (text, source_id) in enumerate(texts.items()):
        parts += ([" · "] if i else []) + [source_note.original_attribution(text, source_id)]
        parts += source_note.attribution_translation(text, source_id, lang)
    for i, text in enumerate(extra or []):
        parts += ([" · "] if texts or i else []) + [html.Span(text)]
    return html.P(parts, className="source-note map-attribution",
                  **{"data-layers": ",".join(name for name in layers if name in meta)})


def graph_card(graph_id: str, title: str, lang: str, figure, label: str, aspect: str, *, before=None,
               after=None, side=None, min_height: int = 260) -> html.Section:
    """A chart card whose graph keeps its aspect ratio (maps must not be squeezed on a phone)."""
    heading = f"{graph_id}-title"
    tools = [html.Button(t(f"maps.export.{fmt_}", lang), className="btn btn-export", type="button",
                         **{"data-graph": graph_id, "data-format": fmt_, "data-filename": f"{graph_id}-{lang}",
                            "aria-label": t("maps.export.label", lang, title=title, format=t(f"maps.export.{fmt_}",
                                                                                                 lang))})
             for fmt_ in ("png", "svg")]
    config = {**GRAPH_CONFIG, "toImageButtonOptions": {**GRAPH_CONFIG["toImageButtonOptions"],
                                                       "filename": f"{graph_id}-{lang}"}}
    graph = html.Div(dcc.Graph(id=graph_id, figure=figure, config=config, responsive=True,
                               style={"width": "100%", "height": "100%"}, className="chart map-graph"),
                     role="figure", **{"aria-label": label},
                     style={"width": "100%", "aspectRatio": aspect, "minHeight": f"{min_height}px"})
    if side:  # text beside the graph on wide screens, above it on phones
        graph = html.Div([html.Div(side, className="map-side"), html.Div(graph, className="map-main")],
                         className="map-row")
    return html.Section([
        html.Div([html.H2(title, id=heading), html.Div(tools, className="chart-tools")], className="chart-head"),
        *(before or []), graph, *(after or []),
    ], className="chart-card map-card", id=f"{graph_id}-card", **{"aria-labelledby": heading})


def swatch(place: dict) -> html.Span:
    """A square in the city's colour (the text itself stays dark: orange text is too pale on white)."""
    return html.Span(className="map-swatch", **{"aria-hidden": "true"}, style={"background": figures.colour(place)})


def fact_card(label: str, value, notes: list[str]) -> html.Div:
    return html.Div([html.Div(label, className="kpi-city"), html.Div(value, className="kpi-value kpi-text"),
                     *[html.Div(n, className="kpi-basis") for n in notes if n]], className="kpi-card")


def location_facts(view: MapsView, lang: str, on: date) -> html.Div:
    a, b = view.rows()
    facts = figures.location_facts(a, b, on)
    times = facts["time"]
    name_a, name_b = figures.name(a, lang), figures.name(b, lang)
    def zones(season: str) -> tuple[str, str]:  # MEZ/MESZ on German pages, CET/CEST on English ones
        on_day = times[season]["date"]
        return fmt.time_zone(a["time_zone"], on_day, lang), fmt.time_zone(b["time_zone"], on_day, lang)

    seasons = t("maps.location.time_seasons", lang, winter=figures.hours(times["winter"]["hours"], lang),
                tz_winter="/".join(zones("winter")),
                summer=figures.hours(times["summer"]["hours"], lang),
                tz_summer="/".join(zones("summer")))
    no_dst = (t("maps.location.time_no_dst", lang, b=name_b)
              if times["winter"]["abbr_b"] == times["summer"]["abbr_b"] else "")
    return html.Div([
        fact_card(t("maps.location.distance_label", lang), figures.km(facts["distance_km"], lang, 0),
                  [t("maps.location.distance_note", lang, lat=figures.latitude(facts["route_max_lat"], lang, 1))]),
        fact_card(t("maps.location.latitude_label", lang),
                  [html.Div([swatch(place), t("maps.location.latitude_value", lang, name=name,
                                              lat=figures.latitude(lat, lang))])
                   for name, lat, place in ((name_a, facts["lat_a"], a), (name_b, facts["lat_b"], b))],
                  []),
        fact_card(t("maps.location.time_label", lang), figures.hours(times["on"]["hours"], lang),
                  [t("maps.location.time_sentence", lang, date=fmt.day(on, lang), a=name_a, b=name_b,
                     hours=figures.hours(times["on"]["hours"], lang), tz_a=zones("on")[0],
                     tz_b=zones("on")[1]), seasons, no_dst]),
    ], className="kpi-pair kpi-three map-facts", id="maps-facts",
        **{"data-distance-km": f"{facts['distance_km']:.1f}", "data-hours": f"{times['on']['hours']:g}"})


def stated_extent(dataset, view: MapsView, place_id: str, lang: str) -> html.Div | None:
    """The extent as the partnership's documents state it, with its caveat and source, beside the computed one."""
    stated = view.stated_extent(dataset, place_id)
    if stated is None:
        return None
    ew, ns = stated

    def as_stated(v: float) -> str:             # as many decimals as the document gives (17 km, 46.78 km)
        return figures.km(v, lang, 0 if float(v).is_integer() else len(f"{v:g}".split(".")[1]))
    return html.Div([html.Div(t("maps.twin.extent_stated", lang, ew=as_stated(ew["value"]),
                                ns=as_stated(ns["value"]))), note(ew, dataset, lang)],
                    className="kpi-basis kpi-other kpi-other-deck",
                    **{"data-extent-stated": f"{ew['value']:g}×{ns['value']:g}"})


def city_cards(dataset, view: MapsView, lang: str) -> html.Div:
    cards = []
    official = view.official_areas(dataset)
    for place in view.rows():
        local = view.outline(dataset, place["id"])
        stats = figures.city_stats(local, official.get(place["id"]))
        cards.append(html.Div([
            html.Div(figures.name(place, lang), className="kpi-city"),
            html.Div(figures.km2(stats["official_km2"], lang), className="kpi-value",
                     **{"data-area-official": repr(stats["official_km2"])}),
            html.Div(t("maps.twin.area_official", lang), className="kpi-basis"),
            html.Div([t("maps.twin.area_computed", lang), ": ", figures.km2(stats["area_km2"], lang)],
                     className="kpi-basis", **{"data-area-computed": f"{stats['area_km2']:.2f}"}),
            html.Div([t("maps.twin.extent", lang), ": ", t("maps.twin.extent_label", lang,
                                                           ew=figures.km(stats["extent_ew_km"], lang),
                                                           ns=figures.km(stats["extent_ns_km"], lang))],
                     className="kpi-basis"),
            stated_extent(dataset, view, place["id"], lang),
        ], className="kpi-card", style=border(place), **{"data-area": place["id"]}))
    return html.Div(cards, className="kpi-pair map-cities")


def missing_message(lang: str, view: MapsView | None = None, dataset=None) -> html.Section:
    """No boundaries: for the whole dataset (how to add them), or for this pair only."""
    if view is not None and dataset is not None and dataset.boundaries:
        names = view.pair.names(lang)
        return html.Section([html.H2(t("maps.missing.title", lang)), html.P(t("maps.missing.pair", lang, **names))],
                            className="chart-card map-missing", id="maps-missing", role="status")
    return html.Section([
        html.H2(t("maps.missing.title", lang)),
        html.P(t("maps.missing.text", lang)),
        html.Pre(html.Code(t("maps.missing.command", lang))),
        html.P(t("maps.missing.hint", lang), className="muted"),
    ], className="chart-card map-missing", id="maps-missing", role="status")


def no_coordinates(view: MapsView, lang: str) -> html.Section:
    """A place of the pair without coordinates (or time zone): a note instead of a broken map."""
    missing = [p.name(lang) for p in view.pair.places if not (p.has_coordinates and p.time_zone)]
    return html.Section([html.H2(t("maps.location.heading", lang, **view.pair.names(lang))),
                         html.P(t("maps.missing.coordinates", lang, names=", ".join(missing)))],
                        className="chart-card map-missing", id="maps-no-coordinates", role="status")




def overlay_caption(view: MapsView, lang: str) -> str:
    moving, base = view.moving_base()
    return t("maps.overlay.caption", lang, moving=figures.name(moving, lang), base=figures.name(base, lang))


def ratio_sentence(dataset, view: MapsView, lang: str) -> str:
    a, b = view.rows()
    return figures.ratio_sentence(a, b, *view.areas_km2(dataset), lang)


def location_note(dataset, view: MapsView, lang: str) -> html.P:
    layers = view.context_layers(dataset)
    regions = [p.name(lang) for p in view.pair.regions]
    insets = ([" ", t("maps.location.insets_note", lang, region_a=regions[0], region_b=regions[1])]
              if layers and len(regions) == 2 else [])
    return html.P([t("maps.location.projection_note", lang)] + insets, className="chart-note")
