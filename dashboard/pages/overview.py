"""Overview — at a glance: Essen beside Koriyama, every figure with its date and source."""
from __future__ import annotations

import dash
from dash import html

from dashboard import card_figures
from dashboard.components import kpi_card, shell
from dashboard.components.source_note import note
from dashboard.cache import per_version
from dashboard.data import current
from dashboard.i18n import normalise_language, t
from dashboard.selection import latest

PAIR = ("essen", "koriyama")
REGIONS = (("nrw", "re_share_gross_electricity_consumption"), ("fukushima_pref", "re_share_energy_demand"))

dash.register_page(__name__, path_template="/<lang>/overview", title="Essen ⇄ Koriyama", name="overview")


def _basis_order(place: dict) -> list[str]:
    return [b for b in str(place.get("population_bases") or "").split(";") if b]


def kpi_rows(dataset, lang: str, era: bool = False) -> list:
    places = tuple(dataset.place(p) for p in PAIR)
    indicators = dataset.indicators[dataset.indicators["kpi_order"].ne("")].copy()
    indicators["order"] = indicators["kpi_order"].astype(int)
    rows = []
    for ind in indicators.sort_values("order").to_dict("records"):
        facts = tuple(card_figures.lead(dataset.facts, p, ind["id"]) for p in places)
        others = tuple(card_figures.others(dataset.facts, p, ind, f) for p, f in zip(places, facts))
        rows.append(kpi_card.pair(ind, facts, places, dataset, lang, era, others))
    return rows


def target_row(dataset, lang: str) -> html.Section:
    cards = []
    for area in (*PAIR, "fukushima_pref"):
        place = dataset.place(area)
        rows = dataset.targets[dataset.targets["area_id"].eq(area)]
        if rows.empty:
            text = t("common.no_data", lang)
            src = html.Div(t("common.no_source", lang), className="source-note muted")
        else:
            r = rows.iloc[0].to_dict()
            years = str(r["year_from"]) if r["year_from"] == r["year_to"] else f"{r['year_from']}–{r['year_to']}"
            text = t(f"target.{r['target']}", lang, years=years)
            src = html.Div([html.Span(t("common.decided", lang, date=r["decided"])), " · ",
                            html.A(dataset.source("climate_targets").get("publisher", ""),
                                   href=f"/{lang}/sources#source-climate_targets", className="source-link"),
                            " ", html.A("↗", href=r["source_url"], target="_blank", rel="noopener noreferrer",
                                        **{"aria-label": t("common.original_page", lang)})],
                           className="source-note")
        cards.append(html.Div([html.Div(place.get(f"name_{lang}", area), className="kpi-city"),
                               html.Div(text, className="kpi-value kpi-text"), src],
                              className=f"kpi-card city-{area}", **{"data-area": area}))
    return html.Section([html.H2(t("overview.climate_target", lang), className="kpi-label"),
                         html.Div(cards, className="kpi-pair kpi-three")], className="kpi-row",
                        **{"data-indicator": "climate_target"})


def region_row(dataset, lang: str, era: bool = False) -> html.Section:
    cards = []
    for area, indicator in REGIONS:
        fact = latest(dataset.facts, area, indicator)
        ind = dataset.indicator(indicator)
        cards.append(kpi_card.card(fact, ind, dataset.place(area), dataset, lang, era))
        cards[-1].children.insert(1, html.Div(ind.get(f"label_{lang}", ""), className="kpi-basis"))
    return html.Section([html.H2(t("overview.regional_context", lang), className="kpi-label"),
                         html.Div(cards, className="kpi-pair")], className="kpi-row",
                        **{"data-indicator": "regional_renewables"})


def era_switch(lang: str, era: bool):
    """Japanese only: show reference dates in the Japanese calendar (令和6年…) or the Gregorian one."""
    if lang != "ja":
        return None
    return html.P(html.A(t("overview.era_off" if era else "overview.era_on", lang),
                         href=f"/{lang}/overview" + ("" if era else "?era=1"), id="era-switch"),
                  className="era-switch")


@per_version(maxsize=16)
def _page(dataset, lang: str, era: bool):
    content = [
        html.H1(t("overview.title", lang)),
        html.P(t("overview.lead", lang), className="lead"),
        era_switch(lang, era),
        html.Div([*kpi_rows(dataset, lang, era), target_row(dataset, lang), region_row(dataset, lang, era)],
                 className="kpi-grid", id="kpi-grid"),
    ]
    return shell.page(lang, "overview", content, dataset)


def layout(lang: str = "en", **query):
    lang = normalise_language(lang)
    return _page(current(), lang, lang == "ja" and query.get("era") == "1")


__all__ = ["layout", "note"]
