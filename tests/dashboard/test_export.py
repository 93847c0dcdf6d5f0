"""CSV export: the rows shown, with source and reference date on every row."""
import io

import pandas as pd

from dashboard.export import COLUMNS, rows_to_csv
from dashboard.selection import series


def test_csv_has_rows_sources_and_dates(dataset):
    rows = series(dataset.facts, "population", ["essen", "koriyama"])
    out = pd.read_csv(io.StringIO(rows_to_csv(rows, dataset, "en")))
    assert list(out.columns) == COLUMNS
    assert len(out) == len(rows)
    assert out["source"].str.len().gt(0).all()
    assert out["ref_date"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()
    assert 593489 in set(out["value"])


def test_csv_uses_the_language_for_names(dataset):
    rows = series(dataset.facts, "population", ["koriyama"])
    out = pd.read_csv(io.StringIO(rows_to_csv(rows, dataset, "ja")))
    assert set(out["place"]) == {"郡山市"}


def test_csv_names_the_period_in_the_language(dataset):
    rows = series(dataset.facts, "population", ["essen"])
    de = pd.read_csv(io.StringIO(rows_to_csv(rows, dataset, "de")), dtype=str)
    assert not de["period"].str.match(r"^\d{4}-\d{2}").any()
    assert de["period"].str.fullmatch(r"(\d{1,2}\.\s)?(\w+\s)?\d{4}").all(), set(de["period"])
