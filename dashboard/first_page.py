"""The page a visitor opens arrives inside the app's layout, not one round trip after it.

Dash's pages router fills the page container by a callback once its ``dcc.Location`` has mounted and
reported the address: a second request and a second render before any of the page is seen. The
layout itself is fetched by the page the visitor opened, so the request's ``Referer`` names that
address (same origin; the app's referrer policy keeps it for same-origin requests). When it does,
the layout carries that page's content, its title for the router's store, and a Location already set
to that address — the Location then has nothing to report, and the router stays idle until the
visitor navigates. Without a usable Referer (a privacy setting, a direct request, another origin), or
if anything goes wrong while building it, the layout is the plain container and the router fills it,
as before.
"""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import dash
from dash import dcc, html
from dash._pages import _parse_query_string, _path_to_page  # the router's own address → page rules
from flask import has_request_context, request

from dashboard.cache import keyed

log = logging.getLogger(__name__)

# the ids of ``dash.page_container``, so that the router's callback keeps its outputs and inputs
LOCATION, CONTENT, STORE, DUMMY = "_pages_location", "_pages_content", "_pages_store", "_pages_dummy"
# what a browser sends: a serialised URL, every other character percent-encoded (anything else is not a browser's)
SERIALISED_URL = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]{1,2000}")


def container(location: dict | None = None, content=None, store: dict | None = None) -> html.Div:
    """The pages container (the same ids as Dash's), optionally already holding a page."""
    return html.Div([
        dcc.Location(id=LOCATION, refresh="callback-nav", **(location or {})),
        html.Div(content, id=CONTENT, disable_n_clicks=True),
        dcc.Store(id=STORE, data=store),
        html.Div(id=DUMMY, disable_n_clicks=True),
    ])


def opened_address() -> tuple[str, str, str] | None:
    """(path, search, href) of the page that asked for the layout, or None when the request does not say."""
    if not has_request_context() or not request.referrer or not SERIALISED_URL.fullmatch(request.referrer):
        return None
    parts = urlsplit(request.referrer)
    if parts.scheme not in ("http", "https") or parts.netloc != request.host:
        return None
    search = f"?{parts.query}" if parts.query else ""
    return parts.path or "/", search, request.referrer.split("#", 1)[0]


def page_at(app: dash.Dash, path: str) -> tuple[dict, dict | None]:
    """(the registered page at ``path``, its path variables), by the router's own rules; ({}, None) for none."""
    return _path_to_page(app.strip_relative_path(path))


def page_for(app: dash.Dash, path: str, search: str):
    """(content, title) of the registered page at ``path`` — called as the router calls it — or None."""
    page, variables = page_at(app, path)
    if not page or not callable(page.get("layout")):
        return None
    content = page["layout"](**{**(variables or {}), **_parse_query_string(search)})
    title = page.get("title", app.title)
    return content, title(**(variables or {})) if callable(title) else title


def layout(app: dash.Dash, outer: list) -> html.Div:
    """The app's layout for this request: ``outer`` components, then the container with the opened page."""
    address = opened_address()
    filled = None
    if address is not None:
        path, search, href = address
        try:
            filled = page_for(app, path, search)
        except Exception:   # the router will build it again and report the error where it belongs
            log.exception("first page %s%s not built into the layout; the router will fill it", path, search)
            filled = None
    if filled is None:
        return html.Div([*outer, container()])
    content, title = filled
    return html.Div([*outer, container({"pathname": path, "search": search, "hash": "", "href": href},
                                       content, {"title": title})])


_SERIALISED = keyed(64)


def serialised(app: dash.Dash, build) -> str:
    """The layout as JSON, kept per dataset version, day, host and opened address (``build()`` writes it when new):
    the same page asked for again — every visitor of the overview — costs no second serialisation."""
    from datetime import date

    from dashboard.data import NoDataset, current

    address = opened_address()
    try:
        version = current().version
    except NoDataset:
        version = None
    if address is None or version is None:
        return build()
    # links and QR codes name the host
    return _SERIALISED((version, date.today(), request.host_url, address[0], address[1]), build)


def install(server) -> None:
    """The layout's response depends on the Referer: say so to every cache on the way."""
    @server.after_request
    def _vary_on_referer(response):
        if request.path.endswith("/_dash-layout"):
            response.headers.add("Vary", "Referer")
        return response
