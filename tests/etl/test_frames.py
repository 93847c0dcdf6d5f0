"""etl.frames: categorical fact columns joined, sorted, grouped and turned back into text like pandas does."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from etl import frames

SORT = ["area_id", "indicator_id", "ref_date", "source_id"]


def table(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    text = lambda *values: pd.Series(rng.choice(np.array(values, dtype=object), n), dtype="str")   # noqa: E731
    return pd.DataFrame({
        "area_id": text("essen", "koriyama", "nrw", None), "indicator_id": text("population", "area", "gdp"),
        "ref_date": pd.Series(pd.to_datetime(rng.choice(["2020-12-31", "2019-03-31", "2021-01-01", None], n))),
        "source_id": text("b", "a"), "value": rng.normal(size=n), "raw_row": np.arange(n, dtype="int64"),
        "preferred": rng.integers(0, 2, n).astype(bool)})


def test_concat_sorted_equals_pandas_concat_then_a_stable_sort():
    parts = [table(5000, 1), table(300, 2), table(0, 3), table(40, 4).drop(columns=["preferred"])]
    expected = pd.concat(parts, ignore_index=True).sort_values(SORT, ignore_index=True)     # missing last
    got = frames.concat([frames.concat([p]) for p in parts], sort_by=SORT)
    assert isinstance(got["area_id"].dtype, pd.CategoricalDtype)
    pd.testing.assert_frame_equal(frames.plain(got), expected)


def test_concat_consume_empties_the_given_frames():
    parts = [table(100, 5), table(50, 6)]
    got = frames.concat(parts, sort_by=SORT, consume=True)
    assert len(got) == 150 and all(p.columns.empty for p in parts)


def test_concat_without_sort_keeps_the_order_and_makes_text_categorical():
    parts = [table(100, 7), table(20, 8)]
    got = frames.concat(parts)
    pd.testing.assert_frame_equal(frames.plain(got), pd.concat(parts, ignore_index=True))


def test_repeated_rows_and_their_groups_like_duplicated_and_groupby():
    facts = frames.concat([table(3000, 9)])
    columns = ["area_id", "indicator_id", "preferred"]
    mask, groups = frames.repeated(facts, columns)
    assert (mask == facts.duplicated(columns, keep=False).to_numpy()).all() and mask.any()
    ngroup = facts[mask].groupby(columns, dropna=False, observed=True).ngroup()
    pairs = pd.DataFrame({"ids": groups, "ngroup": ngroup.to_numpy()}).drop_duplicates()
    assert len(pairs) == pairs["ids"].nunique() == pairs["ngroup"].nunique()
    unique = frames.concat([table(50, 10).assign(raw_row=lambda f: f["raw_row"])])
    assert not frames.repeated(unique, ["raw_row", "area_id"])[0].any()


@pytest.mark.parametrize("values", [["b", None, "a", "b"], [], [None]])
def test_text_equals_astype_str(values):
    series = frames.as_category(pd.Series(values, dtype="str"))
    pd.testing.assert_series_equal(frames.text(series), series.astype("str"))
