"""Charts a mayor can read, checked in the drawn charts: no annotation or label outside its plot area (clipped),
log axes (if any) label only powers of ten; the energy page draws one panel per measure, so unlike measures
never share an axis. The checker itself is shown to fail on a figure with both faults."""
from __future__ import annotations

import pytest

from dashboard.views.energy import SHARES

pytestmark = pytest.mark.browser

CHECK = """(root) => {
    const problems = [];
    const inside = (r, box, slack = 1) => r.left >= box.left - slack && r.right <= box.right + slack
        && r.top >= box.top - slack && r.bottom <= box.bottom + slack;
    for (const gd of root.querySelectorAll('.js-plotly-plot')) {
        const fl = gd._fullLayout;
        if (!fl) continue;
        const svg = gd.querySelector('.main-svg').getBoundingClientRect();
        const plotBox = (xa, ya) => ({left: svg.left + xa._offset, right: svg.left + xa._offset + xa._length,
                                      top: svg.top + ya._offset, bottom: svg.top + ya._offset + ya._length});
        // annotations: inside the figure; those tied to data inside their plot area
        gd.querySelectorAll('g.annotation').forEach(g => {
            const i = +g.getAttribute('data-index'), spec = (fl.annotations || [])[i] || {};
            const r = g.getBoundingClientRect();
            if (!r.width) return;
            const tied = spec.xref && spec.xref !== 'paper' && !String(spec.xref).endsWith('domain')
                && spec.yref && spec.yref !== 'paper' && !String(spec.yref).endsWith('domain');
            const box = tied ? plotBox(fl[spec.xref.replace('x', 'xaxis')], fl[spec.yref.replace('y', 'yaxis')]) : svg;
            if (!inside(r, box)) problems.push(`${gd.id || gd.parentElement.id}: annotation "${g.textContent}" outside`);
        });
        // text drawn beside data points (e.g. "target 2040"): inside the plot area of its own panel
        (gd._fullData || []).forEach((trace, n) => {
            if (!String(trace.mode || '').includes('text') || !trace.visible || trace.visible === 'legendonly') return;
            const xa = fl[(trace.xaxis || 'x').replace('x', 'xaxis')], ya = fl[(trace.yaxis || 'y').replace('y', 'yaxis')];
            const layer = gd.querySelectorAll('.scatterlayer .trace')[n];
            if (!layer) return;
            layer.querySelectorAll('.textpoint text').forEach(t => {
                const r = t.getBoundingClientRect();
                if (r.width && !inside(r, plotBox(xa, ya))) problems.push(`${gd.id}: label "${t.textContent}" outside`);
            });
        });
        // log axes: labels only on powers of ten
        Object.keys(fl).filter(k => /^[xy]axis\\d*$/.test(k) && fl[k].type === 'log').forEach(k => {
            (fl[k]._vals || []).forEach(v => {
                const label = String(v.text || '').replace(/<[^>]+>/g, '').trim();
                if (label && Math.abs(v.x - Math.round(v.x)) > 1e-6) problems.push(`${gd.id}: ${k} labels a minor tick "${label}"`);
            });
        });
    }
    return problems;
}"""

BAD_FIGURE = """async () => {
    const div = document.createElement('div');
    div.id = 'bad-figure';
    div.style.width = '600px'; div.style.height = '300px';
    document.querySelector('main').appendChild(div);
    await Plotly.newPlot(div, [
        {x: [2020, 2040], y: [50, 100], mode: 'markers+text', text: ['', 'Target 2040'], textposition: 'top center',
         cliponaxis: false},
        {x: [1, 2], y: [1, 5000], xaxis: 'x2', yaxis: 'y2'}],
        {yaxis: {range: [0, 100]}, xaxis: {domain: [0, 0.45]}, xaxis2: {domain: [0.55, 1]},
         yaxis2: {type: 'log', anchor: 'x2', dtick: 'D1'},
         annotations: [{x: 2040, y: 100, xref: 'x', yref: 'y', text: 'Target 2040', yshift: 40, showarrow: false}]},
        {staticPlot: true});
    return true;
}"""


def ready(page):
    page.wait_for_function("""() => { const p = [...document.querySelectorAll('.js-plotly-plot')];
        return p.length && p.every(gd => gd._fullLayout && gd.querySelector('.main-svg'))
            && !document.querySelector('._dash-loading'); }""")


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
@pytest.mark.parametrize("name", ["energy", "people", "economy"])
def test_no_clipped_labels_and_no_minor_log_labels(page, app_url, name, lang):
    page.goto(f"{app_url}/{lang}/{name}")
    ready(page)
    assert page.evaluate(CHECK, page.query_selector("main")) == []


def test_the_checker_finds_both_faults(page, app_url):
    page.goto(f"{app_url}/en/energy")
    ready(page)
    page.evaluate(BAD_FIGURE)
    page.wait_for_function("() => document.querySelector('#bad-figure .main-svg')")
    problems = page.evaluate(CHECK, page.query_selector("#bad-figure").evaluate_handle("e => e.parentElement"))
    assert any("annotation" in p and "Target 2040" in p for p in problems), problems
    assert any('label "Target 2040" outside' in p for p in problems), problems
    assert any("minor tick" in p for p in problems), problems


def test_energy_shares_one_panel_per_measure(page, app_url, dataset):
    page.goto(f"{app_url}/en/energy")
    ready(page)
    panels = page.evaluate("""() => { const gd = document.querySelector('#energy-shares .js-plotly-plot');
        const byAxis = {};
        gd._fullData.filter(t => t.meta && t.meta.indicator).forEach(t => {
            (byAxis[t.yaxis] = byAxis[t.yaxis] || new Set()).add(t.meta.indicator); });
        return Object.values(byAxis).map(s => [...s]); }""")
    measures = set(dataset.facts[dataset.facts["indicator_id"].isin(SHARES) & dataset.facts["preferred"]
                                 & dataset.facts["area_id"].isin(["essen", "koriyama", "nrw", "fukushima_pref",
                                                                  "germany", "japan"])]["indicator_id"])
    assert all(len(p) == 1 for p in panels) and {p[0] for p in panels} == measures
    axes = page.evaluate("""() => { const fl = document.querySelector('#energy-capacity .js-plotly-plot')._fullLayout;
        return Object.keys(fl).filter(k => /^yaxis\\d*$/.test(k)).map(k => fl[k].type); }""")
    assert axes and "log" not in axes
