"""Shared fixtures: a dataset published from the real data/raw, a live app, headless Chromium."""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# One app per test session: creating it registers the pages, which page modules need before import.
_APP = None


def app():
    global _APP
    if _APP is None:
        from dashboard.app import create_app

        _APP = create_app()
    return _APP


app()

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The real dataset, published once per test session into a temporary folder."""
    from etl import pipeline

    out = tmp_path_factory.mktemp("published")
    pipeline.run(published=out)
    os.environ["TWINCITY_PUBLISHED"] = str(out)
    return out


@pytest.fixture
def folder(published, tmp_path, monkeypatch):
    """A private published/ folder holding a copy of the session's good version, served by a fresh reader
    (for tests that damage, remove or replace versions)."""
    from dashboard import data
    from etl import publish

    out = tmp_path / "published"
    version = publish.current_version(published)
    shutil.copytree(published / version, out / version)
    publish.switch_current(out, version)
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(out))
    monkeypatch.setattr(data, "CHECK_SECONDS", 0.0)
    monkeypatch.setattr(data, "_current", data._Current())
    return out


@pytest.fixture(scope="session")
def dataset(published):
    from dashboard.data import load

    return load(published / "current")


@pytest.fixture(scope="session")
def app_url(published) -> str:
    """The dashboard served by werkzeug in a background thread on a free port."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app().server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Console errors and requests outside the app's own address, collected during a test."""

    def __init__(self, page, origin: str):
        self.page = page
        self.origin = origin
        self.console_errors: list[str] = []
        self.external: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._request)

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.origin) or url.startswith("data:") or url.startswith("blob:")
                or url == "about:blank"):
            self.external.append(url)

    def assert_clean(self):
        assert self.external == [], f"requests outside the app: {self.external}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    watch = PageWatch(page, app_url)
    page.watch = watch
    yield page
    context.close()
    watch.assert_clean()
