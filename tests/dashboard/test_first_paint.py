"""The overview painted from the HTML itself: Dash trees written as escaped HTML, only for text-and-card pages."""
import re

import pytest
from dash import dcc, html

from dashboard import first_paint


def test_text_and_attributes_are_escaped_and_styles_written_as_css():
    drawn = str(first_paint.html_of(html.Div(
        ["<b>x</b> & y", html.A("a&b", href='"><script>', title="t")], className="c d", id="i",
        style={"borderTopColor": "#fff", "--city-a": "#000"}, **{"data-x": "1", "aria-label": "<l>"})))
    assert drawn.startswith('<div class="c d" id="i" style="border-top-color: #fff; --city-a: #000" ')
    assert ' data-x="1"' in drawn and ' aria-label="&lt;l&gt;"' in drawn
    assert drawn.endswith('>&lt;b&gt;x&lt;/b&gt; &amp; y<a href="&#34;&gt;&lt;script&gt;" title="t">a&amp;b</a></div>')


def test_void_elements_booleans_numbers_and_components_without_html():
    drawn = str(first_paint.html_of([
        html.Img(src="data:image/svg+xml;base64,AA==", alt="trend"), html.Details([html.Summary("s"), 7], open=True),
        dcc.Store(id="s", data={"a": 1}), dcc.Location(id="u"), dcc.Link("go", href="/en/maps"),
        html.Div(id={"type": "x", "i": 1}, hidden=False), None, True]))
    assert drawn == ('<img alt="trend" src="data:image/svg+xml;base64,AA=="><details open><summary>s</summary>7'
                     '</details><a href="/en/maps">go</a><div></div>')


def test_the_navigation_renders_as_its_list():
    import dash_bootstrap_components as dbc

    nav = dbc.Nav([dbc.NavItem(dbc.NavLink("People", href="/en/people", active=True, className="nav-page"))],
                  pills=True, className="main-nav")
    assert str(first_paint.html_of(nav)) == ('<ul class="nav nav-pills main-nav"><li class="nav-item">'
                                             '<a class="nav-link active nav-page" href="/en/people">People</a></li></ul>')


@pytest.fixture(scope="module")
def client(published):
    from tests.conftest import app

    return app().server.test_client()


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_the_overview_arrives_drawn_in_its_html(client, dataset, lang):
    from dashboard.pages import overview
    from tests.dashboard.tree import find_all

    body = client.get(f"/{lang}/overview").get_data(as_text=True)
    entry = body[body.index('<div id="react-entry-point">'):body.index('<div class="dash-scripts">')]
    assert "_dash-loading" not in entry and entry.count('class="core-card"') == 12 and "first-paint" in entry
    values = re.findall(r'class="core-value" data-value="([^"]+)"', entry)
    expected = [c["data-value"] for c in find_all(overview.layout(lang=lang), "core-value") if c.get("data-value")]
    assert values[:len(expected)] == expected and len(expected) >= 9


def test_pages_with_charts_keep_dashs_loading_state(client):
    body = client.get("/en/people").get_data(as_text=True)
    assert "_dash-loading" in body and "core-card" not in body


@pytest.mark.parametrize("query", ["?pair=<script>alert(1)</script>", "?era=\"><b id=x>&indicator=<img src=x>",
                                   "?pair=grenoble_toyota&indicator=population,<a href='//x'>"])
def test_queries_never_come_back_as_markup(client, query):
    response = client.get("/ja/overview" + query)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    for piece in ("<script>alert", "<b id=x>", "<img src=x>", "<a href='//x'>"):
        assert piece not in body
