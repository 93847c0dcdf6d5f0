"""The people page offers the Zensus-2022 official update and draws Essen's 2024 figure."""
import plotly.graph_objects as go

from dashboard.views.people import BASES, PeopleView, variant_key


def test_official_update_zensus2022_is_drawn(dataset):
    assert "official_update_zensus2022" in BASES
    figure = go.Figure(PeopleView.from_query(dataset, {}).population_figure(dataset, "en"))
    traces = [t for t in figure.data if t.name == "Essen — Official update (IT.NRW/Destatis, Zensus 2022)"]
    assert len(traces) == 1, [t.name for t in figure.data]
    assert "31 December 2024: 574,682" in traces[0].hovertext[0]


def test_only_the_controls_a_chart_shows_redraw_it():
    """No control asks the server for a chart (the browser draws every choice from what the page carries); the
    view, the base year and the milestones redraw the population chart only (density shows none of them)."""
    from dash._callback import GLOBAL_CALLBACK_MAP   # the pages' @callback functions until the first request

    from tests.conftest import app                   # … which moves them into the app's map

    server, browser = {}, {}
    for output, spec in {**app().callback_map, **GLOBAL_CALLBACK_MAP}.items():
        outputs = {o.split("@")[0] for o in output.strip(".").split("...")}
        for out in outputs & {"people-population.figure", "people-density.figure"}:
            side = browser if spec.get("clientside_function") or not spec.get("callback") else server
            side.setdefault(out, set()).add(frozenset(i["id"] + "." + i["property"] for i in spec["inputs"]))
    assert server == {}
    bases, years = frozenset({"people-basis.value"}), frozenset({"people-years.value"})
    assert browser == {"people-density.figure": {bases, years},
                       "people-population.figure": {bases, years, frozenset({"people-view.value", "people-base.value",
                                                                             "people-events.value"})}}


def test_the_page_carries_the_chart_of_every_view_and_base_year(dataset):
    """What the browser draws a choice from: per view and base year, the chart over every year and basis (an index
    line is 100 at its figure of the base year), with its axes for every window of years; the lines' values are
    the published ones."""
    from dashboard.selection import series

    view = PeopleView.from_query(dataset, {"view": "index", "base": "2020", "basis": "census", "years": "1990-2000"})
    variants = view.population_variants(dataset, "en")
    assert set(variants) == {"absolute", "index-2010", "index-2011", "index-2015", "index-2020"}
    assert variant_key("index", 2020) == "index-2020" and variant_key("absolute", 2020) == "absolute"
    for key, variant in variants.items():
        lines = [tr for tr in variant["figure"]["data"] if (tr.get("meta") or {}).get("basis")]
        assert lines and all(tr.get("visible", True) is not False for tr in lines)      # every basis shown
        assert variant["figure"]["layout"]["showlegend"] is False                        # listed by the page
        assert variant["windows"]["axes"]
        if key.startswith("index-"):
            base = int(key.split("-")[1])
            assert str(base) in variant["figure"]["layout"]["yaxis"]["title"]["text"]
            # every line is indexed to one of its figures: that one is 100
            assert all(100 in list(tr["y"]) for tr in lines), key
    published = series(dataset.facts, "population", view.pair.ids, BASES)["value"]
    drawn = [y for tr in variants["absolute"]["figure"]["data"] if (tr.get("meta") or {}).get("basis") for y in tr["y"]]
    assert sorted(drawn) == sorted(published.astype(float))
    assert variants["absolute"]["windows"] != variants["index-2020"]["windows"]


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
