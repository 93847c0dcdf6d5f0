"""The frame of every page: header with both cities, navigation, language switch, footer."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import legal_texts
from dashboard.i18n import LANGUAGES, t

PAGES = ("overview", "people", "economy", "energy", "maps", "timeline", "present", "sources")


def header(lang: str, page: str, query: str = "") -> html.Header:
    nav = [dbc.NavItem(dbc.NavLink(t(f"nav.{p}", lang), href=f"/{lang}/{p}{query}", active=(p == page),
                                   className="nav-page", id=f"nav-{p}"))
           for p in PAGES]
    switch = html.Div(
        [html.A(t(f"language.{code}", lang), href=f"/{code}/{page}{query}", lang=code, hrefLang=code,
                className="lang-link" + (" active" if code == lang else ""),
                **({"aria-current": "true"} if code == lang else {}))
         for code in LANGUAGES],
        className="lang-switch", role="group", **{"aria-label": t("language.switch", lang)})
    title = html.Div([
        html.Span(t("app.city_essen", lang), className="city city-essen"),
        html.Span("⇄", className="twin-arrow", **{"aria-hidden": "true"}),
        html.Span(t("app.city_koriyama", lang), className="city city-koriyama"),
    ], className="app-title")
    return html.Header([
        html.A(t("app.skip", lang), href="#main", className="skip-link"),
        # the link's name is its visible text (WCAG 2.5.3, axe label-content-name-mismatch); the full title
        # is its description
        html.Div([html.A(title, href=f"/{lang}/overview", className="brand", title=t("app.title", lang)),
                  switch], className="topbar"),
        dbc.Nav(nav, pills=True, className="main-nav", id="main-nav"),
    ], className="app-header")


def footer(lang: str, dataset) -> html.Footer:
    """The footer; ``dataset`` is None on the pages shown before any dataset is published."""
    legal = [html.A(t(f"legal.{doc}", lang), href=f"/{lang}/legal/{doc}") for doc in legal_texts.footer_documents()]
    return html.Footer([
        html.Span(t("footer.version", lang, version=dataset.version)) if dataset is not None else None,
        html.A(t("footer.sources", lang), href=f"/{lang}/sources"),
        html.Span(t("footer.note", lang)),
        html.Nav(legal, className="legal-links", **{"aria-label": t("legal.links", lang)}) if legal else None,
    ], className="app-footer")


def page(lang: str, page_name: str, content, dataset, query: str = "") -> html.Div:
    return html.Div([
        header(lang, page_name, query),
        html.Main(content, id="main", className="app-main", tabIndex="-1", lang=lang),
        footer(lang, dataset),
    ], className=f"app lang-{lang}", lang=lang)
