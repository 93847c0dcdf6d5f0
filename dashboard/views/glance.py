"""At a glance: the headline of a pair (relationship, since when, distance, time difference, joint activities,
next planned event, fields of cooperation) and its core figures with their history — pure data, no Dash.

Used by the overview's headline strip and core cards, the presenter's title slide and the fact sheet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from dashboard import card_figures, geometry
from dashboard.selection import preferred
from dashboard.views.energy import SHARES
from dashboard.views.pair import Pair, Place
from dashboard.views.timeline import pair_events

# the six figures a mayor reads first; the renewable share is the measure both places report (see core_ids)
CORE = ("population", "area", "density", "gdp_eur", "gdp_per_capita_eur")
SINCE_YEAR = 2000   # sparklines show this century
# the partnership's fields beyond its own general events; health and the next generation have cards below
HEALTH_NEXT = ("hospitals", "hospital_beds", "university_students", "highly_qualified_share")
PER_1000 = ("hospitals", "hospital_beds", "university_students")


@dataclass(frozen=True)
class NextEvent:
    id: str
    start: str          # as in the events table: YYYY, YYYY-MM or YYYY-MM-DD
    precision: str
    titles: dict


@dataclass(frozen=True)
class Headline:
    relationship: str                    # relationship type id (labels in the catalogue)
    since: str                           # YYYY-MM-DD or ""
    distance_km: float | None
    hours_apart: tuple[float, ...]       # the time difference in winter and in summer (one value if the same)
    joint_activities: int                # held events of the pair on or after ``since``
    next_event: NextEvent | None
    fields: tuple[str, ...] = field(default_factory=tuple)


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between the two places' coordinates, or None without coordinates."""
    if not (a.has_coordinates and b.has_coordinates):
        return None
    return geometry.distance_km(a.lon, a.lat, b.lon, b.lat)


def hours_apart(a: Place, b: Place, year: int) -> tuple[float, ...]:
    """How many hours b's clock is ahead of a's, mid-January and mid-July of ``year`` (daylight saving time)."""
    if not (a.time_zone and b.time_zone):
        return ()
    out = []
    for month in (1, 7):
        moment = datetime(year, month, 15, 12)
        za, zb = moment.replace(tzinfo=ZoneInfo(a.time_zone)), moment.replace(tzinfo=ZoneInfo(b.time_zone))
        out.append((zb.utcoffset() - za.utcoffset()).total_seconds() / 3600)
    return tuple(sorted(set(out)))


def _start_date(start: str) -> date | None:
    """The first day an event's start can mean (2024 → 1 Jan 2024, 2024-03 → 1 Mar 2024)."""
    parts = str(start or "").split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _end_date(start: str) -> date | None:
    """The last day an event's start can mean (2024 → 31 Dec 2024): a planned 2026 event is not past in Nov 2026."""
    first = _start_date(start)
    if first is None:
        return None
    parts = str(start).split("-")
    if len(parts) == 1:
        return date(first.year, 12, 31)
    if len(parts) == 2:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return first


def fields_of(dataset, pair: Pair) -> tuple[str, ...]:
    """The pair's fields of cooperation: the catalogue's ``fields`` column, else the fields of its held events
    (most frequent first, "general" left out)."""
    pairs = dataset.pairs
    if "fields" in pairs.columns:
        row = pairs[pairs["id"].eq(pair.id)]
        if len(row):
            named = tuple(f for f in str(row.iloc[0]["fields"] or "").split(";") if f)
            if named:
                return named
    ev = pair_events(dataset, pair)
    held = ev[ev["status"].eq("held") & ev["field"].ne("general")]
    return tuple(held["field"].value_counts().index)


def headline(dataset, pair: Pair, today: date | None = None) -> Headline:
    today = today or date.today()
    ev = pair_events(dataset, pair)
    since = _start_date(pair.since)
    starts = ev["date_start"].astype(str)
    held = ev[ev["status"].eq("held").to_numpy()]
    if since is not None:
        held = held[np.array([(_start_date(s) or date.min) >= since for s in held["date_start"].astype(str)],
                             dtype=bool)]
    upcoming = np.array([(_end_date(s) or date.min) >= today for s in starts], dtype=bool)
    planned = ev[ev["status"].eq("planned").to_numpy(dtype=bool) & upcoming]
    nxt = None
    if len(planned):
        row = planned.assign(_d=[_start_date(s) for s in planned["date_start"].astype(str)]).sort_values("_d").iloc[0]
        nxt = NextEvent(id=str(row["id"]), start=str(row["date_start"]), precision=str(row["precision"]),
                        titles={k[6:]: str(row[k]) for k in row.index if k.startswith("title_")})
    return Headline(relationship=pair.relationship, since=pair.since, distance_km=distance_km(pair.a, pair.b),
                    hours_apart=hours_apart(pair.a, pair.b, today.year), joint_activities=len(held),
                    next_event=nxt, fields=fields_of(dataset, pair))


