"""Where several sources give a figure for the same place, indicator, basis and period, pick one.

A raw file marks the preferred value where sources disagree. Unmarked duplicates with the same
value are resolved by source priority; unmarked conflicting values are a validation problem.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from etl.frames import repeated

KEY = ["area_id", "indicator_id", "basis", "period"]


def resolve(facts: pd.DataFrame, priority: dict[str, int]) -> tuple[pd.DataFrame, list[str]]:
    """Return facts with a boolean ``preferred`` column, and the list of unresolvable conflicts."""
    facts = facts.copy(deep=False)   # copy-on-write: only the new column is written
    # group sizes and marks counted only where a key repeats (found by sorting one number per row)
    shared, groups = repeated(facts, KEY)
    marked = facts["preferred"].fillna(False).astype(bool)
    size, n_marked = np.ones(len(facts), dtype=np.int64), marked.to_numpy().astype(np.int64)
    size[shared] = np.bincount(groups)[groups]
    n_marked[shared] = np.bincount(groups, weights=n_marked[shared]).astype(np.int64)[groups]
    size, n_marked = pd.Series(size, index=facts.index), pd.Series(n_marked, index=facts.index)
    problems = []
    preferred = marked.copy()
    preferred[(size == 1) & facts["preferred"].isna()] = True
    open_groups = (size > 1) & (n_marked == 0)
    if open_groups.any():
        sub = facts[open_groups].assign(_prio=facts.loc[open_groups, "source_id"].map(priority).fillna(0))
        for key, group in sub.groupby(KEY, sort=False, dropna=False):
            if group["value"].nunique() > 1:
                rows = "; ".join(f"{r.raw_file} row {r.raw_row} = {r.value:g}" for r in group.itertuples())
                problems.append(f"conflicting values for {'/'.join(map(str, key))} and none marked preferred: {rows}")
                continue
            best = group.sort_values(["_prio", "source_id"], ascending=[False, True]).index[0]
            preferred[best] = True
    too_many = n_marked > 1
    if too_many.any():
        for key, group in facts[too_many].groupby(KEY, sort=False, dropna=False):
            rows = "; ".join(f"{r.raw_file} row {r.raw_row}" for r in group.itertuples())
            problems.append(f"more than one value marked preferred for {'/'.join(map(str, key))}: {rows}")
    facts["preferred"] = preferred.astype(bool)
    return facts, problems
