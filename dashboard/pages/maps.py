"""Maps — where the twin cities lie, both cities at the same scale, and one laid over the other.

Everything is drawn from the published dataset (places catalogue + boundaries) as plain Plotly
figures: no tile, font or topojson server is contacted when the page is viewed.
"""
from __future__ import annotations

import re
from datetime import date

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import query
from dashboard.cache import keyed
from dashboard.components import shell
from dashboard.data import current
from dashboard.figures import maps as figures
from dashboard.i18n import normalise_language, t
from dashboard.i18n import format as fmt

dash.register_page(__name__, path_template="/<lang>/maps", title="Essen ⇄ Koriyama", name="maps")

PAIR = ("essen", "koriyama")
PAGE = "maps"
LOCATION, TWIN, OVERLAY = "maps-location", "maps-twin", "maps-overlay"
OVERLAY_CONTROL, DISTRICTS_CONTROL = "maps-overlay-direction", "maps-districts"
CAPTION, LANG_STORE, URL_SINK = "maps-overlay-caption", "maps-lang", "maps-url"
GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                "toImageButtonOptions": {"format": "png", "scale": 2}}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


# --- data selection --------------------------------------------------------------------------------

def places(dataset) -> dict[str, dict]:
    return {row["id"]: row for row in dataset.places.to_dict("records")}


def pair(dataset) -> tuple[dict, dict]:
    catalogue = places(dataset)
    return catalogue[PAIR[0]], catalogue[PAIR[1]]


def official_areas(dataset) -> dict[str, float | None]:
    layers = dataset.boundary_meta.get("layers", {})
    return {pid: layers.get(pid, {}).get("area_km2_official") for pid in PAIR}


def has_boundaries(dataset) -> bool:
    return all(pid in dataset.boundaries for pid in PAIR)


def context_layers(dataset) -> list[str]:
    """Region and country layers drawn on the location map (the cities' parents in the catalogue)."""
    catalogue, out = places(dataset), []
    for pid in PAIR:
        parent = catalogue[pid].get("parent_id")
        while parent and parent in catalogue:
            if parent in dataset.boundaries:
                out.append(parent)
            parent = catalogue[parent].get("parent_id")
    return out


# Figures depend only on (dataset version, language, option): build each once per version.
_memo = keyed(48)


def land_layers(dataset) -> list[str]:
    """The world's land masses (boundary layers of kind 'land'), if published."""
    layers = dataset.boundary_meta.get("layers", {})
    return [n for n, m in layers.items() if m.get("kind") == "land" and n in dataset.boundaries]


def location_figure(dataset, lang: str):
    a, b = pair(dataset)
    return _memo((dataset.version, id(dataset), "location", lang), lambda: figures.location_map(
        a, b, places(dataset), dataset.boundaries, lang, land=next((dataset.boundaries[n] for n in land_layers(dataset)), None)))


def twin_figure(dataset, lang: str, districts: bool):
    a, b = pair(dataset)
    return _memo((dataset.version, id(dataset), "twin", lang, bool(districts)), lambda: figures.twin_map(
        a, b, dataset.boundaries, lang, districts=bool(districts), official_km2=official_areas(dataset)))


def overlay_figure(dataset, lang: str, direction: str):
    a, b = pair(dataset)
    return _memo((dataset.version, id(dataset), "overlay", lang, direction), lambda: figures.overlay_map(
        a, b, dataset.boundaries, lang, direction=direction, official_km2=official_areas(dataset)))


def city_outline(dataset, place_id: str):
    return _memo((dataset.version, id(dataset), "outline", place_id),
                 lambda: figures.city_outline(dataset.boundaries, place_id))


def overlay_caption(dataset, lang: str, direction: str) -> str:
    moving, base = figures.overlay_pair(direction, *pair(dataset))
    return t("maps.overlay.caption", lang, moving=figures.name(moving, lang), base=figures.name(base, lang))


# --- pieces of the page ----------------------------------------------------------------------------

def attribution(dataset, layers: list[str], lang: str, extra: list[str] | None = None) -> html.P:
    """The attribution each licence requires, once per distinct text, in the licence's own words."""
    meta = dataset.boundary_meta.get("layers", {})
    texts = list(dict.fromkeys(meta[name]["attribution"] for name in layers if name in meta))
    parts: list = [html.Span(t("maps.attribution.label", lang), className="map-attribution-label"), " "]
    for i, text in enumerate(texts):
        parts += ([" · "] if i else []) + [html.Span(text, lang="ja" if CJK.search(text) else None)]
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
        graph = html.Div([html.Div(side, className="map-side", style={"flex": "1 1 260px", "minWidth": 0}),
                          html.Div(graph, style={"flex": "2 1 380px", "minWidth": 0})],
                         className="map-row", style={"display": "flex", "flexWrap": "wrap", "gap": "1rem",
                                                     "alignItems": "flex-start"})
    return html.Section([
        html.Div([html.H2(title, id=heading), html.Div(tools, className="chart-tools")], className="chart-head"),
        *(before or []), graph, *(after or []),
    ], className="chart-card map-card", id=f"{graph_id}-card", **{"aria-labelledby": heading})


