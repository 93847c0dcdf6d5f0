"""Maps — where the pair's places lie, both at the same scale, and one laid over the other.

Everything is drawn from the published dataset (places catalogue + boundaries) as plain Plotly
figures: no tile, font or topojson server is contacted when the page is viewed.
"""
from __future__ import annotations

from datetime import date

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard.components import shell
from dashboard.components.map_cards import (attribution, city_cards, graph_card, location_facts, location_note,
                                            missing_message, no_coordinates, overlay_caption, ratio_sentence)
from dashboard.data import current
from dashboard.figures import maps as figures
from dashboard.i18n import normalise_language, t
from dashboard.views.maps import OVERLAYS, MapsView

dash.register_page(__name__, path_template="/<lang>/maps", title=shell.page_title(), name="maps")

PAGE = "maps"
LOCATION, TWIN, OVERLAY = "maps-location", "maps-twin", "maps-overlay"
OVERLAY_CONTROL, DISTRICTS_CONTROL = "maps-overlay-direction", "maps-districts"
CAPTION, LANG_STORE, PAIR_STORE, URL_SINK = "maps-overlay-caption", "maps-lang", "maps-pair", "maps-url"


def twin_section(dataset, view: MapsView, lang: str) -> html.Section:
    a, b = view.rows()
    districts = view.district_layer(dataset)
    control = None
    if districts:
        place, count = districts
        control = html.Div([
            html.Span(t("maps.twin.layers_label", lang), className="control-label", id=f"{DISTRICTS_CONTROL}-label"),
            dcc.Checklist(id=DISTRICTS_CONTROL, value=["1"] if view.districts else [], className="check-inline",
                          options=[{"label": t("maps.twin.districts_option", lang, n=count,
                                               name=figures.name(place, lang)), "value": "1"}],
                          inputStyle={"width": "1.1rem", "height": "1.1rem"}),
        ], className="control", role="group", **{"aria-labelledby": f"{DISTRICTS_CONTROL}-label"})
    layers = [a["id"], b["id"]] + ([f"{districts[0]['id']}_districts"] if districts and view.districts else [])
    return graph_card(
        TWIN, t("maps.twin.heading", lang), lang, view.twin_figure(dataset, lang),
        t("maps.twin.graph_label", lang, **view.pair.names(lang)), "16 / 9",
        before=[html.P(t("maps.twin.intro", lang), className="chart-note"),
                html.Div(control, className="controls") if control else
                dcc.Checklist(id=DISTRICTS_CONTROL, value=[], options=[], style={"display": "none"})],
        after=[city_cards(dataset, view, lang), attribution(dataset, layers, lang)], min_height=280)


def overlay_section(dataset, view: MapsView, lang: str) -> html.Section:
    a, b = view.rows()
    options = []
    for d in OVERLAYS:
        moving, base = figures.overlay_pair(d, a, b)
        options.append({"label": t("maps.overlay.option", lang, moving=figures.name(moving, lang),
                                   base=figures.name(base, lang)), "value": d})
    control = html.Div([
        html.Span(t("maps.overlay.control_label", lang), className="control-label", id=f"{OVERLAY_CONTROL}-label"),
        dcc.RadioItems(id=OVERLAY_CONTROL, options=options, value=view.overlay, className="radio-inline",
                       inputStyle={"width": "1.1rem", "height": "1.1rem"}),
    ], className="control", role="radiogroup", **{"aria-labelledby": f"{OVERLAY_CONTROL}-label"})
    moving, base = view.moving_base()
    return graph_card(
        OVERLAY, t("maps.overlay.heading", lang), lang, view.overlay_figure(dataset, lang),
        t("maps.overlay.graph_label", lang, moving=figures.name(moving, lang), base=figures.name(base, lang)),
        "6 / 5",
        side=[html.Div(control, className="controls"),
              html.P(ratio_sentence(dataset, view, lang), className="kpi-ratio", id="maps-ratio"),
              html.P(overlay_caption(view, lang), className="chart-note", id=CAPTION, **{"aria-live": "polite"})],
        after=[attribution(dataset, [a["id"], b["id"]], lang)], min_height=300)


def location_section(dataset, view: MapsView, lang: str):
    if not view.has_coordinates():
        return no_coordinates(view, lang)
    layers = view.context_layers(dataset)
    return graph_card(
        LOCATION, t("maps.location.heading", lang, **view.pair.names(lang)), lang, view.location_figure(dataset, lang),
        t("maps.location.graph_label", lang, **view.pair.names(lang)), "3 / 2" if layers else "2 / 1",
        before=[location_facts(view, lang, date.today())],
        after=[location_note(dataset, view, lang),
               attribution(dataset, layers + view.land_layers(dataset), lang, [t("maps.attribution.positions", lang)])],
        min_height=300)


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    view = MapsView.from_query(dataset, q)
    content = [html.H1(t("maps.title", lang)), html.P(t("maps.lead", lang), className="lead"),
               location_section(dataset, view, lang)]
    if view.has_boundaries(dataset):
        content += [twin_section(dataset, view, lang), overlay_section(dataset, view, lang)]
    else:
        content.append(missing_message(lang, view, dataset))
    content += [html.Div(id=URL_SINK, hidden=True), dcc.Store(id=LANG_STORE, data=lang),
                dcc.Store(id=PAIR_STORE, data=view.pair.id)]
    return shell.page(lang, PAGE, content, dataset, view)


# --- callbacks: read the controls, select, call the pure figure functions --------------------------

# the twin map carries the districts layer (hidden unless asked for): showing it needs no round trip
clientside_callback(
    "function(on, figure) { return window.twincity.showLayer(on, figure, ['district', 'district-label']); }",
    Output(TWIN, "figure"), Input(DISTRICTS_CONTROL, "value"), State(TWIN, "figure"), prevent_initial_call=True,
)


@callback(Output(OVERLAY, "figure"), Output(CAPTION, "children"), Input(OVERLAY_CONTROL, "value"),
          State(LANG_STORE, "data"), State(PAIR_STORE, "data"), prevent_initial_call=True)
def update_overlay(direction, lang, pair_id=None):
    lang = normalise_language(lang)
    dataset = current()
    view = MapsView.from_controls(dataset, pair_id, direction, False)
    return view.overlay_figure(dataset, lang), overlay_caption(view, lang)


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
