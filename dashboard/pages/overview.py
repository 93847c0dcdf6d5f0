"""Overview — at a glance: the headline strip, the six core figure pairs with their trends, then the other
cards and the partnership's fields (healthcare, next generation); every figure with its date and source."""
from __future__ import annotations

import dash
from dash import html

from dashboard.cache import per_version
from dashboard.components import glance as glance_cards
from dashboard.components import shell
from dashboard.components.kpi_rows import rows
from dashboard.components.source_note import note
from dashboard.data import current
from dashboard.i18n import normalise_language, t
from dashboard.views import glance
from dashboard.views.base import pair_query
from dashboard.views.overview import ROWS, OverviewView, kpi_indicators

dash.register_page(__name__, path_template="/<lang>/overview", title=shell.page_title(), name="overview")

BILINGUAL = {"en": ("en+ja", "en+de"), "de": ("de+ja", "en+de"), "ja": ("en+ja", "de+ja")}


def era_switch(view: OverviewView, lang: str):
    """Japanese only: show reference dates in the Japanese calendar (令和6年…) or the Gregorian one."""
    if lang != "ja":
        return None
    query = pair_query(view.pair)
    href = f"/{lang}/overview{query}" + ("" if view.era else ("&" if query else "?") + "era=1")
    return html.P(html.A(t("overview.era_off" if view.era else "overview.era_on", lang), href=href, id="era-switch"),
                  className="era-switch")


def factsheet_links(view: OverviewView, lang: str) -> html.Div:
    """The fact sheet as PDF, in the page's language and in the bilingual versions with it."""
    query = pair_query(view.pair)

    def href(code: str) -> str:
        return f"/factsheet/{code}.pdf{query}"

    return html.Div([
        html.A(t("glance.factsheet_button", lang), href=href(lang), className="btn btn-primary", id="factsheet-pdf",
               download=""),
        html.Span(t("glance.factsheet_bilingual", lang), className="muted"),
        *[html.A(_language_names(code), href=href(code), className="btn", download="", **{"data-code": code})
          for code in BILINGUAL[lang]],
    ], className="factsheet-links")


def _language_names(code: str) -> list:
    """'English + 日本語': each language named in itself, marked as such."""
    names = [html.Span(t(f"language.{part}", part), lang=part) for part in code.split("+")]
    return [piece for name in names for piece in (" + ", name)][1:]


def rest(dataset, view: OverviewView) -> OverviewView:
    """The view of the cards below the core: what the URL asks for, less the core figures."""
    core = set(glance.core_ids(dataset, view.pair))
    wanted = view.indicators or (*(i["id"] for i in kpi_indicators(dataset)), *ROWS)
    keep = tuple(i for i in wanted if i not in core)
    return view.model_copy(update={"indicators": keep or ("none",)})


@per_version(maxsize=16)
def _page(dataset, lang: str, view: OverviewView, today):
    more = rows(dataset, rest(dataset, view), lang)
    fields = glance_cards.fields_rows(dataset, view, lang)
    content = [
        html.Div([html.H1(t("overview.title", lang, **view.pair.names(lang))), factsheet_links(view, lang)],
                 className="overview-head"),
        glance_cards.strip(dataset, view.pair, lang, today),
        era_switch(view, lang),
        html.H2(t("glance.core_title", lang), className="visually-hidden"),
        glance_cards.core_grid(dataset, view, lang),
        html.P(t("overview.lead", lang), className="lead"),
        html.H2(t("glance.more_title", lang), className="section-title") if more else None,
        html.Div(more, className="kpi-grid", id="kpi-grid") if more else None,
        html.H2(t("glance.fields_title", lang), className="section-title") if fields else None,
        html.Div(fields, className="kpi-grid", id="fields-grid") if fields else None,
    ]
    return shell.page(lang, "overview", content, dataset, view)


def layout(lang: str = "en", **query):
    from datetime import date

    lang = normalise_language(lang)
    dataset = current()
    return _page(dataset, lang, OverviewView.from_query(dataset, query, lang), date.today())


__all__ = ["layout", "note"]
