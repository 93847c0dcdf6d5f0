"""Axes of every window of years, worked out once per chart (the browser applies them: test_people_years)."""
import copy

import pandas as pd
import pytest

from dashboard.figures import year_windows


def rows():
    return pd.DataFrame({"year": [2000, 2000, 2002, 2003], "value": [100.0, 40.0, 250.0, 1000.0]})


def test_every_window_has_the_ticks_of_its_own_rows():
    table = year_windows.table(rows(), (2000, 2003), str)
    assert table["first"] == 2000 and [len(r) for r in table["index"]] == [4, 3, 2, 1]
    assert table["lows"] == [40.0, None, 250.0, 1000.0] and table["highs"] == [100.0, None, 250.0, 1000.0]
    assert year_windows.axis_for(table, (2001, 2001)) is None                  # no row in 2001
    assert table["index"][1][0] == -1
    only_2000 = year_windows.axis_for(table, (2000, 2001))
    assert only_2000["tickvals"][0] == 0 and 100 <= only_2000["tickvals"][-1] < 250
    everything = year_windows.axis_for(table, (2000, 2003))
    assert everything["tickvals"][-1] >= 1000 and everything["ticktext"] == [str(v) for v in everything["tickvals"]]
    # windows with the same ticks share one axis
    assert len(table["axes"]) == len({tuple(a["tickvals"]) for a in table["axes"]}) < 10
    assert year_windows.axis_for(table, (1999, 2003)) is None and year_windows.axis_for(table, (2003, 2002)) is None


def test_the_range_spans_the_window_from_zero_or_not():
    table = year_windows.table(rows(), (2000, 2003), str)
    assert year_windows.y_range(table, (2002, 2003)) == pytest.approx([-50.0, 1050.0])
    assert year_windows.y_range(table, (2001, 2001)) is None
    free = year_windows.table(rows(), (2000, 2003), str, include_zero=False)
    assert free["zero"] is False and year_windows.y_range(free, (2002, 2003)) == pytest.approx([212.5, 1037.5])
    assert min(year_windows.axis_for(free, (2002, 2003))["tickvals"]) > 0


def test_the_left_margin_holds_the_widest_label_and_the_title():
    narrow = year_windows.table(rows(), (2000, 2003), str)
    wide = year_windows.table(rows(), (2000, 2003), lambda v: f"{v:,.0f} inhabitants", title="Persons")
    assert year_windows.axis_for(wide, (2000, 2003))["left"] > year_windows.axis_for(narrow, (2000, 2003))["left"]


def figure(visible=True):
    return {"data": [{"type": "scatter", "visible": visible, "meta": {"basis": "register", "years": [2000, 2002]}},
                     {"type": "scatter", "meta": {"role": "milestones"}}],
            "layout": {"xaxis": {"range": ["2000-01-01", "2003-12-31"]}, "yaxis": {"title": {"text": "t"}},
                       "margin": {"l": 60, "r": 20},
                       "annotations": [{"name": "no-data", "visible": False}, {"text": "other"}]}}


def test_shown_sets_the_window_and_leaves_the_figure_given_alone():
    table = year_windows.table(rows(), (2000, 2003), str)
    given = figure()
    before = copy.deepcopy(given)
    out = year_windows.shown(given, table, (2002, 2003))
    assert given == before
    assert out["layout"]["xaxis"]["range"] == ["2002-01-01", "2003-12-31"]
    assert out["layout"]["yaxis"]["tickvals"] == year_windows.axis_for(table, (2002, 2003))["tickvals"]
    assert out["layout"]["yaxis"]["title"] == {"text": "t"} and out["layout"]["margin"]["r"] == 20
    assert out["layout"]["annotations"] == [{"name": "no-data", "visible": False}, {"text": "other"}]


def test_a_window_without_a_shown_point_says_so_on_the_axis_of_the_whole_span():
    table = year_windows.table(rows(), (2000, 2003), str)
    empty_years = year_windows.shown(figure(), table, (2003, 2003))          # the line has no point in 2003
    assert empty_years["layout"]["annotations"][0]["visible"] is True
    no_rows = year_windows.shown(figure(), table, (2001, 2001))
    assert no_rows["layout"]["yaxis"]["tickvals"] == year_windows.axis_for(table, (2000, 2003))["tickvals"]
    assert no_rows["layout"]["yaxis"]["range"] == year_windows.y_range(table, (2000, 2003))
    hidden = year_windows.shown(figure(visible=False), table, (2000, 2003))
    assert hidden["layout"]["annotations"][0]["visible"] is True


def test_a_chart_without_any_row_is_left_as_it_is():
    table = year_windows.table(rows().iloc[0:0], (2000, 2003), str)
    assert table["axes"] == [] and all(k == -1 for r in table["index"] for k in r)
    given = {"data": [], "layout": {"annotations": [{"text": "No data"}]}}
    assert year_windows.shown(given, table, (2000, 2001)) is given
