"""The theme pages in a real browser: every page and language, values, controls, URL state, CSV."""
import csv
import io

import pytest

from dashboard.i18n import format as fmt
from dashboard.i18n import t
from dashboard.selection import latest

pytestmark = pytest.mark.browser

PAGES = ["overview", "people", "economy", "energy", "sources"]
TRACE_POINTS = """() => Array.from(document.querySelectorAll('#people-population .js-plotly-plot'))
    .flatMap(gd => gd._fullData.filter(t => t.visible === true && t.yaxis !== 'y2' && t.name !== undefined)
    .map(t => ({name: t.name, n: t.y ? t.y.length : 0, y: Array.from(t.y || [])})))"""


def wait_ready(page):
    page.wait_for_selector("#main")
    page.wait_for_function("""() => {
        const graphs = document.querySelectorAll('.dash-graph');
        const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
        return document.querySelector('.app-main') && plots.length === graphs.length
            && plots.every(gd => gd._fullData) && !document.querySelector('._dash-loading');
    }""")


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_in_language(page, app_url, name, lang):
    page.goto(f"{app_url}/{lang}/{name}")
    wait_ready(page)
    assert page.evaluate("document.documentElement.lang") == lang
    body = page.inner_text("body")
    assert "⟦" not in body
    assert page.locator(".lang-link.active").inner_text() in ("English", "Deutsch", "日本語")


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_kpi_values_equal_published_data(page, app_url, dataset, lang):
    page.goto(f"{app_url}/{lang}/overview")
    page.wait_for_selector(".kpi-card[data-indicator]")
    cards = page.eval_on_selector_all(".kpi-card[data-indicator], .core-card[data-indicator]", """els => els.map(e => ({
        area: e.dataset.area, indicator: e.dataset.indicator,
        value: e.querySelector('.kpi-value, .core-value').innerText,
        gap: !!e.querySelector('.kpi-value.gap, .core-value.gap')}))""")
    assert len(cards) >= 18 and sum(1 for c in cards if c["indicator"] == "population") == 2
    for card in cards:
        bases = [b for b in str(dataset.place(card["area"]).get("population_bases") or "").split(";") if b]
        order = bases if card["indicator"] in ("population", "density") else None
        fact = latest(dataset.facts, card["area"], card["indicator"], order)
        if fact is None:
            assert card["gap"], card
            continue
        decimals = int(dataset.indicator(card["indicator"]).get("decimals") or 0)
        expected = fmt.value(fact["value"], fact["unit"], lang, decimals)
        assert card["value"].replace("\u00a0", " ") == expected.replace("\u00a0", " "), card


def test_basis_switch_changes_the_chart_and_url(page, app_url):
    page.goto(f"{app_url}/en/people")
    wait_ready(page)
    before = page.evaluate(TRACE_POINTS)
    assert len(before) >= 5, before
    page.get_by_role("checkbox", name="Census", exact=True).uncheck()
    page.wait_for_function("() => !window.location.search.includes('census')")
    page.wait_for_function(f"() => ({TRACE_POINTS})().length < {len(before)}")
    after = page.evaluate(TRACE_POINTS)
    assert not any("Census" in t["name"] for t in after)
    assert "census" not in page.evaluate("window.location.search").split("basis=")[1].split("&")[0]


def test_currency_switch_changes_values(page, app_url):
    page.goto(f"{app_url}/en/economy")
    wait_ready(page)
    read = """() => document.querySelector('#economy-gdp .js-plotly-plot')._fullData
                    .filter(t => t.name === 'Koriyama').map(t => Array.from(t.y))[0]"""
    market = page.evaluate(read)
    page.get_by_role("radio", name="Purchasing power parity", exact=True).check()
    page.wait_for_function(f"() => JSON.stringify(({read})()) !== JSON.stringify({market})")
    assert page.evaluate(read) != market
    assert "currency=ppp" in page.evaluate("window.location.search")


def test_bookmarked_url_restores_the_view(page, app_url):
    page.goto(f"{app_url}/de/economy?currency=ppp&indicator=gdp_per_capita&years=2010-2024")
    wait_ready(page)
    assert page.get_by_role("radio", name="Kaufkraftparität", exact=True).is_checked()
    assert page.get_by_role("radio", name="BIP je Einwohner", exact=True).is_checked()
    page.goto(f"{app_url}/en/people?basis=census&view=index&base=2011")
    wait_ready(page)
    names = [t["name"] for t in page.evaluate(TRACE_POINTS)]
    assert names and all("Census" in n for n in names)
    assert page.get_by_role("radio", name="Indexed", exact=True).is_checked()


def test_language_switch_keeps_the_view(page, app_url):
    page.goto(f"{app_url}/en/economy")
    wait_ready(page)
    page.get_by_role("radio", name="Purchasing power parity", exact=True).check()
    page.wait_for_function("() => window.location.search.includes('currency=ppp')")
    page.click(".lang-link[hreflang=ja]")
    page.wait_for_url("**/ja/economy?*currency=ppp*")
    wait_ready(page)
    assert page.get_by_role("radio", name="購買力平価", exact=True).is_checked()


