"""etl.boundaries: committed boundary sources, checksums, area check (1 %), bad files, the --mirror option."""
from __future__ import annotations

import json
import shutil

import geopandas as gpd
import pytest
import yaml
from shapely import affinity
from shapely.geometry import box

from etl import pipeline
from etl.boundaries import BoundaryError, area_and_extent, build
from etl.errors import ChecksumError

OFFICIAL = {"essen": 210.32, "koriyama": 757.20}
KORIYAMA = "boundaries_mlit_n03/koriyama_city.geojson"


def scale(path, factor, target=None):
    """Write ``path`` (or ``target``) scaled about its centroid: area × factor²."""
    frame = gpd.read_file(path)
    centre = frame.union_all().centroid
    frame["geometry"] = frame.geometry.apply(lambda g: affinity.scale(g, factor, factor, origin=centre))
    (target or path).unlink(missing_ok=True)
    frame.to_file(target or path, driver="GeoJSON")


def test_committed_sources_publish_every_kind_of_layer(boundary_raw, real_raw):
    result = build(boundary_raw, OFFICIAL)
    layers = result.meta["layers"]
    assert result.meta["available"] and not result.missing and result.warnings == []
    assert {m["kind"] for m in layers.values()} == {"city", "districts", "region", "country", "land"}
    for name, official in OFFICIAL.items():
        computed = layers[name]["area_km2_computed"]
        assert abs(computed / official - 1) <= 0.01, (name, computed)
        assert layers[name]["area_km2_official"] == official
    assert layers["essen"]["extent_ew_km"] == pytest.approx(17, abs=0.5)
    assert layers["koriyama"]["extent_ns_km"] == pytest.approx(39.95, abs=0.5)
    assert layers["essen_districts"]["features"] == 9
    assert layers["world_land"]["features"] > 100
    # provenance: every layer names its source folder and file (repository-relative), licence and attribution
    meta = json.loads(result.files["boundaries/boundaries.json"])
    assert "国土数値情報" in meta["layers"]["koriyama"]["attribution"]
    assert "dl-de/by-2-0" in meta["layers"]["essen"]["attribution"]
    assert meta["layers"]["koriyama"]["file"] == KORIYAMA
    assert set(result.sources) == {"boundaries_stadt_essen", "boundaries_mlit_n03", "boundaries_natural_earth"}
    for source_id, files in result.checksums.items():
        assert files and all(len(digest) == 64 for digest in files.values()), source_id
    # simplified for the web, WGS84 with 5 decimals
    koriyama = json.loads(result.files["boundaries/koriyama.geojson"])
    coords = json.dumps(koriyama["features"][0]["geometry"]["coordinates"])
    assert len(result.files["boundaries/koriyama.geojson"]) < (real_raw / KORIYAMA).stat().st_size
    assert all(len(c.split(".")[-1].rstrip("]").rstrip()) <= 5 for c in coords.split(",")[:50])


def test_every_boundary_source_declares_licence_attribution_and_checksums(real_raw):
    for source_yaml in sorted(real_raw.glob("boundaries_*/source.yaml")):
        meta = yaml.safe_load(source_yaml.read_text(encoding="utf-8"))
        assert meta["kind"] == "boundaries"
        for key in ("publisher", "licence", "licence_url", "attribution", "url", "accessed", "obtained",
                    "simplification"):
            assert meta.get(key), (source_yaml, key)
        listed = {f["name"] for f in meta["files"]}
        assert {layer["file"] for layer in meta["layers"]} == listed, source_yaml


@pytest.mark.parametrize("file,area_id,factor", [(KORIYAMA, "koriyama", 1.01),
                                                 ("boundaries_stadt_essen/essen_city.geojson", "essen", 0.99)])
def test_a_distorted_boundary_fails_with_a_clear_message(boundary_raw, rehash, file, area_id, factor):
    scale(boundary_raw / file, factor)
    rehash((boundary_raw / file).parent)
    with pytest.raises(BoundaryError) as err:
        build(boundary_raw, OFFICIAL)
    message = str(err.value)
    assert str(boundary_raw / file) in message
    assert f"official {OFFICIAL[area_id]:.2f} km²" in message and "more than 1 %" in message
    assert ("+2.0%" if factor > 1 else "-2.0%") in message


def test_a_small_distortion_within_one_percent_passes(boundary_raw, rehash):
    scale(boundary_raw / KORIYAMA, 1.003)   # area +0.6 %
    rehash((boundary_raw / KORIYAMA).parent)
    layers = build(boundary_raw, OFFICIAL).meta["layers"]
    assert layers["koriyama"]["area_km2_computed"] == pytest.approx(757.20 * 1.006, rel=1e-3)


def test_an_edited_file_without_a_new_checksum_is_refused(boundary_raw):
    scale(boundary_raw / KORIYAMA, 1.001)
    with pytest.raises(ChecksumError, match="koriyama_city.geojson"):
        build(boundary_raw, OFFICIAL)


