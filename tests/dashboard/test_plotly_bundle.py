"""The plotly.js partial bundle: served in place of Dash's full bundle only when verified; every trace
type the figures use is one the bundle draws."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from flask import Flask

from dashboard import plotly_bundle

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def test_every_trace_type_in_the_dashboard_is_in_the_bundle():
    """Figures are built with plotly.graph_objects: each go.<Trace>( must be a type the bundle draws."""
    used = set()
    for path in DASHBOARD.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= {name.lower() for name in re.findall(r"\bgo\.([A-Z][A-Za-z0-9]*)\(", text)}
        used |= set(re.findall(r"""["']type["']\s*:\s*["'](\w+)["']""", text)) & {
            "scattergl", "scattergeo", "choropleth", "heatmap", "box", "violin", "histogram", "scattermap",
            "scattermapbox", "treemap", "sunburst", "table", "indicator", "candlestick", "ohlc"}
    used -= {"figure"}
    assert used, "no trace constructor found: the scan is broken"
    assert used <= plotly_bundle.TRACE_TYPES, f"trace types the partial bundle lacks: {used - plotly_bundle.TRACE_TYPES}"


def test_figures_of_the_real_dataset_use_only_bundle_traces(dataset):
    from dashboard.figures import maps

    catalogue = {row["id"]: row for row in dataset.places.to_dict("records")}
    fig = maps.location_map(catalogue["essen"], catalogue["koriyama"], catalogue, dataset.boundaries, "en")
    assert {trace.type for trace in fig.data} <= plotly_bundle.TRACE_TYPES


def _client(path):
    app = Flask(__name__)

    @app.route(plotly_bundle.DASH_URL)
    def full():
        return "FULL"

    served = plotly_bundle.install(app, path)
    return served, app.test_client()


def test_a_verified_bundle_answers_dashs_plotly_url(tmp_path, monkeypatch):
    data = b"/* plotly.js (basic - minified) */"
    monkeypatch.setattr(plotly_bundle, "SHA256", __import__("hashlib").sha256(data).hexdigest())
    (tmp_path / "b.js").write_bytes(data)
    served, client = _client(tmp_path / "b.js")
    response = client.get(plotly_bundle.DASH_URL)
    assert served and response.data == data and response.mimetype == "application/javascript"


@pytest.mark.parametrize("damage", ["absent", "truncated", "tampered"])
def test_a_bad_bundle_is_never_served_and_logged_once(tmp_path, monkeypatch, caplog, damage):
    data = b"/* plotly.js (basic - minified) */ var Plotly = {};"
    monkeypatch.setattr(plotly_bundle, "SHA256", __import__("hashlib").sha256(data).hexdigest())
    path = tmp_path / "b.js"
    if damage == "truncated":
        path.write_bytes(data[:10])
    elif damage == "tampered":
        path.write_bytes(data.replace(b"{}", b"{x}"))
    with caplog.at_level(logging.WARNING, logger=plotly_bundle.__name__):
        served, client = _client(path)
    assert not served and client.get(plotly_bundle.DASH_URL).data == b"FULL"
    assert len([r for r in caplog.records if "full bundle" in r.getMessage()]) == 1


def test_the_installed_bundle_is_the_pinned_version():
    path = plotly_bundle.bundle_path()
    if not path.exists():
        pytest.skip(f"bundle not installed at {path} (make installs it)")
    data = plotly_bundle.verified_bundle(path)
    assert data is not None and data.startswith(b"/**\n* plotly.js (basic - minified) v" + plotly_bundle.VERSION.encode())


def test_the_pin_follows_the_installed_plotly():
    from plotly.offline import get_plotlyjs_version

    assert plotly_bundle.VERSION == get_plotlyjs_version()