def swatch(place: dict) -> html.Span:
    """A square in the city's colour (the text itself stays dark: orange text is too pale on white)."""
    return html.Span(className="map-swatch", **{"aria-hidden": "true"},
                     style={"display": "inline-block", "width": "0.8em", "height": "0.8em", "marginRight": "0.4em",
                            "borderRadius": "2px", "background": figures.colour(place)})


def fact_card(label: str, value, notes: list[str], area: str = "") -> html.Div:
    return html.Div([html.Div(label, className="kpi-city"), html.Div(value, className="kpi-value kpi-text"),
                     *[html.Div(n, className="kpi-basis") for n in notes if n]],
                    className=f"kpi-card city-{area}" if area else "kpi-card")


def location_facts(dataset, lang: str, on: date) -> html.Div:
    a, b = pair(dataset)
    facts = figures.location_facts(a, b, on)
    times = facts["time"]
    name_a, name_b = figures.name(a, lang), figures.name(b, lang)
    seasons = t("maps.location.time_seasons", lang, winter=figures.hours(times["winter"]["hours"], lang),
                tz_winter=f"{times['winter']['abbr_a']}/{times['winter']['abbr_b']}",
                summer=figures.hours(times["summer"]["hours"], lang),
                tz_summer=f"{times['summer']['abbr_a']}/{times['summer']['abbr_b']}")
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
                     hours=figures.hours(times["on"]["hours"], lang), tz_a=times["on"]["abbr_a"],
                     tz_b=times["on"]["abbr_b"]), seasons, no_dst]),
    ], className="kpi-pair kpi-three map-facts", id="maps-facts",
        **{"data-distance-km": f"{facts['distance_km']:.1f}", "data-hours": f"{times['on']['hours']:g}"})


def city_cards(dataset, lang: str) -> html.Div:
    cards = []
    official = official_areas(dataset)
    for place in pair(dataset):
        local = city_outline(dataset, place["id"])
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
        ], className=f"kpi-card city-{place['id']}", **{"data-area": place["id"]}))
    return html.Div(cards, className="kpi-pair map-cities")


def missing_message(lang: str) -> html.Section:
    return html.Section([
        html.H2(t("maps.missing.title", lang)),
        html.P(t("maps.missing.text", lang)),
        html.Pre(html.Code(t("maps.missing.command", lang))),
        html.P(t("maps.missing.hint", lang), className="muted"),
    ], className="chart-card map-missing", id="maps-missing", role="status")


def twin_section(dataset, lang: str, districts: bool) -> html.Section:
    a, b = pair(dataset)
    control = html.Div([
        html.Span(t("maps.twin.layers_label", lang), className="control-label", id=f"{DISTRICTS_CONTROL}-label"),
        dcc.Checklist(id=DISTRICTS_CONTROL, value=["1"] if districts else [], className="check-inline",
                      options=[{"label": t("maps.twin.districts_option", lang), "value": "1"}],
                      inputStyle={"width": "1.1rem", "height": "1.1rem"}),
    ], className="control", role="group", **{"aria-labelledby": f"{DISTRICTS_CONTROL}-label"})
    return graph_card(
        TWIN, t("maps.twin.heading", lang), lang, twin_figure(dataset, lang, districts),
        t("maps.twin.graph_label", lang, a=figures.name(a, lang), b=figures.name(b, lang)), "16 / 9",
        before=[html.P(t("maps.twin.intro", lang), className="chart-note"),
                html.Div(control, className="controls")],
        after=[city_cards(dataset, lang),
               attribution(dataset, [a["id"], b["id"]] + ([f"{a['id']}_districts"] if districts else []), lang)],
        min_height=280)


