"""Provenance shown beside a figure: the row's own publisher (linked to the page the figure was read
from) and reference date — "IT.NRW ↗ · 31 December 2024" —, the kind of source when it is not
official, and the full citation one click away (a <details> element)."""
from __future__ import annotations

import re

import pandas as pd
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


def cell_text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def publisher_name(fact: dict, dataset, lang: str) -> str:
    """The row's publisher in the page's language (falls back to the source file's publisher)."""
    name = cell_text(fact.get(f"publisher_{lang}")) or cell_text(fact.get("publisher_en"))
    if name:
        return name
    sid = cell_text(fact.get("source_id"))
    return cell_text(dataset.source(sid).get("publisher")) or sid


def quality_label(quality: str, lang: str) -> str:
    return t(f"provenance.quality_{quality}", lang) if quality else ""


def source_links(fact: dict, dataset, lang: str) -> list:
    """The row's publisher, linked to its own page when it has one, else to the sources page."""
    sid = cell_text(fact.get("source_id"))
    name = publisher_name(fact, dataset, lang)
    # a name from the publishers catalogue is in the page's language; else the source.yaml's English record
    named = cell_text(fact.get(f"publisher_{lang}"))
    marked = {} if named else {"lang": RECORD_LANGUAGE}
    url = cell_text(fact.get("source_url"))
    if url:
        return [html.A([html.Span(name, **marked), " ↗"], href=url, target="_blank", rel="noopener noreferrer",
                       className="source-link source-page", title=t("common.original_page", lang))]
    return [html.A(name, href=f"/{lang}/sources#source-{sid}", className="source-link", **marked)]


def as_of(fact: dict, lang: str, era: bool = False) -> str:
    return fmt.period(fact["period"], fact["period_kind"], fact["ref_date"], lang, japanese_era=era)


def _line(label: str, value, lang: str) -> list:
    """"Publisher: IT.NRW" — one line of a citation (text, with a link or a marked span where it needs one)."""
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        return [t("provenance.line", lang, label=label, value=value)]
    before, _, after = t("provenance.line", lang, label=label, value="\0").partition("\0")
    return [before, value, after]


def _record(value):
    """A text of the provenance records (English), marked as such."""
    text = cell_text(value)
    return html.Span(text, lang=RECORD_LANGUAGE) if text else ""


def citation(fact: dict, dataset, lang: str, era: bool = False) -> html.Details:
    """Publisher, page, reference date, kind of source, source file (its title — linked to its entry on the sources
    page, which says how it was obtained —, licence, accessed): one line each, in one paragraph. A page holds dozens
    of these folded; a handful of components each (not a definition list of twenty) keeps the page quick to draw and
    every later update of it quick too."""
    url = cell_text(fact.get("source_url"))
    lines = [_line(t("provenance.publisher", lang), publisher_name(fact, dataset, lang), lang),
             _line(t("provenance.page", lang), html.A(url, href=url, target="_blank", rel="noopener noreferrer",
                                                     className="citation-url") if url else "", lang),
             _line(t("provenance.reference_date", lang), t("provenance.date", lang, date=as_of(fact, lang, era)), lang)]
    quality = cell_text(fact.get("source_quality"))
    if quality:
        lines.append([t("provenance.quality_title", lang, quality=quality_label(quality, lang))])
    for sid in source_ids(fact):
        meta = dataset.source(sid)
        lines.append(_line(t("provenance.dataset_source", lang),
                           html.A(cell_text(meta.get("title")) or sid, href=f"/{lang}/sources#source-{sid}",
                                  lang=RECORD_LANGUAGE), lang))
        lines.append(_line(t("provenance.licence", lang), _record(meta.get("licence")), lang))
        if meta.get("accessed"):
            lines.append(_line(t("provenance.accessed", lang),
                               t("provenance.date", lang, date=fmt.day(meta["accessed"], lang)), lang))
    children: list = []                     # the lines joined by "\n", adjacent texts as one text node
    for line in (line for line in lines if line):
        for piece in (["\n"] if children else []) + line:
            if not isinstance(piece, str):
                children.append(piece)
            elif children and isinstance(children[-1], str):
                children[-1] += piece
            elif piece:
                children.append(piece)
    return html.Details([html.Summary(t("provenance.citation", lang)), html.P(children, className="citation-list")],
                        className="citation")


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


def quality_badge(fact: dict, lang: str) -> list:
    """" · secondary copy": the kind of the row's source, when it is not official; else nothing."""
    quality = cell_text(fact.get("source_quality"))
    if not quality or quality == "official":
        return []
    label = quality_label(quality, lang)
    return [" · ", html.Span(label, className=f"source-quality quality-{quality}",
                             title=t("provenance.quality_title", lang, quality=label))]


def note(fact: dict | None, dataset, lang: str, era: bool = False) -> html.Div:
    if fact is None:
        return html.Div(t("common.no_source", lang), className="source-note muted")
    parts = [html.Span(t("common.source", lang), className="visually-label"), " ",
             *source_links(fact, dataset, lang), " · ",
             html.Span(t("provenance.date", lang, date=as_of(fact, lang, era)), className="as-of")]
    parts += quality_badge(fact, lang)
    return html.Div([html.Div(parts, className="source-label"), citation(fact, dataset, lang, era)],
                    className="source-note", **{"data-publisher": cell_text(fact.get("publisher_id")),
                                                 "data-quality": cell_text(fact.get("source_quality"))})
