"""People — population over time by basis (absolute or indexed), and density."""
from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import query
from dashboard.components import controls as controls_
from dashboard.components import shell
from dashboard.components.chart_card import chart_card
from dashboard.cache import per_version
from dashboard.data import current
from dashboard.export import rows_to_csv
from dashboard.figures.timeseries import line_chart
from dashboard.i18n import normalise_language, t
from dashboard.selection import index_to, series

dash.register_page(__name__, path_template="/<lang>/people", title="Essen ⇄ Koriyama", name="people")

PAIR = ["essen", "koriyama"]
BASES = ["register", "official_update", "official_update_zensus2022", "census", "estimate", "resident_register",
         "register_midyear"]
VIEWS = ["absolute", "index"]
BASE_YEARS = ["2010", "2011", "2015", "2020"]
YEARS = (1960, 2025)


def select(dataset, indicator: str, bases, years, view: str = "absolute", base_year: int = 2011):
    rows = series(dataset.facts, indicator, PAIR, bases, years)
    return index_to(rows, base_year) if view == "index" else rows


def milestones(dataset, years):
    ev = dataset.events[dataset.events["milestone"] & dataset.events["status"].eq("held")]
    return ev[(ev["year"] >= years[0]) & (ev["year"] <= years[1])]


@per_version()
def population_figure(dataset, lang, bases, years, view, base_year, show_events):
    rows = select(dataset, "population", bases, years, view, base_year)
    y_title = t("people.index_axis", lang, year=base_year) if view == "index" else t("people.persons_axis", lang)
    return line_chart(rows, dataset.places, dataset.bases, lang, y_title=y_title,
                      events=milestones(dataset, years) if show_events else None, decimals=1 if view == "index" else 0)


@per_version()
def density_figure(dataset, lang, bases, years):
    rows = select(dataset, "density", bases, years)
    return line_chart(rows, dataset.places, dataset.bases, lang, y_title=t("people.density_axis", lang))


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    bases = query.choices(q.get("basis"), BASES, BASES)
    view = query.choice(q.get("view"), VIEWS, "absolute")
    base_year = query.choice(q.get("base"), BASE_YEARS, "2011")
    years = query.year_range(q.get("years"), *YEARS, YEARS)
    show_events = query.flag(q.get("events"), False)
    basis_labels = dict(zip(dataset.bases["id"], dataset.bases[f"label_{lang}"]))
    controls = html.Div([
        controls_.checklist("people-basis", t("people.basis", lang),
                            [{"label": basis_labels.get(b, b), "value": b} for b in BASES], bases),
        controls_.radios("people-view", t("people.view", lang),
                         [{"label": t(f"people.view_{v}", lang), "value": v} for v in VIEWS], view),
        controls_.select("people-base", t("people.base_year", lang),
                         [{"label": y, "value": y} for y in BASE_YEARS], base_year),
        controls_.year_range("people-years", t("people.years", lang), YEARS, years, 10),
        controls_.checklist("people-events", t("chart.milestones", lang),
                            [{"label": t("chart.show_milestones", lang), "value": "on"}],
                            ["on"] if show_events else []),
    ], className="controls", role="group", **{"aria-label": t("common.controls", lang)})
    content = [
        html.H1(t("people.title", lang)),
        html.P(t("people.lead", lang), className="lead"),
        controls,
        chart_card("people-population", t("people.population_title", lang), lang,
                   population_figure(dataset, lang, bases, years, view, int(base_year), show_events),
                   notes=[dataset.indicator("population").get(f"comparability_{lang}", ""), t("people.gap_note", lang)]),
        chart_card("people-density", t("people.density_title", lang), lang, density_figure(dataset, lang, bases, years),
                   notes=[t("people.density_note", lang)]),
        html.Div(id="people-url", hidden=True), html.Div(id="people-event-sink", hidden=True),
        dcc.Store(id="people-lang", data=lang),
    ]
    return shell.page(lang, "people", content, dataset)


@callback(Output("people-population", "figure"), Output("people-density", "figure"),
          Input("people-basis", "value"), Input("people-view", "value"), Input("people-base", "value"),
          Input("people-years", "value"), Input("people-events", "value"), State("people-lang", "data"),
          prevent_initial_call=True)
def update(bases, view, base_year, years, events, lang):
    dataset = current()
    bases = [b for b in (bases or []) if b in BASES]
    years = query.slider_range(years, *YEARS, YEARS)
    view = query.choice(view, VIEWS, "absolute")
    base_year = int(query.choice(base_year, BASE_YEARS, "2011"))
    return (population_figure(dataset, lang, bases, years, view, base_year, bool(events)),
            density_figure(dataset, lang, bases, years))


@callback(Output("people-population-download", "data"), Input("people-population-csv", "n_clicks"),
          State("people-basis", "value"), State("people-view", "value"), State("people-base", "value"),
          State("people-years", "value"), State("people-lang", "data"), prevent_initial_call=True)
def download_population(_n, bases, view, base_year, years, lang):
    dataset = current()
    years = query.slider_range(years, *YEARS, YEARS)
    rows = select(dataset, "population", [b for b in (bases or []) if b in BASES], years,
                  query.choice(view, VIEWS, "absolute"), int(query.choice(base_year, BASE_YEARS, "2011")))
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "population.csv", "type": "text/csv"}


@callback(Output("people-density-download", "data"), Input("people-density-csv", "n_clicks"),
          State("people-basis", "value"), State("people-years", "value"), State("people-lang", "data"),
          prevent_initial_call=True)
def download_density(_n, bases, years, lang):
    dataset = current()
    years = query.slider_range(years, *YEARS, YEARS)
    rows = select(dataset, "density", [b for b in (bases or []) if b in BASES], years)
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "density.csv", "type": "text/csv"}


clientside_callback(
    """function(basis, view, base, years, events) {
        return window.twincity.syncUrl({basis: basis, view: view, base: base,
            years: years ? years[0] + "-" + years[1] : "", events: (events && events.length) ? "1" : ""});
    }""",
    Output("people-url", "children"),
    Input("people-basis", "value"), Input("people-view", "value"), Input("people-base", "value"),
    Input("people-years", "value"), Input("people-events", "value"),
)

clientside_callback(
    "function(click) { return window.twincity.openEvent(click); }",
    Output("people-event-sink", "children"),
    Input("people-population", "clickData"), prevent_initial_call=True,
)
