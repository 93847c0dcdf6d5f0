"""theme.written_out: plotly's default template written into a layout, the layout's own values first."""
from dashboard.figures.theme import _template, layout_of, written_out


def test_no_template_is_left_and_the_layouts_own_values_win():
    layout = layout_of("en", y_title="Persons")
    out = written_out(layout)
    assert "template" not in out and "template" in layout            # the layout given is not changed
    assert out["plot_bgcolor"] == "white"                               # own, over the template's #E5ECF6
    assert out["font"]["family"] == layout["font"]["family"]
    assert out["font"]["color"] == _template()["layout"]["font"]["color"]   # the template's, where the layout has none
    assert out["yaxis"]["title"] == {"text": "Persons", "standoff": 15}
    assert out["colorway"] == _template()["layout"]["colorway"]


def test_every_axis_gets_the_template_axis_but_no_line_the_template_would_not_draw():
    layout = {"xaxis": {"showline": True}, "yaxis2": {"overlaying": "y"}, "annotations": [{"text": "a"}],
              "shapes": [{"type": "rect", "line": {"width": 0}}]}
    out = written_out(layout)
    assert out["xaxis"]["linecolor"] == "white"                         # the layout shows the line: template colour
    assert out["xaxis"]["ticks"] == "" and out["yaxis2"]["ticks"] == ""  # yaxis2 too
    # a colour set in the layout turns the axis line on in plotly.js: the template's is not written where it would
    assert "linecolor" not in out["yaxis"] and "linecolor" not in out["yaxis2"]
    # the grid and the zero line are on anyway: their template colours are written out
    assert out["yaxis"]["gridcolor"] == "white" and out["yaxis2"]["zerolinecolor"] == "white"
    assert out["annotations"] == [{"arrowcolor": "#2a3f5f", "arrowhead": 0, "arrowwidth": 1, "text": "a"}]
    assert out["shapes"][0]["line"] == {"color": "#2a3f5f", "width": 0}
    assert "polar" not in out and "scene" not in out and "geo" not in out   # subplots these charts never draw


def test_charts_built_as_dicts_carry_no_template(dataset):
    from dashboard.views.energy import EnergyView
    from dashboard.views.people import PeopleView

    people = PeopleView.from_query(dataset, {})
    for figure in (people.population_figure(dataset, "en"), people.density_figure(dataset, "ja"),
                   EnergyView.from_query(dataset, {}).shares_figure(dataset, "de")):
        assert "template" not in figure["layout"]