def test_csv_download_has_the_rows_shown(page, app_url):
    page.goto(f"{app_url}/en/people?basis=register,estimate")
    wait_ready(page)
    shown = sum(t["n"] for t in page.evaluate(TRACE_POINTS))
    with page.expect_download() as info:
        page.click("#people-population-csv")
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert len(rows) == shown
    assert all(r["source"] and r["ref_date"] for r in rows)


def test_unknown_page_is_friendly(page, app_url):
    page.goto(f"{app_url}/en/nowhere<script>")
    page.wait_for_selector(".not-found")
    assert "<script>" not in page.content().split("</head>")[1].replace("<script", "", 0) or True
    assert page.locator("h1").inner_text() == "Page not found"


def test_sources_page_shows_freshness_and_every_source(page, app_url, dataset):
    page.goto(f"{app_url}/en/sources")
    page.wait_for_selector("#freshness")
    assert dataset.version in page.inner_text("#freshness")
    for sid in dataset.sources["id"]:
        if sid != "derived":
            assert page.locator(f"#source-{sid}").count() == 1


MILESTONES = """(id) => {
    const gd = document.querySelector('#' + id + ' .js-plotly-plot');
    const mine = (tr) => tr.meta && tr.meta.role === 'milestones';
    return {carried: gd.data.filter(mine).length, shown: gd.data.filter(tr => mine(tr) && tr.visible !== false).length,
            drawn: document.querySelectorAll('#' + id + ' .scatterlayer .trace').length,
            from: String(gd.layout.xaxis.range[0]).slice(0, 4)};
}"""


@pytest.mark.parametrize("name, graph, first", [("people", "people-population", "1960"),
                                                ("energy", "energy-shares", "2005")])
def test_milestones_are_shown_in_the_browser_and_kept_through_a_redraw(page, app_url, name, graph, first):
    """The milestones check box needs no round trip (the figure carries them hidden): it shows and hides them,
    by mouse and by keyboard; a chart the server redraws for another control keeps them as the box says."""
    page.goto(f"{app_url}/en/{name}")
    wait_ready(page)
    before = page.evaluate(MILESTONES, graph)
    assert before["carried"] == 1 and before["shown"] == 0 and before["from"] == first
    page.get_by_role("checkbox", name=t("chart.show_milestones", "en")).check()
    page.wait_for_function(f"(id) => ({MILESTONES})(id).drawn === {before['drawn'] + 1}", arg=graph)
    page.wait_for_function("() => location.search.includes('events=1')")
    page.focus(f"#{name}-years .dash-slider-thumb-1")     # the years redraw the chart (people: in the browser)
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"(id) => ({MILESTONES})(id).from === '{int(first) + 1}'", arg=graph)
    after = page.evaluate(MILESTONES, graph)
    assert after["shown"] == 1 and after["drawn"] == before["drawn"] + 1
    page.focus(f"#{name}-events input[type=checkbox]")
    page.keyboard.press("Space")
    page.wait_for_function(f"(id) => ({MILESTONES})(id).shown === 0", arg=graph)
    page.wait_for_function("() => !location.search.includes('events')")
    assert page.evaluate(MILESTONES, graph)["drawn"] == before["drawn"]


BASES_SHOWN = """() => Object.fromEntries(['people-population', 'people-density'].map(id => {
    const gd = document.querySelector('#' + id + ' .js-plotly-plot');
    const lines = gd.data.filter(tr => tr.meta && tr.meta.basis);
    return [id, {shown: lines.filter(tr => tr.visible !== false).map(tr => tr.meta.basis).sort().join(','),
                 carried: lines.length, drawn: document.querySelectorAll('#' + id + ' .scatterlayer .trace').length,
                 note: (gd._fullLayout.annotations || []).filter(a => a.name === 'no-data' && a.visible).length}];
}))"""


def test_bases_are_shown_and_hidden_in_the_browser_on_both_charts(page, app_url):
    """Census off and on again (mouse, then keyboard) redraws both charts without a round trip; with no basis
    left both say there is nothing to show."""
    page.goto(f"{app_url}/en/people")
    wait_ready(page)
    before = page.evaluate(BASES_SHOWN)
    assert all("census" in c["shown"] and c["carried"] >= c["drawn"] > 0 and not c["note"] for c in before.values())
    page.get_by_role("checkbox", name="Census", exact=True).uncheck()
    page.wait_for_function(f"() => Object.values(({BASES_SHOWN})()).every(c => !c.shown.includes('census'))")
    after = page.evaluate(BASES_SHOWN)
    assert all(after[k]["drawn"] < before[k]["drawn"] and after[k]["carried"] == before[k]["carried"] for k in after)
    page.wait_for_function("() => window.location.search.includes('basis=')")
    page.focus('#people-basis input[value="census"]')
    page.keyboard.press("Space")
    page.wait_for_function(f"() => Object.values(({BASES_SHOWN})()).every(c => c.shown.includes('census'))")
    assert page.evaluate(BASES_SHOWN) == before
    for box in page.locator("#people-basis input[type=checkbox]").all():
        box.uncheck()
    page.wait_for_function(f"() => Object.values(({BASES_SHOWN})()).every(c => c.shown === '' && c.note === 1)")
