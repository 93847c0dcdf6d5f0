"""Map figures are pure functions: places + boundaries + options → go.Figure, drawn without any server."""
import dataclasses
from datetime import date

import numpy as np
import plotly.io as pio
import pytest
from shapely.geometry import Polygon

from dashboard import geometry
from tests.dashboard.measuring import metres_per_pixel
from dashboard.figures import maps
from dashboard.i18n import format as fmt
from dashboard.i18n import t
from tests.dashboard.tree import find_all, texts


@pytest.fixture(scope="module")
def catalogue(dataset):
    return {row["id"]: row for row in dataset.places.to_dict("records")}


@pytest.fixture(scope="module")
def pair(catalogue):
    return catalogue["essen"], catalogue["koriyama"]


@pytest.fixture(scope="module")
def official(dataset):
    return {p: dataset.boundary_meta["layers"][p]["area_km2_official"] for p in ("essen", "koriyama")}


def roles(fig, role):
    return [tr for tr in fig.data if (tr.meta or {}).get("role") == role]


def polygon(trace) -> Polygon:
    """The first ring of an outline trace as a polygon (rings are separated by NaN)."""
    x, y = np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)
    end = int(np.argmax(np.isnan(x))) if np.isnan(x).any() else len(x)
    return Polygon(zip(x[:end], y[:end]))


def test_only_cartesian_scatter_traces_so_nothing_is_fetched(dataset, pair, catalogue, official):
    """No geo/map subplot (topojson, tiles, glyphs): every trace is a plain cartesian scatter."""
    figs = [maps.location_map(*pair, catalogue, dataset.boundaries, "en"),
            maps.twin_map(*pair, dataset.boundaries, "en", districts=True, official_km2=official),
            maps.overlay_map(*pair, dataset.boundaries, "en", official_km2=official)]
    for fig in figs:
        assert {tr.type for tr in fig.data} == {"scatter"}
        layout = fig.to_plotly_json()["layout"]
        assert not {"geo", "map", "mapbox"} & set(layout)
        assert "http" not in pio.to_json(fig)


def test_location_map_route_cities_and_regions(dataset, pair, catalogue):
    essen, koriyama = pair
    fig = maps.location_map(essen, koriyama, catalogue, dataset.boundaries, "en")
    route = roles(fig, "route")[0]
    for i, place in ((0, essen), (-1, koriyama)):
        assert (float(route.x[i]), float(route.y[i])) == pytest.approx((float(place["lon"]), float(place["lat"])),
                                                                        abs=1e-4)
    assert {tr.meta["place"] for tr in roles(fig, "city")} == {"essen", "koriyama"}
    assert {tr.meta["place"] for tr in roles(fig, "region")} == {"nrw", "fukushima_pref"}
    assert {tr.meta["place"] for tr in roles(fig, "country")} == {"germany", "japan"}
    assert {tr.meta["place"] for tr in roles(fig, "city-inset")} == {"essen", "koriyama"}
    distance = geometry.distance_km(*(float(p[k]) for p in pair for k in ("lon", "lat")))
    labels = [a.text for a in fig.layout.annotations]
    assert f"<b>{fmt.number(distance, 'en')} km</b>" in labels
    assert "51.45° N" in labels and "37.40° N" in labels
    assert fig.layout.yaxis.scaleanchor == "x"


def test_location_map_draws_the_route_over_the_land_masses(dataset, pair, catalogue):
    land = dataset.boundaries["world_land"]
    fig = maps.location_map(*pair, catalogue, dataset.boundaries, "en", land=land)
    drawn = roles(fig, "land")
    assert len(drawn) == 1 and fig.data[0] is drawn[0]                 # behind everything else
    x, y = np.asarray(drawn[0].x, dtype=float), np.asarray(drawn[0].y, dtype=float)
    # clipped to the map's surroundings: no South America, no Antarctica
    assert np.nanmin(x) >= maps.LAND_VIEW[0] and np.nanmin(y) >= maps.LAND_VIEW[1]
    # both cities stand on land (a point-in-polygon test on the drawn rings)
    shape = geometry.to_shape(land)
    for place in pair:
        assert shape.contains(geometry.to_shape({"type": "Point", "coordinates": [place["lon"], place["lat"]]}))
    assert len(x) < 2500                                                # small: one trace, simplified
    assert fig.layout.plot_bgcolor == maps.SEA


def test_location_map_without_boundaries_keeps_points_and_route(pair, catalogue):
    fig = maps.location_map(*pair, catalogue, {}, "de")
    assert roles(fig, "route") and len(roles(fig, "city")) == 2
    assert not roles(fig, "region") and not roles(fig, "country") and not roles(fig, "city-inset")
    assert "xaxis2" not in fig.to_plotly_json()["layout"]  # no insets
    assert "51,45° N" in [a.text for a in fig.layout.annotations]


