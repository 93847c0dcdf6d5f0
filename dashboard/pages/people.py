"""People — population over time by basis (absolute or indexed), and density, for the pair's places."""
from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard.components import controls as controls_
from dashboard.components import shell
from dashboard.components.chart_card import chart_card
from dashboard.components.chart_legend import chart_legend
from dashboard.data import current
from dashboard.export import rows_to_csv
from dashboard.figures import legend
from dashboard.i18n import normalise_language, t
from dashboard.views.people import BASE_YEARS, BASES, VIEWS, YEARS, PeopleView

dash.register_page(__name__, path_template="/<lang>/people", title=shell.page_title(), name="people")

HEIGHT = 360   # px of each chart: its lines are listed under it (plotly's legend took ~150 px inside)

CONTROLS = (Input("people-basis", "value"), Input("people-view", "value"), Input("people-base", "value"),
            Input("people-years", "value"), Input("people-events", "value"))


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    view = PeopleView.from_query(dataset, q)
    # the page lists each chart's lines itself (plotly's legend took a third of every redraw: figures/legend.py)
    population = legend.keyed(view.population_figure(dataset, lang))
    density = legend.keyed(view.density_figure(dataset, lang))
    variants = view.population_variants(dataset, lang)
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
        chart_card("people-population", t("people.population_title", lang), lang, population, height=HEIGHT,
                   legend=chart_legend("people-population", population, lang,
                                       [v["figure"] for v in variants.values()]),
                   notes=[view.note(dataset, "population", lang), t("people.gap_note", lang)]),
        chart_card("people-density", t("people.density_title", lang), lang, density, height=HEIGHT,
                   legend=chart_legend("people-density", density, lang), notes=[t("people.density_note", lang)]),
        html.Div(id="people-event-sink", hidden=True),
        dcc.Store(id="people-lang", data=lang), dcc.Store(id="people-pair", data=view.pair.id),
        dcc.Store(id="people-population-variants", data=variants),
        dcc.Store(id="people-density-windows", data=view.density_windows(dataset, lang)),
    ]
    return shell.page(lang, "people", content, dataset, view)


def _view(pair_id, bases, view, base_year, years, events) -> PeopleView:
    return PeopleView.from_controls(current(), pair_id, bases, view, base_year, years, events)


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


# Every control is drawn in the browser, from what the page carries: the population chart of every view and base
# year, each over every year and basis with its y axes for every window of years, and the density chart likewise
# (window.twincity.peoplePopulation, peopleDensity). Drawing the population chart also sets the address (a bookmark
# restores the view): a callback of its own for the address took 12–16 ms of every click.
POPULATION, DENSITY = Output("people-population", "figure", allow_duplicate=True), \
    Output("people-density", "figure", allow_duplicate=True)

clientside_callback(       # the bases change both charts and the lines listed under them
    """function(basis, variants, density, windows, view, base, years, events) {
        var charts = [window.twincity.peoplePopulation(variants, basis, view, base, years, events),
                      window.twincity.peopleDensity(density, windows, basis, years)];
        window.twincity.showLegend("people-population", charts[0]);
        window.twincity.showLegend("people-density", charts[1]);
        return charts;
    }""",
    POPULATION, DENSITY,
    Input("people-basis", "value"), State("people-population-variants", "data"), State("people-density", "figure"),
    State("people-density-windows", "data"), State("people-view", "value"), State("people-base", "value"),
    State("people-years", "value"), State("people-events", "value"), prevent_initial_call=True,
)

clientside_callback(       # the years change both charts (not which lines they show)
    """function(years, variants, density, windows, view, base, basis, events) {
        return [window.twincity.peoplePopulation(variants, basis, view, base, years, events),
                window.twincity.peopleDensity(density, windows, basis, years)];
    }""",
    POPULATION, DENSITY,
    Input("people-years", "value"), State("people-population-variants", "data"), State("people-density", "figure"),
    State("people-density-windows", "data"), State("people-view", "value"), State("people-base", "value"),
    State("people-basis", "value"), State("people-events", "value"), prevent_initial_call=True,
)

clientside_callback(       # the view, the base year and the milestones change the population chart only
    """function(view, base, events, variants, basis, years) {
        var chart = window.twincity.peoplePopulation(variants, basis, view, base, years, events);
        window.twincity.showLegend("people-population", chart);
        return chart;
    }""",
    POPULATION,
    Input("people-view", "value"), Input("people-base", "value"), Input("people-events", "value"),
    State("people-population-variants", "data"), State("people-basis", "value"), State("people-years", "value"),
    prevent_initial_call=True,
)

clientside_callback(
    "function(click) { return window.twincity.openEvent(click); }",
    Output("people-event-sink", "children"),
    Input("people-population", "clickData"), prevent_initial_call=True,
)
