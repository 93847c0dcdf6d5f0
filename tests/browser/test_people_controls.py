"""Every control of the people page is drawn in the browser (window.twincity.peoplePopulation, peopleDensity):
for any choice of view, base year, bases, years and milestones, the charts the browser draws are the ones the
server gives for that choice (PeopleView.population_figure, density_figure), and no control asks the server."""
import json

import plotly.utils
import pytest

from dashboard.figures import legend
from dashboard.views.people import PeopleView

from .test_pages import wait_ready

pytestmark = pytest.mark.browser

# what a chart shows: its lines (shown or not), their points and hover, the axes, the margin and the notes
DRAWN = """(id) => {
    const gd = document.querySelector('#' + id + ' .js-plotly-plot'), l = gd.layout;
    return {
        traces: gd.data.map(tr => [tr.name, tr.visible !== false, Array.from(tr.y || []), tr.hovertext || null]),
        y: [l.yaxis.title.text, l.yaxis.tickvals, l.yaxis.ticktext, l.yaxis.range], x: l.xaxis.range,
        left: l.margin.l, notes: (l.annotations || []).map(a => [a.name || null, a.visible !== false]),
    };
}"""
# the lines listed under a chart: name, hidden, key picture
LISTED = """(id) => [...document.querySelectorAll('#' + id + '-legend li')].map(
    li => [li.textContent, li.hidden, li.querySelector('img').getAttribute('src')])"""
# the choices: (view, base year, bases, years, milestones)
CHOICES = [
    ("index", "2020", ["register", "census", "estimate"], (1990, 2020), True),
    ("absolute", "2020", ["census"], (1960, 1961), False),                   # no census then: the "no data" note
    ("index", "2010", ["official_update", "resident_register"], (2005, 2025), False),
    ("absolute", "2011", [], (1960, 2025), True),                             # no basis: nothing shown
]


def essentials(figure) -> dict:
    figure = json.loads(json.dumps(figure, cls=plotly.utils.PlotlyJSONEncoder))
    layout = figure["layout"]
    return {"traces": [[tr["name"], tr.get("visible", True) is not False, tr["y"], tr.get("hovertext")]
                       for tr in figure["data"]],
            "y": [layout["yaxis"]["title"]["text"], layout["yaxis"].get("tickvals"), layout["yaxis"].get("ticktext"),
                  layout["yaxis"].get("range")],
            "x": layout["xaxis"].get("range"), "left": layout["margin"]["l"],
            "notes": [[a.get("name"), a.get("visible", True) is not False] for a in layout.get("annotations", [])]}


def set_years(page, years) -> None:
    """Move the slider's thumbs by keyboard to ``years`` (from the whole span)."""
    page.focus("#people-years .dash-slider-thumb-1")
    for _ in range(years[0] - 1960):
        page.keyboard.press("ArrowRight")
    page.focus("#people-years .dash-slider-thumb-2")
    for _ in range(2025 - years[1]):
        page.keyboard.press("ArrowLeft")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_choice_is_drawn_in_the_browser_as_the_server_draws_it(page, app_url, dataset, lang):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "_dash-update-component" in r.url else None)
    for view, base, bases, years, events in CHOICES:
        page.goto(f"{app_url}/{lang}/people")
        wait_ready(page)
        page.check(f'#people-view input[value="{view}"]')
        page.select_option("#people-base", base)
        for box in page.locator("#people-basis input").all():
            box.set_checked(box.get_attribute("value") in bases)
        page.locator('#people-events input[value="on"]').set_checked(events)
        set_years(page, years)
        page.wait_for_function("(y) => location.search.includes(y) || (y === '1960-2025')", arg=f"{years[0]}-{years[1]}")
        page.wait_for_timeout(300)
        q = {"view": view, "base": base, "basis": ",".join(bases), "years": f"{years[0]}-{years[1]}",
             "events": "1" if events else ""}
        chosen = PeopleView.from_controls(dataset, None, bases, view, base, list(years), ["on"] if events else [])
        for graph, figure in (("people-population", chosen.population_figure(dataset, lang)),
                              ("people-density", chosen.density_figure(dataset, lang))):
            drawn, served = page.evaluate(DRAWN, graph), essentials(figure)
            assert drawn["y"][3] == pytest.approx(served["y"][3], rel=1e-6) if served["y"][3] else drawn["y"][3] is None
            assert {**drawn, "y": drawn["y"][:3]} == {**served, "y": served["y"][:3]}, (q, graph)
            # the lines listed under the chart: those it shows, as the server lists them
            every = [v["figure"] for v in chosen.population_variants(dataset, lang).values()] \
                if graph == "people-population" else None
            listed = [[e["name"], not e["shown"], e["swatch"]] for e in legend.entries(legend.keyed(figure), every)]
            assert page.evaluate(LISTED, graph) == listed, (q, graph)
            assert [name for name, hidden, _ in listed if not hidden] == \
                [name for name, shown, *_ in drawn["traces"] if shown], (q, graph)
    assert asked == [], asked


def test_an_exported_chart_carries_the_lines_key(page, app_url):
    """The page lists the lines under the chart; an exported image carries plotly's legend instead."""
    page.goto(f"{app_url}/en/people?basis=census")
    wait_ready(page)
    with page.expect_download() as svg:
        page.click('.chart-tools [data-graph="people-population"][data-format="svg"]')
    drawn = open(svg.value.path(), encoding="utf-8").read()
    assert drawn.startswith("<svg") and 'class="legend"' in drawn
    assert "Essen — Census" in drawn and "Essen — City register" not in drawn     # the lines shown, only
    with page.expect_download() as png:
        page.click('.chart-tools [data-graph="people-density"][data-format="png"]')
    assert open(png.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
