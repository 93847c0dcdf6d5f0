"""Timeline — every event of the partnership: filters, a zoomable chart, a list, the selected event, the fields.

The filter state and the selected event live in the URL (``?field=healthcare&q=hospital&event=<id>``): read
from the layout's keyword arguments, written back with ``history.replaceState`` (no reload). Keyboard users
select events from the list (buttons: Enter or Space); the chart is an extra way, not the only one.
"""
from __future__ import annotations

import re
import time

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard import timeline_filters as tf
from dashboard.components import shell
from dashboard.components.source_note import RECORD_LANGUAGE
from dashboard.cache import per_version
from dashboard.data import current
from dashboard.figures.timeline import FIELD_COLOURS, counts_figure, date_text, graph_config, timeline_figure
from dashboard.i18n import format as fmt
from dashboard.i18n import normalise_language, t
from dashboard.views.base import pair_query
from dashboard.views.pair import Pair
from dashboard.views.timeline import TimelineView, pair_actions, pair_events, pair_stakeholders, places
from dashboard.contract import FIELDS, KINDS, STATUSES


dash.register_page(__name__, path_template="/<lang>/timeline", title=shell.page_title("timeline.page_title"),
                   name="timeline")

PAGE = "timeline"
FIELD, PLACE, KIND, STATUS = (ids.page_id(PAGE, n) for n in ("field", "place", "kind", "status"))
SEARCH, YEAR_FROM, YEAR_TO = (ids.page_id(PAGE, n) for n in ("search", "year-from", "year-to"))
GRAPH, COUNTS, LIST, SUMMARY = (ids.page_id(PAGE, n) for n in ("chart", "counts", "list", "summary"))
RESULTS, DETAIL, DETAIL_BODY, CLOSE = (ids.page_id(PAGE, n) for n in ("results", "detail", "detail-body", "close"))
RESET, WHO_BOX, WHO_TEXT, WHO_REMOVE = (ids.page_id(PAGE, n) for n in ("reset", "who", "who-text", "who-remove"))
WHO, SELECTED, QUERY, LANG, FOCUS = (ids.page_id(PAGE, n) for n in ("who-store", "selected", "query", "lang", "focus"))
PAIR_STORE = ids.page_id(PAGE, "pair")
URL_SINK, FOCUS_SINK = ids.page_id(PAGE, "url-sink"), ids.page_id(PAGE, "focus-sink")
EVENT_ITEM = ids.page_id(PAGE, "event")
SOURCE_ID = "seed_documents"
SWATCH = {"display": "inline-block", "width": ".8rem", "height": ".8rem", "borderRadius": "50%",
          "marginRight": ".4rem", "flex": "0 0 auto", "verticalAlign": "middle"}
ITEM = {"display": "flex", "gap": ".5rem", "alignItems": "baseline", "width": "100%", "textAlign": "left",
        "background": "#fff", "border": "1px solid var(--line)", "borderRadius": ".4rem", "padding": ".45rem .6rem",
        "margin": "0 0 .35rem", "cursor": "pointer", "font": "inherit", "color": "inherit"}
SELECTED_ITEM = {**ITEM, "background": "#e8eef7", "borderColor": "#0b5394", "boxShadow": "inset 4px 0 0 #0b5394"}
FIELDSET = {"border": 0, "padding": 0, "margin": 0, "minWidth": 0}
HIDDEN = {"display": "none"}  # the ``hidden`` attribute loses against the .control / .btn display rules


# --- pure renderers (the callbacks only call these) --------------------------------------------------------

def _label(kind: str, value: str, lang: str) -> str:
    return t(f"timeline.{kind}.{value}", lang)


def _place(value: str, lang: str, names: dict) -> str:
    """Where an event took place: one of the pair's places (its catalogue name), online or elsewhere."""
    return names[value] if value in names else _label("place", value, lang)


def place_names(dataset, lang: str) -> dict[str, str]:
    return dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))


def _href(pair: Pair, lang: str, **params) -> str:
    query = pair_query(pair)
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/{lang}/timeline{query}" + (("&" if query else "?") + extra if extra else "") + f"#{RESULTS}"


def _swatch(field: str):
    return html.Span(style={**SWATCH, "background": FIELD_COLOURS.get(field, "#000")}, **{"aria-hidden": "true"})


