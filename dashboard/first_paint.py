"""The opened page painted from the HTML itself, before the app's scripts have run.

A Dash page shows nothing until the browser has loaded and run React, the renderer and the component
libraries (about a third of a second on a 2-core laptop) and fetched the layout. For pages made of
text and cards only (the overview: the figures a mayor's office opens first), the index HTML carries
the page already drawn as plain HTML inside the app's mount point: the figures are readable at the
first paint, and React replaces the drawing with the live page (the same tree, so nothing moves) as
soon as it starts. Pages with charts or form controls keep Dash's own loading state: their drawing
would be missing exactly what makes them useful.

``html_of`` writes a Dash component tree as HTML: ``html.*`` components as their element, the
bootstrap navigation as the list it renders, every other component (stores, locations) as nothing
of its own. Every text and attribute value is escaped.
"""
from __future__ import annotations

import logging
import re

from markupsafe import Markup, escape

from dashboard import first_page
from dashboard.cache import per_version

log = logging.getLogger(__name__)

PAGES = frozenset({"overview"})          # text-and-card pages drawn into the HTML
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})
RENAMED = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex"}
NOT_ATTRIBUTES = frozenset({"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state",
                            "setProps", "key"})
# the bootstrap components the shell uses, as the elements and classes they render
BOOTSTRAP = {"Nav": ("ul", "nav"), "NavItem": ("li", "nav-item"), "NavLink": ("a", "nav-link")}
ATTRIBUTE = re.compile(r"^[a-zA-Z_:][-a-zA-Z0-9_:.]*$")


def _css(style: dict) -> str:
    def name(key: str) -> str:
        return key if key.startswith("--") else re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), key)
    return "; ".join(f"{name(k)}: {v}" for k, v in style.items() if v not in (None, ""))


def _attributes(props: dict, extra_class: str = "") -> str:
    out = []
    classes = " ".join(c for c in (extra_class, str(props.get("className") or "")) if c)
    if classes:
        out.append(f' class="{escape(classes)}"')
    for key, value in props.items():
        if key in NOT_ATTRIBUTES or key == "className" or value is None or value is False:
            continue
        if key == "id" and not isinstance(value, str):        # pattern-matching ids have no HTML form
            continue
        name = RENAMED.get(key, key)
        if not ATTRIBUTE.match(name):
            continue
        if key == "style":
            if isinstance(value, dict) and value:
                out.append(f' style="{escape(_css(value))}"')
            continue
        if value is True:
            out.append(f" {name}")
        elif isinstance(value, (str, int, float)):
            out.append(f' {name}="{escape(str(value))}"')
    return "".join(out)


def html_of(node) -> Markup:
    """``node`` (a component, a list of them, a text or a number) as escaped HTML."""
    if node is None or isinstance(node, bool):
        return Markup("")
    if isinstance(node, (str, int, float)):
        return escape(str(node))
    if isinstance(node, (list, tuple)):
        return Markup("").join(html_of(child) for child in node)
    props = node.to_plotly_json()["props"] if hasattr(node, "to_plotly_json") else {}
    children = html_of(props.get("children"))
    namespace, kind = getattr(node, "_namespace", ""), getattr(node, "_type", "")
    if namespace == "dash_html_components":
        tag, extra = kind.lower(), ""
    elif namespace == "dash_bootstrap_components" and kind in BOOTSTRAP:
        tag, extra = BOOTSTRAP[kind]
        if kind == "Nav" and props.get("pills"):
            extra += " nav-pills"
        if kind == "NavLink" and props.get("active") is True:
            extra += " active"
        props = {k: v for k, v in props.items() if k not in ("pills", "active", "external_link")}
    elif namespace == "dash_core_components" and kind == "Link":
        tag, extra = "a", ""
    else:                        # stores, locations …: nothing to see of their own
        return children
    if not ATTRIBUTE.match(tag):
        return children
    opening = Markup(f"<{tag}{_attributes(props, extra)}>")
    return opening if tag in VOID else opening + children + Markup(f"</{tag}>")


def page_name(app, path: str) -> str | None:
    """The registered name of the page at ``path`` (``overview`` for ``/ja/overview``), or None."""
    page, _variables = first_page.page_at(app, path)
    return page.get("name") if page else None


@per_version(maxsize=64)
def _drawing(dataset, app, path: str, search: str, today) -> str | None:
    built = first_page.page_for(app, path, search)
    return None if built is None else str(html_of(built[0]))


def app_entry(app, path: str, search: str) -> str | None:
    """The mount point with the page drawn inside, for a text-and-card page; None for any other page, or when
    the drawing fails or no data is published (the page then loads as any Dash page does)."""
    from datetime import date

    from dashboard.data import NoDataset, current

    if page_name(app, path) not in PAGES:
        return None
    try:
        drawing = _drawing(current(), app, path, search, date.today())
    except NoDataset:    # the live page says so
        return None
    except Exception:    # the live page will show what is wrong
        log.exception("first paint of %s%s not drawn", path, search)
        return None
    return None if drawing is None else f'<div id="react-entry-point"><div class="first-paint">{drawing}</div></div>'
