"""The timeline's fields of cooperation: per field, the Local Action Plan actions and the named institutions,
linked to their events (a folded block per field, its colour from ``assets/timeline.css``).

A block's body is rendered when it is first opened (a click on its summary, or Enter): the page loads with the
summaries only."""
from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.cache import per_version
from dashboard.components.timeline_list import label, swatch
from dashboard.i18n import format as fmt
from dashboard.i18n import t
from dashboard.views.pair import Pair
from dashboard.views.timeline import FieldSummary, field_summaries, timeline_href

PAGE = "timeline"
SUMMARY, BODY = ids.page_id(PAGE, "field-summary"), ids.page_id(PAGE, "field-body")   # pattern-matching id types


def _counts_text(lang: str, actions: int, institutions: int, events: int) -> str:
    return t("timeline.field_counts", lang, actions=fmt.number(actions, lang),
             institutions=fmt.number(institutions, lang), events=fmt.number(events, lang))


def _institution(s, pair: Pair, lang: str) -> html.Li:
    name = getattr(s, f"name_{lang}")
    link = dcc.Link(name, href=timeline_href(pair, lang, who=s.id), className="institution-link") if s.events else name
    return html.Li([link, " ", html.Span(t("timeline.institution_events", lang, n=fmt.number(s.events, lang)),
                                         className="muted")], **{"data-stakeholder": s.id})


def field_block(summary: FieldSummary, pair: Pair, lang: str) -> html.Details:
    """The folded block: its summary (field, counts) and an empty body (see ``field_body``)."""
    field = summary.field
    counts = _counts_text(lang, len(summary.actions), len(summary.institutions), summary.events)
    return html.Details([
        html.Summary([swatch(field), html.H3(label("field", field, lang), id=ids.page_id(PAGE, f"field-{field}")),
                      " ", html.Span(counts, className="muted field-counts")], id={"type": SUMMARY, "index": field}),
        html.Div(id={"type": BODY, "index": field}),
    ], className="field-block", **{"data-field": field})


@per_version(maxsize=64)
def field_body(dataset, pair: Pair, lang: str, field: str) -> list:
    """The link to the field's events, its actions and its institutions (each linked to its events)."""
    summary = next((s for s in field_summaries(dataset, pair, lang) if s.field == field), None)
    if summary is None:
        return []
    actions = [html.Li([getattr(a, f"action_{lang}"), " ",
                        html.Span(t("timeline.action_status_note", lang,
                                    status=label("action_status", a.status, lang)), className="muted")])
               for a in summary.actions.itertuples()]
    people = [_institution(s, pair, lang) for s in summary.institutions.itertuples()]
    return [
        html.P(dcc.Link(t("timeline.field_events_link", lang, n=fmt.number(summary.events, lang)),
                        href=timeline_href(pair, lang, field=field))) if summary.events else None,
        html.H4(t("timeline.actions", lang)),
        html.Ul(actions) if actions else html.P(t("timeline.no_actions", lang), className="muted"),
        html.H4(t("timeline.institutions", lang)),
        html.Ul(people) if people else html.P(t("timeline.no_institutions", lang), className="muted"),
    ]


@per_version(maxsize=8)
def fields_section(dataset, pair: Pair, lang: str) -> html.Section:
    title = ids.page_id(PAGE, "fields-title")
    return html.Section([
        html.H2(t("timeline.fields_title", lang), id=title),
        html.P(t("timeline.fields_lead", lang), className="muted"),
        *(field_block(s, pair, lang) for s in field_summaries(dataset, pair, lang)),
    ], id=ids.page_id(PAGE, "fields"), className="timeline-fields", **{"aria-labelledby": title})