def event_button(row, lang: str, selected: bool, names: dict | None = None):
    status = row["status"]
    title_style = {"fontWeight": 600}
    if status == "cancelled":
        title_style.update(textDecoration="line-through", color="var(--muted)")
    meta = [_label("field", row["field"], lang), _place(row["place"], lang, names or {}), _label("kind", row["kind"], lang)]
    if status != "held":
        meta.append(_label("status", status, lang))
    if row["milestone"] or row["kind"] == "agreement":
        meta.append(t("timeline.milestone_short", lang))
    return html.Li(html.Button([
        _swatch(row["field"]),
        html.Span([
            html.Span(date_text(row, lang), className="event-date", style={"display": "block", "fontSize": ".85rem",
                                                                           "color": "var(--muted)"}),
            html.Span(row[f"title_{lang}"], className="event-title", style=title_style),
            html.Span(" · ".join(meta), className="event-meta",
                      style={"display": "block", "fontSize": ".8rem", "color": "var(--muted)"}),
        ], style={"minWidth": 0}),
    ], id={"type": EVENT_ITEM, "index": row["id"]}, type="button", className="event-item",
        style=SELECTED_ITEM if selected else ITEM,
        **{"data-event": row["id"], "aria-controls": DETAIL, "data-status": status, "data-field": row["field"]}))


def event_list(rows: pd.DataFrame, lang: str, selected: str | None, names: dict | None = None):
    if rows.empty:
        return html.P(t("timeline.empty", lang), className="muted empty-state")
    return html.Ol([event_button(r, lang, r["id"] == selected, names) for r in rows.to_dict("records")],
                   className="plain event-list", style={"listStyle": "none", "padding": 0, "margin": 0})


def summary_text(shown: int, total: int, lang: str) -> str:
    return t("timeline.summary", lang, shown=fmt.number(shown, lang), total=fmt.number(total, lang))


def who_text(dataset, who: str | None, lang: str) -> str:
    if not who:
        return ""
    rows = dataset.stakeholders[dataset.stakeholders["id"].eq(who)]
    name = rows.iloc[0][f"name_{lang}"] if len(rows) else who
    return t("timeline.filter_who", lang, name=name)


@per_version(maxsize=256)
def results(dataset, view: TimelineView, lang: str) -> tuple:
    """Everything that depends on the filters: timeline, counts, list, summary, institution filter (text, style)."""
    state = view.state
    rows = view.rows(dataset, lang)
    return (timeline_figure(rows, lang, place_names(dataset, lang)), counts_figure(tf.counts_by_year_field(rows), lang),
            event_list(rows, lang, state.event, place_names(dataset, lang)),
            summary_text(len(rows), len(view.events(dataset)), lang),
            who_text(dataset, state.who, lang), {} if state.who else HIDDEN)


def _pair(label: str, value) -> list:
    return [html.Dt(label, style={"fontWeight": 600, "marginTop": ".4rem"}), html.Dd(value, style={"margin": 0})]


