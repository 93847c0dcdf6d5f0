"""Which figures a KPI card shows (pure selections, no Dash): the lead figure, and beside it a second
basis, the partnership deck's own figure and other sources' differing values."""
from __future__ import annotations

import pandas as pd

from dashboard.selection import latest

# The like-for-like population lead: census-based figures (Essen's official update by IT.NRW beside
# Koriyama's 推計人口), then the censuses; the registers come second.
LEAD_BASES = ["official_update_zensus2022", "official_update", "estimate", "census"]
SECOND_BASES = ["register", "resident_register"]
BASED_ON_POPULATION = ("population", "density")


def lead_order(place: dict) -> list[str]:
    own = [b for b in str(place.get("population_bases") or "").split(";") if b]
    return [b for b in LEAD_BASES if b in own] + [b for b in own if b not in LEAD_BASES]


def lead(facts: pd.DataFrame, place: dict, indicator: str) -> dict | None:
    """The card's main figure; the partnership deck's figure only where no other source gives one."""
    order = lead_order(place) if indicator in BASED_ON_POPULATION else None
    rows = facts[facts["area_id"].eq(place["id"]) & facts["indicator_id"].eq(indicator)]
    sourced = rows[rows["source_quality"].ne("partnership_document")]
    return latest(sourced if sourced["preferred"].any() else rows, place["id"], indicator, order)


def _record(rows: pd.DataFrame) -> dict | None:
    return rows.sort_values("ref_date").iloc[-1].to_dict() if len(rows) else None


def others(facts: pd.DataFrame, place: dict, indicator: dict, shown: dict | None) -> list[tuple[str, dict]]:
    """("second", fact) · ("deck", fact) · ("also", fact) for the card of ``place`` and ``indicator``."""
    rows = facts[facts["area_id"].eq(place["id"]) & facts["indicator_id"].eq(indicator["id"])]
    out: list[tuple[str, dict]] = []
    if shown is None:
        return out
    if indicator["id"] in BASED_ON_POPULATION:
        for basis in SECOND_BASES:
            second = _record(rows[rows["preferred"] & rows["basis"].eq(basis)
                                  & rows["source_quality"].ne("partnership_document")])
            if second is not None and second.get("basis") != shown.get("basis"):
                out.append(("second", second))
                break
    deck = rows[rows["source_quality"].eq("partnership_document")]
    if shown.get("source_quality") != "partnership_document":
        fact = _record(deck)
        if fact is not None:
            out.append(("deck", fact))
    if indicator.get("category") == "place":       # a property of the place: show where sources disagree
        differing = rows[~rows["derived"] & rows["value"].ne(shown["value"])
                         & rows["source_quality"].ne("partnership_document")]
        for _, group in differing.groupby("publisher_id", sort=True, observed=True):
            out.append(("also", _record(group)))
    return out
