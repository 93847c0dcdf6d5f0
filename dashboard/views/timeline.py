"""Timeline: the pair's events, filtered (``TimelineState``), the milestones other pages draw, the source of an
event, the fields of cooperation with their actions and institutions, and how much of the list is shown."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Mapping

import pandas as pd

from dashboard import ids
from dashboard import timeline_filters as tf
from dashboard.contract import FIELDS
from dashboard.views.base import PageView, pair_query
from dashboard.views.pair import Pair

VENUES = ("online", "elsewhere")
LIST_PAGE = 25          # events listed at first, and added by each "show more"
RESULTS_ANCHOR = ids.page_id("timeline", "results")


def pair_events(dataset, pair: Pair) -> pd.DataFrame:
    """The events of ``pair`` (all events when the published version predates the ``pair`` column)."""
    events = dataset.events
    return events[events["pair"].eq(pair.id).to_numpy()] if "pair" in events.columns else events


def pair_stakeholders(dataset, pair: Pair) -> pd.DataFrame:
    """The institutions of the pair's cooperation."""
    people = dataset.stakeholders
    return people[people["pair"].eq(pair.id).to_numpy()] if "pair" in people.columns else people


def pair_actions(dataset, pair: Pair) -> pd.DataFrame:
    actions = dataset.actions
    return actions[actions["pair"].eq(pair.id).to_numpy()] if "pair" in actions.columns else actions


def milestones(dataset, pair: Pair, years, fields=None) -> pd.DataFrame:
    """The pair's milestones that were held, within ``years`` (and ``fields`` when given)."""
    ev = pair_events(dataset, pair)
    keep = ev["milestone"] & ev["status"].eq("held") & (ev["year"] >= years[0]) & (ev["year"] <= years[1])
    if fields is not None:
        keep &= ev["field"].isin(list(fields))
    return ev[keep.fillna(False).to_numpy()]


def places(pair: Pair) -> tuple[str, ...]:
    """Where an event of the pair takes place: one of its two places, online or elsewhere."""
    return (*pair.ids, *VENUES)


class TimelineView(PageView):
    state: tf.TimelineState = tf.TimelineState()

    model_config = {"frozen": True, "arbitrary_types_allowed": True}

    @classmethod
    def from_query(cls, dataset, q: Mapping | str | None = None) -> "TimelineView":
        params = tf.query_params(q)
        pair = cls.pair_from(dataset, params)
        events = pair_events(dataset, pair)
        state = tf.parse_query(params, places=places(pair), event_ids=set(events["id"]),
                               stakeholder_ids=set(dataset.stakeholders["id"]))
        return cls(pair=pair, state=state)

    @classmethod
    def from_state(cls, dataset, pair_id, state: tf.TimelineState) -> "TimelineView":
        return cls(pair=cls.pair_from(dataset, {"pair": pair_id}), state=state)

    def params(self) -> dict[str, str]:
        return tf.to_params(self.state)

    def events(self, dataset) -> pd.DataFrame:
        return pair_events(dataset, self.pair)

    def rows(self, dataset, lang: str) -> pd.DataFrame:
        return tf.filter_events(self.events(dataset), self.state, lang, dataset.stakeholders)


def place_names(dataset, lang: str) -> dict[str, str]:
    """Place id → its catalogue name in the language."""
    return dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))


def timeline_href(pair: Pair, lang: str, **params) -> str:
    """A link to the timeline of ``pair`` with ``params`` (e.g. ``who=frea``), scrolled to the results."""
    query = pair_query(pair)
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/{lang}/timeline{query}" + (("&" if query else "?") + extra if extra else "") + f"#{RESULTS_ANCHOR}"


def event_source(dataset, raw_file) -> str | None:
    """The published source that holds an event's raw file (``raw_file`` = ``<source folder>/<file>``): the
    source named by the folder when it lists the file, else the one source listing the file; None if unknown."""
    if not isinstance(raw_file, str) or not raw_file:
        return None
    path = PurePosixPath(raw_file)
    sources = dataset.sources
    holds = sources["files"].fillna("").map(lambda files: path.name in [f.strip() for f in files.split(",")])
    owners = list(sources.loc[holds.to_numpy(), "id"])
    if len(path.parts) > 1 and path.parts[0] in owners:
        return path.parts[0]
    return owners[0] if len(owners) == 1 else None


def shown_count(rows: pd.DataFrame, selected: str | None, at_least: int = LIST_PAGE) -> int:
    """How many rows of the list to render: ``at_least``, more when the selected event comes later."""
    if selected:
        where = (rows["id"] == selected).to_numpy().nonzero()[0]
        if len(where):
            at_least = max(at_least, int(where[0]) + 1)
    return min(len(rows), at_least)


@dataclass(frozen=True)
class FieldSummary:
    """One field of cooperation: its Local Action Plan actions, its institutions (``events``: how many events
    each is linked to) and the number of the pair's events in it."""

    field: str
    actions: pd.DataFrame
    institutions: pd.DataFrame
    events: int


def _event_count(event_ids) -> int:
    if not isinstance(event_ids, str):      # None or NaN: no events
        return 0
    return len([e for e in event_ids.split(";") if e.strip()])


def field_summaries(dataset, pair: Pair, lang: str) -> list[FieldSummary]:
    """The fields that have an action, an institution or an event of the pair, in the fields' order."""
    events, actions, people = pair_events(dataset, pair), pair_actions(dataset, pair), pair_stakeholders(dataset, pair)
    people = people.assign(events=people["event_ids"].map(_event_count))
    fields_of = people["fields"].fillna("").map(lambda s: set(s.split(";")))
    out = []
    for field in FIELDS:
        field_actions = actions[actions["field"].eq(field).to_numpy()]
        field_people = people[fields_of.map(lambda f, field=field: field in f).to_numpy()]
        n = int(events["field"].eq(field).sum())
        if not field_actions.empty or not field_people.empty or n:
            out.append(FieldSummary(field, field_actions, field_people.sort_values(f"name_{lang}"), n))
    return out
