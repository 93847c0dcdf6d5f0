"""Timeline — every event of the partnership: filters, a zoomable chart, a list, the selected event, the fields.

The filter state and the selected event live in the URL (``?field=healthcare&q=hospital&event=<id>``): read
from the layout's keyword arguments, written back with ``history.replaceState`` (no reload). Keyboard users
select events from the list (buttons: Enter or Space); the chart is an extra way, not the only one. The list
shows a page of events at a time ("show more"). Looks are in ``assets/timeline.css``.

The stores hold "" rather than None for "no institution" and "no event": a ``dcc.Store`` whose data is None
reports a change when it mounts, which would run every callback on that input once more after each load.
"""
from __future__ import annotations

import time

import dash
import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, Patch, State, callback, clientside_callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard import timeline_filters as tf
from dashboard.cache import per_version
from dashboard.components import shell
from dashboard.components.timeline_detail import HEADING, event_detail
from dashboard.components import timeline_fields
from dashboard.components.timeline_list import EVENT_ITEM, event_items, event_list, item_class, label, more_text
from dashboard.contract import FIELDS, KINDS, STATUSES
from dashboard.data import current
from dashboard.figures.timeline import counts_figure, graph_config, timeline_figure
from dashboard.i18n import format as fmt
from dashboard.i18n import normalise_language, t
from dashboard.views.timeline import LIST_PAGE, TimelineView, pair_events, place_names, places, shown_count

dash.register_page(__name__, path_template="/<lang>/timeline", title=shell.page_title("timeline.page_title"),
                   name="timeline")

PAGE = "timeline"
FIELD, PLACE, KIND, STATUS = (ids.page_id(PAGE, n) for n in ("field", "place", "kind", "status"))
SEARCH, YEAR_FROM, YEAR_TO = (ids.page_id(PAGE, n) for n in ("search", "year-from", "year-to"))
GRAPH, COUNTS, LIST, SUMMARY = (ids.page_id(PAGE, n) for n in ("chart", "counts", "list", "summary"))
RESULTS, DETAIL, DETAIL_BODY, CLOSE = (ids.page_id(PAGE, n) for n in ("results", "detail", "detail-body", "close"))
RESET, WHO_BOX, WHO_TEXT, WHO_REMOVE = (ids.page_id(PAGE, n) for n in ("reset", "who", "who-text", "who-remove"))
WHO, SELECTED, QUERY, LANG, FOCUS = (ids.page_id(PAGE, n) for n in ("who-store", "selected", "query", "lang", "focus"))
PAIR_STORE, MORE, SHOWN = ids.page_id(PAGE, "pair"), ids.page_id(PAGE, "more"), ids.page_id(PAGE, "shown")
URL_SINK, FOCUS_SINK = ids.page_id(PAGE, "url-sink"), ids.page_id(PAGE, "focus-sink")


def hidden_unless(shown, classes: str) -> str:
    """``classes`` plus ``is-hidden`` (the ``hidden`` attribute loses against the .control / .btn display rules)."""
    return classes if shown else f"{classes} is-hidden"


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
    """Everything that depends on the filters: timeline, counts, list, summary, institution filter (text, class),
    the "show more" button (label, class) and how many events the list holds."""
    state = view.state
    rows = view.rows(dataset, lang)
    names = place_names(dataset, lang)
    shown = shown_count(rows, state.event)
    more = more_text(shown, len(rows), lang)
    return (timeline_figure(rows, lang, names), counts_figure(tf.counts_by_year_field(rows), lang),
            event_list(rows, shown, lang, state.event, names, DETAIL),
            summary_text(len(rows), len(view.events(dataset)), lang),
            who_text(dataset, state.who, lang), hidden_unless(state.who, "control"),
            more, hidden_unless(more, "btn show-more"), shown)


def _checklist(component_id: str, legend: str, values, selected, lang: str, kind: str, labels: dict | None = None):
    options = [{"label": (labels or {}).get(v) or label(kind, v, lang), "value": v} for v in values]
    return html.Fieldset([
        html.Legend(legend, className="control-label"),
        dbc.Checklist(id=component_id, options=options, value=list(selected), inline=True, className="check-inline"),
    ], className="control control-wide")


def _year(component_id: str, text: str, value) -> html.Div:
    return html.Div([html.Label(text, htmlFor=component_id),
                     dcc.Input(id=component_id, value=value, type="number", min=tf.YEAR_MIN, max=tf.YEAR_MAX, step=1,
                               debounce=True, className="year-input")], className="control control-narrow")


