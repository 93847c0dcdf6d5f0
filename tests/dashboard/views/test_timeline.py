"""The timeline's view model: the source of an event, how much of the list is shown, the fields' summaries."""
from __future__ import annotations

import pandas as pd

from dashboard.views import timeline as tv
from dashboard.views.pair import resolve


def test_the_source_of_an_event_is_the_published_source_holding_its_file(dataset):
    sources = {tv.event_source(dataset, f) for f in dataset.events["raw_file"]}
    assert len(sources) == 1 and None not in sources
    source = sources.pop()
    row = dataset.sources.set_index("id").loc[source]
    assert "events.csv" in [f.strip() for f in row["files"].split(",")]


def test_an_unknown_file_has_no_source(dataset):
    assert tv.event_source(dataset, "nowhere/unknown.csv") is None
    assert tv.event_source(dataset, None) is None and tv.event_source(dataset, "") is None


def test_the_folder_decides_when_two_sources_list_the_same_file_name(dataset):
    sources = pd.concat([dataset.sources, pd.DataFrame([{"id": "other", "files": "events.csv"}])])
    both = type("Data", (), {"sources": sources})()
    source = tv.event_source(dataset, dataset.events["raw_file"].iloc[0])
    assert tv.event_source(both, dataset.events["raw_file"].iloc[0]) == source
    assert tv.event_source(both, "elsewhere/events.csv") is None  # two candidates, none named by the folder


def test_the_list_shows_a_page_and_reaches_the_selected_event():
    rows = pd.DataFrame({"id": [f"e{i}" for i in range(60)]})
    assert tv.shown_count(rows, None) == tv.LIST_PAGE
    assert tv.shown_count(rows, "e3") == tv.LIST_PAGE
    assert tv.shown_count(rows, "e40") == 41
    assert tv.shown_count(rows, "gone") == tv.LIST_PAGE
    assert tv.shown_count(rows.iloc[:5], None) == 5


def test_field_summaries_count_actions_institutions_and_events(dataset):
    pair = resolve(dataset, None)
    summaries = tv.field_summaries(dataset, pair, "en")
    events = tv.pair_events(dataset, pair)
    assert sum(s.events for s in summaries) == len(events)
    frea = next(s for s in summaries if s.field == "renewable_energy").institutions.set_index("id").loc["frea"]
    assert frea["events"] == len([e for e in frea["event_ids"].split(";") if e.strip()])
    assert all(not (s.actions.empty and s.institutions.empty and not s.events) for s in summaries)


def test_links_keep_the_pair_and_scroll_to_the_results(dataset):
    pair = resolve(dataset, None)
    assert tv.timeline_href(pair, "de", who="frea") == "/de/timeline?who=frea#timeline-results"


def test_an_institution_without_events_counts_none():
    assert [tv._event_count(v) for v in (None, float("nan"), "", " ; ", "a;b")] == [0, 0, 0, 0, 2]
