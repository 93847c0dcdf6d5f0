"""The people page offers the Zensus-2022 official update and draws Essen's 2024 figure."""
import plotly.graph_objects as go

from dashboard.views.people import BASES, PeopleView


def test_official_update_zensus2022_is_drawn(dataset):
    assert "official_update_zensus2022" in BASES
    figure = go.Figure(PeopleView.from_query(dataset, {}).population_figure(dataset, "en"))
    traces = [t for t in figure.data if t.name == "Essen — Official update (IT.NRW/Destatis, Zensus 2022)"]
    assert len(traces) == 1, [t.name for t in figure.data]
    assert "31 December 2024: 574,682" in traces[0].hovertext[0]


def test_only_the_controls_a_chart_shows_redraw_it():
    """The view and base year ask the server for the population chart only (density keeps its drawing); the
    years, the bases and the milestones never ask the server (the browser shows them)."""
    from dash._callback import GLOBAL_CALLBACK_MAP   # the pages' @callback functions until the first request

    from tests.conftest import app                   # … which moves them into the app's map

    server, browser = {}, {}
    for output, spec in {**app().callback_map, **GLOBAL_CALLBACK_MAP}.items():
        outputs = {o.split("@")[0] for o in output.strip(".").split("...")}
        for out in outputs & {"people-population.figure", "people-density.figure"}:
            side = browser if spec.get("clientside_function") or not spec.get("callback") else server
            side.setdefault(out, set()).add(frozenset(i["id"] + "." + i["property"] for i in spec["inputs"]))
    assert server == {"people-population.figure": {frozenset({"people-view.value", "people-base.value"})}}
    assert browser == {"people-density.figure": {frozenset({"people-basis.value"}), frozenset({"people-years.value"})},
                       "people-population.figure": {frozenset({"people-basis.value"}),
                                                    frozenset({"people-events.value"}),
                                                    frozenset({"people-years.value"})}}


def test_charts_carry_every_basis_and_show_the_chosen(dataset):
    """The figures hold the lines of every basis (the browser shows and hides them) and show the chosen ones."""
    full = PeopleView.from_query(dataset, {})
    some = PeopleView.from_query(dataset, {"basis": "register,census"})
    none = PeopleView.from_controls(dataset, full.pair.id, [], "absolute", "2011", None, [])
    for chart in ("population_figure", "density_figure"):
        every, chosen, empty = (go.Figure(getattr(v, chart)(dataset, "en")) for v in (full, some, none))
        lines = [(tr.name, tr.meta["basis"]) for tr in every.data if tr.meta.get("basis")]
        assert lines == [(tr.name, tr.meta["basis"]) for tr in chosen.data if tr.meta.get("basis")]
        assert {b for _, b in lines} > {"register", "census"}
        assert all(tr.visible is (tr.meta["basis"] in ("register", "census"))
                   for tr in chosen.data if tr.meta.get("basis"))
        assert not any(tr.visible for tr in empty.data if tr.meta.get("basis"))
        assert [a.visible for a in empty.layout.annotations if a.name == "no-data"] == [True]
        assert [a.visible for a in chosen.layout.annotations if a.name == "no-data"] == [False]
        assert chosen.layout.yaxis.tickvals == every.layout.yaxis.tickvals   # the axis spans every basis


def test_density_is_one_figure_whatever_the_view(dataset):
    plain = PeopleView.from_query(dataset, {})
    indexed = PeopleView.from_query(dataset, {"view": "index", "base": "2020", "events": "1"})
    assert indexed.density_figure(dataset, "en") is plain.density_figure(dataset, "en")