def filters(view: TimelineView, lang: str, dataset) -> html.Section:
    state = view.state
    return html.Section([
        html.H2(t("timeline.filters", lang)),
        _checklist(FIELD, t("timeline.filter_field", lang), FIELDS, state.field, lang, "field"),
        _checklist(KIND, t("timeline.filter_kind", lang), KINDS, state.kind, lang, "kind"),
        _checklist(PLACE, t("timeline.filter_place", lang), places(view.pair), state.place, lang, "place",
                   place_names(dataset, lang)),
        _checklist(STATUS, t("timeline.filter_status", lang), STATUSES, state.status, lang, "status"),
        html.Div([html.Label(t("timeline.filter_search", lang), htmlFor=SEARCH),
                  dcc.Input(id=SEARCH, type="search", value=state.q, debounce=0.4, maxLength=tf.MAX_QUERY_TEXT,
                            placeholder=t("timeline.search_placeholder", lang), autoComplete="off",
                            className="timeline-search")], className="control"),
        _year(YEAR_FROM, t("timeline.year_from", lang), state.year_from),
        _year(YEAR_TO, t("timeline.year_to", lang), state.year_to),
        html.Div([html.Span(who_text(dataset, state.who, lang), id=WHO_TEXT, className="who-text"), " ",
                  html.Button(t("timeline.remove_who", lang), id=WHO_REMOVE, type="button", className="btn")],
                 id=WHO_BOX, className=hidden_unless(state.who, "control"), role="group"),
        html.Div(html.Button(t("timeline.reset", lang), id=RESET, type="button", className="btn"),
                 className="control control-narrow"),
        html.P(t("timeline.filter_hint", lang), className="chart-note"),
    ], className="controls timeline-filters", **{"aria-label": t("timeline.filters", lang)})


def _section(title_key: str, name: str, lang: str, children: list, class_name: str, **attrs) -> html.Section:
    title = ids.page_id(PAGE, f"{name}-title")
    return html.Section([html.H2(t(title_key, lang), id=title), *children], className=class_name,
                        **{"aria-labelledby": title}, **attrs)


def layout(lang: str = "en", **query):
    lang = normalise_language(lang)
    dataset = current()
    view = TimelineView.from_query(dataset, query)
    state = view.state
    figure, counts, listing, summary, _who, _who_class, more, more_class, shown = results(dataset, view, lang)
    focus = {"target": DETAIL} if state.event else ({"target": RESULTS} if state.who else {})
    chart = _section("timeline.chart_title", "chart", lang, [
        html.P(t("timeline.chart_help", lang), className="chart-note"),
        dcc.Graph(id=GRAPH, figure=figure, config=graph_config(lang, "timeline"), className="chart timeline-chart"),
    ], "chart-card")
    listing_section = _section("timeline.list_title", "list", lang, [
        html.P(t("timeline.list_help", lang), className="chart-note"),
        html.Div([html.Div(listing, id=LIST),
                  html.Button(more, id=MORE, type="button", className=more_class, **{"aria-controls": LIST})],
                 className="event-scroll"),
    ], "timeline-list")
    detail = html.Section([
        html.Div(html.Button(t("timeline.close", lang), id=CLOSE, type="button",
                             className=hidden_unless(state.event, "btn")), className="detail-close"),
        html.Div(event_detail(dataset, state.event, lang, view.pair), id=DETAIL_BODY),
    ], id=DETAIL, tabIndex="-1", className="timeline-detail kpi-row", **{"aria-labelledby": HEADING})
    content = [
        html.H1(t("timeline.title", lang)),
        html.P(t("timeline.lead", lang, **view.pair.names(lang)), className="lead"),
        filters(view, lang, dataset),
        html.Div([
            html.P(summary, id=SUMMARY, role="status", className="timeline-summary", **{"aria-live": "polite"}),
            chart,
            html.Div([listing_section, detail], className="timeline-grid"),
        ], id=RESULTS, tabIndex="-1", className="timeline-results"),
        _section("timeline.counts_title", "counts", lang, [
            dcc.Graph(id=COUNTS, figure=counts, config={**graph_config(lang, "timeline-counts"),
                                                        "modeBarButtons": [["toImage"]]},
                      className="chart timeline-counts-chart"),
        ], "chart-card"),
        timeline_fields.fields_section(dataset, view.pair, lang),
        dcc.Store(id=WHO, data=state.who or ""), dcc.Store(id=SELECTED, data=state.event or ""),
        dcc.Store(id=QUERY, data=view.to_query()), dcc.Store(id=LANG, data=lang), dcc.Store(id=FOCUS, data=focus),
        dcc.Store(id=PAIR_STORE, data=view.pair.id), dcc.Store(id=SHOWN, data=shown),
        html.Div(id=URL_SINK, hidden=True), html.Div(id=FOCUS_SINK, hidden=True),
    ]
    return shell.page(lang, PAGE, content, dataset, view)


# --- callbacks (thin) --------------------------------------------------------------------------------------

FILTERS = [Input(FIELD, "value"), Input(PLACE, "value"), Input(KIND, "value"), Input(STATUS, "value"),
           Input(SEARCH, "value"), Input(YEAR_FROM, "value"), Input(YEAR_TO, "value"), Input(WHO, "data")]


def _view(dataset, pair_id, field, place, kind, status, q, year_from, year_to, who, event=None) -> TimelineView:
    pair = TimelineView.pair_from(dataset, {"pair": pair_id})
    state = tf.make_state(field=field, place=place, kind=kind, status=status, q=q, year_from=year_from,
                          year_to=year_to, who=who or None, event=event or None,
                          event_ids=set(pair_events(dataset, pair)["id"]),
                          stakeholder_ids=set(dataset.stakeholders["id"]), places=places(pair))
    return TimelineView(pair=pair, state=state)