def test_location_facts_distance_latitudes_time(pair):
    facts = maps.location_facts(*pair, date(2025, 1, 15))
    assert 9000 < facts["distance_km"] < 9300
    assert facts["lat_a"] == pytest.approx(51.45, abs=0.01) and facts["lat_b"] == pytest.approx(37.40, abs=0.01)
    assert facts["time"]["on"] == {"hours": 8.0, "abbr_a": "CET", "abbr_b": "JST", "date": date(2025, 1, 15)}
    assert facts["time"]["summer"]["hours"] == 7.0 and facts["time"]["summer"]["abbr_a"] == "CEST"
    assert facts["route_max_lat"] > 60


@pytest.mark.parametrize("day, hours, abbr", [(date(2025, 3, 29), 8, "CET"), (date(2025, 3, 30), 7, "CEST"),
                                              (date(2025, 10, 25), 7, "CEST"), (date(2025, 10, 26), 8, "CET")])
def test_time_difference_follows_daylight_saving_in_germany(day, hours, abbr):
    diff = maps.time_difference("Europe/Berlin", "Asia/Tokyo", day)
    assert (diff["hours"], diff["abbr_a"], diff["abbr_b"]) == (hours, abbr, "JST")


def test_twin_map_both_outlines_at_the_same_metres_per_pixel(dataset, pair, official):
    fig = maps.twin_map(*pair, dataset.boundaries, "en", official_km2=official)
    outlines = roles(fig, "outline")
    assert [tr.meta["place"] for tr in outlines] == ["essen", "koriyama"]
    assert (outlines[0].xaxis, outlines[1].xaxis) == ("x", "x2")
    lay = fig.layout
    # same span in metres, same panel size, 1:1 aspect, all axes tied to one scale
    assert tuple(lay.xaxis.range) == tuple(lay.xaxis2.range)
    assert tuple(lay.yaxis.range) == tuple(lay.yaxis2.range)
    assert lay.xaxis.domain[1] - lay.xaxis.domain[0] == pytest.approx(lay.xaxis2.domain[1] - lay.xaxis2.domain[0])
    assert tuple(lay.yaxis.domain) == tuple(lay.yaxis2.domain)
    assert (lay.yaxis.scaleanchor, lay.yaxis.scaleratio, lay.xaxis2.matches, lay.yaxis2.matches) == ("x", 1, "x", "y")
    for w, h in ((1200, 700), (390, 300)):  # laptop and phone: equal metres per pixel in both panels
        mpp = [metres_per_pixel(lay[ax].range, lay[ax].domain, w) for ax in ("xaxis", "xaxis2")]
        assert mpp[0] == pytest.approx(mpp[1])
        mpp_y = [metres_per_pixel(lay[ax].range, lay[ax].domain, h) for ax in ("yaxis", "yaxis2")]
        assert mpp_y[0] == pytest.approx(mpp_y[1])
    # each outline is drawn in metres with its true extent
    for trace, place_id in zip(outlines, ("essen", "koriyama")):
        ew = (np.nanmax(np.asarray(trace.x, float)) - np.nanmin(np.asarray(trace.x, float))) / 1000
        assert ew == pytest.approx(dataset.boundary_meta["layers"][place_id]["extent_ew_km"], abs=0.2)
    bars = roles(fig, "scale-bar")
    assert len(bars) == 2 and bars[0].meta["length_m"] == bars[1].meta["length_m"] == 10_000
    assert float(bars[0].x[2] - bars[0].x[1]) == 10_000


def test_twin_map_labels_show_official_and_computed_area_and_extent(dataset, pair, official):
    fig = maps.twin_map(*pair, dataset.boundaries, "de", official_km2=official)
    label = next(a.text for a in fig.layout.annotations if a.name == "label-essen")
    assert "amtlich: 210,32 km²" in label and "berechnet: 210,3" in label
    assert "16,9 km" in label and "20,8 km" in label
    label = next(a.text for a in fig.layout.annotations if a.name == "label-koriyama")
    assert "757,20 km²" in label and "46,8 km" in label and "39,9 km" in label


