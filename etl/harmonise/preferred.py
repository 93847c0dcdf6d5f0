"""Where several sources give a figure for the same place, indicator, basis and period, pick one.

A raw file marks the preferred value where sources disagree. Unmarked duplicates with the same
value are resolved by source priority; unmarked conflicting values are a validation problem.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from etl.frames import group_ids

KEY = ["area_id", "indicator_id", "basis", "period"]


def resolve(facts: pd.DataFrame, priority: dict[str, int]) -> tuple[pd.DataFrame, list[str]]:
    """Return facts with a boolean ``preferred`` column, and the list of unresolvable conflicts."""
    facts = facts.copy(deep=False)   # copy-on-write: only the new column is written
    groups = group_ids(facts, KEY)      # one pass over the key's codes, reused for both counts
    counts = np.bincount(groups)
    marked = facts["preferred"].fillna(False).astype(bool)
    size = pd.Series(counts[groups], index=facts.index)
    n_marked = pd.Series(np.bincount(groups, weights=marked.to_numpy(), minlength=len(counts))[groups],
                         index=facts.index)
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
