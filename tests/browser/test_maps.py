"""The maps page in a real browser: outlines drawn, same scale, overlay switch and URL, languages, phone."""
import pytest

from dashboard.i18n import t

pytestmark = pytest.mark.browser

READY = """() => {
    const ids = ['maps-location', 'maps-twin', 'maps-overlay'];
    return ids.every(id => { const gd = document.querySelector('#' + id + ' .js-plotly-plot');
                             return gd && gd._fullData && gd._fullLayout && gd._fullLayout.xaxis._length > 0; });
}"""
TRACES = """id => document.querySelector('#' + id + ' .js-plotly-plot')._fullData.map(tr => ({
    role: tr.meta && tr.meta.role, place: tr.meta && tr.meta.place, n: tr.x ? tr.x.length : 0,
    xaxis: tr.xaxis, visible: tr.visible}))"""
SCALE = """() => {
    const L = document.querySelector('#maps-twin .js-plotly-plot')._fullLayout;
    const mpp = ax => (ax.range[1] - ax.range[0]) / ax._length;
    return {x: mpp(L.xaxis), x2: mpp(L.xaxis2), y: mpp(L.yaxis), y2: mpp(L.yaxis2),
            left: L.xaxis._length, right: L.xaxis2._length};
}"""
DIRECTION = "() => document.querySelector('#maps-overlay .js-plotly-plot').layout.meta.direction"


def open_maps(page, app_url, lang="en", query=""):
    page.goto(f"{app_url}/{lang}/maps{query}")
    page.wait_for_function(READY)


def test_maps_page_renders_both_outlines_at_the_same_scale(page, app_url):
    open_maps(page, app_url)
    assert page.evaluate("document.querySelectorAll('.js-plotly-plot').length") == 3
    twin = page.evaluate(TRACES, "maps-twin")
    outlines = [tr for tr in twin if tr["role"] == "outline"]
    assert [(tr["place"], tr["xaxis"]) for tr in outlines] == [("essen", "x"), ("koriyama", "x2")]
    assert all(tr["n"] > 100 for tr in outlines)
    scale = page.evaluate(SCALE)
    assert scale["x"] == pytest.approx(scale["x2"], rel=1e-6)  # the same metres per pixel in both panels,
    assert scale["y"] == pytest.approx(scale["y2"], rel=1e-6)
    assert scale["x"] == pytest.approx(scale["y"], rel=1e-3)  # and 1:1 (a kilometre as long across as up)
    assert scale["left"] == pytest.approx(scale["right"], abs=1)
    location = page.evaluate(TRACES, "maps-location")
    assert {tr["role"] for tr in location} >= {"route", "city", "region", "country"}
    assert page.locator("#maps-twin path.js-fill").count() >= 2  # outlines are really drawn (SVG paths)


def test_overlay_switch_changes_figure_caption_and_url(page, app_url):
    open_maps(page, app_url)
    assert page.evaluate(DIRECTION) == "essen-on-koriyama"
    caption = page.inner_text("#maps-overlay-caption")
    page.get_by_label(t("maps.overlay.option", "en", moving="Koriyama", base="Essen")).check()
    page.wait_for_function(f"() => ({DIRECTION})() === 'koriyama-on-essen'")
    page.wait_for_function("() => location.search.includes('overlay=b-on-a')")
    assert page.inner_text("#maps-overlay-caption") != caption
    moved = [tr for tr in page.evaluate(TRACES, "maps-overlay") if tr["role"] == "moved"]
    assert [tr["place"] for tr in moved] == ["koriyama"]
    assert page.url.endswith("/en/maps?overlay=b-on-a")  # no reload, path kept; pair-relative
    assert "overlay=b-on-a" in page.get_attribute(".lang-link[hreflang=de]", "href")


def test_districts_layer_and_url_state(page, app_url):
    """The check box shows the districts in the browser (the figure carries them hidden) and hides them again;
    the keyboard works it too."""
    shown = """() => document.querySelector('#maps-twin .js-plotly-plot').data
        .filter(tr => tr.meta && tr.meta.role === 'district' && tr.visible !== false).length"""
    carried = """() => document.querySelector('#maps-twin .js-plotly-plot').data
        .filter(tr => tr.meta && tr.meta.role === 'district').length"""
    drawn = "() => document.querySelectorAll('#maps-twin .scatterlayer .trace').length"
    open_maps(page, app_url)
    assert page.evaluate(carried) == 9 and page.evaluate(shown) == 0
    assert not [tr for tr in page.evaluate(TRACES, "maps-twin") if tr["role"] == "district"]   # none drawn
    before = page.evaluate(drawn)
    page.get_by_label(t("maps.twin.districts_option", "en", n=9, name="Essen")).check()
    page.wait_for_function(f"() => ({shown})() === 9")
    page.wait_for_function("() => location.search.includes('districts=1')")
    assert page.evaluate(drawn) >= before + 9                  # really drawn, not only flagged
    scale = page.evaluate(SCALE)
    assert scale["x"] == pytest.approx(scale["x2"], rel=1e-6)
    page.focus("#maps-districts input[type=checkbox]")
    page.keyboard.press("Space")
    page.wait_for_function(f"() => ({shown})() === 0")
    page.wait_for_function("() => !location.search.includes('districts')")
    assert page.evaluate(drawn) == before


def test_url_state_restores_the_view(page, app_url):
    open_maps(page, app_url, "de", "?overlay=koriyama-on-essen&districts=1")
    assert page.evaluate(DIRECTION) == "koriyama-on-essen"
    assert len([tr for tr in page.evaluate(TRACES, "maps-twin") if tr["role"] == "district" and tr["visible"] is True]) == 9
    assert page.is_checked("#maps-districts input[type=checkbox]")


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_each_language_loads(page, app_url, dataset, lang):
    open_maps(page, app_url, lang)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.inner_text("h1") == t("maps.title", lang)
    body = page.inner_text("body")
    assert "⟦" not in body
    assert t("maps.twin.heading", lang) in body and t("maps.overlay.heading", lang) in body
    for layer in ("essen", "koriyama"):
        assert dataset.boundary_meta["layers"][layer]["attribution"] in body
    distance = page.get_attribute("#maps-facts", "data-distance-km")
    assert 9000 < float(distance) < 9300


def test_phone_width_has_no_horizontal_scroll(page, app_url):
    page.set_viewport_size({"width": 390, "height": 844})
    open_maps(page, app_url, "ja")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    scale = page.evaluate(SCALE)
    assert scale["x"] == pytest.approx(scale["x2"], rel=1e-6) and scale["left"] > 100
