"""Security beyond tests/dashboard/test_app.py: the production entry point and fuzzed callback payloads.

* ``dashboard.app:server()`` is started the way production starts it (gunicorn, a free loopback port):
  no dev tools, no debugger, no stack trace or file path in any response — also when a callback fails —
  and the security headers on every kind of response (page, callback, script, 404, 500).
* Hypothesis fuzzes the payloads of the people/economy/energy callbacks (``POST /_dash-update-component``)
  and the query parameters those pages read: never a trace, never reflected markup, and values of the
  right type never make a callback fail.
"""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT

MARK = "zq7XSSq"  # a token no page contains: if it comes back, the input was reflected
MARKUP = [f"<script>alert('{MARK}')</script>", f"<img src=x onerror=alert('{MARK}')>",
          f"\"><b id={MARK}>", f"javascript:alert('{MARK}')", f"{{{{{MARK}}}}}", f"<a href='//{MARK}'>x</a>"]
TRACE = re.compile(r"Traceback|File \"|\.py\"|line \d+, in |/site-packages/|" + re.escape(str(ROOT)))
GENERIC_500 = "Internal error. The incident has been logged."

# The callbacks that take user input on the theme pages: (inputs, state) as the browser sends them.
CALLBACKS = {
    # the controls a callback reads come first (its Inputs, then the controls it reads as State), then the page's
    # language and pair — Dash hands them to the function in that order
    "people": {    # every control is drawn in the browser: the server reads them for the CSV download
        "output": "people-population-download.data",
        "outputs": {"id": "people-population-download", "property": "data"},
        # the button, then the controls (State in the callback: Dash hands inputs and state on in one list)
        "inputs": [("people-population-csv", "n_clicks", 1), ("people-basis", "value", ["register", "census"]),
                   ("people-view", "value", "absolute"), ("people-base", "value", "2011"),
                   ("people-years", "value", [1960, 2025]), ("people-events", "value", [])],
        "state": [("people-lang", "data", "en"), ("people-pair", "data", "essen_koriyama")],
    },
    "economy": {
        "output": "..economy-gdp.figure...economy-rate-note.children..",
        "outputs": [{"id": "economy-gdp", "property": "figure"}, {"id": "economy-rate-note", "property": "children"}],
        "inputs": [("economy-indicator", "value", "gdp"), ("economy-currency", "value", "market"),
                   ("economy-years", "value", [2000, 2025])],
        "state": [("economy-lang", "data", "en"), ("economy-pair", "data", "essen_koriyama")],
    },
    # (the energy page's chart asks the server nothing: measures, places, years and milestones are drawn in the
    # browser from the panels the layout carries)
}


def _output(spec: dict) -> str:
    """The callback's output key; for a second writer of an output, the key Dash made (with its hash)."""
    if "@" not in spec["output"]:
        return spec["output"]
    from dash._callback import GLOBAL_CALLBACK_MAP   # the pages' @callback functions until the first request

    from tests.conftest import app                   # … which moves them into the app's map

    first = spec["inputs"][0][0]
    return next(key for key, cb in {**app().callback_map, **GLOBAL_CALLBACK_MAP}.items()
                if key.startswith(spec["output"]) and cb.get("callback") and cb["inputs"][0]["id"] == first)


def payload(name: str, values: list, state: list) -> dict:
    spec = CALLBACKS[name]
    inputs = [{"id": i, "property": p, "value": v} for (i, p, _), v in zip(spec["inputs"], values)]
    first = f"{spec['inputs'][0][0]}.{spec['inputs'][0][1]}"
    return {"output": _output(spec), "outputs": spec["outputs"], "inputs": inputs,
            "changedPropIds": [first], "parsedChangedPropsIds": [first],
            "state": [{"id": i, "property": p, "value": v} for (i, p, _), v in zip(spec["state"], state)]}


