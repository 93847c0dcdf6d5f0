"""The cooperation timeline as pure functions (no Dash): filter state, filters, counts, URL query.

The filter state lives in the URL, e.g. ``?field=healthcare,water&status=planned&q=hospital&event=<id>``.
Every value read from a URL is checked against what is allowed; anything else is dropped, never echoed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Iterable, Mapping
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from dashboard.contract import FIELDS, KINDS, STATUSES, VENUES

# "place" takes the pair's two place ids as well (see dashboard.views.timeline.places)
MULTI = {"field": FIELDS, "place": tuple(VENUES), "kind": KINDS, "status": STATUSES}
YEAR_MIN, YEAR_MAX = 1800, 2100
MAX_QUERY_TEXT = 100
MAX_RAW_VALUE = 2000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,159}$")
QUERY_KEYS = ("field", "place", "kind", "status", "q", "years", "who", "event")
SEARCH_LANGUAGES = ("en", "de", "ja")


@dataclass(frozen=True)
class TimelineState:
    """What the timeline shows: empty filters mean 'all'; ``who`` = a stakeholder id; ``event`` = selected."""

    field: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    q: str = ""
    year_from: int | None = None
    year_to: int | None = None
    who: str | None = None
    event: str | None = None

    def with_event(self, event: str | None) -> "TimelineState":
        return replace(self, event=event)

    @property
    def is_filtered(self) -> bool:
        return bool(self.field or self.place or self.kind or self.status or self.q or self.who
                    or self.year_from is not None or self.year_to is not None)


# --- cleaning of untrusted values -------------------------------------------------------------------------

def _pieces(raw) -> list[str]:
    """A URL value (a string, or a list for repeated keys) as a list of stripped strings."""
    if raw is None:
        return []
    values = raw if isinstance(raw, (list, tuple)) else [raw]
    out = []
    for value in values[:50]:
        if not isinstance(value, str):
            continue
        out += [p.strip() for p in value[:MAX_RAW_VALUE].split(",")]
    return [p for p in out if p]


def clean_choices(raw, allowed: Iterable[str]) -> tuple[str, ...]:
    """The allowed values among ``raw`` (comma-separated or repeated), in the order of ``allowed``, once each."""
    picked = set(_pieces(raw))
    return tuple(a for a in allowed if a in picked)


def clean_text(raw) -> str:
    """Free text for the search: no control characters, whitespace collapsed, at most 100 characters."""
    if isinstance(raw, (list, tuple)):
        raw = raw[0] if raw else ""
    if not isinstance(raw, str):
        return ""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw[:MAX_RAW_VALUE])
    return " ".join(text.split())[:MAX_QUERY_TEXT].strip()


def clean_year(raw) -> int | None:
    """A year between 1800 and 2100, or None."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")) or not raw.is_integer():
            return None
        raw = int(raw)
    if isinstance(raw, str):
        raw = raw.strip()
        if not re.fullmatch(r"\d{4}", raw):
            return None
        raw = int(raw)
    if not isinstance(raw, int):
        return None
    return raw if YEAR_MIN <= raw <= YEAR_MAX else None


def clean_years(year_from, year_to) -> tuple[int | None, int | None]:
    lo, hi = clean_year(year_from), clean_year(year_to)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return lo, hi


def clean_id(raw, known: Iterable[str] | None = None) -> str | None:
    """An id of the form ``lower-case-with-dashes`` that is among ``known`` (when given), else None."""
    if isinstance(raw, (list, tuple)):
        raw = raw[0] if raw else None
    if not isinstance(raw, str):
        return None
    raw = raw.strip()
    if not ID_PATTERN.fullmatch(raw):
        return None
    if known is not None and raw not in set(known):
        return None
    return raw


def make_state(*, field=None, place=None, kind=None, status=None, q=None, year_from=None, year_to=None,
               who=None, event=None, event_ids=None, stakeholder_ids=None, places=None) -> TimelineState:
    """A clean state from control values or URL values of any type; ``places``: where the pair's events
    may take place (its two place ids, online, elsewhere)."""
    lo, hi = clean_years(year_from, year_to)
    return TimelineState(
        field=clean_choices(field, FIELDS), place=clean_choices(place, places or VENUES),
        kind=clean_choices(kind, KINDS), status=clean_choices(status, STATUSES),
        q=clean_text(q), year_from=lo, year_to=hi,
        who=clean_id(who, stakeholder_ids), event=clean_id(event, event_ids))


# --- URL query --------------------------------------------------------------------------------------------

def _years_param(raw) -> tuple:
    if isinstance(raw, (list, tuple)):
        raw = raw[0] if raw else None
    if not isinstance(raw, str):
        return None, None
    match = re.fullmatch(r"\s*(\d{4})?\s*-\s*(\d{4})?\s*", raw[:50])
    if match:
        return match.group(1), match.group(2)
    single = clean_year(raw)
    return (single, single) if single is not None else (None, None)


def query_params(query) -> dict:
    """A query string (``?a=b&…``) or a mapping (Dash's layout keyword arguments) as a dict."""
    if isinstance(query, str):
        text = query[1:] if query.startswith("?") else query
        return {k: v for k, v in parse_qs(text[:20000], keep_blank_values=True).items()}
    if isinstance(query, Mapping):
        return dict(query)
    return {}


