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
    """Each (area, basis) series divided by its value in ``base_year`` × 100; series without it are dropped.
    The series follow one another in the order they first appear, each in its own order.

    On plain arrays (a chart's rows are a few hundred; pandas' grouping cost ten times as much)."""
    keys = list(zip(rows["area_id"].to_numpy(dtype=object), rows["basis"].to_numpy(dtype=object)))
    years, values = rows["year"].to_numpy(), rows["value"].to_numpy(dtype=float)
    base = {key: value for key, year, value in zip(keys, years, values) if year == base_year}
    series_of: dict = {}
    order = sorted((series_of.setdefault(key, len(series_of)), i) for i, key in enumerate(keys)
                   if key in base and not pd.isna(key[0]) and not pd.isna(key[1]))
    taken = [i for _, i in order]
    return rows.iloc[taken].assign(value=[values[i] / base[keys[i]] * 100 for i in taken], unit="index")


def ratio(a, b):
    """b ÷ a, or None when either is missing or a is 0."""
    if a is None or b is None or not a:
        return None
    return b / a
