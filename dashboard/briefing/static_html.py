"""The standalone HTML briefing: Dash components serialised to HTML, plotly.js inline once, every figure
interactive, keyboard control, no request to any server."""
from __future__ import annotations

import html as htmlmod
import re
from datetime import date
from pathlib import Path
from typing import Callable

import plotly.io as pio
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.briefing.layout import GRAPH_CONFIG, projector, slide_section
from dashboard.briefing.slides import Content
from dashboard.decks import Deck
from dashboard.i18n import normalise_language, t
from dashboard.i18n import format as fmt

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"


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

