"""The timeline's filters, counts and URL state as pure functions: real events and small frames built here."""
from __future__ import annotations

from urllib.parse import parse_qs

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import timeline_filters as tf
from tests.dashboard.event_frames import frame
from etl.schema import FIELDS, KINDS, STATUSES, VENUES

PLACES = ("essen", "koriyama", *VENUES)




@pytest.fixture
def small():
    return frame([
        {"start": "2017-12-01", "field": "healthcare", "place": "koriyama", "kind": "agreement",
         "title_en": "Hospital agreement", "title_de": "Krankenhausvereinbarung", "participants": "FMDDSC; LPixel"},
        {"start": "2018-11-13", "end": "2018-11-18", "field": "water", "place": "essen", "kind": "study_tour",
         "description_en": "Visit to the Emschergenossenschaft"},
        {"start": "2019-07-01", "end": "2019-08-01", "precision": "month", "field": "renewable_energy",
         "status": "planned", "kind": "study_tour", "title_en": "Stadtwerke study tour"},
        {"start": "2020-12-01", "precision": "month", "field": "next_generation", "status": "cancelled",
         "place": "online", "kind": "exchange_programme", "title_ja": "学生訪問（中止）"},
        {"start": "2014-01-01", "precision": "year", "field": "general", "place": "elsewhere", "kind": "agreement",
         "milestone": True, "title_en": "NRW–Fukushima MoU"},
    ])


@pytest.fixture
def people():
    return pd.DataFrame({"id": ["frea", "gwi"], "event_ids": ["e2; e4", ""], "fields": ["renewable_energy", "water"],
                         "name_en": ["FREA", "GWI"]})


# --- filters ------------------------------------------------------------------------------------------------

def test_no_filter_keeps_everything_sorted_by_date(small):
    rows = tf.filter_events(small, tf.TimelineState(), "en")
    assert list(rows["id"]) == ["e4", "e0", "e1", "e2", "e3"]


def test_each_filter(small):
    assert set(tf.filter_events(small, tf.TimelineState(field=("healthcare", "water")))["id"]) == {"e0", "e1"}
    assert set(tf.filter_events(small, tf.TimelineState(place=("online",)))["id"]) == {"e3"}
    assert set(tf.filter_events(small, tf.TimelineState(kind=("study_tour",)))["id"]) == {"e1", "e2"}
    assert set(tf.filter_events(small, tf.TimelineState(status=("planned", "cancelled")))["id"]) == {"e2", "e3"}


def test_filters_combine_with_and(small):
    state = tf.TimelineState(kind=("study_tour",), status=("planned",))
    assert list(tf.filter_events(small, state)["id"]) == ["e2"]
    assert tf.filter_events(small, tf.TimelineState(field=("water",), status=("planned",))).empty


def test_search_is_case_insensitive_in_the_language(small):
    assert list(tf.search(small, "HOSPITAL", "en")["id"]) == ["e0"]
    assert list(tf.search(small, "krankenhaus", "de")["id"]) == ["e0"]
    assert tf.search(small, "krankenhaus", "en").empty          # German title is not searched in English
    assert list(tf.search(small, "emschergenossenschaft", "en")["id"]) == ["e1"]  # description
    assert list(tf.search(small, "lpixel", "ja")["id"]) == ["e0"]  # participants in every language
    assert list(tf.search(small, "中止", "ja")["id"]) == ["e3"]


def test_search_needs_every_word_and_folds_width(small):
    assert list(tf.search(small, "study   stadtwerke", "en")["id"]) == ["e2"]
    assert tf.search(small, "study hospital", "en").empty
    assert list(tf.search(small, "ＬＰｉｘｅｌ", "en")["id"]) == ["e0"]  # full-width letters
    assert len(tf.search(small, "   ", "en")) == len(small)


def test_search_text_is_literal_not_a_pattern(small):
    assert tf.search(small, ".*", "en").empty
    assert tf.search(small, "(", "en").empty


