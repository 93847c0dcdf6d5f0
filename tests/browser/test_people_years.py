"""The people page's years slider in a real browser: both charts follow it with no round trip, and what the
browser draws for a window of years is what the server gives for that window (dashboard/figures/year_windows)."""
import pytest

from dashboard.views.people import PeopleView

from .test_pages import wait_ready

pytestmark = pytest.mark.browser

AXES = """() => Object.fromEntries(['people-population', 'people-density'].map(id => {
    const layout = document.querySelector('#' + id + ' .js-plotly-plot').layout;
    return [id, {x: layout.xaxis.range, tickvals: layout.yaxis.tickvals, ticktext: layout.yaxis.ticktext,
                 y: layout.yaxis.range, left: layout.margin.l,
                 note: (layout.annotations || []).filter(a => a.name === 'no-data').map(a => a.visible)}];
}))"""


def served(dataset, q: dict, lang: str = "en") -> dict:
    view = PeopleView.from_query(dataset, q)
    out = {}
    for graph, figure in (("people-population", view.population_figure(dataset, lang)),
                          ("people-density", view.density_figure(dataset, lang))):
        layout = figure["layout"]
        out[graph] = {"x": layout["xaxis"]["range"], "tickvals": layout["yaxis"]["tickvals"],
                      "ticktext": layout["yaxis"]["ticktext"], "y": layout["yaxis"]["range"],
                      "left": layout["margin"]["l"],
                      "note": [a["visible"] for a in layout["annotations"] if a.get("name") == "no-data"]}
    return out


def close(a: dict, b: dict) -> bool:
    """Equal, the y ranges to a millionth (the browser and the server add the same doubles; JSON keeps them)."""
    return all(a[g]["y"] == pytest.approx(b[g]["y"], rel=1e-6) and {**a[g], "y": 0} == {**b[g], "y": 0} for g in a)


def test_years_slider_redraws_both_charts_in_the_browser(page, app_url, dataset):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "_dash-update-component" in r.url else None)
    page.goto(f"{app_url}/en/people?view=index&base=2011")
    wait_ready(page)
    assert close(page.evaluate(AXES), served(dataset, {"view": "index", "base": "2011"}))
    asked.clear()
    thumb = "#people-years .dash-slider-thumb-1"
    page.focus(thumb)
    for _ in range(40):                                    # 1960 → 2000, one step at a time
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#people-population .js-plotly-plot')"
                           ".layout.xaxis.range[0].startsWith('2000')")
    page.wait_for_function("() => location.search.includes('years=2000-2025')")
    drawn = page.evaluate(AXES)
    assert drawn["people-density"]["x"] == ["2000-01-01", "2025-12-31"]
    assert close(drawn, served(dataset, {"view": "index", "base": "2011", "years": "2000-2025"}))
    assert drawn["people-population"]["tickvals"] != served(dataset, {"view": "index"})["people-population"]["tickvals"]
    assert asked == [], asked                             # no round trip for the years
    # another control (the base year), drawn in the browser too, keeps the window and brings its own axes
    page.select_option("#people-base", "2020")
    page.wait_for_function("() => location.search.includes('base=2020')")
    page.wait_for_function("() => document.querySelector('#people-population .js-plotly-plot').layout.yaxis"
                           ".title.text.includes('2020')")
    assert close(page.evaluate(AXES), served(dataset, {"view": "index", "base": "2020", "years": "2000-2025"}))
    assert asked == [], asked


def test_a_window_without_rows_says_so(page, app_url, dataset):
    """Census rows only, in years without a census: both charts say there is nothing to show, as the server does."""
    q = {"basis": "census", "years": "1960-1961"}
    view = PeopleView.from_query(dataset, q)
    assert view.rows(dataset, "population").empty             # the premise: no census in 1960–1961
    page.goto(f"{app_url}/en/people?basis=census")
    wait_ready(page)
    page.focus("#people-years .dash-slider-thumb-2")
    for _ in range(2025 - 1961):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('years=1960-1961')")
    drawn = page.evaluate(AXES)
    assert all(c["note"] == [True] for c in drawn.values()), drawn
    assert close(drawn, served(dataset, q))