# --------------------------------------------------------------------------- the production server

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def prod(published, tmp_path_factory) -> str:
    """``gunicorn 'dashboard.app:server()'`` — the production entry point — on a free loopback port."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    if not gunicorn.exists():
        pytest.skip("gunicorn is not installed in this environment")
    port = _free_port()
    log = tmp_path_factory.mktemp("prod") / "gunicorn.log"
    # TWINCITY_DEBUG must not matter: only `python -m dashboard.app` reads it
    env = dict(os.environ, TWINCITY_PUBLISHED=str(published), TWINCITY_DEBUG="1")
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(gunicorn), "--workers", "1", "--bind", f"127.0.0.1:{port}", "--no-control-socket",
                                 "--chdir", str(ROOT), "dashboard.app:server()"], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/_dash-layout", timeout=5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not start: {log.read_text()[-2000:]}")
                time.sleep(0.2)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


def post_json(url: str, body) -> tuple[int, dict, str]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return fetch(url + "/_dash-update-component", data, {"Content-Type": "application/json"})


def assert_headers(headers: dict, what: str):
    h = {k.lower(): v for k, v in headers.items()}
    csp = h.get("content-security-policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors" in csp and "object-src 'none'" in csp, (what, csp)
    assert h.get("x-content-type-options") == "nosniff", what
    assert h.get("referrer-policy") == "strict-origin-when-cross-origin", what


def test_production_page_has_no_dev_tools(prod):
    status, headers, body = fetch(prod + "/en/overview")
    assert status == 200
    config = json.loads(re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', body, re.S)
                        .group(1))
    assert config.get("ui") is False and config.get("props_check") is False, config
    assert not config.get("hot_reload"), config
    assert "dash-debug-menu" not in body and "__debugger__" not in body


@pytest.mark.parametrize("path", ["/?__debugger__=yes&cmd=resource&f=style.css", "/console",
                                  "/_dash-component-suites/dash/dash-renderer/build/dash_renderer.dev.js",
                                  "/_dash-component-suites/nopkg/x.js", "/_dash-component-suites/plotly/../x.js"])
def test_no_debugger_dev_bundles_or_unknown_scripts(prod, path):
    status, headers, body = fetch(prod + path)
    assert "Werkzeug Debugger" not in body and "__debugger__" not in body.replace(path, "")
    assert status in (200, 302, 404) and not TRACE.search(body), (status, body[:200])
    if "_dash-component-suites" in path:
        assert status == 404, f"{path}: {status} (unknown scripts must be 'not found', not a server error)"
    assert_headers(headers, path)


def test_reload_hash_reveals_no_files(prod):
    status, _, body = fetch(prod + "/_reload-hash")
    assert status in (200, 404, 405)
    assert str(ROOT) not in body and ".py" not in body


@pytest.mark.parametrize("body", [
    b"{not json", b"[]", b"null", json.dumps({"output": "nowhere.children", "outputs": {"id": "nowhere", "property":
                                              "children"}, "inputs": [], "changedPropIds": []}).encode(),
    json.dumps({"output": "people-population.figure"}).encode(),
    json.dumps(payload("people", [5, {"a": 1}, None, "x", 7], [None, None])).encode(),
], ids=["malformed", "list", "null", "unknown-output", "missing-inputs", "wrong-types"])
def test_failing_requests_get_no_trace(prod, body):
    status, headers, text = post_json(prod, body)
    assert status in (200, 204, 400, 404, 500), status
    assert not TRACE.search(text), text[:500]
    if status == 500:
        assert text == GENERIC_500
    assert_headers(headers, f"callback {status}")


def test_headers_on_every_kind_of_response(prod):
    _, _, html = fetch(prod + "/en/people")
    script = re.search(r'<script src="(/_dash-component-suites/[^"]+)"', html).group(1)
    for what, (status, headers, _) in {
        "page": fetch(prod + "/en/people"),
        "layout": fetch(prod + "/_dash-layout"),
        "script": fetch(prod + script),
        "asset": fetch(prod + "/assets/app.css"),
        "not found": fetch(prod + "/nowhere/at/all.php"),
        "callback": post_json(prod, payload("people", [v for *_, v in CALLBACKS["people"]["inputs"]],
                                            ["en", "essen_koriyama"])),
        "callback error": post_json(prod, b"{not json"),
    }.items():
        assert_headers(headers, what)
        assert status < 500 or what == "callback error", (what, status)


# --------------------------------------------------------------------------- fuzzing (in-process, fast)

@pytest.fixture(scope="module")
def client(published):
    from tests.conftest import app

    return app().server.test_client()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=30) | st.sampled_from(MARKUP),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


def check_response(response, sent) -> None:
    body = response.get_data(as_text=True)
    assert not TRACE.search(body), body[:500]
    if response.status_code == 500:
        assert body == GENERIC_500
    assert MARK not in body, f"input reflected: {json.dumps(sent)[:300]}"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(CALLBACKS)), data=st.data())
def test_fuzzed_callback_payloads_never_leak_a_trace_or_reflect_markup(client, name, data):
    spec = CALLBACKS[name]
    values = [data.draw(json_values) for _ in spec["inputs"]]
    state = [data.draw(json_values | st.sampled_from(["en", "de", "ja"])) for _ in spec["state"]]
    sent = payload(name, values, state)
    response = client.post("/_dash-update-component", json=sent)
    assert response.status_code in (200, 204, 400, 500)
    check_response(response, sent)


def _typed(default):
    """Values of the same JSON type as the control's own value, with arbitrary content."""
    text = st.text(max_size=20) | st.sampled_from(MARKUP)
    if isinstance(default, int):                                              # a button's clicks
        return st.integers(-10**6, 10**6)
    if isinstance(default, list) and default and isinstance(default[0], int):  # a range slider
        return st.lists(st.integers(-10**6, 10**6), min_size=2, max_size=2)
    if isinstance(default, list):
        return st.lists(text, max_size=6)
    return text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(CALLBACKS)), data=st.data())
