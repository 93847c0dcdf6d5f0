"""The energy page's shares drawn in the browser (assets/energy_panels.js) are the figure the server computes
for the same choice (dashboard/figures/share_panels.py: share_figure), after clicks and years, with no round trip."""
import itertools
import json

import plotly.utils
import pytest

from dashboard.views.energy import DEFAULT_YEARS, SHARES, EnergyView

pytestmark = pytest.mark.browser

PAIR = "essen_koriyama"
GRAPH = "#energy-shares .js-plotly-plot"
# what the browser drew: panels, their axes, traces, titles, bands, size and margin
DRAWN = """() => {
    const gd = document.querySelector('#energy-shares .js-plotly-plot'), l = gd.layout;
    const axes = Object.keys(l).filter(k => /^yaxis\\d*$/.test(k)).sort();
    return {
        /* a range set by the figure (plotly writes the one it finds into an autoranged axis: the no-data figure) */
        axes: Object.fromEntries(axes.map(k => [k, {range: l[k].ticktext ? l[k].range : null, ticktext: l[k].ticktext || null,
                                                  domain: l[k].domain}])),
        traces: gd.data.map(tr => ({name: tr.name || null, yaxis: tr.yaxis || 'y', visible: tr.visible !== false,
                                    legend: tr.showlegend !== false, n: (tr.y || []).length, meta: tr.meta || null})),
        titles: (l.annotations || []).map(a => a.text), height: l.height || null, left: l.margin ? l.margin.l : null,
        shapes: (l.shapes || []).map(s => [s.yref, s.x0, s.x1, s.fillcolor]),
        xrange: l.xaxis && l.xaxis.range && l.xaxis.autorange !== true ? l.xaxis.range.map(String) : null,
        legendY: l.legend ? l.legend.y : null,
    };
}"""


def essentials(figure) -> dict:
    """``DRAWN`` of a figure computed in Python."""
    figure = json.loads(json.dumps(figure, cls=plotly.utils.PlotlyJSONEncoder))
    layout = figure["layout"]
    axes = sorted(k for k in layout if k.startswith("yaxis"))
    return {
        "axes": {k: {"range": layout[k].get("range") if layout[k].get("ticktext") else None, "ticktext": layout[k].get("ticktext"),
                     "domain": layout[k].get("domain")} for k in axes},
        "traces": [{"name": tr.get("name"), "yaxis": tr.get("yaxis", "y"), "visible": tr.get("visible") is not False,
                    "legend": tr.get("showlegend") is not False, "n": len(tr.get("y") or []), "meta": tr.get("meta")}
                   for tr in figure["data"]],
        "titles": [a["text"] for a in layout.get("annotations", [])], "height": layout.get("height"),
        "left": layout.get("margin", {}).get("l"),
        "shapes": [[s["yref"], s["x0"], s["x1"], s["fillcolor"]] for s in layout.get("shapes", [])],
        "xrange": [str(v) for v in layout["xaxis"]["range"]] if layout.get("xaxis", {}).get("range") else None,
        "legendY": layout.get("legend", {}).get("y"),
    }


def choose(page, box: str, values) -> None:
    """Tick exactly ``values`` in the check boxes ``box`` (one click each, as a person would)."""
    for item in page.locator(f"#{box} input[type=checkbox]").all():
        wanted = item.get_attribute("value") in values
        if item.is_checked() != wanted:
            item.click()


def expected(dataset, indicators, areas, years=DEFAULT_YEARS, events=False) -> dict:
    view = EnergyView.from_controls(dataset, PAIR, list(indicators), list(areas), list(years), ["on"] if events else [])
    return essentials(view.shares_figure(dataset, "en"))


def wait_for(page, want: dict) -> dict:
    page.wait_for_function(f"(want) => JSON.stringify(({DRAWN})().traces) === JSON.stringify(want)",
                           arg=want["traces"])
    return page.evaluate(DRAWN)


