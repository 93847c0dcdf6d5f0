"""Timeline: the pair's events, filtered (``TimelineState``), and the milestones other pages draw."""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from dashboard import timeline_filters as tf
from dashboard.views.base import PageView
from dashboard.views.pair import Pair

VENUES = ("online", "elsewhere")


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
