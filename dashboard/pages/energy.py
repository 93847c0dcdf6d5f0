"""Energy — renewable shares and their trends, installed capacity, and the climate targets."""
from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import query
from dashboard.components import controls as controls_
from dashboard.components import shell
from dashboard.components.chart_card import chart_card
from dashboard.cache import per_version
from dashboard.data import current
from dashboard.export import rows_to_csv
from dashboard.figures.timeseries import line_chart, paired_bars
from dashboard.i18n import normalise_language, t
from dashboard.selection import series

dash.register_page(__name__, path_template="/<lang>/energy", title="Essen ⇄ Koriyama", name="energy")

AREAS = ["essen", "koriyama", "nrw", "fukushima_pref", "germany"]
SHARES = ["re_share_energy_demand", "re_share_electricity_consumption", "re_share_gross_electricity_consumption",
          "re_share_electricity_fed_in", "re_share_primary_energy", "re_share_final_energy_consumption"]
CAPACITY = ["re_capacity_total", "pv_capacity", "wind_farm_capacity"]
YEARS = (2005, 2050)


def select_shares(dataset, indicators, areas, years) -> pd.DataFrame:
    frames = [series(dataset.facts, i, areas, year_range=years) for i in indicators]
    return pd.concat(frames) if frames else dataset.facts.iloc[0:0]


@per_version()
def shares_figure(dataset, lang, indicators, areas, years, show_events):
    rows = select_shares(dataset, indicators, areas, years)
    targets = dataset.targets[dataset.targets["area_id"].isin(areas)]
    events = None
    if show_events:
        ev = dataset.events
        events = ev[ev["milestone"] & ev["status"].eq("held") & ev["field"].isin(["renewable_energy", "general"])
                    & (ev["year"] >= years[0]) & (ev["year"] <= years[1])]
    return line_chart(rows, dataset.places, dataset.bases, lang, y_title="%", targets=targets, events=events,
                      decimals=1, indicators=dataset.indicators)


def capacity_figure(dataset, lang, rows):
    fig = paired_bars(rows, dataset.places, lang, y_title=t("energy.capacity_axis", lang), decimals=1,
                      indicators=dataset.indicators)
    return fig.update_yaxes(type="log", tickmode="auto")


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    indicators = query.choices(q.get("indicator"), SHARES, SHARES)
    areas = query.choices(q.get("areas"), AREAS, AREAS)
    years = query.year_range(q.get("years"), *YEARS, (2005, 2042))
    show_events = query.flag(q.get("events"), False)
    labels = dict(zip(dataset.indicators["id"], dataset.indicators[f"label_{lang}"]))
    names = dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))
    controls = html.Div([
        controls_.checklist("energy-indicator", t("energy.indicator", lang),
                            [{"label": labels[i], "value": i} for i in SHARES], indicators, wide=True),
        controls_.checklist("energy-areas", t("energy.areas", lang),
                            [{"label": names[a], "value": a} for a in AREAS], areas),
        controls_.year_range("energy-years", t("energy.years", lang), YEARS, years, 5),
        controls_.checklist("energy-events", t("chart.milestones", lang),
                            [{"label": t("chart.show_milestones", lang), "value": "on"}],
                            ["on"] if show_events else []),
    ], className="controls", role="group", **{"aria-label": t("common.controls", lang)})
    capacity = pd.concat([series(dataset.facts, i, AREAS) for i in CAPACITY])
    target_notes = [t(f"target.{r.target}", lang, years=(r.year_from if r.year_from == r.year_to
                                                           else f"{r.year_from}–{r.year_to}"))
                    + f" ({names.get(r.area_id, r.area_id)})" for r in dataset.targets.itertuples()]
    content = [
        html.H1(t("energy.title", lang)),
        html.P(t("energy.lead", lang), className="lead"),
        controls,
        chart_card("energy-shares", t("energy.shares_title", lang), lang,
                   shares_figure(dataset, lang, indicators, areas, years, show_events),
                   notes=[t("energy.shares_note", lang), t("energy.targets", lang, targets="; ".join(target_notes))]),
        chart_card("energy-capacity", t("energy.capacity_title", lang), lang,
                   capacity_figure(dataset, lang, capacity),
                   csv=False, notes=[t("energy.capacity_note", lang)]),
        html.Div(id="energy-url", hidden=True), html.Div(id="energy-event-sink", hidden=True),
        dcc.Store(id="energy-lang", data=lang),
    ]
    return shell.page(lang, "energy", content, dataset)


def _clean(indicators, areas, years):
    return ([i for i in (indicators or []) if i in SHARES], [a for a in (areas or []) if a in AREAS],
            query.slider_range(years, *YEARS, (2005, 2042)))


@callback(Output("energy-shares", "figure"), Input("energy-indicator", "value"), Input("energy-areas", "value"),
          Input("energy-years", "value"), Input("energy-events", "value"), State("energy-lang", "data"),
          prevent_initial_call=True)
def update(indicators, areas, years, events, lang):
    indicators, areas, years = _clean(indicators, areas, years)
    return shares_figure(current(), lang, indicators, areas, years, bool(events))


@callback(Output("energy-shares-download", "data"), Input("energy-shares-csv", "n_clicks"),
          State("energy-indicator", "value"), State("energy-areas", "value"), State("energy-years", "value"),
          State("energy-lang", "data"), prevent_initial_call=True)
def download(_n, indicators, areas, years, lang):
    dataset = current()
    indicators, areas, years = _clean(indicators, areas, years)
    rows = select_shares(dataset, indicators, areas, years)
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "renewable_shares.csv", "type": "text/csv"}


clientside_callback(
    """function(indicator, areas, years, events) {
        return window.twincity.syncUrl({indicator: indicator, areas: areas,
            years: years ? years[0] + "-" + years[1] : "", events: (events && events.length) ? "1" : ""});
    }""",
    Output("energy-url", "children"),
    Input("energy-indicator", "value"), Input("energy-areas", "value"), Input("energy-years", "value"),
    Input("energy-events", "value"),
)

clientside_callback(
    "function(click) { return window.twincity.openEvent(click); }",
    Output("energy-event-sink", "children"),
    Input("energy-shares", "clickData"), prevent_initial_call=True,
)
