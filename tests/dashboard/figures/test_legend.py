"""figures.legend: a chart whose lines the page lists itself (plotly's legend off, a key picture per line)."""
from urllib.parse import unquote

from dashboard.figures import legend


def figure():
    return {"data": [
        {"type": "scatter", "name": "Essen — Census", "mode": "lines+markers", "visible": False,
         "line": {"color": "#0072B2", "dash": "dot", "width": 3}, "marker": {"symbol": "diamond", "size": 9},
         "meta": {"basis": "census"}},
        {"type": "scatter", "name": "Koriyama — Estimate", "mode": "lines+markers",
         "line": {"color": "#D55E00", "width": 3}, "marker": {"symbol": "circle", "size": 9}},
        {"type": "scatter", "name": "panel 2", "showlegend": False, "line": {"color": "#000"}},
        {"type": "scatter", "name": "Milestones", "mode": "markers",
         "marker": {"symbol": "diamond-wide", "color": "#6a3d9a", "line": {"color": "white"}}},
    ], "layout": {"yaxis": {"title": {"text": "Persons"}}}}


def test_keyed_turns_plotly_legend_off_and_gives_each_listed_line_its_picture():
    given = figure()
    keyed = legend.keyed(given)
    assert keyed["layout"]["showlegend"] is False and "showlegend" not in given["layout"]   # a copy
    assert [bool((tr.get("meta") or {}).get("swatch")) for tr in keyed["data"]] == [True, True, False, True]
    assert "swatch" not in given["data"][0]["meta"]
    assert keyed["data"][0]["meta"]["basis"] == "census"


def test_entries_list_the_lines_in_order_with_whether_they_are_shown():
    entries = legend.entries(legend.keyed(figure()))
    assert [(e["name"], e["shown"]) for e in entries] == [
        ("Essen — Census", False), ("Koriyama — Estimate", True), ("Milestones", True)]


def test_a_key_picture_draws_the_line_its_dash_and_its_marker():
    census, estimate, _, milestones = (unquote(legend.swatch(tr)).split(",", 1)[1] for tr in figure()["data"])
    assert census.startswith("<svg") and 'stroke="#0072B2"' in census and 'stroke-dasharray="3,3"' in census
    assert "<polygon" in census                                       # a diamond
    assert "stroke-dasharray" not in estimate and "<circle" in estimate
    assert "<line" not in milestones and 'fill="#6a3d9a"' in milestones and 'stroke="white"' in milestones
    assert legend.swatch(figure()["data"][0]).startswith("data:image/svg+xml,%3Csvg")
    assert "#" not in legend.swatch(figure()["data"][0])              # a "#" would end the address


def test_entries_of_every_figure_the_page_may_draw_shown_as_the_drawn_one_shows_them():
    drawn = legend.keyed(figure())
    other = legend.keyed({"data": [{**figure()["data"][1], "visible": True},
                                   {"name": "Essen — Register", "mode": "lines", "line": {"color": "#0072B2"}}],
                          "layout": {}})
    entries = legend.entries(drawn, [other, drawn])
    assert [(e["name"], e["shown"]) for e in entries] == [
        ("Koriyama — Estimate", True), ("Essen — Register", False), ("Essen — Census", False), ("Milestones", True)]