def test_districts_layer_is_optional(dataset, pair):
    plain = maps.twin_map(*pair, dataset.boundaries, "en")
    assert not roles(plain, "district")
    fig = maps.twin_map(*pair, dataset.boundaries, "ja", districts=True)
    districts = roles(fig, "district")
    assert len(districts) == 9 and {d.xaxis for d in districts} == {"x"}
    assert {d.meta["district"] for d in districts} == {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
    assert districts[0].name.startswith("行政区")
    assert all(d.visible is True for d in districts)


def test_districts_can_be_carried_hidden_for_the_browser_to_show(dataset, pair):
    fig = maps.twin_map(*pair, dataset.boundaries, "en", carry_districts=True)
    layer = roles(fig, "district") + roles(fig, "district-label")
    assert len(layer) == 18 and all(tr.visible is False for tr in layer)
    assert all(tr.visible is not False for tr in fig.data if tr not in layer)


@pytest.mark.parametrize("direction, moving, base", [("a-on-b", "essen", "koriyama"),
                                                     ("b-on-a", "koriyama", "essen")])
def test_overlay_puts_the_moved_centroid_on_the_base_centroid(dataset, pair, official, direction, moving, base):
    fig = maps.overlay_map(*pair, dataset.boundaries, "en", direction=direction, official_km2=official)
    assert fig.layout.meta["direction"] == f"{moving}-on-{base}"
    (b,), (m,) = roles(fig, "base"), roles(fig, "moved")
    assert (b.meta["place"], m.meta["place"]) == (base, moving)
    pb, pm = polygon(b), polygon(m)
    assert pm.centroid.distance(pb.centroid) < 100  # metres (drawing is simplified by 15 m)
    assert pm.area / 1e6 == pytest.approx(official[moving], rel=0.01)  # moved at the same scale
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis.scaleratio == 1


def test_overlay_unknown_direction_falls_back(dataset, pair):
    fig = maps.overlay_map(*pair, dataset.boundaries, "en", direction="<script>")
    assert fig.layout.meta["direction"] == "essen-on-koriyama"


@pytest.mark.parametrize("lang, expected", [("en", "3.6"), ("de", "3,6"), ("ja", "3.6")])
def test_area_ratio_in_words(pair, official, lang, expected):
    sentence = maps.ratio_sentence(*pair, official["essen"], official["koriyama"], lang)
    assert expected in sentence
    assert sentence == t("maps.overlay.ratio", lang, big=pair[1][f"name_{lang}"], small=pair[0][f"name_{lang}"],
                         big_area=maps.km2(official["koriyama"], lang), small_area=maps.km2(official["essen"], lang),
                         x=expected)
    assert maps.area_ratio(210.32, 757.20) == maps.area_ratio(757.20, 210.32)


def test_missing_boundaries_give_a_message_not_an_error(pair):
    for fig in (maps.twin_map(*pair, {}, "en"), maps.overlay_map(*pair, {}, "ja")):
        assert not fig.data
        assert fig.layout.annotations[0].text in (t("maps.missing.title", "en"), t("maps.missing.title", "ja"))


def test_payload_is_small(dataset, pair, catalogue, official):
    sizes = [len(pio.to_json(f)) for f in (
        maps.location_map(*pair, catalogue, dataset.boundaries, "en"),
        maps.twin_map(*pair, dataset.boundaries, "en", districts=True, official_km2=official),
        maps.overlay_map(*pair, dataset.boundaries, "en", official_km2=official))]
    assert sum(sizes) < 150_000, sizes


# --- the page, with and without boundaries ---------------------------------------------------------

@pytest.fixture
def page_module(dataset, monkeypatch):
    from dashboard.pages import maps as page

    monkeypatch.setattr(page, "current", lambda: dataset)
    return page


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_page_shows_all_three_maps_and_attribution(page_module, dataset, lang):
    tree = page_module.layout(lang=lang, overlay="koriyama-on-essen", districts="1")
    ids = {getattr(n, "id", None) for n in _walk(tree)}
    assert {"maps-location", "maps-twin", "maps-overlay", "maps-facts"} <= ids
    words = " ".join(texts(tree))
    for layer in ("essen", "koriyama", "nrw"):
        assert dataset.boundary_meta["layers"][layer]["attribution"] in words
    assert not find_all(tree, "map-missing")
    radio = next(n for n in _walk(tree) if getattr(n, "id", None) == "maps-overlay-direction")
    check = next(n for n in _walk(tree) if getattr(n, "id", None) == "maps-districts")
    assert radio.value == "b-on-a" and check.value == ["1"]  # the place-id form is read as the pair-relative one


def test_page_without_boundaries_shows_location_map_and_how_to_fetch(page_module, dataset, monkeypatch):
    bare = dataclasses.replace(dataset, boundaries={}, boundary_meta={"available": False, "layers": {}},
                               version=dataset.version + "-bare")
    monkeypatch.setattr(page_module, "current", lambda: bare)
    tree = page_module.layout(lang="en")
    ids = {getattr(n, "id", None) for n in _walk(tree)}
    assert "maps-location" in ids and "maps-twin" not in ids and "maps-overlay" not in ids
    assert find_all(tree, "map-missing")
    assert "twincity etl run" in texts(tree) and "--mirror" not in " ".join(texts(tree))
    graph = next(n for n in _walk(tree) if getattr(n, "id", None) == "maps-location")
    assert roles(graph.figure, "route") and not roles(graph.figure, "region")


def test_callbacks_are_thin(page_module):
    # the districts check box is answered in the browser: the page's twin map carries the layer, hidden
    graph = next(n for n in _walk(page_module.layout(lang="de")) if getattr(n, "id", None) == "maps-twin")
    assert [d.visible for d in roles(graph.figure, "district")] == [False] * 9
    assert not hasattr(page_module, "update_twin")
    fig, caption = page_module.update_overlay("koriyama-on-essen", "en")
    assert fig.layout.meta["direction"] == "koriyama-on-essen" and caption.startswith("Koriyama")


def _walk(component):
    yield component
    kids = getattr(component, "children", None)
    for kid in kids if isinstance(kids, (list, tuple)) else [kids]:
        if kid is not None and not isinstance(kid, (str, int, float)):
            yield from _walk(kid)
