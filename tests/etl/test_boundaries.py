"""etl.boundaries: area check against the official figures (1 %), simplification, missing mirror."""
from __future__ import annotations

import json
import shutil

import geopandas as gpd
import pytest
from shapely import affinity
from shapely.geometry import box

from etl import boundaries, pipeline
from etl.boundaries import BoundaryError, area_and_extent, build

OFFICIAL = {"essen": 210.32, "koriyama": 757.20}


def scaled_copy(mirror, tmp_path, file, factor):
    """A copy of the mirror whose ``file`` is scaled about its centroid (area × factor²)."""
    target = tmp_path / "mirror"
    shutil.copytree(mirror, target)
    frame = gpd.read_file(mirror / file)
    centre = frame.union_all().centroid
    frame["geometry"] = frame.geometry.apply(lambda g: affinity.scale(g, factor, factor, origin=centre))
    frame.to_file(target / file, driver="GeoJSON")
    return target


def test_essen_and_koriyama_pass_within_one_percent(geo_mirror):
    result = build(geo_mirror, OFFICIAL)
    layers = result.meta["layers"]
    assert result.meta["available"] and not result.missing
    for name, official in OFFICIAL.items():
        computed = layers[name]["area_km2_computed"]
        assert abs(computed / official - 1) <= 0.01, (name, computed)
        assert layers[name]["area_km2_official"] == official
    assert layers["essen"]["extent_ew_km"] == pytest.approx(17, abs=0.5)
    assert layers["koriyama"]["extent_ns_km"] == pytest.approx(39.95, abs=0.5)
    assert layers["essen_districts"]["features"] == 9
    assert {"germany", "japan", "nrw", "fukushima_pref"} <= set(layers)
    # attribution travels with the published data
    meta = json.loads(result.files["boundaries/boundaries.json"])
    assert "国土数値情報" in meta["layers"]["koriyama"]["attribution"]
    assert "dl-de/by-2-0" in meta["layers"]["essen"]["attribution"]
    # simplified for the web, WGS84 with 5 decimals
    koriyama = json.loads(result.files["boundaries/koriyama.geojson"])
    coords = json.dumps(koriyama["features"][0]["geometry"]["coordinates"])
    assert len(result.files["boundaries/koriyama.geojson"]) < (geo_mirror / "koriyama_city.geojson").stat().st_size
    assert all(len(c.split(".")[-1].rstrip("]").rstrip()) <= 5 for c in coords.split(",")[:50])


@pytest.mark.parametrize("file,area_id,factor", [("koriyama_city.geojson", "koriyama", 1.01),
                                                 ("essen_city.geojson", "essen", 0.99)])
def test_a_distorted_boundary_fails_with_a_clear_message(geo_mirror, tmp_path, file, area_id, factor):
    mirror = scaled_copy(geo_mirror, tmp_path, file, factor)
    with pytest.raises(BoundaryError) as err:
        build(mirror, OFFICIAL)
    message = str(err.value)
    assert str(mirror / file) in message
    assert f"official {OFFICIAL[area_id]:.2f} km²" in message and "more than 1 %" in message
    assert ("+2.0%" if factor > 1 else "-2.0%") in message


def test_a_small_distortion_within_one_percent_passes(geo_mirror, tmp_path):
    mirror = scaled_copy(geo_mirror, tmp_path, "koriyama_city.geojson", 1.003)   # area +0.6 %
    layers = build(mirror, OFFICIAL).meta["layers"]
    assert layers["koriyama"]["area_km2_computed"] == pytest.approx(757.20 * 1.006, rel=1e-3)


def test_no_mirror_reports_missing_boundaries(tmp_path):
    for mirror in (None, tmp_path / "nowhere"):
        result = build(mirror, OFFICIAL)
        assert result.missing and result.files == {} and result.meta == {"available": False, "layers": {}}
        assert "boundaries missing" in result.warnings[0]


def test_a_layer_missing_from_the_mirror_is_left_out_with_a_warning(geo_mirror, tmp_path):
    mirror = tmp_path / "mirror"
    shutil.copytree(geo_mirror, mirror)
    (mirror / "japan.geojson").unlink()
    result = build(mirror, OFFICIAL)
    assert "japan" not in result.meta["layers"] and "koriyama" in result.meta["layers"]
    assert any("japan" in w and "not found" in w for w in result.warnings)


def test_a_damaged_file_names_the_file(geo_mirror, tmp_path):
    mirror = tmp_path / "mirror"
    shutil.copytree(geo_mirror, mirror)
    (mirror / "nrw.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(BoundaryError, match="nrw.geojson: cannot be read"):
        build(mirror, OFFICIAL)


def test_no_official_area_is_a_warning_not_a_failure(geo_mirror):
    result = build(geo_mirror, {"essen": 210.32})
    assert any("koriyama" in w and "no official area" in w for w in result.warnings)


def test_area_in_an_equal_area_projection():
    # a 0.1° × 0.1° cell at 51.45° N: 11.1 km × 6.94 km ≈ 77.3 km² (a spherical-earth estimate)
    frame = gpd.GeoDataFrame(geometry=[box(7.0, 51.4, 7.1, 51.5)], crs=4326)
    measured = area_and_extent(frame)
    assert measured["area_km2"] == pytest.approx(77.3, rel=0.01)
    assert measured["extent_ns_km"] == pytest.approx(11.12, rel=0.01)


def test_pipeline_with_a_distorted_mirror_stops_and_keeps_current(geo_mirror, tmp_path, data_copy,
                                                                  published_copy, snapshot):
    raw, reference = data_copy
    mirror = scaled_copy(geo_mirror, tmp_path, "koriyama_city.geojson", 1.02)
    before = snapshot(published_copy)
    with pytest.raises(BoundaryError, match="koriyama_city.geojson"):
        pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=mirror)
    assert snapshot(published_copy) == before


def test_pipeline_without_mirror_publishes_the_rest(tmp_path, data_copy):
    raw, reference = data_copy
    state = pipeline.run(raw=raw, reference=reference, published=tmp_path / "pub", mirror=None)
    version = tmp_path / "pub" / "current"
    manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["boundaries_available"] is False
    assert any("boundaries missing" in w for w in manifest["warnings"])
    assert not (version / "boundaries").exists()
    assert (version / "facts.parquet").exists() and state.version == manifest["version"]


def test_layers_file_lists_the_attribution_of_each_layer():
    for name, spec in boundaries.load_layers().items():
        assert spec["attribution"] and spec["licence"] and spec["file"].endswith(".geojson"), name