BAD_FILES = {
    "truncated": lambda text: text[: len(text) // 2],
    "empty": lambda text: "",
    "not GeoJSON": lambda text: "<html><body>503 Service Unavailable</body></html>",
    "no features": lambda text: '{"type": "FeatureCollection", "features": []}',
    "another CRS": lambda text: json.dumps({**json.loads(text), "crs": {
        "type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}}),
}


@pytest.mark.parametrize("damage", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_boundary_file_stops_the_run_naming_the_file(boundary_raw, rehash, damage):
    path = boundary_raw / KORIYAMA
    path.write_text(BAD_FILES[damage](path.read_text(encoding="utf-8")), encoding="utf-8")
    rehash(path.parent)
    with pytest.raises(BoundaryError) as err:
        build(boundary_raw, OFFICIAL)
    assert str(path) in str(err.value)


def test_projected_coordinates_without_a_crs_are_refused(boundary_raw, rehash):
    path = boundary_raw / KORIYAMA
    frame = gpd.read_file(path).to_crs(3857).set_crs(None, allow_override=True)
    path.write_text(frame.to_json(), encoding="utf-8")
    rehash(path.parent)
    with pytest.raises(BoundaryError, match="outside longitude"):
        build(boundary_raw, OFFICIAL)


def test_no_boundary_source_reports_missing_boundaries(tmp_path):
    result = build(tmp_path, OFFICIAL)
    assert result.missing and result.files == {} and result.meta == {"available": False, "layers": {}}
    assert "boundaries missing" in result.warnings[0]


def test_no_official_area_is_a_warning_not_a_failure(boundary_raw):
    result = build(boundary_raw, {"essen": 210.32})
    assert any("koriyama" in w and "no official area" in w for w in result.warnings)


def test_a_mirror_file_replaces_the_committed_one_and_is_named(boundary_raw, tmp_path):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    scale(boundary_raw / KORIYAMA, 1.003, target=mirror / "koriyama_city.geojson")
    result = build(boundary_raw, OFFICIAL, mirror=mirror)
    assert result.meta["layers"]["koriyama"]["area_km2_computed"] == pytest.approx(757.20 * 1.006, rel=1e-3)
    assert result.meta["layers"]["koriyama"]["file"] == "mirror:koriyama_city.geojson"
    assert any(str(mirror / "koriyama_city.geojson") in w for w in result.warnings)
    assert result.meta["layers"]["essen"]["file"] == "boundaries_stadt_essen/essen_city.geojson"


def test_a_distorted_mirror_file_is_checked_the_same_way(boundary_raw, tmp_path):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    scale(boundary_raw / KORIYAMA, 1.02, target=mirror / "koriyama_city.geojson")
    with pytest.raises(BoundaryError, match="more than 1 %"):
        build(boundary_raw, OFFICIAL, mirror=mirror)


def test_a_missing_mirror_folder_is_an_error(boundary_raw, tmp_path):
    with pytest.raises(BoundaryError, match="nowhere"):
        build(boundary_raw, OFFICIAL, mirror=tmp_path / "nowhere")


def test_area_in_an_equal_area_projection():
    # a 0.1° × 0.1° cell at 51.45° N: 11.1 km × 6.94 km ≈ 77.3 km² (a spherical-earth estimate)
    frame = gpd.GeoDataFrame(geometry=[box(7.0, 51.4, 7.1, 51.5)], crs=4326)
    measured = area_and_extent(frame)
    assert measured["area_km2"] == pytest.approx(77.3, rel=0.01)
    assert measured["extent_ns_km"] == pytest.approx(11.12, rel=0.01)


@pytest.mark.parametrize("damage", ["distorted", "truncated"])
def test_pipeline_with_a_bad_boundary_file_stops_and_keeps_current(data_copy, published_copy, snapshot, rehash,
                                                                   damage):
    raw, reference = data_copy
    path = raw / KORIYAMA
    if damage == "distorted":
        scale(path, 1.02)
    else:
        path.write_text(path.read_text(encoding="utf-8")[:1000], encoding="utf-8")
    rehash(path.parent)
    before = snapshot(published_copy)
    with pytest.raises(BoundaryError, match="koriyama_city.geojson"):
        pipeline.run(raw=raw, reference=reference, published=published_copy)
    assert snapshot(published_copy) == before


def test_pipeline_without_boundary_sources_publishes_the_rest(tmp_path, data_copy):
    raw, reference = data_copy
    for folder in raw.glob("boundaries_*"):
        shutil.rmtree(folder)
    state = pipeline.run(raw=raw, reference=reference, published=tmp_path / "pub")
    version = tmp_path / "pub" / "current"
    manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["boundaries_available"] is False
    assert any("boundaries missing" in w for w in manifest["warnings"])
    assert not (version / "boundaries").exists()
    assert (version / "facts.parquet").exists() and state.version == manifest["version"]
