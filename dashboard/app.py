"""The Dash application: ``create_app()`` for the development server, ``server()`` for gunicorn."""
from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from pathlib import Path

import dash
from dash import dcc
from flask import Flask, redirect, request

from dashboard import data, factsheet, first_page, first_paint, health, ids, plotly_bundle
from dashboard.components import data_status
from dashboard.components.shell import PAGES
from dashboard.i18n import LANGUAGES, t
from dashboard.i18n.catalog import best_language
from dashboard.compression import StaticCompressionCache, cache_key
from dashboard.security import add_security_headers
from dashboard.settings import settings

ROOT = Path(__file__).resolve().parent.parent
LANG_PATH = re.compile(r"^/(en|de|ja)(/|$)")

INDEX = """<!DOCTYPE html>
<html lang="{lang}">
<head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body>{%app_entry%}<div class="dash-scripts">{%config%}{%scripts%}{%renderer%}</div></body>
</html>"""


class TwinCityDash(dash.Dash):
    def serve_layout(self):
        from dash._utils import to_json

        body = first_page.serialised(self, lambda: to_json(self.get_layout()))
        return self.backend.make_response(body, mimetype="application/json")

    def interpolate_index(self, **kwargs):
        if request:
            query = request.query_string.decode("latin-1")
            drawn = first_paint.app_entry(self, request.path, f"?{query}" if query else "")
            if drawn is not None:
                kwargs["app_entry"] = drawn
        html_text = super().interpolate_index(**kwargs)
        match = LANG_PATH.match(request.path) if request else None
        return html_text.replace('lang="{lang}"', f'lang="{match.group(1) if match else "en"}"', 1)


def _import_pages() -> None:
    """Import every module of dashboard/pages once, as ``dashboard.pages.<name>``; each registers itself."""
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent / "pages")]), key=lambda m: m.name):
        module = importlib.import_module(f"dashboard.pages.{info.name}")
        entry = dash.page_registry.get(module.__name__)
        if entry is not None and entry.get("layout") is None:
            entry["layout"] = module.layout
    for entry in dash.page_registry.values():
        if callable(entry.get("layout")) and not hasattr(entry["layout"], "_no_data_guard"):
            entry["layout"] = _guarded(entry["layout"], entry.get("name", ""))


def _guarded(layout, name: str):
    """The page's layout, or the friendly no-data page while no dataset is readable (never a 500)."""
    @functools.wraps(layout)
    def guarded(*args, **kwargs):
        try:
            return layout(*args, **kwargs)
        except data.NoDataset:
            return data_status.no_data_page(kwargs.get("lang"), name if name in PAGES else "overview")
    guarded._no_data_guard = True
    return guarded

def create_app() -> dash.Dash:
    flask_server = Flask(__name__)
    flask_server.config.update(COMPRESS_CACHE_BACKEND=StaticCompressionCache, COMPRESS_CACHE_KEY=cache_key)
    app = TwinCityDash(
        __name__,
        server=flask_server,
        use_pages=True,
        pages_folder="",
        assets_folder=str(ROOT / "assets"),
        serve_locally=True,
        compress=True,
        suppress_callback_exceptions=True,
        title=t("app.product", "en"),
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": t("app.description", "en")}],
        index_string=INDEX,
    )
    _import_pages()
    # the opened page comes with the layout (one round trip less than Dash's router); see first_page
    app.layout = lambda: first_page.layout(app, [dcc.Location(id=ids.URL, refresh="callback-nav")])
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024

    @server.before_request
    def _language_redirect():
        path = request.path
        if path in ("/", "") or path in tuple(f"/{lang}" for lang in LANGUAGES) or path in tuple(
                f"/{lang}/" for lang in LANGUAGES):
            lang = path.strip("/") or best_language(request.headers.get("Accept-Language"))
            return redirect(f"/{lang}/overview", code=302)
        return None

    plotly_bundle.install(server)
    first_page.install(server)
    factsheet.install(server)

    @server.errorhandler(data.NoDataset)
    def _no_dataset(_exc):
        # a callback of a page loaded before the data went away: nothing to update, no 500 (the page
        # itself shows the no-data page on the next load)
        return ("", 204)

    add_security_headers(server)
    health.install(server)   # /healthz and /readyz, in front of routing and compression
    return app


def server():
    """WSGI callable for gunicorn: ``gunicorn 'dashboard.app:server()'``."""
    return create_app().server


if __name__ == "__main__":  # pragma: no cover
    create_app().run(debug=settings().debug)