def event_detail(dataset, event_id: str | None, lang: str, pair: Pair | None = None) -> list:
    """Title, date, field, place, kind, status, participants, description, institutions and source of one event."""
    rows = dataset.events[dataset.events["id"].eq(event_id)] if event_id else dataset.events.iloc[0:0]
    if rows.empty:
        return [html.H2(t("timeline.detail_title", lang), id=ids.page_id(PAGE, "detail-heading")),
                html.P(t("timeline.detail_none", lang), className="muted")]
    row = rows.iloc[0]
    status = row["status"]
    pair = pair or TimelineView.from_query(dataset, {"pair": row.get("pair")}).pair
    # place_detail, participants and the document's title and locator are kept in English in events.csv: shown in
    # that original wording, marked as English.
    place = [_place(row["place"], lang, place_names(dataset, lang))] + (
        [" — ", html.Span(row["place_detail"], lang=RECORD_LANGUAGE)] if row["place_detail"] else [])
    items = _pair(t("timeline.date", lang), date_text(row, lang))
    items += _pair(t("timeline.field_label", lang), [_swatch(row["field"]), _label("field", row["field"], lang)])
    items += _pair(t("timeline.place_label", lang), place)
    items += _pair(t("timeline.kind_label", lang), _label("kind", row["kind"], lang))
    items += _pair(t("timeline.status_label", lang), _label("status", status, lang))
    if row["participants"]:
        items += _pair(t("timeline.participants", lang), html.Span(row["participants"], lang=RECORD_LANGUAGE))
    who = tf.event_stakeholders(dataset.stakeholders, row["id"])
    if who is not None and not who.empty:
        links = []
        for i, s in enumerate(who.itertuples()):
            links += ([", "] if i else []) + [dcc.Link(getattr(s, f"name_{lang}"),
                                                       href=_href(pair, lang, who=s.id))]
        items += _pair(t("timeline.institutions", lang), links)
    titles = dict(zip(dataset.documents["id"], dataset.documents["title"]))
    document = f"{row['document']} — {titles[row['document']]}" if row["document"] in titles else row["document"]
    record = {"\0": html.Span(document, lang=RECORD_LANGUAGE), "\1": html.Span(row["locator"], lang=RECORD_LANGUAGE)}
    source = [record.get(part, part) for part in re.split("([\0\1])", t("timeline.source_text", lang, document="\0",
                                                                             locator="\1")) if part]
    source += [" · ",
              html.A(t("timeline.source_link", lang), href=f"/{lang}/sources#source-{SOURCE_ID}",
                     className="source-link")]
    items += _pair(t("timeline.source", lang), html.Span(source, className="source-note"))
    title_style = {"textDecoration": "line-through"} if status == "cancelled" else {}
    badges = []
    if row["milestone"] or row["kind"] == "agreement":
        badges.append(html.Span(t("timeline.legend_milestone", lang), className="badge-ok"))
    if status != "held":
        badges += [" · "] * bool(badges) + [html.Span(_label("status", status, lang), className="badge-warn")]
    return [
        html.H2(row[f"title_{lang}"], id=ids.page_id(PAGE, "detail-heading"), style=title_style),
        html.P(badges, className="event-badges") if badges else None,
        html.P(row[f"description_{lang}"]) if row[f"description_{lang}"] else None,
        html.Dl(items, style={"margin": 0}),
    ]


def _checklist(component_id: str, legend: str, values, selected, lang: str, kind: str, labels: dict | None = None):
    return html.Fieldset([
        html.Legend(legend, className="control-label", style={"fontSize": ".9rem", "marginBottom": ".25rem"}),
        dbc.Checklist(id=component_id, options=[{"label": (labels or {}).get(v) or _label(kind, v, lang), "value": v} for v in values],
                      value=list(selected), inline=True, className="check-inline"),
    ], className="control control-wide", style=FIELDSET)


def filters(view: TimelineView, lang: str, dataset) -> html.Section:
    state = view.state
    number = {"type": "number", "min": tf.YEAR_MIN, "max": tf.YEAR_MAX, "step": 1, "debounce": True,
              "style": {"width": "7rem"}}
    return html.Section([
        html.H2(t("timeline.filters", lang), style={"flexBasis": "100%", "margin": 0}),
        _checklist(FIELD, t("timeline.filter_field", lang), FIELDS, state.field, lang, "field"),
        _checklist(KIND, t("timeline.filter_kind", lang), KINDS, state.kind, lang, "kind"),
        _checklist(PLACE, t("timeline.filter_place", lang), places(view.pair), state.place, lang, "place",
                   place_names(dataset, lang)),
        _checklist(STATUS, t("timeline.filter_status", lang), STATUSES, state.status, lang, "status"),
        html.Div([html.Label(t("timeline.filter_search", lang), htmlFor=SEARCH),
                  dcc.Input(id=SEARCH, type="search", value=state.q, debounce=0.4, maxLength=tf.MAX_QUERY_TEXT,
                            placeholder=t("timeline.search_placeholder", lang), autoComplete="off",
                            style={"minWidth": "16rem"})], className="control"),
        html.Div([html.Label(t("timeline.year_from", lang), htmlFor=YEAR_FROM),
                  dcc.Input(id=YEAR_FROM, value=state.year_from, **number)], className="control",
                 style={"minWidth": 0}),
        html.Div([html.Label(t("timeline.year_to", lang), htmlFor=YEAR_TO),
                  dcc.Input(id=YEAR_TO, value=state.year_to, **number)], className="control", style={"minWidth": 0}),
        html.Div([html.Span(who_text(dataset, state.who, lang), id=WHO_TEXT, style={"fontWeight": 600}), " ",
                  html.Button(t("timeline.remove_who", lang), id=WHO_REMOVE, type="button", className="btn")],
                 id=WHO_BOX, style={} if state.who else HIDDEN, className="control", role="group"),
        html.Div(html.Button(t("timeline.reset", lang), id=RESET, type="button", className="btn"),
                 className="control", style={"minWidth": 0}),
        html.P(t("timeline.filter_hint", lang), className="chart-note", style={"flexBasis": "100%", "margin": 0}),
    ], className="controls timeline-filters", **{"aria-label": t("timeline.filters", lang)})


