"""Accessibility in headless Chromium: axe-core on every page and language, keyboard use, city colours.

axe-core is the npm package of one exact version, checked against its integrity hash and cached in
the user's cache folder (see ``tests/browser/axe_package.py``), injected into the live page.
The test is skipped only when npm itself is missing.
"""
from __future__ import annotations

import re

import dash
import pytest

from dashboard.i18n import LANGUAGES, t
from tests.browser.axe_package import AxeUnavailable
from tests.browser.axe_package import axe_source as pinned_axe_source
from tests.conftest import ROOT, PageWatch

pytestmark = pytest.mark.browser

PAGES = sorted(m.group(1) for p in dash.page_registry.values()
               if (m := re.fullmatch(r"/<lang>/([\w-]+)", str(p.get("path_template") or ""))))
BLOCKING = ("serious", "critical")
# Okabe & Ito (2008), "Color Universal Design": the eight colours distinguishable with every common
# colour-vision deficiency.
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}

READY = """() => {
    const main = document.querySelector('main h1, main h2');
    if (!main || document.querySelector('._dash-loading, ._dash-loading-callback, .dash-spinner, '
                                        + '.dash-graph--pending')) return false;
    return [...document.querySelectorAll('.dash-graph')].every(h => {
        const gd = h.querySelector('.js-plotly-plot'); return gd && gd._fullData && gd.querySelector('.main-svg'); });
}"""

FOCUS_INFO = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return {tag: el.tagName, id: el.id, cls: String(el.className), href: el.getAttribute('href'),
            hreflang: el.getAttribute('hreflang'), text: (el.innerText || el.value || '').trim().slice(0, 40),
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            shadow: s.boxShadow !== 'none', inView: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0
                && r.right <= window.innerWidth + 1};
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    try:
        return pinned_axe_source()
    except AxeUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def shared_page(browser, app_url):
    """One browser context for the module (the HTTP cache makes later pages quick); same guards as ``page``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30000)
    page.watch = PageWatch(page, app_url)
    yield page
    context.close()


@pytest.fixture
def apage(shared_page):
    watch = shared_page.watch
    watch.console_errors.clear()
    watch.external.clear()
    yield shared_page
    watch.assert_clean()


def open_page(page, url: str):
    page.goto(url)
    page.wait_for_function(READY)
    return page


def run_axe(page, axe_source: str) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                                  summary: (n.failureSummary || '').slice(0, 240)})),
            count: v.nodes.length}));
    }""")


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['count']} nodes)")
        lines += [f"    {n['target']}  {n['html']}\n      {n['summary']}" for n in v["nodes"]]
    return "\n".join(lines)


def test_every_page_is_checked():
    assert {"overview", "people", "economy", "energy", "sources"} <= set(PAGES), PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_no_serious_or_critical_violations(apage, app_url, axe_source, name, lang):
    open_page(apage, f"{app_url}/{lang}/{name}")
    violations = run_axe(apage, axe_source)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"/{lang}/{name}:\n{describe(blocking)}"


