"""The headline of a pair and its core figures, from the catalogues and the published tables."""
import dataclasses
from datetime import date

import pytest

from dashboard.views import glance
from dashboard.views.pair import all_pairs, resolve


@pytest.fixture
def pair(dataset):
    return resolve(dataset)


def test_headline_from_the_catalogue(dataset, pair):
    head = glance.headline(dataset, pair, date(2026, 11, 30))
    assert head.relationship == "city_partnership_mou" and head.since == "2017-12-01"
    assert 9000 < head.distance_km < 9300
    assert head.hours_apart == (7.0, 8.0)              # summer and winter time in Europe
    assert head.fields == ("renewable_energy", "healthcare", "next_generation")   # as the documents name them


def test_joint_activities_are_held_events_since_the_start(dataset, pair):
    ev = dataset.events[dataset.events["pair"].eq(pair.id)]
    held = ev[ev["status"].eq("held")]
    since = [glance._start_date(s) >= date(2017, 12, 1) for s in held["date_start"].astype(str)]
    head = glance.headline(dataset, pair, date(2026, 11, 30))
    assert head.joint_activities == sum(since) and 0 < head.joint_activities < len(held)


def test_next_event_is_planned_and_not_past(dataset, pair):
    assert glance.headline(dataset, pair, date(2026, 11, 30)).next_event is None   # nothing is planned
    # the documents' plans whose outcome is not recorded are not "next"; a plan still ahead is
    events = dataset.events.copy()
    assert not events["status"].eq("planned").any()
    plans = events["id"].str.endswith("-planned") & events["date_start"].astype(str).str.startswith(("2019", "2020"))
    events.loc[plans, "status"] = "planned"
    planned = dataclasses.replace(dataset, events=events)
    assert glance.headline(dataset, pair, date(2019, 1, 1)).next_event is None
    nxt = glance.headline(planned, pair, date(2019, 1, 1)).next_event
    assert nxt is not None and nxt.start.startswith("2019") and "planned" in nxt.titles["en"].lower()
    assert glance.headline(planned, pair, date(2021, 1, 1)).next_event is None
    # an event planned for a month is still ahead on that month's last day
    assert glance._end_date("2024-02") == date(2024, 2, 29) and glance._end_date("2024") == date(2024, 12, 31)


def test_every_pair_has_a_headline(dataset):
    for p in all_pairs(dataset):
        head = glance.headline(dataset, p, date(2026, 11, 30))
        assert head.joint_activities >= 0


def test_six_core_figures_with_history(dataset, pair):
    ids = glance.core_ids(dataset, pair)
    assert ids[:5] == glance.CORE and ids[5].startswith("re_share_")
    figures = glance.figures(dataset, pair, ids)
    population = figures[0]
    for fact, points in zip(population.facts, population.histories):
        assert points and points[-1][1] == pytest.approx(fact["value"]) and points[0][0] >= glance.SINCE_YEAR
        same = dataset.facts[dataset.facts["area_id"].eq(fact["area_id"]) & dataset.facts["preferred"]
                             & dataset.facts["indicator_id"].eq("population")]
        assert set(same[same["year"].isin([y for y, _ in points])]["basis"]) >= {fact["basis"]}


def test_per_1000_only_with_a_population_of_the_same_place_and_year():
    beds = {"area_id": "x", "year": 2020, "value": 500.0}
    assert glance.per_1000(beds, {"area_id": "x", "year": 2020, "value": 100000.0}) == pytest.approx(5.0)
    assert glance.per_1000(beds, {"area_id": "x", "year": 2019, "value": 100000.0}) is None
    assert glance.per_1000(beds, {"area_id": "y", "year": 2020, "value": 100000.0}) is None
    assert glance.per_1000(beds, None) is None and glance.per_1000(None, {"value": 1}) is None


def test_short_source_is_short(dataset, pair):
    fact = glance.fact_for(dataset, pair.a, "population")
    label = glance.short_source(fact, dataset, "en")
    assert label and "(" not in label and len(label) < len(dataset.source(fact["source_id"])["publisher"]) + 1
    assert glance.short_source(None, dataset, "en") == ""
    assert glance.short_source({"publisher_de": "IT.NRW", "source_id": "x"}, dataset, "de") == "IT.NRW"


def test_history_is_empty_for_a_gap(dataset, pair):
    assert glance.history(dataset, pair.a, "population", None) == []
    hospitals = glance.figures(dataset, pair, ["hospitals"])[0]
    assert [h == [] for f, h in zip(hospitals.facts, hospitals.histories) if f is None] != []
