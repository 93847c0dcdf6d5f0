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
    for table, key in (("events", "sources.events"), ("targets", "sources.targets")):
        for sid in dataset.sources_of(table):
            out[sid] = ", ".join(filter(None, [out.get(sid, ""), t(key, lang)]))
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
    items += past_due_items(dataset, lang)
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


def past_due_items(dataset, lang: str) -> list:
    """Sources whose latest reference date + update cycle lies in the past (computed by the ETL)."""
    due = SourcesView.past_due(dataset)
    if not due:
        return []
    cycle = SourcesView.cycle
    return [html.Li([html.Span(t("provenance.past_due_title", lang), className="badge-warn"), " ",
                     html.Ul([html.Li([html.A(dataset.source(d["source_id"]).get("title") or d["source_id"],
                                              href=f"#source-{d['source_id']}", lang=source_note.RECORD_LANGUAGE),
                                       ": ",
                                       t("provenance.past_due", lang, latest=fmt.day(d["latest"], lang),
                                         cycle=cycle(d["update_cycle"], lang), due=fmt.day(d["due"], lang))])
                              for d in due.values()], className="past-due")])]


def cited_pages(dataset, source_id: str, lang: str):
    """Every page the source's rows were read from, with the row's publisher and kind of source."""
    rows = SourcesView.cited_rows(dataset, source_id)
    if rows.empty:
        return None
    items = [html.Li([html.Strong(r[f"publisher_{lang}"]), " · ",
                      t(f"provenance.quality_{r['source_quality']}", lang), " · ",
                      html.A(r["source_url"], href=r["source_url"], target="_blank", rel="noopener noreferrer")])
             for r in rows.to_dict("records")]
    return html.Details([html.Summary(t("provenance.cited_pages", lang, n=len(items))), html.Ul(items)],
                        className="cited-pages")


def publisher_cell(dataset, s: dict, lang: str) -> html.Strong:
    """The source's publishers as the catalogue names them in the language; else the record's own words."""
    names = SourcesView.publisher_names(dataset, s["id"], "", lang)
    return html.Strong(names) if names else html.Strong(s["publisher"], lang=source_note.RECORD_LANGUAGE)


def source_table(dataset, lang: str) -> html.Table:
    fed = feeds(dataset, lang)
    latest = latest_reference(dataset)
    head = html.Thead(html.Tr([html.Th(t(f"sources.col_{c}", lang), scope="col")
                               for c in ("source", "licence", "dates", "obtained", "feeds")]))
    rows, due = [], SourcesView.past_due(dataset)
    for s in dataset.sources.sort_values("id").to_dict("records"):
        newest = latest.get(s["id"])
        dates = [t("sources.accessed", lang, date=fmt.day_text(s["accessed"], lang))] if s["accessed"] else []
        if s.get("published"):
            dates.append(dated("sources.published", s["published"], lang))
        if newest is not None and not pd.isna(newest):
            dates.append(t("sources.latest_ref", lang, date=fmt.day(newest, lang)))
        if s.get("update_cycle"):
            dates.append(t("provenance.update_cycle", lang, cycle=SourcesView.cycle(s["update_cycle"], lang)))
        overdue = due.get(s["id"])
        if overdue:
            dates.append(html.Span(t("provenance.past_due", lang, latest=fmt.day(overdue["latest"], lang),
                                     cycle=SourcesView.cycle(overdue["update_cycle"], lang),
                                     due=fmt.day(overdue["due"], lang)),
                                   className="badge-warn past-due-flag"))
        title = html.A(s["title"], href=s["url"], target="_blank", rel="noopener noreferrer") if s["url"] else s["title"]
        rows.append(html.Tr([
            html.Td([publisher_cell(dataset, s, lang), html.Br(),
                     html.Span(title, lang=source_note.RECORD_LANGUAGE), cited_pages(dataset, s["id"], lang)],
                    id=f"source-{s['id']}"),
            html.Td(s["licence"], lang=source_note.RECORD_LANGUAGE),
            html.Td(html.Ul([html.Li(d) for d in dates], className="plain")),
            html.Td([html.Span([s["obtained"], html.Br(), html.Small(s.get("reliability", ""))],
                               lang=source_note.RECORD_LANGUAGE),
                     html.Br() if s.get("source_quality") else None,
                     html.Small(t(f"provenance.quality_{s['source_quality']}", lang), className="source-quality")
                     if s.get("source_quality") else None]),
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
