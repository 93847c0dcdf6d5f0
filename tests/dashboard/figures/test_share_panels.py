"""The description of every share panel (share_store) and the figure drawn from it for a choice (share_figure),
checked against the published facts and targets themselves."""
import itertools
import json

import plotly.utils
import pytest

from dashboard.figures.share_panels import HEADROOM, PANEL_HEIGHT, share_figure
from dashboard.selection import series
from dashboard.views.energy import SHARES, EnergyView
from dashboard.views.energy import YEARS as SPAN

YEARS = (2005, 2042)


@pytest.fixture(scope="module")
def view(dataset):
    return EnergyView.from_query(dataset, {"years": f"{YEARS[0]}-{YEARS[1]}"})


def test_the_store_holds_every_measure_and_place_with_figures(dataset, view):
    store = view.shares_store(dataset, "en")
    json.dumps(store, cls=plotly.utils.PlotlyJSONEncoder)           # plain data for the browser
    assert store == EnergyView.from_query(dataset, {"years": "2010-2020"}).shares_store(dataset, "en")  # every year
    for measure in store["measures"]:
        for line in measure["lines"]:
            rows = series(dataset.facts, measure["id"], [line["area"]], year_range=SPAN)
            assert line["trace"]["meta"] == {"area": line["area"], "indicator": measure["id"]}
            assert line["trace"]["y"] == rows["value"].tolist() and len(rows) > 0
            assert line["years"] == rows["year"].tolist()
        with_rows = {a for a in view.pair.areas if not series(dataset.facts, measure["id"], [a], year_range=SPAN).empty}
        assert {line["area"] for line in measure["lines"]} == with_rows
        assert {a["area"] for a in measure["axes"]} >= with_rows
    offered = {m for m in SHARES if not series(dataset.facts, m, view.pair.areas, year_range=SPAN).empty}
    assert [m["id"] for m in store["measures"]] == [m for m in SHARES if m in offered]
    assert [g["height"] for g in store["grids"]] == [PANEL_HEIGHT * n + 120 for n in range(1, len(SHARES) + 1)]
    assert store["empty"]["layout"]["annotations"][0]["text"] == "No data for this selection"


def top_of(dataset, measure, areas, years=YEARS) -> float:
    values = series(dataset.facts, measure, areas, year_range=years)["value"].tolist()
    targets = dataset.targets[dataset.targets["area_id"].isin(areas) & dataset.targets["target"].eq(measure)]
    return max(max(values + targets["value"].dropna().tolist()) * HEADROOM, 10.0)


@pytest.mark.parametrize("lang, years", [("en", YEARS), ("ja", YEARS), ("en", (2015, 2020)), ("de", (2021, 2021))])
def test_every_choice_of_places_gets_its_panels_and_axes(dataset, view, lang, years):
    store = view.shares_store(dataset, lang)
    period_targets = set(dataset.targets[dataset.targets["value"].isna()]["area_id"])
    for k in range(len(view.pair.areas) + 1):
        for areas in itertools.combinations(view.pair.areas, k):
            fig = share_figure(store, SHARES, areas, events_shown=True, years=years)
            panels = [m for m in SHARES if not series(dataset.facts, m, areas, year_range=years).empty]
            layout = fig["layout"]
            if not panels:
                assert fig == store["empty"]
                continue
            assert layout["height"] == PANEL_HEIGHT * len(panels) + 120
            for n, measure in enumerate(panels, start=1):
                axis = layout[f"yaxis{n if n > 1 else ''}"]
                assert axis["range"] == [0, pytest.approx(top_of(dataset, measure, areas, years))], (areas, measure)
                assert axis["ticktext"] and max(axis["tickvals"]) <= axis["range"][1]
            assert layout["xaxis"]["range"] == [f"{years[0]}-01-01", f"{years[1]}-12-31"]
            lines = [tr for tr in fig["data"] if "area" in tr.get("meta", {})]
            assert {tr["meta"]["area"] for tr in lines} <= set(areas)
            # a line is drawn when it has a figure within the years
            assert {(tr["meta"]["indicator"], tr["meta"]["area"]) for tr in lines} == {
                (m, a) for m in panels for a in areas if not series(dataset.facts, m, [a], year_range=years).empty}
            assert sorted(tr["meta"]["area"] for tr in lines if tr["showlegend"]) == sorted({tr["meta"]["area"] for tr in lines})
            assert len(layout.get("shapes", [])) == len(panels) * len(period_targets & set(areas))
            milestones = [tr for tr in fig["data"] if tr.get("meta", {}).get("role") == "milestones"]
            assert len(milestones) == 1 and milestones[0]["visible"] is True
            assert milestones[0]["yaxis"] == f"y{len(panels) if len(panels) > 1 else ''}"


def test_no_measure_or_no_place_is_the_no_data_figure(dataset, view):
    store = view.shares_store(dataset, "de")
    assert share_figure(store, (), view.pair.areas) == store["empty"]
    assert share_figure(store, SHARES, ()) == store["empty"]
    assert share_figure(store, SHARES, ()) is not store["empty"]     # a copy: the cached store stays as it is

