"""Presenter — a deck of dashboard views, full screen, in a large-type high-contrast projector theme.

``/<lang>/present`` (slide 1), ``/<lang>/present/<n>`` or ``?slide=<n>``; ``?deck=<name>`` picks a deck of
``data/reference/decks``. Every slide is its own URL: ``assets/present.js`` moves between slides with the
keyboard (→ ← Space PageUp PageDown Home End — hand-held clickers send these), changes the URL with
``history.pushState`` and lets Dash's router render the new slide. The slide's content comes from
:mod:`dashboard.briefing`, which calls the pages' own pure functions. The audience link (QR code and
short URL) points at the live dashboard view of the slide: ``TWINCITY_PUBLIC_URL`` sets the address
people can reach (else the address the presenter's browser used).
"""
from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import Input, Output, State, callback, dcc, html, no_update
from flask import has_request_context, request

from dashboard import briefing, decks
from dashboard.components.shell import page_title, unknown_pair_notice
from dashboard.data import current
from dashboard.i18n import normalise_language, t
from dashboard.i18n import format as fmt
from dashboard.settings import settings

ROOT_ID = "present-root"
ANY_PAIR_DECK = "any-pair"
GRAPH, CONF, JOB, POLL = "present-graph", "present-conf", "present-job", "present-poll"
DOWNLOAD_BUTTON, DOWNLOAD = "present-download-button", "present-download"
PROGRESS_BOX, PROGRESS_BAR, PROGRESS_TEXT = "present-progress", "present-progress-bar", "present-progress-text"




def _one(value):
    """Dash passes a repeated query key as a list: take the first."""
    return value[0] if isinstance(value, list) and value else value


def deck_name(value) -> str:
    value = _one(value)
    return value if isinstance(value, str) and value in decks.available() else decks.DEFAULT_DECK


def _deck_for_pair(name: str, deck, q: dict):
    """A deck written for one pair (``pair:``) is not shown over another: when the URL names a different pair
    and no deck, the deck for any pair (``any-pair``) is used."""
    from dashboard.views.pair import resolve

    wanted = _one(q.get("pair"))
    if _one(q.get("deck")) or not wanted or not deck.pair or ANY_PAIR_DECK not in decks.available():
        return name, deck
    pair = resolve(current(), wanted)
    if pair.unknown or pair.id == deck.pair:
        return name, deck
    return ANY_PAIR_DECK, decks.load(ANY_PAIR_DECK)


def slide_number(value, total: int) -> int:
    """1-based, clamped to the deck; anything that is not a number → 1."""
    try:
        n = int(str(_one(value)).strip()[:6])
    except (TypeError, ValueError):
        return 1
    return max(1, min(total, n))


def public_base() -> str:
    """Where the audience reaches the dashboard: ``TWINCITY_PUBLIC_URL``, else the host of this request."""
    configured = settings().public_url.strip()
    if configured.startswith(("http://", "https://")):
        return configured.rstrip("/")
    if has_request_context():
        return request.host_url.rstrip("/")
    return ""


def _button(label: str, title: str, data: dict, named: bool = False) -> html.Button:
    """A bar button; ``named`` for symbols (← →): their name is ``title``, else the visible text is the name."""
    return html.Button(label, type="button", className="present-btn", title=title,
                       **({"aria-label": title} if named else {}), **{f"data-{k}": v for k, v in data.items()})


def controls(lang: str, number: int, total: int) -> html.Nav:
    return html.Nav([
        _button(t("present.symbol_first", lang), t("present.first", lang), {"present-go": "first"}, True),
        _button(t("present.symbol_previous", lang), t("present.previous", lang), {"present-go": "prev"}, True),
        html.Span(t("present.counter", lang, n=fmt.number(number, lang), total=fmt.number(total, lang)),
                  className="present-counter", id="present-counter", **{"aria-live": "polite"}),
        _button(t("present.symbol_next", lang), t("present.next", lang), {"present-go": "next"}, True),
        _button(t("present.symbol_last", lang), t("present.last", lang), {"present-go": "last"}, True),
        html.Span(className="present-bar-gap"),
        _button(t("present.qr_button", lang), t("present.qr_title", lang), {"present-toggle": "qr"}),
        _button(t("present.notes_button", lang), t("present.notes_title", lang), {"present-toggle": "notes"}),
        _button(t("present.fullscreen", lang), t("present.fullscreen", lang), {"present-fullscreen": "1"}),
        html.Button(t("present.download", lang), id=DOWNLOAD_BUTTON, type="button",
                    className="present-btn present-btn-primary", title=t("present.download_hint", lang)),
        html.Div([html.Progress(id=PROGRESS_BAR, max="100", value="0", className="present-progress-bar",
                                **{"aria-label": t("present.progress_label", lang)}),
                  html.Span(id=PROGRESS_TEXT, className="present-progress-text", role="status",
                            **{"aria-live": "polite"})],
                 id=PROGRESS_BOX, className="present-progress", hidden=True),
    ], className="present-bar", **{"aria-label": t("present.nav_label", lang)})


