"""Boundary downloads: files named in a boundary source's `fetch:` section, served from the loopback
server, downloaded as received and handed to the existing boundaries step (simplified, area-checked)."""
from __future__ import annotations

import hashlib
import json

import pytest
import yaml
from werkzeug import Response

from etl import pipeline
from tests.etl.fetch.conftest import FIXTURES

GEOJSON = FIXTURES / "boundaries" / "essen_city.geojson"
SOURCE = "boundaries_stadt_essen"


@pytest.fixture
def boundary_source(server, fetch_cli):
    """The copied Stadt Essen boundary source with a `fetch:` section pointing at the loopback server."""
    folder = fetch_cli.raw / SOURCE
    meta = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
    meta["fetch"] = {"service": "boundaries",
                     "downloads": [{"url": server.url_for("/opendata/essen_city.geojson"), "file": "essen_city.geojson"}]}
    older = b'{"type": "FeatureCollection", "features": []}'            # an older snapshot, replaced by the fetch
    (folder / "essen_city.geojson").write_bytes(older)
    meta["files"][0]["sha256"] = hashlib.sha256(older).hexdigest()
    (folder / "source.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def test_download_is_kept_and_the_boundaries_step_checks_it(server, fetch_cli, boundary_source, tmp_path):
    server.expect_request("/opendata/essen_city.geojson").respond_with_data(
        GEOJSON.read_bytes(), content_type="application/geo+json")
    districts = (boundary_source / "essen_stadtbezirke.geojson").read_bytes()
    result = fetch_cli(SOURCE)
    assert result.exit_code == 0, result.output
    assert "files changed: essen_city.geojson" in result.output
    assert (boundary_source / "essen_city.geojson").read_bytes() == GEOJSON.read_bytes()
    assert (boundary_source / "essen_stadtbezirke.geojson").read_bytes() == districts   # not downloaded: kept
    meta = yaml.safe_load((boundary_source / "source.yaml").read_text(encoding="utf-8"))
    assert [f["name"] for f in meta["files"]] == ["essen_city.geojson", "essen_stadtbezirke.geojson"]
    assert meta["request"]["downloads"][0]["url"].endswith("/opendata/essen_city.geojson")
    assert meta["kind"] == "boundaries" and meta["layers"]
    published = tmp_path / "published"
    pipeline.run(raw=fetch_cli.raw, reference=fetch_cli.reference, published=published, mirror=None)
    layers = json.loads((published / "current" / "boundaries" / "boundaries.json").read_text(encoding="utf-8"))
    essen = layers["layers"]["essen"]
    assert essen["file"] == f"{SOURCE}/essen_city.geojson"
    assert essen["area_km2_official"] == pytest.approx(210.32)
    assert abs(essen["area_km2_computed"] / essen["area_km2_official"] - 1) < 0.01


@pytest.mark.parametrize("answer, code, text", [
    (Response("<!doctype html><title>Wartung</title>", content_type="text/html"), 8, "HTML page"),
    (Response("this is not geojson", content_type="application/geo+json"), 10, "not a readable boundary file"),
    (Response("gone", status=404), 8, "HTTP 404"),
])
def test_download_faults(answer, code, text, server, fetch_cli, boundary_source, snapshot_tree):
    before = snapshot_tree(fetch_cli.raw)
    server.expect_request("/opendata/essen_city.geojson").respond_with_response(answer)
    result = fetch_cli(SOURCE)
    message = " ".join(result.output.split())
    assert result.exit_code == code, result.output
    assert "Boundary downloads" in message and text in message
    assert snapshot_tree(fetch_cli.raw) == before
