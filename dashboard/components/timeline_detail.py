"""The timeline's selected event: title, date, field, place, kind, status, participants, description,
institutions and its source (the published source whose file holds the event)."""
from __future__ import annotations

import re

from dash import dcc, html

from dashboard import ids
from dashboard import timeline_filters as tf
from dashboard.components.source_note import RECORD_LANGUAGE
from dashboard.components.timeline_list import label, place_label, swatch
from dashboard.figures.timeline import date_text, is_highlighted
from dashboard.i18n import t
from dashboard.views.pair import Pair
from dashboard.views.timeline import TimelineView, event_source, place_names, timeline_href

HEADING = ids.page_id("timeline", "detail-heading")


def _item(term: str, value) -> list:
    return [html.Dt(term), html.Dd(value)]


def _source(dataset, row, lang: str) -> html.Span:
    """"Document <id> — <title>, <locator>" (kept in the record's English) and a link to its source."""
    titles = dict(zip(dataset.documents["id"], dataset.documents["title"]))
    document = f"{row['document']} — {titles[row['document']]}" if row["document"] in titles else row["document"]
    record = {"\0": html.Span(document, lang=RECORD_LANGUAGE), "\1": html.Span(row["locator"], lang=RECORD_LANGUAGE)}
    text = t("timeline.source_text", lang, document="\0", locator="\1")
    parts = [record.get(part, part) for part in re.split("([\0\1])", text) if part]
    source_id = event_source(dataset, row.get("raw_file"))
    if source_id:
        parts += [" · ", html.A(t("timeline.source_link", lang), href=f"/{lang}/sources#source-{source_id}",
                                className="source-link")]
    return html.Span(parts, className="source-note")


def event_detail(dataset, event_id: str | None, lang: str, pair: Pair | None = None) -> list:
    """The panel's content for ``event_id`` (a prompt to choose one when there is none)."""
    rows = dataset.events[dataset.events["id"].eq(event_id)] if event_id else dataset.events.iloc[0:0]
    if rows.empty:
        return [html.H2(t("timeline.detail_title", lang), id=HEADING),
                html.P(t("timeline.detail_none", lang), className="muted")]
    row = rows.iloc[0]
    status = row["status"]
    pair = pair or TimelineView.from_query(dataset, {"pair": row.get("pair")}).pair
    # place_detail, participants and the document's title and locator are kept in English in events.csv: shown in
    # that original wording, marked as English.
    place = [place_label(row["place"], lang, place_names(dataset, lang))] + (
        [" — ", html.Span(row["place_detail"], lang=RECORD_LANGUAGE)] if row["place_detail"] else [])
    items = _item(t("timeline.date", lang), date_text(row, lang))
    items += _item(t("timeline.field_label", lang), [swatch(row["field"]), label("field", row["field"], lang)])
    items += _item(t("timeline.place_label", lang), place)
    items += _item(t("timeline.kind_label", lang), label("kind", row["kind"], lang))
    items += _item(t("timeline.status_label", lang), label("status", status, lang))
    if row["participants"]:
        items += _item(t("timeline.participants", lang), html.Span(row["participants"], lang=RECORD_LANGUAGE))
    who = tf.event_stakeholders(dataset.stakeholders, row["id"])
    if who is not None and not who.empty:
        links = []
        for i, s in enumerate(who.itertuples()):
            links += ([", "] if i else []) + [dcc.Link(getattr(s, f"name_{lang}"),
                                                       href=timeline_href(pair, lang, who=s.id))]
        items += _item(t("timeline.institutions", lang), links)
    items += _item(t("timeline.source", lang), _source(dataset, row, lang))
    badges = []
    if is_highlighted(row):
        badges.append(html.Span(t("timeline.legend_milestone", lang), className="badge-ok"))
    if status != "held":
        badges += [" · "] * bool(badges) + [html.Span(label("status", status, lang), className="badge-warn")]
    return [
        html.H2(row[f"title_{lang}"], id=HEADING, className="is-cancelled" if status == "cancelled" else None),
        html.P(badges, className="event-badges") if badges else None,
        html.P(row[f"description_{lang}"]) if row[f"description_{lang}"] else None,
        html.Dl(items, className="event-facts"),
    ]