def overlay_section(dataset, lang: str, direction: str) -> html.Section:
    a, b = pair(dataset)
    options = []
    for d in figures.OVERLAYS:
        moving, base = figures.overlay_pair(d, a, b)
        options.append({"label": t("maps.overlay.option", lang, moving=figures.name(moving, lang),
                                   base=figures.name(base, lang)), "value": d})
    control = html.Div([
        html.Span(t("maps.overlay.control_label", lang), className="control-label", id=f"{OVERLAY_CONTROL}-label"),
        dcc.RadioItems(id=OVERLAY_CONTROL, options=options, value=direction, className="radio-inline",
                       inputStyle={"width": "1.1rem", "height": "1.1rem"}),
    ], className="control", role="radiogroup", **{"aria-labelledby": f"{OVERLAY_CONTROL}-label"})
    areas = official_areas(dataset)
    computed = {p: city_outline(dataset, p).area_km2 for p in PAIR}
    area_a, area_b = (areas[p] or computed[p] for p in PAIR)
    moving, base = figures.overlay_pair(direction, a, b)
    return graph_card(
        OVERLAY, t("maps.overlay.heading", lang), lang, overlay_figure(dataset, lang, direction),
        t("maps.overlay.graph_label", lang, moving=figures.name(moving, lang), base=figures.name(base, lang)),
        "6 / 5",
        side=[html.Div(control, className="controls"),
              html.P(figures.ratio_sentence(a, b, area_a, area_b, lang), className="kpi-ratio", id="maps-ratio"),
              html.P(overlay_caption(dataset, lang, direction), className="chart-note", id=CAPTION,
                     **{"aria-live": "polite"})],
        after=[attribution(dataset, [a["id"], b["id"]], lang)], min_height=300)


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    direction = query.choice(q.get("overlay"), figures.OVERLAYS, figures.OVERLAYS[0])
    districts = query.flag(q.get("districts"), False)
    a, b = pair(dataset)
    region_names = [figures.name(places(dataset)[p["parent_id"]], lang) for p in (a, b)]
    location = graph_card(
        LOCATION, t("maps.location.heading", lang), lang, location_figure(dataset, lang),
        t("maps.location.graph_label", lang, a=figures.name(a, lang), b=figures.name(b, lang)),
        "3 / 2" if context_layers(dataset) else "2 / 1",
        before=[location_facts(dataset, lang, date.today())],
        after=[html.P([t("maps.location.projection_note", lang)]
                      + ([" ", t("maps.location.insets_note", lang, region_a=region_names[0],
                                 region_b=region_names[1])] if context_layers(dataset) else []),
                      className="chart-note"),
               attribution(dataset, context_layers(dataset) + land_layers(dataset), lang, [t("maps.attribution.positions", lang)])],
        min_height=300)
    content = [html.H1(t("maps.title", lang)), html.P(t("maps.lead", lang), className="lead"), location]
    if has_boundaries(dataset):
        content += [twin_section(dataset, lang, districts), overlay_section(dataset, lang, direction)]
    else:
        content.append(missing_message(lang))
    content += [html.Div(id=URL_SINK, hidden=True), dcc.Store(id=LANG_STORE, data=lang)]
    return shell.page(lang, PAGE, content, dataset)


# --- callbacks: read the controls, select, call the pure figure functions --------------------------

@callback(Output(TWIN, "figure"), Input(DISTRICTS_CONTROL, "value"), State(LANG_STORE, "data"),
          prevent_initial_call=True)
def update_twin(districts, lang):
    return twin_figure(current(), normalise_language(lang), bool(districts))


@callback(Output(OVERLAY, "figure"), Output(CAPTION, "children"), Input(OVERLAY_CONTROL, "value"),
          State(LANG_STORE, "data"), prevent_initial_call=True)
def update_overlay(direction, lang):
    lang = normalise_language(lang)
    direction = query.choice(direction, figures.OVERLAYS, figures.OVERLAYS[0])
    dataset = current()
    return overlay_figure(dataset, lang, direction), overlay_caption(dataset, lang, direction)


clientside_callback(
    # Dash 4 wraps the native radio buttons and checkbox in role="listbox"/"option" elements, which
    # nests interactive controls and leaves the list without a name (axe: nested-interactive,
    # aria-input-field-name). The native inputs with their <label>s are accessible as they are, inside
    # the labelled radiogroup/group around them: drop the extra roles after each render.
    """function(direction, districts) {
        var plain = function () {
            ["maps-overlay-direction", "maps-districts"].forEach(function (id) {
                var list = document.getElementById(id);
                if (!list) { return; }
                list.removeAttribute("role");
                list.querySelectorAll("[role=option]").forEach(function (o) {
                    o.removeAttribute("role"); o.removeAttribute("aria-selected"); });
            });
        };
        plain(); window.setTimeout(plain, 0); window.setTimeout(plain, 200);
        return window.twincity.syncUrl({overlay: direction || "",
                                        districts: (districts && districts.length) ? "1" : ""});
    }""",
    Output(URL_SINK, "children"),
    Input(OVERLAY_CONTROL, "value"), Input(DISTRICTS_CONTROL, "value"),
)
