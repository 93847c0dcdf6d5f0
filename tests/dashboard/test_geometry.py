"""Geometry for the maps: distance, route, local equal-area projection, areas, extents, overlay, scale."""
import math

import numpy as np
import pytest
from pyproj import Geod, Transformer
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.ops import unary_union

from dashboard import geometry
from tests.dashboard.measuring import metres_per_pixel

OFFICIAL = {"essen": 210.32, "koriyama": 757.20}
EXTENT = {"essen": (17.0, 21.0), "koriyama": (46.78, 39.95)}  # E–W, N–S (km), the partnership's slides


def _lonlat(dataset, place_id):
    place = dataset.place(place_id)
    return float(place["lon"]), float(place["lat"])


def test_distance_essen_koriyama_is_the_geodesic(dataset):
    (lon1, lat1), (lon2, lat2) = _lonlat(dataset, "essen"), _lonlat(dataset, "koriyama")
    expected = Geod(ellps="WGS84").inv(lon1, lat1, lon2, lat2)[2] / 1000
    got = geometry.distance_km(lon1, lat1, lon2, lat2)
    assert got == pytest.approx(expected, abs=1e-6)
    assert 9000 < got < 9300  # about 9,170 km between the Ruhr and central Fukushima
    assert geometry.distance_km(lon2, lat2, lon1, lat1) == pytest.approx(got)


def test_route_runs_along_the_great_circle(dataset):
    (lon1, lat1), (lon2, lat2) = _lonlat(dataset, "essen"), _lonlat(dataset, "koriyama")
    lons, lats = geometry.route(lon1, lat1, lon2, lat2, n=64)
    assert len(lons) == len(lats) == 64
    assert (lons[0], lats[0], lons[-1], lats[-1]) == (lon1, lat1, lon2, lat2)
    total = geometry.distance_km(lon1, lat1, lon2, lat2)
    for lon, lat in zip(lons[1:-1], lats[1:-1]):  # every point lies on the shortest path
        via = geometry.distance_km(lon1, lat1, lon, lat) + geometry.distance_km(lon, lat, lon2, lat2)
        assert via == pytest.approx(total, rel=1e-6)
    assert 60 < max(lats) < 75  # the shortest route goes far north, over Siberia


@pytest.mark.parametrize("place_id", ["essen", "koriyama"])
def test_area_of_the_real_boundary_matches_the_official_area(dataset, place_id):
    assert dataset.boundary_meta["layers"][place_id]["area_km2_official"] == OFFICIAL[place_id]
    local = geometry.project_local(dataset.boundaries[place_id])
    assert local.area_km2 == pytest.approx(OFFICIAL[place_id], rel=0.01)


@pytest.mark.parametrize("place_id", ["essen", "koriyama"])
def test_extents_of_the_real_boundary(dataset, place_id):
    ew, ns = geometry.project_local(dataset.boundaries[place_id]).extent_km
    assert ew == pytest.approx(EXTENT[place_id][0], abs=0.5)
    assert ns == pytest.approx(EXTENT[place_id][1], abs=0.5)


def test_projection_is_centred_and_keeps_areas():
    cell = box(140.0, 37.0, 141.0, 38.0)  # one degree cell near Koriyama
    local = geometry.project_local(cell)
    c = local.geometry.centroid
    assert abs(c.x) < 1e-6 and abs(c.y) < 1e-6
    geodesic_m2 = abs(Geod(ellps="WGS84").geometry_area_perimeter(cell)[0])
    assert local.geometry.area == pytest.approx(geodesic_m2, rel=1e-4)  # equal-area
    assert local.centre == pytest.approx((140.5, 37.5), abs=1e-3)


def test_web_mercator_would_enlarge_essen_against_koriyama(dataset):
    """Why the twin map uses local projections: at equal zoom Mercator draws Essen ≈ 1.27× too long."""
    mercator = Transformer.from_crs(4326, 3857, always_xy=True)
    factors = {}
    for place_id in ("essen", "koriyama"):
        shape = geometry.to_shape(dataset.boundaries[place_id])
        minx, _, maxx, _ = geometry.reproject(shape, mercator).bounds
        factors[place_id] = (maxx - minx) / 1000 / geometry.project_local(shape).extent_km[0]
    assert factors["essen"] / factors["koriyama"] == pytest.approx(1.27, abs=0.02)


