"""Time-series and bar figures are pure functions of the selected rows."""
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.theme import nice_ticks, plot_dates
from dashboard.figures.timeseries import line_chart as chart_dict
from dashboard.figures.timeseries import paired_bars
from dashboard.selection import series


def line_chart(*args, **kwargs) -> go.Figure:
    """The chart (a plain dict) as a figure object, to read it the way plotly.js will."""
    return go.Figure(chart_dict(*args, **kwargs))


def test_line_chart_one_trace_per_place_and_basis(dataset):
    rows = series(dataset.facts, "population", ["essen", "koriyama"], ["register", "estimate"])
    fig = line_chart(rows, dataset.places, dataset.bases, "en")
    names = {tr.name for tr in fig.data}
    assert names == {"Essen — City register", "Koriyama — Estimated population"}
    total = sum(len(tr.y) for tr in fig.data)
    assert total == len(rows)


def test_city_colours_come_from_the_catalogue(dataset):
    rows = series(dataset.facts, "population", ["essen", "koriyama"], ["census"])
    fig = line_chart(rows, dataset.places, dataset.bases, "de")
    colours = {tr.name.split(" — ")[0]: tr.line.color for tr in fig.data}
    assert colours == {"Essen": "#0072B2", "Koriyama": "#D55E00"}
    assert fig.layout.separators == ",."


def test_empty_selection_says_so(dataset):
    fig = line_chart(dataset.facts.iloc[0:0], dataset.places, dataset.bases, "ja")
    assert fig.layout.annotations[0].text == "この選択にはデータがありません"
    assert len(fig.data) == 0


def test_axis_ticks_in_local_format(dataset):
    rows = series(dataset.facts, "population", ["essen"], ["register"])
    fig = line_chart(rows, dataset.places, dataset.bases, "de")
    assert any("Tsd." in str(t) or "." in str(t) for t in fig.layout.yaxis.ticktext)
    fig_ja = line_chart(rows, dataset.places, dataset.bases, "ja")
    assert any("万" in str(t) for t in fig_ja.layout.yaxis.ticktext)


def test_targets_drawn(dataset):
    rows = series(dataset.facts, "re_share_energy_demand", ["fukushima_pref"])
    fig = line_chart(rows, dataset.places, dataset.bases, "en", targets=dataset.targets)
    stars = [tr for tr in fig.data if tr.marker and tr.marker.symbol == "star"]
    assert stars and stars[0].y[0] == 100
    assert len(fig.layout.shapes) == 2  # Essen 2030–2040 and Koriyama 2050 net-zero bands


def test_milestone_markers_carry_event_ids(dataset):
    rows = series(dataset.facts, "population", ["essen"], ["register"])
    events = dataset.events[dataset.events["milestone"]]
    fig = line_chart(rows, dataset.places, dataset.bases, "en", events=events)
    marker = fig.data[-1]
    assert list(marker.customdata) == list(events["id"])
    assert marker.meta == {"role": "milestones"} and marker.visible is True


def test_milestones_are_carried_hidden_for_the_browser_to_show(dataset):
    rows = series(dataset.facts, "population", ["essen"], ["register"])
    events = dataset.events[dataset.events["milestone"]]
    fig = line_chart(rows, dataset.places, dataset.bases, "en", events=events, events_shown=False)
    hidden = [tr for tr in fig.data if tr.meta and tr.meta.get("role") == "milestones"]
    assert len(hidden) == 1 and hidden[0].visible is False
    assert list(hidden[0].customdata) == list(events["id"])
    assert all(tr.visible is not False for tr in fig.data if tr is not hidden[0])


def test_bars_label_fiscal_years(dataset):
    rows = series(dataset.facts, "gdp_eur", ["koriyama"])
    fig = paired_bars(rows, dataset.places, "de")
    assert all(str(x).startswith("Fiskaljahr ") for x in fig.data[0].x)


def test_plot_dates_put_years_in_the_middle():
    out = plot_dates(pd.Series(["2017", "FY2021", "2023-09", "2022-12-31"]),
                     pd.Series(["year", "fiscal_year", "month", "day"]),
                     pd.Series(pd.to_datetime(["2017-12-31", "2022-03-31", "2023-09-30", "2022-12-31"])))
    assert [d.strftime("%Y-%m-%d") for d in out] == ["2017-07-01", "2021-09-30", "2023-09-15", "2022-12-31"]


def test_nice_ticks():
    assert nice_ticks(0, 97) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(float("nan"), 1) == []


def test_charts_draw_once_with_margins_that_hold_their_labels(dataset):
    """automargin off (it redraws the chart on every update); the left margin fits the widest tick label."""
    from dashboard.figures.theme import fixed_margins, text_width

    rows = series(dataset.facts, "population", ["essen", "koriyama"], ["register", "estimate"])
    for lang in ("en", "de", "ja"):
        fig = line_chart(rows, dataset.places, dataset.bases, lang, y_title="Personen")
        assert fig.layout.xaxis.automargin is False and fig.layout.yaxis.automargin is False
        widest = max(text_width(v, 14) for v in fig.layout.yaxis.ticktext)
        assert fig.layout.margin.l >= widest + 14 * 1.6
    wide = line_chart(rows, dataset.places, dataset.bases, "en")
    wide.update_yaxes(ticktext=["1.234.567.890 Einwohner"] * len(wide.layout.yaxis.tickvals))
    assert fixed_margins(wide).layout.margin.l > 150
    bare = fixed_margins(go_figure())     # labels plotly chooses itself: plotly measures them
    assert bare.layout.yaxis.automargin is None and bare.layout.margin.l is None


def go_figure():
    return go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
