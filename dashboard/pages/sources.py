"""Sources — every source with publisher, licence, dates and what it feeds; the dataset's freshness."""
from __future__ import annotations

from datetime import datetime, timezone

import dash
import pandas as pd
from dash import html

from dashboard.components import data_status, shell, source_note
from dashboard.data import current
from dashboard.i18n import normalise_language, t
from dashboard.i18n import format as fmt
from dashboard.views.sources import SourcesView

dash.register_page(__name__, path_template="/<lang>/sources", title=shell.page_title(), name="sources")

STALE_DAYS = 365


def feeds(dataset, lang: str) -> dict[str, str]:
    """Source id → the indicators it feeds (labels in the language)."""
    labels = dict(zip(dataset.indicators["id"], dataset.indicators[f"label_{lang}"]))
    facts = dataset.facts
    out = {}
    for sid, group in facts.groupby("source_id"):
        out[sid] = ", ".join(sorted({labels.get(i, i) for i in group["indicator_id"]}))
    out["seed_documents"] = ", ".join(filter(None, [out.get("seed_documents", ""), t("sources.events", lang)]))
    out["climate_targets"] = t("sources.targets", lang)
    return out


def latest_reference(dataset) -> dict[str, pd.Timestamp]:
    return dataset.facts.groupby("source_id")["ref_date"].max().to_dict()


def dated(key: str, value, lang: str):
    """'published 3 May 2024'; where the record gives no plain date but a note, the note in its own words."""
    shown = fmt.day_text(value, lang)
    if shown != str(value).strip():
        return t(key, lang, date=shown)
    before, after = t(key, lang, date="\0").split("\0")
    return html.Span([before, html.Span(shown, lang=source_note.RECORD_LANGUAGE), after])


def check_name(check: str, lang: str) -> str:
    """A validation check as the catalogue names it (the manifest lists the checks in English)."""
    shown = t("sources.check." + check.replace(",", "").replace(" ", "_"), lang)
    return check if shown.startswith("⟦") else shown


def freshness(dataset, lang: str, now: datetime | None = None) -> html.Section:
    manifest = dataset.manifest
    now = now or datetime.now(timezone.utc)
    created = datetime.fromisoformat(manifest["created"])
    validation = manifest.get("validation", {})
    facts = validation.get("facts", {})
    ok = validation.get("passed", False)
    warnings = manifest.get("warnings", [])
    gaps = manifest.get("gaps", [])
    items = [
        html.Li([t("sources.version", lang), " ", html.Code(dataset.version)]),
        html.Li(t("sources.created", lang, date=fmt.day(created, lang), ago=fmt.days_ago(created, lang, now))),
        html.Li([html.Span(t("sources.validation_ok" if ok else "sources.validation_failed", lang),
                           className="badge-ok" if ok else "badge-warn"), " ",
                 t("sources.validation_counts", lang, facts=fmt.number(facts.get("facts", 0), lang),
                   derived=fmt.number(facts.get("derived", 0), lang), events=fmt.number(validation.get("events", 0), lang))]),
        html.Li(t("sources.checks", lang, checks=t("common.list_separator", lang).join(
            check_name(c, lang) for c in validation.get("checks", [])))),
        html.Li(t("sources.boundaries_yes" if manifest.get("boundaries_available") else "sources.boundaries_no", lang)),
    ]
    return html.Section([
        html.H2(t("sources.freshness_title", lang)),
        html.Ul(items),
        html.Details([html.Summary(t("sources.gaps_title", lang, n=len(gaps) + len(warnings))),
                      html.Ul([html.Li(lang=source_note.RECORD_LANGUAGE, children=[
                                        html.Strong(dataset.source(g["source_id"]).get("publisher", g["source_id"])),
                                        ": ", g["item"]]) for g in gaps]
                              + [html.Li(w, lang=source_note.RECORD_LANGUAGE) for w in warnings])])
        if gaps or warnings else None,
    ], className="freshness", id="freshness")


def source_table(dataset, lang: str) -> html.Table:
    fed = feeds(dataset, lang)
    latest = latest_reference(dataset)
    head = html.Thead(html.Tr([html.Th(t(f"sources.col_{c}", lang), scope="col")
                               for c in ("source", "licence", "dates", "obtained", "feeds")]))
    rows = []
    for s in dataset.sources.sort_values("id").to_dict("records"):
        newest = latest.get(s["id"])
        dates = [t("sources.accessed", lang, date=fmt.day_text(s["accessed"], lang))] if s["accessed"] else []
        if s.get("published"):
            dates.append(dated("sources.published", s["published"], lang))
        if newest is not None and not pd.isna(newest):
            dates.append(t("sources.latest_ref", lang, date=fmt.day(newest, lang)))
        title = html.A(s["title"], href=s["url"], target="_blank", rel="noopener noreferrer") if s["url"] else s["title"]
        rows.append(html.Tr([
            html.Td([html.Strong(s["publisher"]), html.Br(), title], id=f"source-{s['id']}", lang=source_note.RECORD_LANGUAGE),
            html.Td(s["licence"], lang=source_note.RECORD_LANGUAGE),
            html.Td(html.Ul([html.Li(d) for d in dates], className="plain")),
            html.Td([s["obtained"], html.Br(), html.Small(s.get("reliability", ""))], lang=source_note.RECORD_LANGUAGE),
            html.Td(fed.get(s["id"], "")),
        ]))
    return html.Table([html.Caption(t("sources.table_caption", lang)), head, html.Tbody(rows)], className="sources")


def boundary_attribution(dataset, lang: str):
    layers = dataset.boundary_meta.get("layers", {})
    if not layers:
        return None
    seen = {}
    for meta in layers.values():
        seen.setdefault(meta["attribution"], meta)
    return html.Section([html.H2(t("sources.geo_title", lang)),
                         html.Ul([html.Li([source_note.original_attribution(m["attribution"], m.get("source_id", "")),
                                           *source_note.attribution_translation(m["attribution"], m.get("source_id", ""), lang),
                                           " — ", html.Span(m["licence"], lang=source_note.RECORD_LANGUAGE)])
                             for m in seen.values()])])


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    view = SourcesView.from_query(dataset, q)
    content = [html.H1(t("sources.title", lang)), html.P(t("sources.lead", lang), className="lead"),
               data_status.banner(lang), freshness(dataset, lang), source_table(dataset, lang),
               boundary_attribution(dataset, lang)]
    return shell.page(lang, "sources", content, dataset, view)