def test_overlay_translation_puts_centroid_on_centroid(dataset):
    essen = geometry.project_local(dataset.boundaries["essen"]).geometry
    koriyama = geometry.project_local(dataset.boundaries["koriyama"]).geometry
    shifted_k = geometry.translate_onto(koriyama, essen)
    assert shifted_k.centroid.distance(essen.centroid) < 1e-6
    elsewhere = affinity.translate(essen, 12_345, -6_789)
    moved = geometry.translate_onto(elsewhere, koriyama)
    assert moved.centroid.distance(koriyama.centroid) < 1e-6
    assert moved.area == pytest.approx(essen.area)  # moved, not scaled
    back = affinity.translate(moved, essen.centroid.x - moved.centroid.x, essen.centroid.y - moved.centroid.y)
    assert back.hausdorff_distance(essen) < 1e-6  # not turned either


def test_common_view_draws_both_cities_at_the_same_metres_per_pixel(dataset):
    essen = geometry.project_local(dataset.boundaries["essen"]).geometry
    koriyama = geometry.project_local(dataset.boundaries["koriyama"]).geometry
    view = geometry.common_view([essen, koriyama], pad=0.05)
    for g in (essen, koriyama):  # both fit
        minx, miny, maxx, maxy = g.bounds
        assert view.x_range[0] < minx and maxx < view.x_range[1]
        assert view.y_range[0] < miny and maxy < view.y_range[1]
    # two panels of equal width and height showing this view: equal ground metres per pixel
    left = metres_per_pixel(view.x_range, (0.0, 0.485), 1200)
    right = metres_per_pixel(view.x_range, (0.515, 1.0), 1200)
    assert left == pytest.approx(right)
    assert view.width_m == pytest.approx(2 * max(abs(b) for b in koriyama.bounds[::2]) * 1.05)


def test_fit_view_and_nice_scale_bar_lengths():
    view = geometry.fit_view([box(0, 0, 1000, 500)], pad=0.1)
    assert view.x_range == pytest.approx((-100, 1100)) and view.y_range == pytest.approx((-50, 550))
    assert geometry.nice_length(50_000) == 10_000
    assert geometry.nice_length(17_000) == 2_000
    assert geometry.nice_length(100_000, 0.5) == 50_000
    with pytest.raises(ValueError):
        geometry.nice_length(0)


def test_outline_xy_separates_parts_with_gaps():
    two = MultiPolygon([box(0, 0, 1, 1), Polygon([(5, 5), (6, 5), (6, 6)])])
    x, y = geometry.outline_xy(two)
    assert len(x) == len(y) == 5 + 1 + 4
    assert np.isnan(x[5]) and np.isnan(y[5])
    assert geometry.outline_xy(Polygon())[0].size == 0


def test_feature_collection_is_merged():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"n": 1}, "geometry": box(0, 0, 1, 1).__geo_interface__},
        {"type": "Feature", "properties": {"n": 2}, "geometry": box(1, 0, 2, 1).__geo_interface__}]}
    assert geometry.to_shape(fc).area == pytest.approx(2.0)
    assert [p["n"] for p, _ in geometry.features(fc)] == [1, 2]
    with pytest.raises(ValueError):
        geometry.to_shape({"type": "FeatureCollection", "features": []})


def test_districts_tile_the_city(dataset):
    city = geometry.project_local(dataset.boundaries["essen"])
    offset = geometry.local_offset(dataset.boundaries["essen"], city.centre)
    layer = dataset.boundaries["essen_districts"]
    parts = [geometry.project_like(g, city, offset) for _, g in geometry.features(layer)]
    assert len(parts) == 9
    assert sum(p.area for p in parts) / 1e6 == pytest.approx(city.area_km2, rel=0.005)
    union = unary_union(parts)
    assert union.symmetric_difference(city.geometry).area / city.geometry.area < 0.01
    assert math.isclose(union.centroid.x, 0, abs_tol=200) and math.isclose(union.centroid.y, 0, abs_tol=200)
