"""Overview — at a glance: the pair's two places side by side, every figure with its date and source."""
from __future__ import annotations

import dash
from dash import html

from dashboard.cache import per_version
from dashboard.components import shell
from dashboard.components.kpi_rows import rows
from dashboard.components.source_note import note
from dashboard.data import current
from dashboard.i18n import normalise_language, t
from dashboard.views.base import pair_query
from dashboard.views.overview import OverviewView

dash.register_page(__name__, path_template="/<lang>/overview", title=shell.page_title(), name="overview")


def era_switch(view: OverviewView, lang: str):
    """Japanese only: show reference dates in the Japanese calendar (令和6年…) or the Gregorian one."""
    if lang != "ja":
        return None
    query = pair_query(view.pair)
    href = f"/{lang}/overview{query}" + ("" if view.era else ("&" if query else "?") + "era=1")
    return html.P(html.A(t("overview.era_off" if view.era else "overview.era_on", lang), href=href, id="era-switch"),
                  className="era-switch")


@per_version(maxsize=16)
def _page(dataset, lang: str, view: OverviewView):
    content = [
        html.H1(t("overview.title", lang, **view.pair.names(lang))),
        html.P(t("overview.lead", lang), className="lead"),
        era_switch(view, lang),
        html.Div(rows(dataset, view, lang), className="kpi-grid", id="kpi-grid"),
    ]
    return shell.page(lang, "overview", content, dataset, view)


def layout(lang: str = "en", **query):
    lang = normalise_language(lang)
    dataset = current()
    return _page(dataset, lang, OverviewView.from_query(dataset, query, lang))


__all__ = ["layout", "note"]
