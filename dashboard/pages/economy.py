"""Economy — GDP and GDP per capita in euros (market rate or PPP), employment, unemployment, rates."""
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
from dashboard.i18n import format as fmt
from dashboard.selection import series

dash.register_page(__name__, path_template="/<lang>/economy", title="Essen ⇄ Koriyama", name="economy")

PAIR = ["essen", "koriyama"]
CURRENCIES = ["market", "ppp"]
MEASURES = ["gdp", "gdp_per_capita"]
YEARS = (2000, 2025)
EMPLOYMENT = ["persons_employed", "employees_social_insurance", "establishments", "companies"]


def gdp_indicator(measure: str, currency: str) -> str:
    return {"gdp": "gdp_eur", "gdp_per_capita": "gdp_per_capita_eur"}[measure] + ("_ppp" if currency == "ppp" else "")


def select_gdp(dataset, measure, currency, years) -> pd.DataFrame:
    rows = series(dataset.facts, gdp_indicator(measure, currency), PAIR, year_range=years)
    return rows[rows["basis"].ne("document")]


def rates_text(dataset, lang, rows: pd.DataFrame, currency: str) -> str:
    """The conversion rates used for the Japanese figures shown."""
    jp = rows[rows["note"].str.startswith("converted at")]
    if jp.empty:
        return ""
    indicator = "fx_jpy_per_eur" if currency == "market" else "ppp_jpy_per_eur"
    rates = series(dataset.facts, indicator, ["japan"])
    used = rates[rates["year"].isin(jp["year"])]
    parts = [f"{y}: {fmt.number(v, lang, 2)}" for y, v in zip(used["year"], used["value"])]
    return t(f"economy.rate_used_{currency}", lang, rates="; ".join(parts))


def gdp_figure(dataset, lang, measure, currency, years):
    rows = select_gdp(dataset, measure, currency, years)
    return _gdp_chart(dataset, lang, measure, currency, years), rows


@per_version()
def _gdp_chart(dataset, lang, measure, currency, years):
    rows = select_gdp(dataset, measure, currency, years)
    return paired_bars(rows, dataset.places, lang, y_title=t(f"economy.axis_{measure}", lang))


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    currency = query.choice(q.get("currency"), CURRENCIES, "market")
    measure = query.choice(q.get("indicator"), MEASURES, "gdp")
    years = query.year_range(q.get("years"), *YEARS, YEARS)
    fig, rows = gdp_figure(dataset, lang, measure, currency, years)
    controls = html.Div([
        controls_.radios("economy-indicator", t("economy.measure", lang),
                         [{"label": t(f"economy.measure_{m}", lang), "value": m} for m in MEASURES], measure),
        controls_.radios("economy-currency", t("economy.currency", lang),
                         [{"label": t(f"economy.currency_{c}", lang), "value": c} for c in CURRENCIES], currency),
        controls_.year_range("economy-years", t("economy.years", lang), YEARS, years, 5),
    ], className="controls", role="group", **{"aria-label": t("common.controls", lang)})
    employment = pd.concat([series(dataset.facts, i, PAIR) for i in EMPLOYMENT])
    unemployment = series(dataset.facts, "unemployment_rate", PAIR)
    rates = pd.concat([series(dataset.facts, i, ["japan"]) for i in ("fx_jpy_per_eur", "ppp_jpy_per_eur")])
    content = [
        html.H1(t("economy.title", lang)),
        html.P(t("economy.lead", lang), className="lead"),
        controls,
        chart_card("economy-gdp", t("economy.gdp_title", lang), lang, fig,
                   notes=[html.Span(rates_text(dataset, lang, rows, currency), id="economy-rate-note"),
                          dataset.indicator("gdp_nominal").get(f"comparability_{lang}", ""),
                          t("economy.per_capita_note", lang)]),
        chart_card("economy-employment", t("economy.employment_title", lang), lang,
                   _employment_figure(dataset, lang, employment), csv=False,
                   notes=[dataset.indicator("establishments").get(f"comparability_{lang}", "")]),
        chart_card("economy-unemployment", t("economy.unemployment_title", lang), lang,
                   line_chart(unemployment, dataset.places, dataset.bases, lang, y_title="%", decimals=1), csv=False,
                   notes=[dataset.indicator("unemployment_rate").get(f"comparability_{lang}", "")]),
        chart_card("economy-rates", t("economy.rates_title", lang), lang,
                   _rates_figure(dataset, lang, rates), csv=False, notes=[t("economy.rates_note", lang)]),
        html.Div(id="economy-url", hidden=True),
        dcc.Store(id="economy-lang", data=lang),
    ]
    return shell.page(lang, "economy", content, dataset)


def _employment_figure(dataset, lang, rows):
    return paired_bars(rows, dataset.places, lang, indicators=dataset.indicators)


def _rates_figure(dataset, lang, rows):
    return line_chart(rows, dataset.places, dataset.bases, lang, y_title=t("economy.rates_axis", lang),
                      decimals=2, indicators=dataset.indicators)


@callback(Output("economy-gdp", "figure"), Output("economy-rate-note", "children"),
          Input("economy-indicator", "value"), Input("economy-currency", "value"), Input("economy-years", "value"),
          State("economy-lang", "data"), prevent_initial_call=True)
def update(measure, currency, years, lang):
    dataset = current()
    measure = query.choice(measure, MEASURES, "gdp")
    currency = query.choice(currency, CURRENCIES, "market")
    years = query.slider_range(years, *YEARS, YEARS)
    fig, rows = gdp_figure(dataset, lang, measure, currency, years)
    return fig, rates_text(dataset, lang, rows, currency)


@callback(Output("economy-gdp-download", "data"), Input("economy-gdp-csv", "n_clicks"),
          State("economy-indicator", "value"), State("economy-currency", "value"), State("economy-years", "value"),
          State("economy-lang", "data"), prevent_initial_call=True)
def download(_n, measure, currency, years, lang):
    dataset = current()
    years = query.slider_range(years, *YEARS, YEARS)
    rows = select_gdp(dataset, query.choice(measure, MEASURES, "gdp"), query.choice(currency, CURRENCIES, "market"), years)
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "gdp.csv", "type": "text/csv"}


clientside_callback(
    """function(indicator, currency, years) {
        return window.twincity.syncUrl({indicator: indicator, currency: currency,
                                        years: years ? years[0] + "-" + years[1] : ""});
    }""",
    Output("economy-url", "children"),
    Input("economy-indicator", "value"), Input("economy-currency", "value"), Input("economy-years", "value"),
)
