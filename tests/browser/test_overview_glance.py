"""The overview at a glance in a real browser: the headline strip and the six core figure pairs — each with
its sparkline, value and date — inside the first screen of a laptop and of a projector, in every language;
one column on a phone."""
from __future__ import annotations

import pytest

from dashboard.i18n import format as fmt
from dashboard.views import glance
from dashboard.views.pair import resolve

pytestmark = pytest.mark.browser

FIRST_SCREEN = """() => {
    const inside = el => { const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
            && r.bottom <= window.innerHeight && r.right <= window.innerWidth; };
    const strip = document.querySelector('#headline-strip');
    return {
        strip: strip ? {inside: inside(strip), text: strip.innerText,
                        chips: [...strip.querySelectorAll('a.chip')].map(a => a.getAttribute('href'))} : null,
        pairs: [...document.querySelectorAll('#core-grid .core-pair')].map(p => ({
            indicator: p.dataset.indicator, inside: inside(p),
            cards: [...p.querySelectorAll('.core-card')].map(c => {
                const value = c.querySelector('.core-value'), date = c.querySelector('.core-date'),
                      spark = c.querySelector('img.sparkline');
                return {area: c.dataset.area, value: value && value.innerText, gap: value && value.dataset.gap === 'true',
                        date: date ? date.innerText : null, dateInside: date ? inside(date) : null,
                        spark: spark ? {inside: inside(spark), alt: spark.alt, loaded: spark.complete && spark.naturalWidth > 0}
                                     : null};
            })})),
        scrollWidth: document.documentElement.scrollWidth,
    };
}"""


def first_screen(browser, url: str, width: int, height: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("#core-grid .core-card")
        return page.evaluate(FIRST_SCREEN)
    finally:
        context.close()


@pytest.mark.parametrize("width, height", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_strip_and_six_core_pairs_in_the_first_screen(browser, app_url, dataset, lang, width, height):
    shown = first_screen(browser, f"{app_url}/{lang}/overview", width, height)
    pair = resolve(dataset)
    assert shown["strip"] and shown["strip"]["inside"]
    strip = shown["strip"]["text"]
    assert fmt.day("2017-12-01", lang) in strip and pair.relationship_label(lang) in strip
    assert all(word not in strip.lower() for word in ("twin", "sister", "姉妹"))
    assert shown["strip"]["chips"] == [f"/{lang}/timeline?field={f}" for f in glance.fields_of(dataset, pair)]

    pairs = shown["pairs"]
    assert [p["indicator"] for p in pairs] == list(glance.core_ids(dataset, pair))
    sparklines = 0
    for p in pairs:
        assert p["inside"], f"{p['indicator']} is below the fold at {width}×{height}"
        assert [c["area"] for c in p["cards"]] == list(pair.ids)
        for card in p["cards"]:
            if card["gap"]:
                continue
            assert card["value"] and card["date"] and card["dateInside"]
            if card["spark"]:
                sparklines += 1
                assert card["spark"]["inside"] and card["spark"]["loaded"] and card["spark"]["alt"]
    assert sparklines >= 6   # population and density of both, GDP of Essen … (one-point series draw none)
    assert shown["scrollWidth"] <= width


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_phone_is_one_column_without_horizontal_scrolling(browser, app_url, lang):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/{lang}/overview")
        page.wait_for_selector("#core-grid .core-card")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        lefts = page.eval_on_selector_all("#core-grid .core-card", "els => els.map(e => e.getBoundingClientRect().left)")
        assert len(set(round(x) for x in lefts)) == 1
    finally:
        context.close()


def test_field_chip_opens_the_filtered_timeline(page, app_url):
    page.goto(f"{app_url}/en/overview")
    page.click("#headline-strip a.chip >> nth=1")
    page.wait_for_url("**/en/timeline?field=healthcare")
    page.wait_for_selector("main h1")


def test_a_citation_opens_from_the_keyboard_one_line_per_field(page, app_url):
    page.goto(f"{app_url}/en/overview")
    page.wait_for_selector("#core-grid .core-card")
    summary = page.locator("#core-grid .core-card .citation > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    listing = page.locator("#core-grid .core-card .citation[open] .citation-list").first
    listing.wait_for()
    lines = listing.inner_text().splitlines()
    assert [line.split(": ")[0] for line in lines[:3]] == ["Publisher", "Page", "Reference date"]
    assert lines[1].startswith("Page: https://") and listing.locator("a.citation-url").count() == 1
    assert any(line.startswith("Licence: ") for line in lines) and any(line.startswith("Accessed: ") for line in lines)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_figures_are_readable_before_the_app_has_started(browser, app_url, lang):
    """Drawn into the HTML (dashboard/first_paint.py): without any script the six core pairs and their dates
    are there; with scripts the live page replaces the drawing — one page, no console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/{lang}/overview")
        assert page.locator("#core-grid .core-pair").count() == 6
        assert page.locator("#core-grid .core-card .core-value").count() == 12
        assert page.locator("#core-grid .core-date").first.inner_text()
    finally:
        context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{app_url}/{lang}/overview")
        page.wait_for_selector("#_pages_content #core-grid .core-card")
        page.wait_for_load_state("networkidle")
        assert page.locator(".app").count() == 1 and page.locator(".core-card").count() == 12
        assert page.locator(".first-paint").count() == 0
        assert errors == []
    finally:
        context.close()