def test_the_browser_draws_what_the_server_computes(page, app_url, dataset):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "_dash-update-component" in r.url else None)
    page.goto(f"{app_url}/en/energy")
    page.wait_for_function(f"() => document.querySelector('{GRAPH}') && document.querySelector('{GRAPH}')._fullData")
    areas = EnergyView.from_query(dataset, {"pair": PAIR}).pair.areas
    first = expected(dataset, SHARES, areas)
    assert page.evaluate(DRAWN) == first                   # the first paint (drawn in Python)
    # with one place, panels of measures it has no figure for drop out
    koriyama = expected(dataset, SHARES, ["koriyama"])
    assert 0 < len(koriyama["axes"]) < len(first["axes"])
    states = [
        (SHARES[:1], areas, False),                          # one measure, every place
        (SHARES, ["koriyama"], False),                        # one place: fewer panels
        (SHARES[1:4], ["koriyama", "fukushima_pref", "germany"], True),   # milestones on, bands, a target star
        (SHARES, [], True),                                   # nothing chosen: the no-data figure
        (SHARES, areas, False),                               # all again
    ]
    for indicators, chosen, events in states:
        choose(page, "energy-indicator", indicators)
        choose(page, "energy-areas", chosen)
        choose(page, "energy-events", ["on"] if events else [])
        want = expected(dataset, indicators, chosen, events=events)
        assert wait_for(page, want) == want, (indicators, chosen, events)
    assert page.evaluate(DRAWN) == first
    # the years too are the browser's
    choose(page, "energy-areas", ["nrw", "germany"])
    choose(page, "energy-events", ["on"])
    page.focus("#energy-years .dash-slider-thumb-1")
    page.keyboard.press("ArrowRight")
    want = expected(dataset, SHARES, ["nrw", "germany"], (DEFAULT_YEARS[0] + 1, DEFAULT_YEARS[1]), True)
    page.wait_for_function(f"(x) => String(({DRAWN})().xrange) === String(x)", arg=want["xrange"])
    assert wait_for(page, want) == want
    page.focus("#energy-years .dash-slider-thumb-2")
    for _ in range(DEFAULT_YEARS[1] - 2015):
        page.keyboard.press("ArrowLeft")
    want = expected(dataset, SHARES, ["nrw", "germany"], (DEFAULT_YEARS[0] + 1, 2015), True)
    page.wait_for_function(f"(x) => String(({DRAWN})().xrange) === String(x)", arg=want["xrange"])
    assert wait_for(page, want) == want
    page.wait_for_function("() => location.search.includes('years=2006-2015')")
    assert asked == [], asked                              # not one round trip


def test_every_choice_is_drawn_as_in_python(page, app_url, dataset):
    """energyPanels itself, on the description the page got, for every set of places and several of measures
    and both milestone states: the whole figure equals share_figure's."""
    page.goto(f"{app_url}/en/energy")
    page.wait_for_function("() => window.twincity && window.twincity.energyPanels")
    view = EnergyView.from_query(dataset, {"pair": PAIR})
    store = json.loads(json.dumps(view.shares_store(dataset, "en"), cls=plotly.utils.PlotlyJSONEncoder))
    cases, wanted = [], []
    measures = [SHARES, (), *[(m,) for m in SHARES], SHARES[::2], SHARES[3:]]
    windows = [list(view.years), [2005, 2050], [2012, 2019], [2021, 2021], [2040, 2050]]
    for k in range(len(view.pair.areas) + 1):
        for areas in itertools.combinations(view.pair.areas, k):
            for n, indicators in enumerate(measures):
                events = ["on"] if (k + n) % 2 else []
                years = windows[(k + n) % len(windows)]
                cases.append([list(indicators), list(areas), events, years])
                chosen = EnergyView.from_controls(dataset, PAIR, list(indicators), list(areas), years, events)
                wanted.append(json.loads(json.dumps(chosen.shares_figure(dataset, "en"),
                                                    cls=plotly.utils.PlotlyJSONEncoder)))
    drawn = page.evaluate("""([store, cases]) => cases.map(([i, a, e, y]) => window.twincity.energyPanels(store, i, a, e, y))""",
                          [store, cases])
    assert len(drawn) == len(wanted) > 500
    for case, got, want in zip(cases, drawn, wanted):
        assert got == want, case