def _counts_text(lang: str, actions: int, institutions: int, events: int) -> str:
    return t("timeline.field_counts", lang, actions=fmt.number(actions, lang),
             institutions=fmt.number(institutions, lang), events=fmt.number(events, lang))


@per_version(maxsize=8)
def fields_section(dataset, pair: Pair, lang: str) -> html.Section:
    """Issue item 4: per field, the Local Action Plan actions and the named institutions, linked to their events."""
    events, actions, people = pair_events(dataset, pair), pair_actions(dataset, pair), pair_stakeholders(dataset, pair)
    n_events = dict(zip(people["id"], people["event_ids"].fillna("").map(
        lambda s: len([e for e in s.split(";") if e.strip()]))))
    blocks = []
    for field in FIELDS:
        field_actions = actions[actions["field"].eq(field)]
        field_people = people[people["fields"].fillna("").map(lambda s, f=field: f in s.split(";"))]
        field_events = int(events["field"].eq(field).sum())
        if field_actions.empty and field_people.empty and not field_events:
            continue
        action_items = [html.Li([getattr(a, f"action_{lang}"), " ",
                                 html.Span(t("timeline.action_status_note", lang, status=_label("action_status", a.status, lang)),
                                           className="muted")])
                        for a in field_actions.itertuples()]
        people_items = []
        for s in field_people.sort_values(f"name_{lang}").itertuples():
            n = n_events.get(s.id, 0)
            name = getattr(s, f"name_{lang}")
            label = (dcc.Link(name, href=_href(pair, lang, who=s.id), className="institution-link")
                     if n else html.Span(name))
            people_items.append(html.Li([label, " ", html.Span(t("timeline.institution_events", lang,
                                                                  n=fmt.number(n, lang)), className="muted")],
                                        **{"data-stakeholder": s.id}))
        heading_id = ids.page_id(PAGE, f"field-{field}")
        blocks.append(html.Details([
            html.Summary([_swatch(field), html.H3(_label("field", field, lang), id=heading_id,
                                                  style={"display": "inline", "fontSize": "1.05rem"}), " ",
                          html.Span(_counts_text(lang, len(field_actions), len(field_people), field_events),
                                    className="muted", style={"fontSize": ".9rem"})],
                         style={"cursor": "pointer", "padding": ".3rem 0"}),
            html.P(dcc.Link(t("timeline.field_events_link", lang, n=fmt.number(field_events, lang)),
                            href=_href(pair, lang, field=field))) if field_events else None,
            html.H4(t("timeline.actions", lang), style={"fontSize": "1rem", "margin": ".5rem 0 .25rem"}),
            html.Ul(action_items) if action_items else html.P(t("timeline.no_actions", lang), className="muted"),
            html.H4(t("timeline.institutions", lang), style={"fontSize": "1rem", "margin": ".5rem 0 .25rem"}),
            html.Ul(people_items) if people_items else html.P(t("timeline.no_institutions", lang),
                                                              className="muted"),
        ], className="field-block", **{"data-field": field},
            style={"borderTop": f"4px solid {FIELD_COLOURS[field]}", "background": "var(--panel)",
                   "borderRadius": ".4rem", "padding": ".4rem .8rem", "margin": ".5rem 0"}))
    return html.Section([
        html.H2(t("timeline.fields_title", lang), id=ids.page_id(PAGE, "fields-title")),
        html.P(t("timeline.fields_lead", lang), className="muted"),
        *blocks,
    ], id=ids.page_id(PAGE, "fields"), **{"aria-labelledby": ids.page_id(PAGE, "fields-title")},
        style={"marginTop": "1.5rem"})