def qr_overlay(live_url: str, lang: str) -> html.Div:
    return html.Div(html.Div([
        html.H2(t("present.qr_title", lang)),
        briefing.qr_block(live_url, lang, "present-qr-block present-qr-large"),
        html.Button(t("present.qr_close", lang), type="button", className="present-btn",
                    **{"data-present-toggle": "qr"}),
    ], className="present-dialog"), className="present-overlay present-qr", role="dialog",
        **{"aria-label": t("present.qr_title", lang)})


def notes_panel(text: str, lang: str) -> html.Aside:
    return html.Aside([html.H2(t("present.notes_title", lang)), html.P(text or t("present.notes_empty", lang))],
                      className="present-notes", id="present-notes")


def error_view(lang: str, message: str) -> html.Div:
    return html.Div(html.Main([html.H1(t("present.deck_error", lang, error=message))], className="present-stage"),
                    className="present present-error", id=ROOT_ID, lang=lang)


def layout(lang: str = "en", slide=None, **q):
    lang = normalise_language(lang)
    name = deck_name(q.get("deck"))
    try:
        deck = decks.load(name)
        name, deck = _deck_for_pair(name, deck, q)
    except decks.DeckError as exc:
        return error_view(lang, str(exc))
    number = slide_number(slide if slide is not None else q.get("slide"), len(deck))
    dataset = current()
    content = briefing.build(deck, deck.slides[number - 1], lang, dataset, pair=_one(q.get("pair")))
    pair = content.pair
    live_url = public_base() + content.live_path
    graph = None
    if content.figure is not None:
        graph = dcc.Graph(id=GRAPH, figure=briefing.projector(content.figure), responsive=True,
                          config={**briefing.GRAPH_CONFIG, **content.config}, className="present-graph",
                          style={"width": "100%", "height": "100%"})
    section = briefing.slide_section(content, dataset, graph=graph, live_url=live_url)
    section.className += " current"
    params = {**({} if name == decks.DEFAULT_DECK else {"deck": name}),
              **({"pair": pair.id} if not pair.unknown and _one(q.get("pair")) else {})}
    query = "?" + urlencode(params) if params else ""
    return html.Div([
        html.Main([unknown_pair_notice(pair, lang), section], className="present-stage", id="present-stage"),
        controls(lang, number, len(deck)),
        html.P(t("present.keys", lang), className="present-help"),
        qr_overlay(live_url, lang),
        notes_panel(content.slide.notes_text(lang), lang),
        dcc.Store(id=CONF, data={"deck": name, "lang": lang, "pair": pair.id}),
        dcc.Store(id=JOB, storage_type="session"),
        dcc.Interval(id=POLL, interval=400, disabled=True),
        dcc.Download(id=DOWNLOAD),
    ], id=ROOT_ID, className=f"present present-live lang-{lang}", lang=lang, style=pair.style(),
        **{"data-mode": "live", "data-index": str(number), "data-count": str(len(deck)),
           "data-base": f"/{lang}/present", "data-query": query, "data-live-url": live_url})


_title = page_title("present.page_title")
dash.register_page(__name__, path_template="/<lang>/present", title=_title, name="present", layout=layout)
dash.register_page(f"{__name__}_slide", path_template="/<lang>/present/<slide>", title=_title,
                   name="present-slide", layout=layout)


# --- the briefing pack: a job in a thread, its progress polled ----------------------------------------------

@callback(Output(JOB, "data"), Input(DOWNLOAD_BUTTON, "n_clicks"), State(CONF, "data"), prevent_initial_call=True)
def start_download(_n, conf):
    conf = conf or {}
    lang = normalise_language(conf.get("lang"))
    pair = conf.get("pair") if isinstance(conf.get("pair"), str) else None
    return {"job": briefing.start_job(deck_name(conf.get("deck")), lang, public_base() or None, pair), "lang": lang}


@callback(Output(PROGRESS_BAR, "value"), Output(PROGRESS_TEXT, "children"), Output(PROGRESS_BOX, "hidden"),
          Output(POLL, "disabled"), Output(DOWNLOAD, "data"), Output(JOB, "data", allow_duplicate=True),
          Input(JOB, "data"), Input(POLL, "n_intervals"), prevent_initial_call="initial_duplicate")
def poll_download(job, _n):
    job = job if isinstance(job, dict) else {}
    lang = normalise_language(job.get("lang"))
    status = briefing.job_status(job.get("job"))
    if status is None:
        return "0", "", True, True, no_update, (None if job else no_update)
    percent = str(round(100 * status.get("done", 0) / max(status.get("total", 1), 1)))
    if status.get("state") == "running":
        return percent, status.get("step", ""), False, False, no_update, no_update
    if status.get("state") == "done" and status.get("file"):
        return "100", t("present.progress_done", lang), False, True, dcc.send_file(status["file"]), None
    return "0", t("present.progress_failed", lang), False, True, no_update, None
