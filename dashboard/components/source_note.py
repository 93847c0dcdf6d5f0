"""Provenance shown beside a figure: source (link to its entry on the sources page) and 'as of' date."""
from __future__ import annotations

from dash import html

from dashboard.i18n import t
from dashboard.i18n import format as fmt


def source_ids(fact: dict) -> list[str]:
    inputs = str(fact.get("inputs") or fact.get("source_id") or "")
    return [s for s in dict.fromkeys(inputs.split(";")) if s]


def source_links(fact: dict, dataset, lang: str) -> list:
    links = []
    for sid in source_ids(fact):
        meta = dataset.source(sid)
        links.append(html.A(meta.get("publisher", sid), href=f"/{lang}/sources#source-{sid}",
                            className="source-link", title=meta.get("title", "")))
    return links


def as_of(fact: dict, lang: str, era: bool = False) -> str:
    return fmt.period(fact["period"], fact["period_kind"], fact["ref_date"], lang, japanese_era=era)


def attribution_translation(original: str, source_id: str, lang: str) -> list:
    """The licence's required text stays in its own words; beside it, the catalogue's translation into the page's
    language, where the catalogue has one and it differs from the original."""
    translated = t(f"maps.attribution.translation.{source_id}", lang)
    if translated.startswith("⟦") or translated == original:
        return []
    return [html.Span(t("maps.attribution.translated", lang, text=translated), className="map-attribution-translation")]


def note(fact: dict | None, dataset, lang: str, era: bool = False) -> html.Div:
    if fact is None:
        return html.Div(t("common.no_source", lang), className="source-note muted")
    parts = [html.Span(fmt.as_of(fact["period"], fact["period_kind"], fact["ref_date"], lang, era), className="as-of"), " · ",
             html.Span(t("common.source", lang), className="visually-label"), " "]
    links = source_links(fact, dataset, lang)
    for i, link in enumerate(links):
        parts += ([", "] if i else []) + [link]
    if fact.get("source_url"):
        parts += [" ", html.A("↗", href=fact["source_url"], target="_blank", rel="noopener noreferrer",
                              className="source-page", title=t("common.original_page", lang),
                              **{"aria-label": t("common.original_page", lang)})]
    return html.Div(parts, className="source-note")
