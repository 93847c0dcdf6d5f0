"""The change report: rows added, changed (old → new) and removed, and the figures on screen."""
import pandas as pd

from etl.fetch.snapshots import compare

INDICATORS = pd.DataFrame([{"id": "population", "category": "people", "kpi_order": "1", "label_en": "Population"}])


def facts(*rows):
    return pd.DataFrame(rows, columns=["area_id", "indicator_id", "basis", "period", "value"])


def test_added_changed_removed_and_screens():
    old = facts(("essen", "population", "b", "2023-12-31", 1.0), ("essen", "population", "b", "2022-12-31", 2.0))
    new = facts(("essen", "population", "b", "2023-12-31", 1.5), ("essen", "population", "b", "2024-12-31", 3.0))
    report = compare(old, new, INDICATORS)
    assert report["added"] == [("essen", "population", "b", "2024-12-31", 3.0)]
    assert report["changed"] == [("essen", "population", "b", "2023-12-31", 1.0, 1.5)]
    assert report["removed"] == [("essen", "population", "b", "2022-12-31", 2.0)]
    assert report["figures"] == ["Population (population): people page, overview"]


def test_nothing_changed():
    same = facts(("essen", "population", "b", "2023-12-31", 1.0))
    assert compare(same, same, INDICATORS) == {"added": [], "changed": [], "removed": [], "figures": []}
