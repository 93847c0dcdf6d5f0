"""Pure selections: latest preferred value, basis order, series, index, ratio."""
import pandas as pd

from dashboard.selection import index_to, latest, ratio, series


def facts(rows):
    base = {"basis": "", "preferred": True, "period_kind": "day", "unit": "persons", "source_id": "s"}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame["ref_date"] = pd.to_datetime(frame["ref_date"])
    frame["period"] = frame["ref_date"].dt.strftime("%Y-%m-%d")
    frame["year"] = frame["ref_date"].dt.year
    return frame


def test_latest_follows_basis_order_then_date():
    f = facts([
        {"area_id": "a", "indicator_id": "population", "basis": "register", "ref_date": "2022-12-31", "value": 10},
        {"area_id": "a", "indicator_id": "population", "basis": "census", "ref_date": "2023-05-15", "value": 9},
        {"area_id": "a", "indicator_id": "population", "basis": "register", "ref_date": "2021-12-31", "value": 8},
    ])
    assert latest(f, "a", "population", ["register", "census"])["value"] == 10
    assert latest(f, "a", "population", ["census", "register"])["value"] == 9
    assert latest(f, "a", "population")["value"] == 9


def test_latest_gap_is_none_and_ignores_non_preferred():
    f = facts([{"area_id": "a", "indicator_id": "x", "ref_date": "2020-01-01", "value": 1, "preferred": False}])
    assert latest(f, "a", "x") is None
    assert latest(f, "b", "x") is None


def test_document_figures_only_when_nothing_else():
    f = facts([
        {"area_id": "a", "indicator_id": "gdp", "basis": "document", "ref_date": "2023-12-31", "value": 5},
        {"area_id": "a", "indicator_id": "gdp", "basis": "", "ref_date": "2017-12-31", "value": 4},
    ])
    assert latest(f, "a", "gdp")["value"] == 4
    assert latest(f[f["basis"].eq("document")], "a", "gdp")["value"] == 5


def test_series_and_year_range():
    f = facts([{"area_id": a, "indicator_id": "p", "ref_date": f"{y}-12-31", "value": y}
               for a in ("a", "b") for y in range(2000, 2010)])
    rows = series(f, "p", ["a"], year_range=(2003, 2005))
    assert list(rows["value"]) == [2003, 2004, 2005]


def test_index_to_base_year_drops_series_without_it():
    f = facts([
        {"area_id": "a", "indicator_id": "p", "ref_date": "2011-12-31", "value": 200},
        {"area_id": "a", "indicator_id": "p", "ref_date": "2012-12-31", "value": 210},
        {"area_id": "b", "indicator_id": "p", "ref_date": "2012-12-31", "value": 50},
    ])
    out = index_to(f, 2011)
    assert list(out["value"]) == [100, 105]
    assert set(out["area_id"]) == {"a"}


def test_ratio():
    assert ratio(210.32, 757.2) == 757.2 / 210.32
    assert ratio(None, 1) is None and ratio(0, 1) is None