def test_callback_values_of_the_right_type_never_fail(client, name, data):
    """What a modified page can send without breaking JSON types: always an answer, never an error."""
    spec = CALLBACKS[name]
    values = [data.draw(_typed(default)) for *_, default in spec["inputs"]]
    state = [data.draw(st.sampled_from(["en", "de", "ja"])) for _ in spec["state"]]
    sent = payload(name, values, state)
    response = client.post("/_dash-update-component", json=sent)
    assert response.status_code in (200, 204), (response.status_code, json.dumps(sent)[:400])
    check_response(response, sent)


QUERY_KEYS = {"people": ["basis", "view", "base", "years", "events"],
              "economy": ["indicator", "currency", "years"],
              "energy": ["indicator", "areas", "years", "events"],
              "timeline": ["field", "place", "kind", "status", "q", "from", "to", "who", "event"],
              "maps": ["overlay", "districts", "direction"]}


SEARCH_BOX = re.compile(r'"value":"(?:[^"\\]|\\.)*","type":"search"')


def _router(client, pathname, search):
    body = {"output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    return client.post("/_dash-update-component", json=body)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.sampled_from(sorted(QUERY_KEYS)), lang=st.sampled_from(["en", "de", "ja"]), data=st.data())
def test_fuzzed_query_parameters_never_fail_or_reflect_markup(client, page, lang, data):
    from urllib.parse import urlencode

    keys = data.draw(st.lists(st.sampled_from(QUERY_KEYS[page]), min_size=1, max_size=4))
    values = [data.draw(st.text(max_size=40) | st.sampled_from(MARKUP) | st.from_regex(r"\d{1,6}-\d{1,6}",
                                                                                         fullmatch=True))
              for _ in keys]
    search = "?" + urlencode(list(zip(keys, values)))
    response = _router(client, f"/{lang}/{page}", search)
    assert response.status_code == 200, (search, response.get_data(as_text=True)[:300])
    body = response.get_data(as_text=True)
    assert not TRACE.search(body)
    # the timeline's search box shows the visitor's own words again: an escaped JSON string that React sets as the
    # input's value, never as markup; everywhere else nothing of the query may come back
    shown = SEARCH_BOX.sub("", body)
    assert "<" not in body and "<script" not in shown.lower() and "onerror=" not in shown.lower(), search


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.sampled_from(sorted(QUERY_KEYS)), lang=st.sampled_from(["en", "de", "ja"]), data=st.data())
def test_fuzzed_referers_of_the_layout_never_fail_or_reflect_markup(client, page, lang, data):
    """The layout carries the page named by its Referer (dashboard/first_page.py): the same rules as the router,
    whether the Referer is a browser's (percent-encoded) or a forged one (raw markup, control characters)."""
    from urllib.parse import urlencode

    keys = data.draw(st.lists(st.sampled_from(QUERY_KEYS[page]), min_size=1, max_size=4))
    values = [data.draw(st.text(max_size=40) | st.sampled_from(MARKUP)) for _ in keys]
    encoded = "?" + urlencode(list(zip(keys, values)))
    raw = "?" + "&".join(f"{k}={v}" for k, v in zip(keys, values))
    for search in (encoded, raw):
        referer = f"http://localhost/{lang}/{page}{search}"
        try:
            referer.encode("latin-1")
        except UnicodeEncodeError:      # not sendable as a header at all
            continue
        if "\r" in referer or "\n" in referer:   # a line break ends a header: no client can send one inside it
            continue
        response = client.get("/_dash-layout", headers={"Referer": referer})
        assert response.status_code == 200, (referer, response.get_data(as_text=True)[:300])
        body = response.get_data(as_text=True)
        assert not TRACE.search(body) and "_pages_content" in body
        shown = SEARCH_BOX.sub("", body)
        assert "<" not in body and "<script" not in shown.lower() and "onerror=" not in shown.lower(), referer
