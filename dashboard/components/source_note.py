"""Provenance shown beside a figure: source (link to its entry on the sources page) and 'as of' date."""
from __future__ import annotations

import re

from dash import html

from dashboard.i18n.catalog import LANGUAGES

from dashboard.i18n import t
from dashboard.i18n import format as fmt


# The provenance records (data/raw/*/source.yaml: publisher, title, licence, how obtained, reliability, gaps)
# are written in English; they are shown in that original wording and marked as English for readers and
# screen readers.
RECORD_LANGUAGE = "en"
# A licence text's translation in the catalogue of its own language: the original itself.
ORIGINAL = "—"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def source_ids(fact: dict) -> list[str]:
    inputs = str(fact.get("inputs") or fact.get("source_id") or "")
    return [s for s in dict.fromkeys(inputs.split(";")) if s]


def source_links(fact: dict, dataset, lang: str) -> list:
    links = []
    for sid in source_ids(fact):
        meta = dataset.source(sid)
        links.append(html.A(meta.get("publisher", sid), href=f"/{lang}/sources#source-{sid}", lang=RECORD_LANGUAGE,
                            className="source-link", title=meta.get("title", "")))
    return links


def as_of(fact: dict, lang: str, era: bool = False) -> str:
    return fmt.period(fact["period"], fact["period_kind"], fact["ref_date"], lang, japanese_era=era)


def attribution_language(original: str, source_id: str) -> str | None:
    """The language of a licence's required text: the one whose catalogue translation is the text itself."""
    for lang in LANGUAGES:
        if t(f"maps.attribution.translation.{source_id}", lang) in (original, ORIGINAL):
            return lang
    return None


def original_attribution(original: str, source_id: str) -> html.Span:
    """A licence's required text in its own words, marked with its language."""
    lang = attribution_language(original, source_id) or ("ja" if JAPANESE.search(original) else None)
    return html.Span(original, lang=lang, className="original-wording")


def attribution_translation(original: str, source_id: str, lang: str) -> list:
    """The licence's required text stays in its own words; beside it, the catalogue's translation into the page's
    language, where the catalogue has one and it differs from the original."""
    translated = t(f"maps.attribution.translation.{source_id}", lang)
    if translated.startswith("⟦") or translated in (original, ORIGINAL):
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
