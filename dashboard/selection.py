"""Pure selections from the published facts (no Dash, no I/O)."""
from __future__ import annotations

import pandas as pd


def preferred(facts: pd.DataFrame, indicator: str, areas=None, bases=None) -> pd.DataFrame:
    rows = facts[facts["preferred"] & facts["indicator_id"].eq(indicator)]
    if areas is not None:
        rows = rows[rows["area_id"].isin(list(areas))]
    if bases is not None:
        rows = rows[rows["basis"].isin(list(bases))]
    return rows.sort_values("ref_date")


def latest(facts: pd.DataFrame, area: str, indicator: str, basis_order: list[str] | None = None):
    """The latest preferred fact for ``area``/``indicator`` as a dict, or None (a gap).

    With ``basis_order`` the first basis that has any value wins (e.g. official update before register);
    figures stated only in a partnership document ("document") are used when nothing else exists.
    """
    rows = preferred(facts, indicator, [area])
    if rows.empty:
        return None
    order = list(basis_order or [])
    stat = rows[rows["basis"].ne("document")]
    pool = stat if not stat.empty else rows
    for basis in order:
        chosen = pool[pool["basis"].eq(basis)]
        if not chosen.empty:
            return chosen.iloc[-1].to_dict()
    return pool.iloc[-1].to_dict()


def series(facts: pd.DataFrame, indicator: str, areas, bases=None, year_range=None) -> pd.DataFrame:
    rows = preferred(facts, indicator, areas, bases)
    if year_range:
        lo, hi = year_range
        rows = rows[(rows["year"] >= lo) & (rows["year"] <= hi)]
    return rows


def index_to(rows: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Each (area, basis) series divided by its value in ``base_year`` × 100; series without it are dropped."""
    out = []
    for _, group in rows.groupby(["area_id", "basis"], sort=False):
        base = group[group["year"].eq(base_year)]
        if base.empty:
            continue
        out.append(group.assign(value=group["value"] / base["value"].iloc[-1] * 100, unit="index"))
    return pd.concat(out) if out else rows.iloc[0:0]


def ratio(a, b):
    """b ÷ a, or None when either is missing or a is 0."""
    if a is None or b is None or not a:
        return None
    return b / a
