"""The rows of cards of the overview (and of overview slides): headline indicators, targets, regions."""
from __future__ import annotations

from dash import html

from dashboard.components import kpi_card
from dashboard.components.source_note import RECORD_LANGUAGE, cell_text, publisher_name
from dashboard.i18n import format as fmt
from dashboard.i18n import t
from dashboard.views.overview import OverviewView


def kpi_rows(dataset, view: OverviewView, lang: str) -> list:
    places = tuple(p.row() for p in view.pair.places)
    return [kpi_card.pair(ind, facts, places, dataset, lang, view.era, view.kpi_others(dataset, ind, facts),
                          view.note(dataset, ind["id"], lang)) for ind, facts in view.kpi_facts(dataset)]


def target_row(dataset, view: OverviewView, lang: str) -> html.Section:
    cards = []
    for place in view.target_areas(dataset):
        rows = view.targets(dataset, place)
        if rows.empty:
            text = t("common.no_data", lang)
            src = html.Div(t("common.no_source", lang), className="source-note muted")
        else:
            r = rows.iloc[0].to_dict()
            years = fmt.year_range(r["year_from"], r["year_to"], lang)
            text = t(f"target.{r['target']}", lang, years=years)
            # named in the page's language by the publishers catalogue, else the source record's English words
            marked = {} if cell_text(r.get(f"publisher_{lang}")) else {"lang": RECORD_LANGUAGE}
            src = html.Div([html.Span(t("common.decided", lang, date=fmt.day_text(r["decided"], lang))), " · ",
                            html.A(publisher_name(r, dataset, lang), href=f"/{lang}/sources#source-{r['source_id']}",
                                   className="source-link", **marked),
                            " ", html.A("↗", href=r["source_url"], target="_blank", rel="noopener noreferrer",
                                        **{"aria-label": t("common.original_page", lang)})],
                           className="source-note")
        cards.append(html.Div([html.Div(place.name(lang), className="kpi-city"),
                               html.Div(text, className="kpi-value kpi-text"), src],
                              className="kpi-card", style=kpi_card.border(place.row()), **{"data-area": place.id}))
    return html.Section([html.H2(t("overview.climate_target", lang), className="kpi-label"),
                         html.Div(cards, className="kpi-pair kpi-three")], className="kpi-row",
                        **{"data-indicator": "climate_target"})


def region_row(dataset, view: OverviewView, lang: str) -> html.Section | None:
    cards = []
    for region, indicator, fact in view.region_facts(dataset):
        ind = dataset.indicator(indicator)
        cards.append(kpi_card.card(fact, ind, region.row(), dataset, lang, view.era))
        cards[-1].children.insert(1, html.Div(ind.get(f"label_{lang}", ""), className="kpi-basis"))
    if not cards:
        return None
    return html.Section([html.H2(t("overview.regional_context", lang), className="kpi-label"),
                         html.Div(cards, className="kpi-pair")], className="kpi-row",
                        **{"data-indicator": "regional_renewables"})


def rows(dataset, view: OverviewView, lang: str) -> list:
    """Every row of cards the view shows (a deck slide may pick some)."""
    out = list(kpi_rows(dataset, view, lang))
    if view.shows("climate_target"):
        out.append(target_row(dataset, view, lang))
    if view.shows("regional_renewables"):
        out.append(region_row(dataset, view, lang))
    return [r for r in out if r is not None]