def renewable_share(dataset, pair: Pair) -> str:
    """The renewable-share measure to compare: the first (in the energy page's order) that both places report,
    else the first that either reports."""
    have = {p.id: set(dataset.facts[dataset.facts["area_id"].eq(p.id) & dataset.facts["preferred"]]["indicator_id"])
            for p in pair.places}
    for indicator in SHARES:
        if all(indicator in have[p.id] for p in pair.places):
            return indicator
    for indicator in SHARES:
        if any(indicator in have[p.id] for p in pair.places):
            return indicator
    return SHARES[0]


def core_ids(dataset, pair: Pair) -> tuple[str, ...]:
    return (*CORE, renewable_share(dataset, pair))


def fact_for(dataset, place: Place, indicator: str) -> dict | None:
    """The card's lead figure (like-for-like bases first; a partnership document's figure only where no
    other source gives one — see :mod:`dashboard.card_figures`)."""
    return card_figures.lead(dataset.facts, place.row(), indicator)


def others_for(dataset, place: Place, indicator: dict, fact: dict | None) -> tuple:
    """The further figures of a card: a second basis, the partnership deck's figure, other sources' values."""
    return tuple(card_figures.others(dataset.facts, place.row(), indicator, fact))


def history(dataset, place: Place, indicator: str, fact: dict | None) -> list[tuple[int, float]]:
    """The yearly history behind ``fact`` since ``SINCE_YEAR``: same indicator, basis and unit, the last value of
    each year."""
    if fact is None:
        return []
    rows = preferred(dataset.facts, indicator, [place.id], [fact.get("basis")])
    rows = rows[rows["unit"].eq(fact["unit"])]
    if rows.empty:
        return []
    by_year = rows.groupby("year", sort=True)["value"].last()
    return [(int(y), float(v)) for y, v in by_year.items() if pd.notna(v) and int(y) >= SINCE_YEAR]


@dataclass(frozen=True)
class Figure:
    """One indicator for both places: the latest fact of each (None = gap) and its yearly history."""
    indicator: dict
    facts: tuple
    histories: tuple
    others: tuple = ((), ())    # per place: ("second" | "deck" | "also", fact) beside the lead figure


def figures(dataset, pair: Pair, indicators) -> list[Figure]:
    out = []
    for ind in indicators:
        indicator = dataset.indicator(ind) or {"id": ind}
        facts = tuple(fact_for(dataset, p, ind) for p in pair.places)
        out.append(Figure(indicator=indicator, facts=facts,
                          histories=tuple(history(dataset, p, ind, f) for p, f in zip(pair.places, facts)),
                          others=tuple(others_for(dataset, p, indicator, f) for p, f in zip(pair.places, facts))))
    return out


def per_1000(fact: dict | None, population: dict | None) -> float | None:
    """A count per 1,000 inhabitants, only where the population is of the same place and the same year."""
    if fact is None or population is None or not population.get("value"):
        return None
    if fact.get("area_id") != population.get("area_id") or int(fact["year"]) != int(population["year"]):
        return None
    return float(fact["value"]) / float(population["value"]) * 1000


def population_of_year(dataset, place: Place, year: int) -> dict | None:
    """A statistical population of ``place`` in ``year`` (its own bases in order), or None."""
    rows = preferred(dataset.facts, "population", [place.id])
    rows = rows[rows["year"].eq(year) & rows["basis"].ne("document")]
    for basis in place.population_bases:
        chosen = rows[rows["basis"].eq(basis)]
        if len(chosen):
            return chosen.iloc[-1].to_dict()
    return rows.iloc[-1].to_dict() if len(rows) else None


def _shortened(name: str) -> str:
    """A publisher's name up to its first parenthesis or comma, at most two of its names."""
    name = name.split(" (")[0].split("（")[0].split(", ")[0]
    return " / ".join(name.split(" / ")[:2]).strip()


def short_source(fact: dict | None, dataset, lang: str) -> str:
    """A short source label: the row's own publisher in the page's language where the dataset has one (else in
    English, else the source file's publisher), shortened — the full name is in the card's citation."""
    if fact is None:
        return ""
    for column in (f"publisher_{lang}", "publisher_en"):
        own = fact.get(column)
        if isinstance(own, str) and own:
            return _shortened(own)
    sid = str(fact.get("inputs") or fact.get("source_id") or "").split(";")[0]
    return _shortened(str(dataset.source(sid).get("publisher") or sid))
