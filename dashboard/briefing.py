"""Slides of a deck, for the presenter and the offline briefing pack (standalone HTML and PDF).

One builder, :func:`build`, turns a slide of a deck into its content by calling the pages' view models
functions (KPI rows of the overview, the figure functions of people/economy/energy, the maps, the
timeline) — nothing is computed twice. :func:`slide_section` lays the content out as Dash components;
the presenter shows them as they are, the export serialises the same tree to HTML (:func:`to_html`):

* standalone HTML: plotly.js inline once, every figure interactive, no request to any server;
* PDF: figures drawn by kaleido (one Chromium for all of them) as SVG, pages laid out by Chromium's
  print-to-PDF through Playwright; every page names its sources and reference dates.
"""
from __future__ import annotations

import base64
import copy
import html as htmlmod
import json
import logging
import os
import queue
import re
import shutil
import threading
import time
import uuid
import zipfile
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import segno
from dash import dcc, html
from dash.development.base_component import Component

from dashboard import decks, query
from dashboard.job_store import jobs_dir
from dashboard.decks import Deck, Slide
from dashboard.i18n import normalise_language, t
from dashboard.i18n import format as fmt

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
PROJECTOR_FONT = 20          # px, charts on a projector (1920 px wide)
PRINT_FONT = 15              # px, charts in the PDF (pages of 1280 × 720 px)
PRINT_CHART = (920, 500)     # px, the chart area of a PDF page
FORMATS = ("html", "pdf")
GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False, "scrollZoom": False}

Progress = Callable[[str, int, int], None]


# --- the content of one slide -------------------------------------------------------------------------------

@dataclass
class Content:
    """What one slide shows, in one language; built from a page's pure functions."""

    deck: Deck
    slide: Slide
    lang: str
    kind: str                                    # "title" | "cards" | "chart"
    title: str
    heading: str = ""                            # the chart's own title on its page
    figure: go.Figure | None = None
    config: dict = field(default_factory=dict)
    label: str = ""                              # accessible name of the figure
    body: list = field(default_factory=list)     # Dash components: cards, facts, captions
    notes: list = field(default_factory=list)    # chart notes (comparability, rates …)
    sources: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    live_path: str = ""
    pair: object = None                          # the pair shown (dashboard.views.pair.Pair)

    @property
    def number(self) -> int:
        return self.slide.number

    @property
    def total(self) -> int:
        return len(self.deck)


def build(deck: Deck, slide: Slide, lang: str, dataset, pair: str | None = None) -> Content:
    """The content of ``slide`` in ``lang``: the real view of its page (through the page's view model, for the
    deck's pair — or ``pair`` when given, e.g. from the presenter's URL), with its sources and dates."""
    from dashboard.views.pair import resolve

    lang = normalise_language(lang)
    chosen = resolve(dataset, pair or deck.pair or None)
    content = Content(deck=deck, slide=slide, lang=lang, kind="chart", title=slide.title(lang),
                      live_path=slide.view.live_path(lang, chosen.query_value()), pair=chosen)
    params = {**slide.view.params, "pair": chosen.id}
    BUILDERS[slide.view.page](content, params, dataset)
    content.sources = list(dict.fromkeys(s for s in content.sources if s))
    content.dates = list(dict.fromkeys(d for d in content.dates if d))
    return content


def _title(c: Content, _q: dict, dataset) -> None:
    from dashboard.components.glance import strip, twin_thumbnail

    c.kind = "title"
    c.body = [strip(dataset, c.pair, c.lang, links=False), twin_thumbnail(dataset, c.pair, c.lang)]
    c.sources = [t("present.sources_all", c.lang, n=fmt.number(len(dataset.sources), c.lang))]
    c.dates = [dataset_date(dataset, c.lang)]


def _overview(c: Content, q: dict, dataset) -> None:
    from dashboard.components.kpi_rows import rows
    from dashboard.views.overview import OverviewView

    c.kind = "cards"
    view = OverviewView.from_query(dataset, {"indicator": "population,area,density", **q}, c.lang)
    by_id = {getattr(r, "data-indicator", None): r for r in rows(dataset, view, c.lang)}
    c.body = [html.Div([by_id[i] for i in view.indicators if i in by_id], className="kpi-grid present-kpis")]
    c.sources, c.dates = tree_provenance(c.body, c.lang)


