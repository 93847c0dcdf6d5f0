"""People — population over time by basis (absolute or indexed), and density, for the pair's places."""
from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard.components import controls as controls_
from dashboard.components import shell
from dashboard.components.chart_card import chart_card
from dashboard.data import current
from dashboard.export import rows_to_csv
from dashboard.i18n import normalise_language, t
from dashboard.views.people import BASE_YEARS, BASES, VIEWS, YEARS, PeopleView

dash.register_page(__name__, path_template="/<lang>/people", title=shell.page_title(), name="people")

CONTROLS = (Input("people-basis", "value"), Input("people-view", "value"), Input("people-base", "value"),
            Input("people-years", "value"), Input("people-events", "value"))
# the bases, the milestones and the years are shown in the browser (see below): the server callback reads them
BASES_, EVENTS = State("people-basis", "value"), State("people-events", "value")


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    view = PeopleView.from_query(dataset, q)
    windows = view.windows(dataset, lang)
    basis_labels = dict(zip(dataset.bases["id"], dataset.bases[f"label_{lang}"]))
    controls = html.Div([
        controls_.checklist("people-basis", t("people.basis", lang),
                            [{"label": basis_labels.get(b, b), "value": b} for b in BASES], list(view.bases)),
        controls_.radios("people-view", t("people.view", lang),
                         [{"label": t(f"people.view_{v}", lang), "value": v} for v in VIEWS], view.view),
        controls_.select("people-base", t("people.base_year", lang),
                         [{"label": y, "value": y} for y in BASE_YEARS], str(view.base_year)),
        controls_.year_range("people-years", t("people.years", lang), YEARS, view.years, 10),
        controls_.checklist("people-events", t("chart.milestones", lang),
                            [{"label": t("chart.show_milestones", lang), "value": "on"}],
                            ["on"] if view.events else []),
    ], className="controls", role="group", **{"aria-label": t("common.controls", lang)})
    content = [
        html.H1(t("people.title", lang)),
        html.P(t("people.lead", lang), className="lead"),
        controls,
        chart_card("people-population", t("people.population_title", lang), lang,
                   view.population_figure(dataset, lang),
                   notes=[view.note(dataset, "population", lang), t("people.gap_note", lang)]),
        chart_card("people-density", t("people.density_title", lang), lang, view.density_figure(dataset, lang),
                   notes=[t("people.density_note", lang)]),
        html.Div(id="people-url", hidden=True), html.Div(id="people-event-sink", hidden=True),
        dcc.Store(id="people-lang", data=lang), dcc.Store(id="people-pair", data=view.pair.id),
        dcc.Store(id="people-population-windows", data=windows["population"]),
        dcc.Store(id="people-density-windows", data=windows["density"]),
    ]
    return shell.page(lang, "people", content, dataset, view)


def _view(pair_id, bases, view, base_year, years, events) -> PeopleView:
    return PeopleView.from_controls(current(), pair_id, bases, view, base_year, years, events)


# the view and the base year change the population chart (and its axes for every window of years) only:
# density keeps its drawing
@callback(Output("people-population", "figure", allow_duplicate=True),
          Output("people-population-windows", "data"), Input("people-view", "value"),
          Input("people-base", "value"), BASES_, State("people-years", "value"), EVENTS,
          State("people-lang", "data"), State("people-pair", "data"), prevent_initial_call=True)
def update_population(view, base_year, bases, years, events, lang, pair_id):
    chosen = _view(pair_id, bases, view, base_year, years, events)
    return chosen.population_figure(current(), lang), chosen.population_windows(current(), lang)


@callback(Output("people-population-download", "data"), Input("people-population-csv", "n_clicks"),
          *(State(c.component_id, c.component_property) for c in CONTROLS), State("people-lang", "data"),
          State("people-pair", "data"), prevent_initial_call=True)
def download_population(_n, bases, view, base_year, years, events, lang, pair_id):
    dataset = current()
    rows = _view(pair_id, bases, view, base_year, years, events).rows(dataset, "population")
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "population.csv", "type": "text/csv"}


@callback(Output("people-density-download", "data"), Input("people-density-csv", "n_clicks"),
          *(State(c.component_id, c.component_property) for c in CONTROLS), State("people-lang", "data"),
          State("people-pair", "data"), prevent_initial_call=True)
def download_density(_n, bases, view, base_year, years, events, lang, pair_id):
    dataset = current()
    rows = _view(pair_id, bases, view, base_year, years, events).rows(dataset, "density")
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "density.csv", "type": "text/csv"}


# The address follows the controls (a bookmark restores the view). A control drawn in the browser sets it in its
# own callback: a second callback for the address took 12–16 ms of every click; the server's controls have one.
URL = "window.twincity.peopleUrl(basis, view, base, years, events);"
VALUES = {name: State(f"people-{name}", "value") for name in ("basis", "view", "base", "years", "events")}


def _js(inputs: tuple[str, ...], body: str) -> str:
    """A callback's function: its inputs by name, then the controls it reads for the address."""
    names = [*inputs, *(n for n in VALUES if n not in inputs)]
    return f"function({', '.join(names)}) {{ {URL} {body} }}"


clientside_callback(
    _js(("view", "base"), "return window.location.search;"),
    Output("people-url", "children"), Input("people-view", "value"), Input("people-base", "value"),
    *(v for n, v in VALUES.items() if n not in ("view", "base")),
)

# both charts carry every year, and the axes of every window of years: the years slider needs no round trip
clientside_callback(
    _js(("years", "population", "density", "populationWindows", "densityWindows"),
        """return [window.twincity.showYears(years, population, populationWindows),
                   window.twincity.showYears(years, density, densityWindows)];"""),
    Output("people-population", "figure", allow_duplicate=True),
    Output("people-density", "figure", allow_duplicate=True),
    Input("people-years", "value"), State("people-population", "figure"), State("people-density", "figure"),
    State("people-population-windows", "data"), State("people-density-windows", "data"),
    *(v for n, v in VALUES.items() if n != "years"), prevent_initial_call=True,
)

# both charts carry the lines of every basis (hidden unless chosen): choosing bases needs no round trip
clientside_callback(
    _js(("basis", "population", "density"),
        "return [window.twincity.showBases(basis, population), window.twincity.showBases(basis, density)];"),
    Output("people-population", "figure", allow_duplicate=True),
    Output("people-density", "figure", allow_duplicate=True),
    Input("people-basis", "value"), State("people-population", "figure"), State("people-density", "figure"),
    *(v for n, v in VALUES.items() if n != "basis"), prevent_initial_call=True,
)

# the figure carries the milestones (hidden unless asked for): showing them needs no round trip
clientside_callback(
    _js(("events", "figure"), "return window.twincity.showLayer(events, figure, ['milestones']);"),
    Output("people-population", "figure", allow_duplicate=True),
    Input("people-events", "value"), State("people-population", "figure"),
    *(v for n, v in VALUES.items() if n != "events"), prevent_initial_call=True,
)

clientside_callback(
    "function(click) { return window.twincity.openEvent(click); }",
    Output("people-event-sink", "children"),
    Input("people-population", "clickData"), prevent_initial_call=True,
)