def tab_until(page, predicate, limit: int = 60) -> list[dict]:
    """Press Tab until ``predicate(focus)`` holds; returns every focus stop on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_INFO)
        stops.append(info)
        if info and predicate(info):
            return stops
    raise AssertionError(f"not reached with {limit} Tab presses; stops: {[s and (s['tag'], s['id'], s['text']) for s in stops]}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_is_first_visible_and_moves_focus_to_main(apage, app_url, lang):
    open_page(apage, f"{app_url}/{lang}/people")
    apage.keyboard.press("Tab")
    first = apage.evaluate(FOCUS_INFO)
    assert first and "skip-link" in first["cls"], first
    assert first["inView"] and (first["outline"] or first["shadow"]), f"skip link not visible when focused: {first}"
    assert first["text"] == t("app.skip", lang)
    apage.keyboard.press("Enter")
    apage.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    apage.keyboard.press("Tab")  # the next stop is inside the main content, not back in the header
    assert apage.evaluate("document.getElementById('main').contains(document.activeElement)"), apage.evaluate(FOCUS_INFO)


def test_tab_reaches_language_switch_and_every_nav_link_with_visible_focus(apage, app_url):
    open_page(apage, f"{app_url}/en/overview")
    nav_count = apage.locator(".main-nav a").count()
    stops = tab_until(apage, lambda f: f["href"] == "/en/sources" and "nav" in f["cls"] or
                      f["id"] == "nav-sources")
    header = [s for s in stops if s]
    langs = [s for s in header if s["hreflang"]]
    navs = [s for s in header if (s["href"] or "").startswith("/en/") and "lang-link" not in s["cls"]
            and "brand" not in s["cls"]]
    assert {s["hreflang"] for s in langs} == set(LANGUAGES), header
    assert len(navs) >= nav_count - 1 >= 5, header
    invisible = [s for s in langs + navs if not (s["outline"] or s["shadow"]) or not s["inView"]]
    assert not invisible, f"focus not visible on: {invisible}"


def test_language_switch_works_from_the_keyboard(apage, app_url):
    open_page(apage, f"{app_url}/en/economy")
    tab_until(apage, lambda f: f["hreflang"] == "de")
    apage.keyboard.press("Enter")
    apage.wait_for_url("**/de/economy**")
    apage.wait_for_function(READY)
    assert apage.evaluate("document.documentElement.lang") == "de"


def test_chart_controls_work_from_the_keyboard(apage, app_url):
    """Reach the basis checklist with Tab, toggle it with Space: the chart and the address follow."""
    open_page(apage, f"{app_url}/en/people")
    tab_until(apage, lambda f: f["tag"] == "INPUT" and "census" in apage.evaluate(
        "document.activeElement.value || ''"))
    apage.keyboard.press("Space")
    apage.wait_for_function("new URLSearchParams(location.search).get('basis') !== null"
                            " && !new URLSearchParams(location.search).get('basis').includes('census')")
    apage.wait_for_function(READY)


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(v):
        return v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _simulate(rgb, matrix):
    lin = [_linear(v) for v in rgb]
    out = []
    for row in matrix:
        v = min(max(sum(m * c for m, c in zip(row, lin)), 0.0), 1.0)
        out.append(255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055))
    return out


def _delta_e(a, b) -> float:
    return sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b))) ** 0.5


def _rgb(hex_colour: str):
    return tuple(int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))


def test_city_colours_are_okabe_ito_and_distinguishable_with_colour_blindness(dataset):
    places = dataset.places.set_index("id")
    twin = ["essen", "koriyama"]
    shown_with_them = ["nrw", "fukushima_pref", "germany", "japan"]
    colours = {p: str(places.loc[p, "colour"]).upper() for p in twin + shown_with_them}
    assert all(c in OKABE_ITO for c in colours.values()), colours
    assert len(set(colours.values())) == len(colours), f"two areas share a colour: {colours}"
    a, b = _rgb(colours["essen"]), _rgb(colours["koriyama"])
    assert _delta_e(a, b) > 40
    for name, matrix in CVD.items():
        distance = _delta_e(_simulate(a, matrix), _simulate(b, matrix))
        assert distance > 25, f"Essen and Koriyama too close under {name}: ΔE {distance:.1f}"
    # the page takes the two cities' colours from the catalogue (no colour per city in the stylesheet)
    from dashboard.views.pair import resolve

    style = resolve(dataset).style()
    assert style["--city-a"].upper() == colours["essen"] and style["--city-b"].upper() == colours["koriyama"]
    css = (ROOT / "assets" / "app.css").read_text(encoding="utf-8").upper()
    assert colours["essen"] not in css and colours["koriyama"] not in css


def test_charts_draw_the_cities_in_their_catalogue_colours(apage, app_url, dataset):
    open_page(apage, f"{app_url}/en/people")
    places = dataset.places.set_index("id")
    names = {places.loc[p, "name_en"]: str(places.loc[p, "colour"]).upper() for p in ("essen", "koriyama")}
    traces = apage.evaluate("""() => [...document.querySelectorAll('#people-population .js-plotly-plot')]
        .flatMap(gd => gd._fullData.map(t => ({name: String(t.name || ''), legendgroup: String(t.legendgroup || ''),
            colour: String((t.line && t.line.color) || (t.marker && t.marker.color) || '')})))""")
    for name, colour in names.items():
        mine = [tr for tr in traces if name in tr["name"] or name.lower() in tr["legendgroup"].lower()]
        assert mine, f"no trace for {name}: {traces[:6]}"
        assert all(tr["colour"].upper() == colour for tr in mine), (name, colour, mine)