def _people(c: Content, q: dict, dataset) -> None:
    from dashboard.views.people import PeopleView

    view = PeopleView.from_query(dataset, q)
    if c.slide.view.chart == "density":
        c.heading = t("people.density_title", c.lang)
        c.figure = view.density_figure(dataset, c.lang)
        rows = view.rows(dataset, "density")
        c.notes = [t("people.density_note", c.lang)]
    else:
        c.heading = t("people.population_title", c.lang)
        c.figure = view.population_figure(dataset, c.lang)
        rows = view.rows(dataset, "population", indexed=False)
        c.notes = [view.note(dataset, "population", c.lang), t("people.gap_note", c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _economy(c: Content, q: dict, dataset) -> None:
    from dashboard.views.economy import EconomyView

    view = EconomyView.from_query(dataset, q)
    rows = view.gdp_rows(dataset)
    c.heading = t("economy.gdp_title", c.lang)
    c.figure = view.gdp_figure(dataset, c.lang)
    c.notes = [view.rates_text(dataset, c.lang), view.gdp_note(dataset, c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _energy(c: Content, q: dict, dataset) -> None:
    from dashboard.views.energy import EnergyView

    view = EnergyView.from_query(dataset, q)
    if c.slide.view.chart == "capacity":
        c.heading = t("energy.capacity_title", c.lang)
        rows = view.capacity_rows(dataset)
        c.figure = view.capacity_figure(dataset, c.lang)
        c.notes = [t("energy.capacity_note", c.lang)]
    else:
        c.heading = t("energy.shares_title", c.lang)
        c.figure = view.shares_figure(dataset, c.lang)
        rows = view.share_rows(dataset)
        c.notes = [t("energy.shares_note", c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _maps(c: Content, q: dict, dataset) -> None:
    from dashboard.components import map_cards
    from dashboard.views.maps import MapsView

    view = MapsView.from_query(dataset, q)
    a, b = view.rows()
    names = view.pair.names(c.lang)
    chart = c.slide.view.chart
    layers, extra = [a["id"], b["id"]], []
    if chart == "location" and not view.has_coordinates():
        c.kind = "cards"
        c.body = [map_cards.no_coordinates(view, c.lang)]
    elif chart != "location" and not view.has_boundaries(dataset):
        c.kind = "cards"
        c.body = [map_cards.missing_message(c.lang, view, dataset)]
    elif chart == "twin":
        c.heading = t("maps.twin.heading", c.lang)
        c.figure = view.twin_figure(dataset, c.lang)
        c.label = t("maps.twin.graph_label", c.lang, **names)
        c.body = [map_cards.city_cards(dataset, view, c.lang)]
        districts = view.district_layer(dataset)
        layers += [f"{districts[0]['id']}_districts"] if districts and view.districts else []
    elif chart == "overlay":
        moving, base = view.moving_base()
        c.heading = t("maps.overlay.heading", c.lang)
        c.figure = view.overlay_figure(dataset, c.lang)
        c.label = t("maps.overlay.graph_label", c.lang, moving=moving[f"name_{c.lang}"], base=base[f"name_{c.lang}"])
        c.body = [html.P(map_cards.ratio_sentence(dataset, view, c.lang), className="kpi-ratio")]
        c.notes = [map_cards.overlay_caption(view, c.lang)]
    else:
        c.heading = t("maps.location.heading", c.lang, **names)
        c.figure = view.location_figure(dataset, c.lang)
        c.label = t("maps.location.graph_label", c.lang, **names)
        c.body = [map_cards.location_facts(view, c.lang, date.today())]
        layers = view.context_layers(dataset) + view.land_layers(dataset)
        extra = [t("maps.attribution.positions", c.lang)]
    meta = dataset.boundary_meta.get("layers", {})
    c.body.append(map_cards.attribution(dataset, layers, c.lang, extra))
    c.sources = [meta[name]["publisher"] for name in layers if name in meta] + extra
    c.dates = [dataset_date(dataset, c.lang)]


def _timeline(c: Content, q: dict, dataset) -> None:
    from dashboard.figures.milestone_labels import label_milestones
    from dashboard.figures.timeline import graph_config, timeline_figure
    from dashboard.views.timeline import TimelineView
    from etl.schema import FIELDS

    view = TimelineView.from_query(dataset, q)
    state = view.state
    rows = view.rows(dataset, c.lang)
    c.heading = t("timeline.chart_title", c.lang)
    c.figure = timeline_figure(rows, c.lang, dict(zip(dataset.places["id"], dataset.places[f"name_{c.lang}"])))
    key = label_milestones(c.figure, rows, c.lang)   # on a projector nobody hovers: milestones say what and when
    c.config = {k: v for k, v in graph_config(c.lang, f"timeline-{c.slide.id}").items() if k.startswith("locale")}
    if len(state.field) == 1 and not rows.empty:  # one field: show its lane only
        lane = FIELDS.index(state.field[0])
        c.figure.update_yaxes(range=[lane + 0.499, lane - 0.5])  # not the next lane's label
    total = len(view.events(dataset))
    c.body = [html.P(t("timeline.summary", c.lang, shown=fmt.number(len(rows), c.lang),
                       total=fmt.number(total, c.lang)), className="kpi-ratio")]
    if key:
        c.body.append(html.Ol([html.Li([html.Strong(when), " ", title]) for when, title in key],
                              className="milestone-key"))
    source = dataset.source("seed_documents")
    c.sources = [source.get("publisher", "seed_documents")]
    if not rows.empty:
        c.dates = [t("present.events_range", c.lang, range=fmt.date_range(
            rows["start"].min(), rows["start"].max(), c.lang, "day"))]
    if source.get("accessed"):
        c.dates.append(t("present.accessed", c.lang, date=fmt.day(source["accessed"], c.lang)))


BUILDERS = {"title": _title, "overview": _overview, "people": _people, "economy": _economy, "energy": _energy,
            "maps": _maps, "timeline": _timeline}


# --- provenance ---------------------------------------------------------------------------------------------

def dataset_date(dataset, lang: str) -> str:
    created = datetime.fromisoformat(dataset.manifest["created"])
    return t("present.dataset", lang, version=dataset.version, date=fmt.day(created, lang))


def fact_provenance(rows: pd.DataFrame, dataset, lang: str) -> tuple[list[str], list[str]]:
    """Publishers of the facts shown, and the latest reference period per place."""
    if rows is None or rows.empty:
        return [], []
    inputs = rows["inputs"] if "inputs" in rows else rows["source_id"]
    ids = dict.fromkeys(s for v in inputs.fillna("") for s in str(v).split(";") if s)
    sources = [dataset.source(s).get("publisher", s) for s in ids]
    names = dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))
    dates = []
    for area, group in rows.groupby("area_id", sort=False):
        r = group.sort_values("ref_date").iloc[-1]
        dates.append(t("present.date_place", lang, place=names.get(area, area),
                       date=fmt.period(r["period"], r["period_kind"], r["ref_date"], lang)))
    return sources, dates


def _classes(node) -> list[str]:
    return (getattr(node, "className", None) or "").split()


def _walk(node):
    if isinstance(node, (list, tuple)):
        for n in node:
            yield from _walk(n)
    elif isinstance(node, Component):
        yield node
        yield from _walk(getattr(node, "children", None))


def _text(node) -> str:
    if node is None:
        return ""
    if isinstance(node, (str, int, float)):
        return str(node)
    if isinstance(node, (list, tuple)):
        return "".join(_text(n) for n in node)
    return _text(getattr(node, "children", None))


def tree_provenance(tree, lang: str) -> tuple[list[str], list[str]]:
    """Sources and dates as the KPI cards show them (the overview's own source notes)."""
    sources, dates = [], []
    for card in (n for n in _walk(tree) if "kpi-card" in _classes(n)):
        city = next((_text(n) for n in _walk(card) if "kpi-city" in _classes(n)), "")
        for note in (n for n in _walk(card) if "source-note" in _classes(n)):
            sources += [_text(n) for n in _walk(note) if "source-link" in _classes(n)]
            first = next((n for n in _walk(note) if isinstance(n, html.Span)), None)
            if first is not None and _text(first):
                dates.append(t("present.date_place", lang, place=city, date=_text(first)) if city else _text(first))
    return list(dict.fromkeys(sources)), list(dict.fromkeys(dates))


# --- layout (Dash components, shared by the presenter and the export) ---------------------------------------

def projector(fig, size: int = PROJECTOR_FONT) -> dict:
    """The page's figure as a dict with projector-sized type (the page's figure objects stay untouched;
    a dict, because building a ``go.Figure`` again would validate every point of a map once more)."""
    out = fig.to_dict() if isinstance(fig, go.Figure) else copy.deepcopy(fig)
    layout = out.setdefault("layout", {})
    layout["font"] = {**layout.get("font", {}), "size": size}
    layout["hoverlabel"] = {**layout.get("hoverlabel", {}), "font": {"size": size}}
    layout["autosize"] = True
    if (layout.get("height") or 1000) < 300:
        layout.pop("height")
    return out


def short_url(url: str) -> str:
    """``https://host/en/overview`` → ``host/en/overview`` (what people type)."""
    return re.sub(r"^[a-z]+://", "", url).rstrip("/")


def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an inline SVG data URI (segno; no service involved)."""
    return segno.make(url, error="m").svg_data_uri(scale=8, border=2, dark="#000000", light="#ffffff")


def qr_block(url: str, lang: str, class_name: str = "present-qr-block") -> html.Div:
    return html.Div([
        html.Img(src=qr_data_uri(url), alt=t("present.qr_alt", lang, url=short_url(url)), className="present-qr-img"),
        html.Div([html.P(t("present.follow_live", lang, url=short_url(url)), className="present-short-url"),
                  html.P(t("present.qr_caption", lang), className="present-qr-caption")], className="present-qr-text"),
    ], className=class_name)


def provenance_line(c: Content, dataset) -> html.P:
    parts = [html.Span([html.Strong(t("present.sources_label", c.lang)), " ",
                        t("common.list_separator", c.lang).join(c.sources) or t("common.no_source", c.lang)],
                       className="prov-sources"),
             html.Span([html.Strong(t("present.dates_label", c.lang)), " ",
                        " · ".join(c.dates) or t("common.no_data", c.lang)], className="prov-dates")]
    stamp = dataset_date(dataset, c.lang)
    if stamp not in c.dates:
        parts.append(html.Span(stamp, className="prov-dataset"))
    return html.P(parts, className="present-provenance")


def slide_section(c: Content, dataset, *, graph: Component | None = None, live_url: str = "",
                  show_qr: bool = True) -> html.Section:
    """One slide as Dash components. ``graph`` is the chart's component (a ``dcc.Graph`` in the presenter)."""
    lang = c.lang
    head = html.Header([
        html.H1(c.title, className="slide-title", id=f"slide-{c.number}-title"),
        html.P(t("present.counter", lang, n=fmt.number(c.number, lang), total=fmt.number(c.total, lang)),
               className="slide-counter"),
    ], className="slide-head")
    if c.kind == "title":
        a, b = c.pair.places
        cities = html.P([html.Span(a.both_scripts(lang), className="city city-a", style={"color": a.text_colour}),
                         html.Span(" ⇄ ", className="twin-arrow", **{"aria-hidden": "true"}),
                         html.Span(b.both_scripts(lang), className="city city-b", style={"color": b.text_colour})],
                        className="title-cities")
        body = [html.Div([cities, html.P(c.deck.subtitle(lang), className="title-subtitle"), *c.body],
                         className="title-text"),
                qr_block(live_url, lang) if (show_qr and live_url) else None]
        head = html.Header(html.P(t("present.counter", lang, n=fmt.number(c.number, lang),
                                    total=fmt.number(c.total, lang)), className="slide-counter"),
                           className="slide-head slide-head-title")
        body.insert(0, html.H1(c.title, className="slide-title title-main", id=f"slide-{c.number}-title"))
        body = html.Div(body, className="slide-body title-body")
    elif c.kind == "cards":
        body = html.Div(c.body, className="slide-body cards-body")
    else:
        figure = html.Div(graph, className="slide-figure", role="figure",
                          **{"aria-label": c.label or c.heading or c.title})
        side = [html.H2(c.heading, className="slide-heading")] if c.heading and c.heading != c.title else []
        side += c.body + [html.P(n, className="chart-note") for n in c.notes if n]
        body = html.Div([figure, html.Div(side, className="slide-side")], className="slide-body chart-body")
    return html.Section([head, body, html.Footer(provenance_line(c, dataset), className="slide-foot")],
                        className=f"slide slide-kind-{c.kind}", id=f"slide-{c.number}",
                        **{"data-slide": str(c.number), "data-page": c.slide.view.page,
                           "aria-labelledby": f"slide-{c.number}-title"})


# --- Dash components → static HTML --------------------------------------------------------------------------

VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr"}
ATTRS = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex", "colSpan": "colspan",
         "rowSpan": "rowspan", "hrefLang": "hreflang", "readOnly": "readonly"}
SKIP = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key", "loading_state", "setProps"}


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"-\1", name).lower()


def _css(style: dict) -> str:
    return ";".join(f"{_kebab(k)}:{v}" for k, v in style.items())


def to_html(node, *, graph: Callable[[Component], str] | None = None,
            href: Callable[[str], str | None] | None = None) -> str:
    """A Dash component tree as HTML. ``graph(component)`` renders a ``dcc.Graph``; ``href(url)`` rewrites
    links (``None`` drops the link). Other dcc components (stores, downloads …) are left out."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, (str, int, float)):
        return htmlmod.escape(str(node), quote=False)
    if isinstance(node, (list, tuple)):
        return "".join(to_html(n, graph=graph, href=href) for n in node)
    if not isinstance(node, Component):
        return ""
    kids = getattr(node, "children", None)
    namespace, kind = node._namespace, node._type
    if namespace == "dash_core_components":
        if kind == "Graph":
            return graph(node) if graph else ""
        if kind == "Loading":
            return to_html(kids, graph=graph, href=href)
        if kind != "Link":
            return ""
        tag = "a"
    elif namespace == "dash_html_components":
        tag = kind.lower()
    else:
        return to_html(kids, graph=graph, href=href)
    attrs = []
    for key, value in node.to_plotly_json()["props"].items():
        if key in SKIP or value is None or value is False:
            continue
        if key == "id" and not isinstance(value, str):
            continue
        if key == "href" and href is not None:
            value = href(str(value))
            if value is None:
                continue
        if key == "style" and isinstance(value, dict):
            value = _css(value)
        name = ATTRS.get(key, key)
        attrs.append(f" {name}" if value is True else f' {name}="{htmlmod.escape(str(value), quote=True)}"')
    opening = f"<{tag}{''.join(attrs)}>"
    if tag in VOID:
        return opening
    return f"{opening}{to_html(kids, graph=graph, href=href)}</{tag}>"


# --- images of the figures: one kaleido (one Chromium) for many ---------------------------------------------

_kaleido_lock = threading.RLock()
_kaleido_users = 0


@contextmanager
def kaleido_session():
    """Keep one kaleido server (one Chromium) for every image drawn inside; nests, stops at the outermost exit."""
    global _kaleido_users
    import kaleido

    with _kaleido_lock:
        if _kaleido_users == 0 and not kaleido._global_server.is_running():
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            started = True
            # Chromium starts and compiles plotly.js on the first image: let that happen while slides are built.
            threading.Thread(target=svg_image, args=({"data": [], "layout": {}}, 20, 20), daemon=True,
                             name="kaleido-warm-up").start()
        else:
            started = False
        _kaleido_users += 1
    try:
        yield
    finally:
        with _kaleido_lock:
            _kaleido_users -= 1
            if _kaleido_users == 0 and started:
                kaleido.stop_sync_server(silence_warnings=True)


def svg_image(fig, width: int, height: int) -> bytes:
    import kaleido

    with _kaleido_lock:
        return kaleido.calc_fig_sync(fig, opts={"format": "svg", "width": width, "height": height})


# --- rendering the whole deck -------------------------------------------------------------------------------

def _read_asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _href_rewriter(base_url: str | None):
    base = (base_url or "").rstrip("/")

    def rewrite(url: str) -> str | None:
        if url.startswith(("http://", "https://", "mailto:")):
            return url
        if url.startswith("/") and base:
            return base + url
        return None

    return rewrite


def _head(lang: str, title: str, css: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{htmlmod.escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n")


def contents(deck: Deck, lang: str, dataset, on_progress: Progress | None = None) -> list[Content]:
    out = []
    for slide in deck.slides:
        if on_progress:
            on_progress(t("present.progress_slide", lang, n=slide.number, total=len(deck)), slide.number, len(deck))
        out.append(build(deck, slide, lang, dataset))
    return out


def render_html(deck: Deck, lang: str, dataset, items: list[Content], base_url: str | None = None) -> str:
    """One standalone HTML file: all slides, keyboard control, plotly.js inline once, no external request."""
    lang = normalise_language(lang)
    first = [True]

    def graph(component) -> str:
        include = first[0]
        first[0] = False
        return pio.to_html(component.figure, full_html=False, include_plotlyjs=include, include_mathjax=False,
                           config=component.config, default_width="100%", default_height="100%",
                           div_id=component.id, validate=False)

    live = (base_url or "").rstrip("/")
    slides = []
    for c in items:
        graph_component = (dcc.Graph(id=f"chart-{c.number}", figure=projector(c.figure),
                                     config={**GRAPH_CONFIG, **c.config}) if c.figure is not None else None)
        section = slide_section(c, dataset, graph=graph_component, live_url=live + c.live_path if live else "")
        if c.number == 1:
            section.className += " current"
        notes = c.slide.notes_text(lang)
        section.children.append(html.Aside([html.H2(t("present.notes_title", lang)),
                                            html.P(notes or t("present.notes_empty", lang))],
                                           className="present-notes"))
        slides.append(to_html(section, graph=graph, href=_href_rewriter(base_url)))
    title = t("present.export.doc_title", lang, title=deck.title(lang))
    bar = to_html(html.Nav([
        html.Button(t("present.symbol_previous", lang), type="button", className="present-btn", title=t("present.previous", lang),
                    **{"data-present-go": "prev", "aria-label": t("present.previous", lang)}),
        html.Span(t("present.counter", lang, n=1, total=len(items)), className="present-counter",
                  **{"data-present-counter": "", "aria-live": "polite"}),
        html.Button(t("present.symbol_next", lang), type="button", className="present-btn", title=t("present.next", lang),
                    **{"data-present-go": "next", "aria-label": t("present.next", lang)}),
        html.Button(t("present.notes_button", lang), type="button", className="present-btn",
                    **{"data-present-toggle": "notes"}),
        html.Span(t("present.export.offline_note", lang, date=fmt.day(date.today(), lang)), className="present-help"),
    ], className="present-bar present-bar-static", **{"aria-label": t("present.nav_label", lang)}))
    counter_template = htmlmod.escape(t("present.counter", lang, n="{n}", total="{total}"), quote=True)
    css = _read_asset("present.css")
    return (_head(lang, title, css)
            + f'<body class="present-static-body">\n<div class="present present-static" id="present-root" '
              f'data-mode="static" data-count="{len(items)}" data-index="1" data-counter="{counter_template}">\n'
            + '<main class="present-stage">\n' + "\n".join(slides) + "\n</main>\n" + bar + "\n</div>\n"
            + f"<script>\n{_read_asset('present.js')}\n</script>\n</body>\n</html>\n")


def render_print_html(deck: Deck, lang: str, dataset, items: list[Content], base_url: str | None = None,
                      on_progress: Progress | None = None) -> str:
    """The pages of the PDF as one HTML document: figures as SVG images drawn by kaleido."""
    lang = normalise_language(lang)
    charts = [c for c in items if c.figure is not None]
    images: dict[int, str] = {}
    with kaleido_session():
        for i, c in enumerate(charts, start=1):
            if on_progress:
                on_progress(t("present.progress_images", lang, n=i, total=len(charts)), i, len(charts))
            fig = projector(c.figure, PRINT_FONT)
            fig["layout"].update(width=PRINT_CHART[0], height=PRINT_CHART[1])
            if fig["layout"].get("xaxis", {}).get("rangeslider", {}).get("visible"):
                fig["layout"]["xaxis"]["rangeslider"]["visible"] = False  # a static page cannot slide
            svg = svg_image(fig, *PRINT_CHART)
            images[c.number] = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")

    def graph(component) -> str:
        number = int(component.id.split("-")[1])
        alt = htmlmod.escape(component.className or "", quote=True)
        return f'<img class="slide-chart" src="{images[number]}" alt="{alt}">'

    live = (base_url or "").rstrip("/")
    pages = []
    for c in items:
        graph_component = (dcc.Graph(id=f"chart-{c.number}", className=c.label or c.heading or c.title)
                           if c.figure is not None else None)
        section = slide_section(c, dataset, graph=graph_component, live_url=live + c.live_path if live else "")
        pages.append(to_html(section, graph=graph, href=_href_rewriter(base_url)))
    title = t("present.export.doc_title", lang, title=deck.title(lang))
    return (_head(lang, title, _read_asset("present.css"))
            + '<body class="present-print-body">\n<div class="present present-print">\n'
            + "\n".join(pages) + "\n</div>\n</body>\n</html>\n")


class PdfPrinter:
    """Chromium's print-to-PDF through Playwright (system Chromium); nothing may leave the machine.

    The browser starts in its own thread as soon as the printer is made, so that it is ready by the time
    the pages are laid out (and Playwright's sync API never runs inside another one, e.g. a test's)."""

    def __init__(self):
        self._job: queue.Queue = queue.Queue(maxsize=1)
        self._done: Future = Future()
        threading.Thread(target=self._run, daemon=True, name="pdf-printer").start()

    def _run(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 1280, "height": 720})
                    page.route("**/*", lambda route: route.continue_()
                               if route.request.url.startswith(("data:", "about:")) else route.abort())
                    job = self._job.get()
                    if job is None:
                        self._done.set_result(None)
                        return
                    document, out = job
                    page.set_content(document, wait_until="load")
                    page.evaluate("document.fonts.ready")
                    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
                    self._done.set_result(out)
                finally:
                    browser.close()
        except BaseException as exc:  # handed to the caller of print()
            if not self._done.done():
                self._done.set_exception(exc)

    def print(self, document: str, out: Path) -> Path:
        self._job.put((document, out))
        return self._done.result(timeout=300)

    def cancel(self) -> None:
        try:
            self._job.put_nowait(None)
        except queue.Full:
            pass


def html_to_pdf(document: str, out: Path) -> Path:
    return PdfPrinter().print(document, out)


def export(deck: Deck | str | Path | None = None, lang: str = "en", formats: Iterable[str] = FORMATS,
           out_dir: Path | str = ".", dataset=None, base_url: str | None = None,
           on_progress: Progress | None = None) -> dict[str, Path]:
    """Render ``deck`` into ``out_dir``: ``briefing-<deck>-<lang>.html`` and/or ``.pdf``. Returns the paths."""
    from dashboard.data import current

    deck = deck if isinstance(deck, Deck) else decks.load(deck)
    lang = normalise_language(lang)
    formats = [f for f in FORMATS if f in set(formats)]
    dataset = dataset or current()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    printer = PdfPrinter() if "pdf" in formats else None
    try:
        return _export(deck, lang, formats, out_dir, dataset, base_url, on_progress, printer)
    finally:
        if printer is not None:
            printer.cancel()


def _export(deck, lang, formats, out_dir, dataset, base_url, on_progress, printer) -> dict[str, Path]:
    stem = f"briefing-{deck.name}-{lang}"
    items = contents(deck, lang, dataset, on_progress)
    written = {}
    if "html" in formats:
        if on_progress:
            on_progress(t("present.progress_html", lang), 1, 1)
        path = out_dir / f"{stem}.html"
        path.write_text(render_html(deck, lang, dataset, items, base_url), encoding="utf-8")
        written["html"] = path
    if "pdf" in formats:
        document = render_print_html(deck, lang, dataset, items, base_url, on_progress)
        if on_progress:
            on_progress(t("present.progress_pdf", lang), 1, 1)
        path = out_dir / f"{stem}.pdf"
        printer.print(document, path)
        written["pdf"] = path
    return written


def steps(deck: Deck, formats: Iterable[str]) -> int:
    """How many progress steps :func:`export` reports (for a progress bar)."""
    formats = set(formats)
    charts = sum(1 for s in deck.slides if s.view.page not in ("title", "overview"))
    return len(deck) + ("html" in formats) + (charts + 1 if "pdf" in formats else 0)


# --- the button in the presenter: a job in a thread, its progress in a file ---------------------------------

JOB_ID = re.compile(r"^[0-9a-f]{32}$")
JOB_MAX_AGE = 3600
_job_lock = threading.Lock()
_finished: dict[tuple, Path] = {}


def _status_path(job: str) -> Path:
    return jobs_dir() / job / "status.json"


def _write_status(job: str, **status) -> None:
    path = _status_path(job)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(status), encoding="utf-8")
    tmp.replace(path)


def job_status(job) -> dict | None:
    """``{"state": running|done|failed, "done", "total", "step", "file"}`` of a job, or ``None``."""
    if not isinstance(job, str) or not JOB_ID.match(job):
        return None
    try:
        return json.loads(_status_path(job).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _clean_old_jobs() -> None:
    if not jobs_dir().is_dir():
        return
    for folder in jobs_dir().iterdir():
        try:
            if folder.is_dir() and time.time() - folder.stat().st_mtime > JOB_MAX_AGE:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def start_job(deck_name: str, lang: str, base_url: str | None = None, pair: str | None = None) -> str:
    """Start making the briefing pack (zip of HTML + PDF) in a thread; poll :func:`job_status`."""
    _clean_old_jobs()
    job = uuid.uuid4().hex
    (jobs_dir() / job).mkdir(parents=True, exist_ok=True)
    _write_status(job, state="running", done=0, total=1, step=t("present.progress_start", lang), file="")
    threading.Thread(target=_run_job, args=(job, deck_name, lang, base_url) + ((pair,) if pair else ()), daemon=True,
                     name=f"briefing-{job[:8]}").start()
    return job


def _run_job(job: str, deck_name: str, lang: str, base_url: str | None, pair: str | None = None) -> None:
    from dataclasses import replace

    from dashboard.data import current

    try:
        deck = decks.load(deck_name)
        deck = replace(deck, pair=pair) if pair else deck  # the presenter's ?pair= wins over the deck's own
        dataset = current()
        key = (deck.source, deck.pair, lang, dataset.version, base_url, decks.resolve(deck_name).stat().st_mtime)
        total = steps(deck, FORMATS) + 1
        done = [0]

        def progress(step: str, _n: int, _total: int) -> None:
            done[0] += 1
            _write_status(job, state="running", done=min(done[0], total - 1), total=total, step=step, file="")

        with _job_lock:  # one pack at a time per process; the same pack again comes from the cache
            cached = _finished.get(key)
            if cached is None or not cached.exists():
                folder = jobs_dir() / job
                with kaleido_session():
                    written = export(deck, lang, FORMATS, folder, dataset, base_url, progress)
                _write_status(job, state="running", done=total - 1, total=total,
                              step=t("present.progress_zip", lang), file="")
                cached = folder / f"briefing-{deck.name}-{lang}.zip"
                with zipfile.ZipFile(cached, "w", zipfile.ZIP_DEFLATED) as archive:
                    for path in written.values():
                        archive.write(path, path.name)
                _finished[key] = cached
        _write_status(job, state="done", done=total, total=total, step=t("present.progress_done", lang),
                      file=str(cached))
    except Exception:  # the user sees a message; the details go to the log
        log.exception("briefing pack %s failed", job)
        _write_status(job, state="failed", done=0, total=1, step=t("present.progress_failed", lang), file="")