def layout(lang: str = "en", **query):
    lang = normalise_language(lang)
    dataset = current()
    view = TimelineView.from_query(dataset, query)
    state = view.state
    figure, counts, listing, summary, _who, _hidden = results(dataset, view, lang)
    focus = {"target": DETAIL} if state.event else ({"target": RESULTS} if state.who else None)
    chart = html.Section([
        html.H2(t("timeline.chart_title", lang), id=ids.page_id(PAGE, "chart-title")),
        html.P(t("timeline.chart_help", lang), className="chart-note"),
        dcc.Graph(id=GRAPH, figure=figure, config=graph_config(lang, "timeline"), style={"height": "540px"},
                  className="chart"),
    ], className="chart-card", **{"aria-labelledby": ids.page_id(PAGE, "chart-title")})
    listing_section = html.Section([
        html.H2(t("timeline.list_title", lang), id=ids.page_id(PAGE, "list-title")),
        html.P(t("timeline.list_help", lang), className="chart-note"),
        html.Div(listing, id=LIST, style={"maxHeight": "70vh", "overflowY": "auto", "padding": ".25rem"}),
    ], className="timeline-list", **{"aria-labelledby": ids.page_id(PAGE, "list-title")}, style={"minWidth": 0})
    detail = html.Section([
        html.Div(html.Button(t("timeline.close", lang), id=CLOSE, type="button", className="btn",
                             style={} if state.event else HIDDEN), style={"float": "right"}),
        html.Div(event_detail(dataset, state.event, lang, view.pair), id=DETAIL_BODY),
    ], id=DETAIL, tabIndex="-1", className="timeline-detail kpi-row",
        **{"aria-labelledby": ids.page_id(PAGE, "detail-heading")},
        style={"position": "sticky", "top": "9rem", "alignSelf": "start", "scrollMarginTop": "9rem", "minWidth": 0})
    content = [
        html.H1(t("timeline.title", lang)),
        html.P(t("timeline.lead", lang, **view.pair.names(lang)), className="lead"),
        filters(view, lang, dataset),
        html.Div([
            html.P(summary, id=SUMMARY, role="status", **{"aria-live": "polite"}, style={"fontWeight": 600}),
            chart,
            html.Div([listing_section, detail], style={
                "display": "grid", "gap": "1rem", "alignItems": "start",
                "gridTemplateColumns": "repeat(auto-fit, minmax(min(100%, 340px), 1fr))"}),
        ], id=RESULTS, tabIndex="-1", style={"scrollMarginTop": "9rem"}),
        html.Section([
            html.H2(t("timeline.counts_title", lang), id=ids.page_id(PAGE, "counts-title")),
            dcc.Graph(id=COUNTS, figure=counts, config={**graph_config(lang, "timeline-counts"),
                                                        "modeBarButtons": [["toImage"]]},
                      style={"height": "380px"}, className="chart"),
        ], className="chart-card", **{"aria-labelledby": ids.page_id(PAGE, "counts-title")}),
        fields_section(dataset, view.pair, lang),
        dcc.Store(id=WHO, data=state.who), dcc.Store(id=SELECTED, data=state.event),
        dcc.Store(id=QUERY), dcc.Store(id=LANG, data=lang), dcc.Store(id=FOCUS, data=focus),
        dcc.Store(id=PAIR_STORE, data=view.pair.id),
        html.Div(id=URL_SINK, hidden=True), html.Div(id=FOCUS_SINK, hidden=True),
    ]
    return shell.page(lang, PAGE, content, dataset, view)


# --- callbacks (thin) --------------------------------------------------------------------------------------

FILTERS = [Input(FIELD, "value"), Input(PLACE, "value"), Input(KIND, "value"), Input(STATUS, "value"),
           Input(SEARCH, "value"), Input(YEAR_FROM, "value"), Input(YEAR_TO, "value"), Input(WHO, "data")]


def _view(dataset, pair_id, field, place, kind, status, q, year_from, year_to, who, event=None) -> TimelineView:
    pair = TimelineView.pair_from(dataset, {"pair": pair_id})
    state = tf.make_state(field=field, place=place, kind=kind, status=status, q=q, year_from=year_from,
                          year_to=year_to, who=who, event=event, event_ids=set(pair_events(dataset, pair)["id"]),
                          stakeholder_ids=set(dataset.stakeholders["id"]), places=places(pair))
    return TimelineView(pair=pair, state=state)


