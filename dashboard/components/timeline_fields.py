"""The timeline's fields of cooperation: per field, the Local Action Plan actions and the named institutions,
linked to their events (a folded block per field, its colour from ``assets/timeline.css``)."""
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


def _counts_text(lang: str, actions: int, institutions: int, events: int) -> str:
    return t("timeline.field_counts", lang, actions=fmt.number(actions, lang),
             institutions=fmt.number(institutions, lang), events=fmt.number(events, lang))


def _institution(s, pair: Pair, lang: str) -> html.Li:
    name = getattr(s, f"name_{lang}")
    link = dcc.Link(name, href=timeline_href(pair, lang, who=s.id), className="institution-link") if s.events else name
    return html.Li([link, " ", html.Span(t("timeline.institution_events", lang, n=fmt.number(s.events, lang)),
                                         className="muted")], **{"data-stakeholder": s.id})


def field_block(summary: FieldSummary, pair: Pair, lang: str) -> html.Details:
    field = summary.field
    actions = [html.Li([getattr(a, f"action_{lang}"), " ",
                        html.Span(t("timeline.action_status_note", lang,
                                    status=label("action_status", a.status, lang)), className="muted")])
               for a in summary.actions.itertuples()]
    people = [_institution(s, pair, lang) for s in summary.institutions.itertuples()]
    return html.Details([
        html.Summary([swatch(field), html.H3(label("field", field, lang), id=ids.page_id(PAGE, f"field-{field}")),
                      " ", html.Span(_counts_text(lang, len(summary.actions), len(summary.institutions),
                                                  summary.events), className="muted field-counts")]),
        html.P(dcc.Link(t("timeline.field_events_link", lang, n=fmt.number(summary.events, lang)),
                        href=timeline_href(pair, lang, field=field))) if summary.events else None,
        html.H4(t("timeline.actions", lang)),
        html.Ul(actions) if actions else html.P(t("timeline.no_actions", lang), className="muted"),
        html.H4(t("timeline.institutions", lang)),
        html.Ul(people) if people else html.P(t("timeline.no_institutions", lang), className="muted"),
    ], className="field-block", **{"data-field": field})


@per_version(maxsize=8)
def fields_section(dataset, pair: Pair, lang: str) -> html.Section:
    title = ids.page_id(PAGE, "fields-title")
    return html.Section([
        html.H2(t("timeline.fields_title", lang), id=title),
        html.P(t("timeline.fields_lead", lang), className="muted"),
        *(field_block(s, pair, lang) for s in field_summaries(dataset, pair, lang)),
    ], id=ids.page_id(PAGE, "fields"), className="timeline-fields", **{"aria-labelledby": title})
