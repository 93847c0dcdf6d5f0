"""The frame of every page: header with the pair's two places, navigation, pair and language switch, footer."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import legal_texts
from dashboard.i18n import LANGUAGES, t
from dashboard.views.base import pair_query
from dashboard.views.pair import Pair, all_pairs

PAGES = ("overview", "people", "economy", "energy", "maps", "timeline", "present", "sources")


def title_text(pair: Pair, lang: str) -> str:
    """The product name with the pair ("City Partnership Dashboard — <a> ⇄ <b>"), in the language."""
    return t("app.title", lang, **pair.names(lang))


def relationship_text(pair: Pair, lang: str) -> str:
    if not pair.relationship_label(lang):
        return ""
    if not pair.since:
        return pair.relationship_label(lang)
    from dashboard.i18n import format as fmt

    return t("app.relationship_since", lang, relationship=pair.relationship_label(lang),
             since=fmt.day(pair.since, lang))


def pair_switch(dataset, pair: Pair, lang: str, page: str):
    """Links to the same page for each pair of the catalogue; nothing when it holds a single pair."""
    pairs = all_pairs(dataset)
    if len(pairs) < 2:
        return None
    links = []
    for other in pairs:
        current = other.id == pair.id
        links.append(html.A(f"{other.a.name(lang)} ⇄ {other.b.name(lang)}", href=f"/{lang}/{page}{pair_query(other)}",
                            className="pair-link" + (" active" if current else ""), **{"data-pair": other.id},
                            **({"aria-current": "true"} if current else {})))
    return html.Nav(links, className="pair-switch", id="pair-switch", **{"aria-label": t("pair.switch", lang)})


def header(lang: str, page: str, pair: Pair | None, dataset, query: str = "") -> html.Header:
    """``pair`` is None on the pages shown before any dataset is published: the product name stands alone."""
    nav_query = pair_query(pair) if pair is not None else ""
    nav = [dbc.NavItem(dbc.NavLink(t(f"nav.{p}", lang), href=f"/{lang}/{p}{nav_query}", active=(p == page),
                                   className="nav-page", id=f"nav-{p}"))
           for p in PAGES]
    switch = html.Div(
        [html.A(t(f"language.{code}", lang), href=f"/{code}/{page}{query}", lang=code, hrefLang=code,
                className="lang-link" + (" active" if code == lang else ""),
                **({"aria-current": "true"} if code == lang else {}))
         for code in LANGUAGES],
        className="lang-switch", role="group", **{"aria-label": t("language.switch", lang)})
    title = html.Div([
        html.Span(pair.a.both_scripts(lang), className="city city-a", **{"data-place": pair.a.id}),
        html.Span("⇄", className="twin-arrow", **{"aria-hidden": "true"}),
        html.Span(pair.b.both_scripts(lang), className="city city-b", **{"data-place": pair.b.id}),
    ] if pair is not None else [html.Span(t("app.product", lang))], className="app-title")
    relation = relationship_text(pair, lang) if pair is not None else ""
    return html.Header([
        html.A(t("app.skip", lang), href="#main", className="skip-link"),
        # the link's name is its visible text (WCAG 2.5.3, axe label-content-name-mismatch); the full title
        # is its description
        html.Div([html.A(title, href=f"/{lang}/overview{nav_query}", className="brand",
                         title=title_text(pair, lang) if pair is not None else t("app.product", lang)),
                  html.Span(relation, className="pair-relationship", id="pair-relationship") if relation else None,
                  pair_switch(dataset, pair, lang, page) if pair is not None else None, switch], className="topbar"),
        dbc.Nav(nav, pills=True, className="main-nav", id="main-nav"),
    ], className="app-header")


def unknown_pair_notice(pair: Pair | None, lang: str):
    if pair is None or not pair.unknown:
        return None
    return html.P(t("pair.unknown", lang), className="pair-notice", id="pair-notice", role="status")


def footer(lang: str, dataset, pair: Pair | None = None) -> html.Footer:
    """The footer; ``dataset`` is None on the pages shown before any dataset is published."""
    legal = [html.A(t(f"legal.{doc}", lang), href=f"/{lang}/legal/{doc}") for doc in legal_texts.footer_documents()]
    return html.Footer([
        html.Span(t("footer.version", lang, version=dataset.version)) if dataset is not None else None,
        html.A(t("footer.sources", lang), href=f"/{lang}/sources{pair_query(pair) if pair is not None else ''}"),
        html.Span(t("footer.note", lang)),
        html.Nav(legal, className="legal-links", **{"aria-label": t("legal.links", lang)}) if legal else None,
    ], className="app-footer")


def _default_pair(dataset) -> Pair | None:
    from dashboard.views.pair import resolve

    try:
        return resolve(dataset) if dataset is not None else None
    except (LookupError, AttributeError, KeyError, IndexError):
        return None


def page(lang: str, page_name: str, content, dataset, view=None) -> html.Div:
    """The page around ``content``; ``view`` is the page's view model (its pair and its URL query). Pages
    without one (legal texts, the no-data page) show the default pair, or none before any data is published."""
    pair = view.pair if view is not None else _default_pair(dataset)
    content = content if isinstance(content, (list, tuple)) else [content]
    return html.Div([
        header(lang, page_name, pair, dataset, view.to_query() if view is not None else ""),
        html.Main([unknown_pair_notice(pair, lang), *content], id="main", className="app-main", tabIndex="-1",
                  lang=lang),
        footer(lang, dataset, pair),
    ], className=f"app lang-{lang}", lang=lang, style=pair.style() if pair is not None else {},
        **({"data-pair": pair.id} if pair is not None else {}))


def page_title(key: str | None = None):
    """A page title function for ``dash.register_page``: the product name with the pair (``?pair=`` of the
    requested page when there is one, else the default pair), or the text ``key`` with the pair's names."""

    def title(lang: str = "en", **_kwargs) -> str:
        from flask import has_request_context, request

        from dashboard.data import current
        from dashboard.i18n import normalise_language
        from dashboard.views.pair import resolve

        lang = normalise_language(lang)
        try:
            pair = resolve(current(), request.args.get("pair") if has_request_context() else None)
        except (FileNotFoundError, LookupError):
            return t("app.product", lang)
        return t(key, lang, **pair.names(lang)) if key else title_text(pair, lang)

    return title
