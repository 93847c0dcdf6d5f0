"""A chart drawn with plotly's default template and with that template written out (theme.written_out) is the
same drawing: the same SVG, element for element (plotly's random ids aside)."""
import json
import re

import plotly.utils
import pytest

from dashboard.figures import timeseries
from dashboard.figures.theme import _template, written_out
from dashboard.views.people import YEARS, PeopleView
from dashboard.views.timeline import milestones

pytestmark = pytest.mark.browser

SVG = """async (fig) => {
    const div = document.createElement('div');
    div.style.width = '900px'; div.style.height = '500px';
    document.body.appendChild(div);
    await Plotly.newPlot(div, fig.data, fig.layout, {staticPlot: true});
    const svg = [...div.querySelectorAll('svg')].map((e) => e.outerHTML).join('');
    Plotly.purge(div); div.remove();
    return svg;
}"""
ATTRIBUTE = re.compile(r'[\w:-]+="[^"]*"')


def normalised(svg: str) -> list[str]:
    """The SVG's elements, one per line, attributes sorted, plotly's random ids replaced."""
    svg = re.sub(r"(defs-|trace|clip|legend)[0-9a-f]{6}", r"\1ID", svg)
    out = []
    for tag in svg.replace(">", ">\n").splitlines():
        m = re.match(r"<(\w+)(.*?)(/?)>$", tag)
        out.append(f"<{m.group(1)} {' '.join(sorted(ATTRIBUTE.findall(m.group(2))))}{m.group(3)}>" if m else tag)
    return out


@pytest.mark.parametrize("axis", ["as drawn", "with its line", "plain"])
def test_the_written_out_template_draws_the_same_chart(page, app_url, dataset, monkeypatch, axis):
    page.goto(f"{app_url}/en/people")
    page.wait_for_selector("#people-population .main-svg")
    view = PeopleView.from_query(dataset, {})
    monkeypatch.setattr(timeseries, "written_out", lambda layout: layout)     # the chart as drawn with the template
    templated = timeseries.line_chart(view.rows(dataset, "population", every_basis=True, every_year=True),
                                      dataset.places, dataset.bases, "en", y_title="Persons",
                                      events=milestones(dataset, view.pair, YEARS), bases_shown=view.bases)
    assert templated["layout"]["template"] == _template()
    # and more than line_chart draws: a band (a shape), with or without an axis line the layout shows
    templated["layout"]["shapes"] = [{"type": "rect", "xref": "x", "x0": "2000-01-01", "x1": "2005-12-31",
                                      "yref": "y domain", "y0": 0, "y1": 1, "fillcolor": "#ccc", "opacity": 0.2}]
    if axis == "with its line":
        templated["layout"]["yaxis"]["showline"] = True
    if axis == "plain":     # the template's grid and zero line (a y range across zero): on by default in plotly.js
        for key in ("gridcolor", "zeroline"):
            del templated["layout"]["yaxis"][key]
        templated["layout"]["yaxis"]["range"] = [-50_000, 700_000]
    drawn = [normalised(page.evaluate(SVG, json.loads(json.dumps(f, cls=plotly.utils.PlotlyJSONEncoder))))
             for f in (templated, {"data": templated["data"], "layout": written_out(templated["layout"])})]
    assert len(drawn[0]) > 300                  # a whole chart: axes, lines, legend
    assert drawn[0] == drawn[1]