def parse_query(query, *, event_ids=None, stakeholder_ids=None, places=None) -> TimelineState:
    """A state from a query string (``?a=b&…``) or from a mapping (Dash's layout keyword arguments).

    ``event_ids`` / ``stakeholder_ids``: when given, ``event`` / ``who`` must be one of them.
    """
    params = query_params(query)
    year_from, year_to = _years_param(params.get("years"))
    return make_state(field=params.get("field"), place=params.get("place"), kind=params.get("kind"),
                      status=params.get("status"), q=params.get("q"), year_from=year_from, year_to=year_to,
                      who=params.get("who"), event=params.get("event"), event_ids=event_ids,
                      stakeholder_ids=stakeholder_ids, places=places)


def to_params(state: TimelineState) -> dict[str, str]:
    """The non-empty parts of the state as URL parameters, in a fixed order."""
    params = {}
    for key in ("field", "place", "kind", "status"):
        values = getattr(state, key)
        if values:
            params[key] = ",".join(values)
    if state.q:
        params["q"] = state.q
    if state.year_from is not None or state.year_to is not None:
        params["years"] = f"{state.year_from or ''}-{state.year_to or ''}"
    if state.who:
        params["who"] = state.who
    if state.event:
        params["event"] = state.event
    return params


def to_query(state: TimelineState) -> str:
    """``?field=healthcare&q=hospital`` (percent-encoded, commas kept), or "" for the default state."""
    params = to_params(state)
    return "?" + urlencode(params, safe=",") if params else ""


# --- filters ----------------------------------------------------------------------------------------------

def by_values(events: pd.DataFrame, column: str, values: Iterable[str]) -> pd.DataFrame:
    """Rows whose ``column`` is one of ``values``; no values = no filter."""
    values = list(values or ())
    return events[events[column].isin(values).to_numpy()] if values else events


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).casefold()


def search(events: pd.DataFrame, text: str, lang: str) -> pd.DataFrame:
    """Rows containing every word of ``text`` (case-insensitive, full-/half-width folded) in the title or
    description in ``lang`` or in the participants."""
    words = _normalise(clean_text(text)).split()
    if not words or events.empty:
        return events
    lang = lang if lang in SEARCH_LANGUAGES else "en"
    columns = [c for c in (f"title_{lang}", f"description_{lang}", "participants") if c in events.columns]
    haystack = [_normalise(" \n ".join(values)) for values in events[columns].fillna("").astype(str).to_numpy()]
    keep = [all(word in text for word in words) for text in haystack]
    return events[keep]


def by_years(events: pd.DataFrame, year_from: int | None, year_to: int | None) -> pd.DataFrame:
    """Events that overlap the years [year_from, year_to] (either bound may be open)."""
    if year_from is None and year_to is None:
        return events
    first = events["start"].dt.year.to_numpy(dtype="float64")
    last = events["end"].dt.year.fillna(events["start"].dt.year).to_numpy(dtype="float64") \
        if "end" in events.columns else first
    keep = (last >= (year_from if year_from is not None else -np.inf)) & \
        (first <= (year_to if year_to is not None else np.inf))
    return events[keep]


def stakeholder_event_ids(stakeholders: pd.DataFrame, stakeholder_id: str | None) -> list[str]:
    """The event ids named for one stakeholder (``event_ids`` is ``a;b;c``)."""
    if not stakeholder_id or stakeholders is None or stakeholders.empty:
        return []
    rows = stakeholders[stakeholders["id"].eq(stakeholder_id)]
    if rows.empty:
        return []
    return [e.strip() for e in str(rows.iloc[0]["event_ids"] or "").split(";") if e.strip()]


def event_stakeholders(stakeholders: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """The stakeholders that name ``event_id`` among their events."""
    if stakeholders is None or stakeholders.empty:
        return stakeholders
    named = stakeholders["event_ids"].fillna("").map(lambda s: event_id in [e.strip() for e in s.split(";")])
    return stakeholders[named]


def filter_events(events: pd.DataFrame, state: TimelineState, lang: str = "en",
                  stakeholders: pd.DataFrame | None = None) -> pd.DataFrame:
    """All filters of ``state`` at once, sorted by start date (then id)."""
    rows = events
    for column in ("field", "place", "kind", "status"):
        rows = by_values(rows, column, getattr(state, column))
    rows = by_years(rows, state.year_from, state.year_to)
    if state.who:
        rows = rows[rows["id"].isin(stakeholder_event_ids(stakeholders, state.who)).to_numpy()]
    rows = search(rows, state.q, lang)
    return rows.sort_values(["start", "id"], kind="stable")


# --- counts -----------------------------------------------------------------------------------------------

def counts_by_year_field(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (year, field) with at least one event: columns year, field, count; fields in catalogue order."""
    if events.empty:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "field": pd.Series(dtype="str"),
                             "count": pd.Series(dtype="int64")})
    years = events["start"].dt.year.astype("int64")
    counts = (pd.DataFrame({"year": years, "field": events["field"].astype(str)})
              .groupby(["year", "field"]).size().rename("count").reset_index())
    order = {f: i for i, f in enumerate(FIELDS)}
    counts["_order"] = counts["field"].map(order).fillna(len(order))
    counts = counts.sort_values(["year", "_order"]).drop(columns="_order").reset_index(drop=True)
    counts["count"] = counts["count"].astype("int64")
    return counts


def counts_by(events: pd.DataFrame, column: str, allowed: Iterable[str]) -> dict[str, int]:
    """How many events per value of ``column`` (every allowed value present, 0 when none)."""
    found = events[column].value_counts() if not events.empty else {}
    return {value: int(found.get(value, 0)) for value in allowed}
