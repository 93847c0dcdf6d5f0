"""One slide as Dash components, shared by the presenter and both export formats."""
from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import segno
from dash import html
from dash.development.base_component import Component

from dashboard.briefing.provenance import dataset_date
from dashboard.i18n import t
from dashboard.i18n import format as fmt

if TYPE_CHECKING:
    from dashboard.briefing.slides import Content

PROJECTOR_FONT = 20          # px, charts on a projector (1920 px wide)
GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False, "scrollZoom": False}


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