@callback(Output(GRAPH, "figure"), Output(COUNTS, "figure"), Output(LIST, "children"), Output(SUMMARY, "children"),
          Output(WHO_TEXT, "children"), Output(WHO_BOX, "className"), Output(MORE, "children"),
          Output(MORE, "className"), Output(SHOWN, "data"),
          *FILTERS, State(SELECTED, "data"), State(LANG, "data"), State(PAIR_STORE, "data"), prevent_initial_call=True)
def update_results(field, place, kind, status, q, year_from, year_to, who, selected, lang, pair_id=None):
    dataset = current()
    view = _view(dataset, pair_id, field, place, kind, status, q, year_from, year_to, who, selected)
    return results(dataset, view, normalise_language(lang))


@callback(Output(LIST, "children", allow_duplicate=True), Output(SHOWN, "data", allow_duplicate=True),
          Output(MORE, "children", allow_duplicate=True), Output(MORE, "className", allow_duplicate=True),
          Input(MORE, "n_clicks"), *(State(i.component_id, i.component_property) for i in FILTERS),
          State(SELECTED, "data"), State(SHOWN, "data"), State(LANG, "data"), State(PAIR_STORE, "data"),
          prevent_initial_call=True)
def show_more(_clicks, field, place, kind, status, q, year_from, year_to, who, selected, shown, lang, pair_id=None):
    """The next page of events, appended to the list (the items already there are left alone)."""
    dataset, lang = current(), normalise_language(lang)
    view = _view(dataset, pair_id, field, place, kind, status, q, year_from, year_to, who, selected)
    rows, shown = view.rows(dataset, lang), int(shown or 0)
    upto = min(len(rows), shown + LIST_PAGE)
    if upto <= shown:
        return no_update, no_update, "", hidden_unless(False, "btn show-more")
    listing = Patch()
    listing["props"]["children"].extend(event_items(rows.iloc[shown:upto], lang, view.state.event,
                                                    place_names(dataset, lang), DETAIL))
    more = more_text(upto, len(rows), lang)
    return listing, upto, more, hidden_unless(more, "btn show-more")


@callback(Output(SELECTED, "data"), Input(GRAPH, "clickData"), Input({"type": EVENT_ITEM, "index": ALL}, "n_clicks"),
          Input(CLOSE, "n_clicks"), prevent_initial_call=True)
def select_event(click, _clicks, _close):
    trigger, known = ctx.triggered_id, set(current().events["id"])
    if trigger == CLOSE:
        return ""
    if trigger == GRAPH:
        points = (click or {}).get("points") or [{}]
        return tf.clean_id(points[0].get("customdata"), known) or no_update
    if isinstance(trigger, dict) and ctx.triggered and ctx.triggered[0].get("value"):
        return tf.clean_id(trigger.get("index"), known) or no_update
    return no_update


@callback(Output(DETAIL_BODY, "children"), Output(CLOSE, "className"),
          Output({"type": EVENT_ITEM, "index": ALL}, "className"), Output(FOCUS, "data"),
          Input(SELECTED, "data"), State({"type": EVENT_ITEM, "index": ALL}, "id"), State(LANG, "data"),
          prevent_initial_call=True)
def show_event(selected, items, lang):
    lang = normalise_language(lang)
    classes = [item_class(bool(selected) and i["index"] == selected) for i in items]
    focus = {"target": DETAIL, "at": time.time_ns()} if selected else no_update
    return event_detail(current(), selected or None, lang), hidden_unless(selected, "btn"), classes, focus


@callback(Output({"type": timeline_fields.BODY, "index": MATCH}, "children"),
          Input({"type": timeline_fields.SUMMARY, "index": MATCH}, "n_clicks"), State(LANG, "data"),
          State(PAIR_STORE, "data"), prevent_initial_call=True)
def open_field(clicks, lang, pair_id=None):
    """A field's block, the first time it is opened."""
    if clicks != 1:
        return no_update
    dataset = current()
    pair = TimelineView.pair_from(dataset, {"pair": pair_id})
    return timeline_fields.field_body(dataset, pair, normalise_language(lang), ctx.triggered_id["index"])


@callback(Output(QUERY, "data"), *FILTERS, Input(SELECTED, "data"), State(PAIR_STORE, "data"),
          prevent_initial_call=True)
def url_query(field, place, kind, status, q, year_from, year_to, who, selected, pair_id=None):
    return _view(current(), pair_id, field, place, kind, status, q, year_from, year_to, who, selected).to_query()


@callback(Output(FIELD, "value"), Output(PLACE, "value"), Output(KIND, "value"), Output(STATUS, "value"),
          Output(SEARCH, "value"), Output(YEAR_FROM, "value"), Output(YEAR_TO, "value"), Output(WHO, "data"),
          Input(RESET, "n_clicks"), Input(WHO_REMOVE, "n_clicks"), prevent_initial_call=True)
def reset_filters(_reset, _remove):
    if ctx.triggered_id == WHO_REMOVE:
        return (no_update,) * 7 + ("",)
    return [], [], [], [], "", None, None, ""


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