def test_year_range_keeps_events_that_overlap(small):
    assert set(tf.by_years(small, 2018, 2019)["id"]) == {"e1", "e2"}
    assert set(tf.by_years(small, 2020, None)["id"]) == {"e3"}
    assert set(tf.by_years(small, None, 2014)["id"]) == {"e4"}
    long = frame([{"start": "2020-01-01", "end": "2021-01-01", "precision": "year"}])
    assert len(tf.by_years(long, 2021, 2021)) == 1


def test_institution_filter(small, people):
    state = tf.TimelineState(who="frea")
    assert list(tf.filter_events(small, state, "en", people)["id"]) == ["e4", "e2"]
    assert tf.filter_events(small, tf.TimelineState(who="gwi"), "en", people).empty
    assert tf.stakeholder_event_ids(people, "nobody") == []
    assert list(tf.event_stakeholders(people, "e4")["id"]) == ["frea"]


def test_real_events(dataset):
    events = dataset.events
    assert len(tf.filter_events(events, tf.TimelineState())) == len(events) > 40
    planned = tf.filter_events(events, tf.TimelineState(status=("planned",)))
    assert len(planned) > 0 and set(planned["status"]) == {"planned"}
    health = tf.filter_events(events, tf.TimelineState(field=("healthcare",), q="hospital"), "en")
    assert len(health) > 0 and set(health["field"]) == {"healthcare"}
    assert all("hospital" in (r.title_en + r.description_en + r.participants).lower() for r in health.itertuples())
    frea = tf.filter_events(events, tf.TimelineState(who="frea"), "en", dataset.stakeholders)
    assert len(frea) > 0
    assert set(frea["id"]) == set(tf.stakeholder_event_ids(dataset.stakeholders, "frea"))


# --- counts ---------------------------------------------------------------------------------------------------

def test_counts_by_year_and_field(small):
    counts = tf.counts_by_year_field(small)
    assert list(counts.columns) == ["year", "field", "count"]
    assert counts["count"].sum() == len(small)
    assert list(counts["year"]) == sorted(counts["year"])
    assert counts.set_index(["year", "field"])["count"].to_dict()[(2018, "water")] == 1


def test_counts_order_fields_as_catalogue():
    rows = frame([{"start": "2018-01-01", "field": f} for f in reversed(FIELDS)] + [{"start": "2018-02-01"}])
    counts = tf.counts_by_year_field(rows)
    assert list(counts["field"]) == list(FIELDS)
    assert counts.set_index("field").loc["general", "count"] == 2


def test_counts_of_nothing():
    counts = tf.counts_by_year_field(frame([{"start": "2018-01-01"}]).iloc[0:0])
    assert counts.empty and list(counts.columns) == ["year", "field", "count"]
    assert tf.counts_by(frame([{"start": "2018-01-01"}]), "status", STATUSES) == {"held": 1, "planned": 0,
                                                                                  "cancelled": 0}


def test_real_counts_add_up(dataset):
    counts = tf.counts_by_year_field(dataset.events)
    assert counts["count"].sum() == len(dataset.events)
    assert set(counts["field"]) <= set(FIELDS)


# --- URL query --------------------------------------------------------------------------------------------------

def test_query_round_trip(dataset):
    ids = set(dataset.events["id"])
    event = sorted(ids)[3]
    state = tf.TimelineState(field=("healthcare", "water"), status=("planned",), q="hospital visit",
                             year_from=2017, year_to=2020, who="frea", event=event)
    query = tf.to_query(state)
    assert query.startswith("?field=healthcare,water&status=planned&q=hospital+visit&years=2017-2020")
    assert tf.parse_query(query, event_ids=ids, stakeholder_ids=set(dataset.stakeholders["id"])) == state
    assert tf.to_query(tf.TimelineState()) == ""


