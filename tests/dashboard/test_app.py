"""The app as a server: language redirects, html lang, friendly errors, security headers, no traces."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def client(published):
    from tests.conftest import app

    return app().server.test_client()


@pytest.mark.parametrize("header, target", [("ja,en;q=0.5", "/ja/overview"), ("de-DE", "/de/overview"),
                                            ("fr", "/en/overview")])
def test_root_redirects_by_accept_language(client, header, target):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302 and response.headers["Location"].endswith(target)


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_html_lang_follows_the_path(client, lang):
    body = client.get(f"/{lang}/people").get_data(as_text=True)
    assert f'<html lang="{lang}">' in body


def test_security_headers(client):
    response = client.get("/en/overview")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_frame_ancestors_configurable(monkeypatch):
    from dashboard.security import content_security_policy

    monkeypatch.setenv("TWINCITY_FRAME_ANCESTORS", "https://www.essen.de")
    assert "frame-ancestors https://www.essen.de" in content_security_policy()


def test_compressed_responses_and_everything_served_locally(client):
    import re

    body = client.get("/en/overview").get_data(as_text=True)
    sources = re.findall(r'<script src="([^"]+)"', body) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', body)
    assert sources and all(src.startswith("/") for src in sources), sources
    renderer = next(src for src in sources if "dash_renderer" in src)
    response = client.get(renderer, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") in ("gzip", "br")


def test_dev_tools_off_by_default(client):
    body = client.get("/en/overview").get_data(as_text=True)
    assert '"ui": false' in body.replace("'", '"') or '"ui":false' in body


def _update(client, pathname, search=""):
    payload = {"output": ".._pages_content.children..._pages_store.data..", "outputs": [
        {"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                   {"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": ["_pages_location.pathname"], "state": []}
    return client.post("/_dash-update-component", json=payload)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
       search=st.text(max_size=60))
def test_fuzzed_paths_and_queries_never_500_or_reflect_markup(client, path, search):
    pathname = "/" + path.lstrip("/")
    response = _update(client, pathname, "?" + search)
    assert response.status_code in (200, 204, 400), response.get_data(as_text=True)[:300]
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if "<" in search or "<" in path:
        assert "<script" not in body.lower()


@pytest.mark.parametrize("path", ["/en/nowhere", "/xx/overview", "/de/people/extra", "/ja/<b>x</b>"])
def test_unknown_addresses_get_the_friendly_page(client, path):
    response = _update(client, path)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "<b>" not in body and "Traceback" not in body
