"""The page benchmark's verdicts: a figure the run did not take is "not measured", never a miss."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench_pages():
    spec = importlib.util.spec_from_file_location("bench_pages", ROOT / "bench" / "pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page(glance, plotly_js=None, nbytes=300_000):
    return {"glance_ms": glance, "drawn_ratio_to_bare": 0.5, "plotly_js_bytes": plotly_js, "bytes": nbytes,
            "external_requests": []}


def test_overview_only_run_leaves_chart_and_interaction_targets_unmeasured():
    bench = _bench_pages()
    results = {"pages": {"/en/overview": _page(700)},
               "interactions": {"people: basis (census on/off)": {"n": 0},
                                "language switch (in place, people en/de)": {"n": 0}}}
    targets = bench.evaluate(results)
    assert targets["glance_under_800ms"]["met"] is True
    assert targets["chart_page_first_load_under_800KB"]["met"] is None
    assert targets["interaction_p95_under_100ms"]["met"] is None
    assert targets["language_switch_p95_under_300ms"]["met"] is None


def test_measured_figures_over_their_targets_are_missed():
    bench = _bench_pages()
    results = {"pages": {"/en/overview": _page(900), "/en/people": _page(1000, 344_296, 900_000)},
               "interactions": {"people: basis (census on/off)": {"n": 5, "p95": 120.0},
                                "people: view (absolute/index)": {"n": 5, "p95": 60.0},
                                "language switch (in place, people en/de)": {"n": 5, "p95": 350.0}}}
    targets = bench.evaluate(results)
    assert targets["glance_under_800ms"]["met"] is False
    assert targets["chart_page_first_load_under_800KB"]["met"] is False
    assert targets["interaction_p95_under_100ms"]["met"] is False
    assert targets["interaction_p95_under_100ms"]["over"] == ["people: basis (census on/off)"]
    assert targets["language_switch_p95_under_300ms"]["met"] is False