@callback(Output(GRAPH, "figure"), Output(COUNTS, "figure"), Output(LIST, "children"), Output(SUMMARY, "children"),
          Output(WHO_TEXT, "children"), Output(WHO_BOX, "style"),
          *FILTERS, State(SELECTED, "data"), State(LANG, "data"), State(PAIR_STORE, "data"), prevent_initial_call=True)
def update_results(field, place, kind, status, q, year_from, year_to, who, selected, lang, pair_id=None):
    dataset = current()
    view = _view(dataset, pair_id, field, place, kind, status, q, year_from, year_to, who, selected)
    return results(dataset, view, normalise_language(lang))


@callback(Output(SELECTED, "data"), Input(GRAPH, "clickData"), Input({"type": EVENT_ITEM, "index": ALL}, "n_clicks"),
          Input(CLOSE, "n_clicks"), prevent_initial_call=True)
def select_event(click, _clicks, _close):
    trigger, known = ctx.triggered_id, set(current().events["id"])
    if trigger == CLOSE:
        return None
    if trigger == GRAPH:
        points = (click or {}).get("points") or [{}]
        return tf.clean_id(points[0].get("customdata"), known) or no_update
    if isinstance(trigger, dict) and ctx.triggered and ctx.triggered[0].get("value"):
        return tf.clean_id(trigger.get("index"), known) or no_update
    return no_update


@callback(Output(DETAIL_BODY, "children"), Output(CLOSE, "style"),
          Output({"type": EVENT_ITEM, "index": ALL}, "style"), Output(FOCUS, "data"),
          Input(SELECTED, "data"), State({"type": EVENT_ITEM, "index": ALL}, "id"), State(LANG, "data"),
          prevent_initial_call=True)
def show_event(selected, items, lang):
    lang = normalise_language(lang)
    styles = [SELECTED_ITEM if i["index"] == selected else ITEM for i in items]
    focus = {"target": DETAIL, "at": time.time_ns()} if selected else no_update
    return event_detail(current(), selected, lang), {} if selected else HIDDEN, styles, focus


@callback(Output(QUERY, "data"), *FILTERS, Input(SELECTED, "data"), State(PAIR_STORE, "data"))
def url_query(field, place, kind, status, q, year_from, year_to, who, selected, pair_id=None):
    return _view(current(), pair_id, field, place, kind, status, q, year_from, year_to, who, selected).to_query()


@callback(Output(FIELD, "value"), Output(PLACE, "value"), Output(KIND, "value"), Output(STATUS, "value"),
          Output(SEARCH, "value"), Output(YEAR_FROM, "value"), Output(YEAR_TO, "value"), Output(WHO, "data"),
          Input(RESET, "n_clicks"), Input(WHO_REMOVE, "n_clicks"), prevent_initial_call=True)
def reset_filters(_reset, _remove):
    if ctx.triggered_id == WHO_REMOVE:
        return (no_update,) * 7 + (None,)
    return [], [], [], [], "", None, None, None


clientside_callback(
    """function(query) {
        if (typeof query !== "string" || (query && query.charAt(0) !== "?")) { query = ""; }
        var now = window.location.pathname + window.location.search + window.location.hash;
        var url = window.location.pathname + query + window.location.hash;
        if (url !== now) { window.history.replaceState(window.history.state, "", url); }
        if (window.twincity && window.twincity.updateLangLinks) { window.twincity.updateLangLinks(); }
        return query;
    }""",
    Output(URL_SINK, "children"), Input(QUERY, "data"),
)

clientside_callback(
    """function(focus) {
        var target = (focus && focus.target) || window.location.hash.slice(1);
        if (!/^timeline-(detail|results)$/.test(target || "")) { return window.dash_clientside.no_update; }
        window.requestAnimationFrame(function () {
            var el = document.getElementById(target);
            if (!el) { return; }
            var header = document.querySelector(".app-header");
            var top = header ? header.getBoundingClientRect().bottom : 0;
            var box = el.getBoundingClientRect();
            if (box.top < top || box.top > window.innerHeight * 0.6) { window.scrollBy(0, box.top - top - 8); }
            el.focus({preventScroll: true});
        });
        return target;
    }""",
    Output(FOCUS_SINK, "children"), Input(FOCUS, "data"),
)
