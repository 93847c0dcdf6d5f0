"""The opened page arrives inside the layout (no router round trip), and only when the Referer says which."""
import json

import pytest


@pytest.fixture(scope="module")
def client(published):
    from tests.conftest import app

    return app().server.test_client()


def _container(client, referer=None) -> dict:
    headers = {"Referer": referer} if referer else {}
    response = client.get("/_dash-layout", headers=headers)
    assert response.status_code == 200
    found = {}

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if props.get("id") in ("_pages_location", "_pages_content", "_pages_store"):
                found[props["id"]] = props
            for value in props.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(response.get_data(as_text=True)))
    assert set(found) == {"_pages_location", "_pages_content", "_pages_store"}
    return found


def test_the_opened_page_comes_with_the_layout(client):
    found = _container(client, "http://localhost/de/people?view=index")
    assert found["_pages_location"]["pathname"] == "/de/people"
    assert found["_pages_location"]["search"] == "?view=index"
    assert found["_pages_location"]["href"] == "http://localhost/de/people?view=index"
    content = json.dumps(found["_pages_content"]["children"], ensure_ascii=False)
    assert "people-population-variants" in content and "Bevölkerung" in content
    assert found["_pages_store"]["data"]["title"]


@pytest.mark.parametrize("referer", [None, "http://elsewhere.example/en/people", "http://localhost/en/nowhere",
                                     "http://localhost/en/people?q=<b>"])
def test_without_a_usable_referer_the_router_fills_the_page(client, referer):
    found = _container(client, referer)
    assert not found["_pages_content"].get("children")
    assert "pathname" not in found["_pages_location"]     # the Location reports the address, the router fills it


def test_a_page_that_fails_leaves_the_router_to_report_it(client, monkeypatch, caplog):
    from dashboard import first_page

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(first_page, "page_for", broken)
    found = _container(client, "http://localhost/en/people")
    assert not found["_pages_content"].get("children")
    assert "first page /en/people not built into the layout" in caplog.text


def test_caches_are_told_the_layout_depends_on_the_referer(client):
    response = client.get("/_dash-layout", headers={"Referer": "http://localhost/en/maps"})
    assert "Referer" in response.headers.get_all("Vary") or "Referer" in response.headers.get("Vary", "")


def test_the_same_opened_page_is_serialised_once(client, monkeypatch):
    from dashboard import first_page

    calls = []
    real = first_page.serialised

    def counting(app, build):
        return real(app, lambda: calls.append(1) or build())

    monkeypatch.setattr(first_page, "serialised", counting)
    first_page._SERIALISED.cache_clear()
    bodies = [client.get("/_dash-layout", headers={"Referer": "http://localhost/ja/energy?years=2010-2020"}).data
              for _ in range(3)]
    assert len(set(bodies)) == 1 and len(calls) == 1 and b"_pages_content" in bodies[0]
    other = client.get("/_dash-layout", headers={"Referer": "http://localhost/ja/energy"}).data
    assert other != bodies[0] and len(calls) == 2
    plain = [client.get("/_dash-layout").data for _ in range(2)]
    assert len(calls) == 4 and b"_pages_content" in plain[0]     # without a Referer: built each time, not kept
