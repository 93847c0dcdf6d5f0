"""The presenter in a real browser (keyboard, URL per slide, ends, QR on request) and the exported briefing
pack opened from a file:// URL with no server: every chart drawn, nothing requested from anywhere."""
import pytest

from dashboard import briefing, decks

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def total():
    return len(decks.load("default"))


def on_slide(page, n: int) -> None:
    page.wait_for_selector(f'#present-root[data-index="{n}"]')
    page.wait_for_function("() => !document.querySelector('._dash-loading')")


def press(page, key: str, n: int, lang: str = "en") -> None:
    page.keyboard.press(key)
    page.wait_for_url(f"**/{lang}/present/{n}")
    on_slide(page, n)


def stays(page, key: str, n: int) -> None:
    before = page.evaluate("[location.href, history.length]")
    page.keyboard.press(key)
    page.wait_for_timeout(250)
    assert page.evaluate("[location.href, history.length]") == before
    assert page.get_attribute("#present-root", "data-index") == str(n)


def test_keyboard_moves_between_slides_changes_the_url_and_stops_at_the_ends(page, app_url, total):
    page.goto(f"{app_url}/en/present")
    on_slide(page, 1)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator(".slide.current .present-qr-img").is_visible()
    assert page.locator("#present-counter").inner_text() == f"1 / {total}"
    stays(page, "ArrowLeft", 1)
    stays(page, "PageUp", 1)
    press(page, "ArrowRight", 2)
    press(page, "PageDown", 3)
    press(page, "Space", 4)
    press(page, "PageUp", 3)
    press(page, "ArrowLeft", 2)
    press(page, "End", total)
    assert page.locator("#present-counter").inner_text() == f"{total} / {total}"
    stays(page, "ArrowRight", total)
    stays(page, "PageDown", total)
    press(page, "Home", 1)
    page.go_back()
    on_slide(page, total)
    assert page.url.endswith(f"/en/present/{total}")


def test_each_slide_has_its_own_url_with_its_view_and_qr_on_request(page, app_url, total):
    page.goto(f"{app_url}/ja/present?slide=4")
    on_slide(page, 4)
    page.wait_for_function("() => document.querySelector('#present-graph .js-plotly-plot')?._fullData?.length > 0")
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert page.locator(".present-qr").is_hidden()
    page.click('.present-bar [data-present-toggle="qr"]')
    qr = page.locator(".present-qr")
    qr.wait_for(state="visible")
    assert "/ja/maps" in qr.inner_text()
    assert page.locator(".present-qr img").get_attribute("src").startswith("data:image/svg+xml")
    page.keyboard.press("Escape")
    qr.wait_for(state="hidden")
    page.keyboard.press("q")
    qr.wait_for(state="visible")
    page.click('.present-qr [data-present-toggle="qr"]')
    qr.wait_for(state="hidden")
    assert page.locator(".slide-foot").inner_text().startswith("出典：")
    page.click('[data-present-go="next"]')
    page.wait_for_url("**/ja/present/5")
    on_slide(page, 5)
    press(page, "End", total, "ja")
    assert "/ja/overview" in page.get_attribute("#present-root", "data-live-url")


def test_exported_html_works_from_a_file_with_no_request(browser, published, tmp_path, total):
    deck = decks.load("default")
    path = briefing.export(deck, "en", ("html",), tmp_path)["html"]  # the server's dataset: figures cached
    charts = sum(1 for s in deck.slides if s.view.page not in ("title", "overview"))
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:"))
            else outside.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(path.as_uri())
        page.wait_for_function(f"""() => {{
            const gds = Array.from(document.querySelectorAll('.js-plotly-plot'));
            return gds.length === {charts} && gds.every(gd => gd._fullData && gd._fullData.length > 0
                && gd.querySelector('.main-svg') && gd.getBoundingClientRect().width > 100);
        }}""", timeout=30000)
        drawn = page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd =>
            gd.querySelectorAll('.scatterlayer .trace, .barlayer .trace').length)""")
        assert len(drawn) == charts and all(n > 0 for n in drawn), drawn
        assert page.locator(".slide.current").get_attribute("id") == "slide-1"
        page.keyboard.press("ArrowLeft")
        assert page.locator(".slide.current").get_attribute("id") == "slide-1"
        page.click('[data-present-go="next"]')
        assert page.evaluate("location.hash") == "#2"
        assert page.locator(".slide.current").get_attribute("id") == "slide-2"
        page.keyboard.press("End")
        page.keyboard.press("PageDown")
        assert page.evaluate("location.hash") == f"#{total}"
        assert page.locator("[data-present-counter]").inner_text() == f"{total} / {total}"
        page.keyboard.press("Home")
        assert page.locator(".slide.current").get_attribute("id") == "slide-1"
    finally:
        context.close()
    assert outside == [], f"requests from the offline file: {outside}"
    assert errors == [], f"console errors: {errors}"