def test_query_from_dash_keyword_arguments():
    state = tf.parse_query({"field": ["healthcare", "water,culture"], "status": "planned", "q": "hospital",
                            "years": "2018-", "lang": "de"})
    assert state.field == ("healthcare", "water", "culture")
    assert state.status == ("planned",) and state.q == "hospital"
    assert (state.year_from, state.year_to) == (2018, None)
    assert tf.parse_query({"years": "2020-2017"}).year_from == 2017
    assert tf.parse_query({"years": "2019"}).year_to == 2019


def test_unknown_values_are_dropped():
    state = tf.parse_query("?field=healthcare,<script>alert(1)</script>,bogus&place=mars&kind=agreement"
                           "&status=HELD&years=abc&event=nope&who=Robert%27);DROP",
                           event_ids={"a-real-one"}, stakeholder_ids={"frea"})
    assert state == tf.TimelineState(field=("healthcare",), kind=("agreement",))
    assert tf.to_query(state) == "?field=healthcare&kind=agreement"


@pytest.mark.parametrize("value", ['"><img src=x onerror=alert(1)>', "javascript:alert(1)", "../../etc/passwd",
                                   "a" * 5000, "\u0000\u202e", "<b>", "2017-12-01-mou-signing\n<script>"])
def test_hostile_event_and_who_never_come_back(value):
    state = tf.parse_query({"event": value, "who": value}, event_ids={"2017-12-01-mou-signing"},
                           stakeholder_ids={"frea"})
    assert state.event is None and state.who is None
    assert "<" not in tf.to_query(state)


def test_hostile_search_text_is_bounded_and_encoded():
    state = tf.parse_query({"q": "<script>alert('x')</script>\u0000\n" + "x" * 500})
    assert len(state.q) <= tf.MAX_QUERY_TEXT
    assert "\u0000" not in state.q and "\n" not in state.q
    query = tf.to_query(state)
    assert "<" not in query and ">" not in query and "'" not in query
    assert parse_qs(query[1:])["q"] == [state.q]


def test_years_are_checked():
    for bad in ("1e309", "-1", "NaN", "99999", "0-0", "1700-1750", "20x0", "", None, ["2018", "2019"]):
        state = tf.parse_query({"years": bad})
        assert state.year_from is None or tf.YEAR_MIN <= state.year_from <= tf.YEAR_MAX
    assert tf.clean_year(2018.0) == 2018 and tf.clean_year(2018.5) is None and tf.clean_year(True) is None
    assert tf.clean_years(2020, 2017) == (2017, 2020)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(tf.QUERY_KEYS + ("other",)),
                       st.one_of(st.text(max_size=300), st.lists(st.text(max_size=40), max_size=5)), max_size=8))
def test_any_query_gives_a_clean_state(params):
    state = tf.parse_query(params, event_ids={"e1"}, stakeholder_ids={"frea"})
    assert set(state.field) <= set(FIELDS) and set(state.place) <= set(PLACES)
    assert set(state.kind) <= set(KINDS) and set(state.status) <= set(STATUSES)
    assert state.event in (None, "e1") and state.who in (None, "frea")
    assert len(state.q) <= tf.MAX_QUERY_TEXT
    again = tf.parse_query(tf.to_query(state), event_ids={"e1"}, stakeholder_ids={"frea"})
    assert again == state


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_any_query_string_parses(text):
    state = tf.parse_query(text)
    assert isinstance(state, tf.TimelineState)
    assert tf.parse_query(tf.to_query(state)) == state


def test_event_detail_names_the_source_document(dataset):
    from dashboard.pages import timeline
    from tests.dashboard.tree import texts

    event = dataset.events.iloc[0]
    from dash import html

    shown = " ".join(texts(html.Div(timeline.event_detail(dataset, event["id"], "en"))))
    title = dataset.documents.set_index("id").loc[event["document"], "title"]
    assert title in shown and event["locator"] in shown
