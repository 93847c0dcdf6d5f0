"""Economy — GDP and GDP per capita in euros (market rate or PPP), employment, unemployment, rates."""
from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard.components import controls as controls_
from dashboard.components import shell
from dashboard.components.chart_card import chart_card
from dashboard.data import current
from dashboard.export import rows_to_csv
from dashboard.i18n import normalise_language, t
from dashboard.views.economy import CURRENCIES, MEASURES, YEARS, EconomyView

dash.register_page(__name__, path_template="/<lang>/economy", title=shell.page_title(), name="economy")

CONTROLS = (Input("economy-indicator", "value"), Input("economy-currency", "value"), Input("economy-years", "value"))


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    view = EconomyView.from_query(dataset, q)
    controls = html.Div([
        controls_.radios("economy-indicator", t("economy.measure", lang),
                         [{"label": t(f"economy.measure_{m}", lang), "value": m} for m in MEASURES], view.measure),
        controls_.radios("economy-currency", t("economy.currency", lang),
                         [{"label": t(f"economy.currency_{c}", lang), "value": c} for c in CURRENCIES], view.currency),
        controls_.year_range("economy-years", t("economy.years", lang), YEARS, view.years, 5),
    ], className="controls", role="group", **{"aria-label": t("common.controls", lang)})
    currency = view.rates_currency(dataset)
    content = [
        html.H1(t("economy.title", lang)),
        html.P(t("economy.lead", lang), className="lead"),
        controls,
        chart_card("economy-gdp", t("economy.gdp_title", lang), lang, view.gdp_figure(dataset, lang),
                   notes=[html.Span(view.rates_text(dataset, lang), id="economy-rate-note"),
                          view.gdp_note(dataset, lang),
                          t("economy.per_capita_note", lang)]),
        chart_card("economy-employment", t("economy.employment_title", lang), lang,
                   view.employment_figure(dataset, lang), csv=False,
                   notes=[view.note(dataset, "establishments", lang)]),
        chart_card("economy-unemployment", t("economy.unemployment_title", lang), lang,
                   view.unemployment_figure(dataset, lang), csv=False,
                   notes=[view.note(dataset, "unemployment_rate", lang)]),
        chart_card("economy-rates", t("economy.rates_title", lang, currency=currency), lang,
                   view.rates_figure(dataset, lang), csv=False, notes=[t("economy.rates_note", lang)]),
        html.Div(id="economy-url", hidden=True),
        dcc.Store(id="economy-lang", data=lang), dcc.Store(id="economy-pair", data=view.pair.id),
    ]
    return shell.page(lang, "economy", content, dataset, view)


@callback(Output("economy-gdp", "figure"), Output("economy-rate-note", "children"), *CONTROLS,
          State("economy-lang", "data"), State("economy-pair", "data"), prevent_initial_call=True)
def update(measure, currency, years, lang, pair_id):
    dataset = current()
    view = EconomyView.from_controls(dataset, pair_id, measure, currency, years)
    return view.gdp_figure(dataset, lang), view.rates_text(dataset, lang)


@callback(Output("economy-gdp-download", "data"), Input("economy-gdp-csv", "n_clicks"),
          *(State(c.component_id, c.component_property) for c in CONTROLS),
          State("economy-lang", "data"), State("economy-pair", "data"), prevent_initial_call=True)
def download(_n, measure, currency, years, lang, pair_id):
    dataset = current()
    rows = EconomyView.from_controls(dataset, pair_id, measure, currency, years).gdp_rows(dataset)
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "gdp.csv", "type": "text/csv"}


clientside_callback(
    """function(indicator, currency, years) {
        return window.twincity.syncUrl({indicator: indicator, currency: currency,
                                        years: window.twincity.yearsParam(years)});
    }""",
    Output("economy-url", "children"), *CONTROLS,
)
