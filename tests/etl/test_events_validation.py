"""Events, stakeholders and actions are checked by the ETL; every problem names file, row and column."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from etl.schema import check_links, parse_events
from etl.sources import seed_documents

EVENTS_FILE = "data/raw/seed_documents/events.csv"
PEOPLE_FILE = "data/raw/seed_documents/stakeholders.csv"
ACTIONS_FILE = "data/raw/seed_documents/action_plan.csv"


def event(**values) -> dict:
    row = {"id": "2017-12-01-mou-signing", "date_start": "2017-12-01", "date_end": "", "precision": "day",
           "field": "general", "place": "koriyama", "place_detail": "", "kind": "agreement", "status": "held",
           "milestone": "yes", "title_en": "MoU", "title_de": "Absichtserklärung", "title_ja": "覚書",
           "description_en": "", "description_de": "", "description_ja": "", "participants": "",
           "document": "001", "locator": "slide 5", "pair": "essen_koriyama"}
    row.update(values)
    return row


def events_frame(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=seed_documents.EVENT_COLUMNS)
    frame["raw_file"] = EVENTS_FILE
    frame["raw_row"] = range(1, len(frame) + 1)
    return frame


def people_frame(*rows: dict) -> pd.DataFrame:
    base = {"id": "frea", "name_en": "FREA", "name_de": "FREA", "name_ja": "FREA", "kind": "research",
            "city": "koriyama", "fields": "renewable_energy", "event_ids": "", "document": "001", "locator": "x"}
    frame = pd.DataFrame([{**base, **r} for r in rows], columns=seed_documents.STAKEHOLDER_COLUMNS)
    frame["raw_file"] = PEOPLE_FILE
    frame["raw_row"] = range(1, len(frame) + 1)
    return frame


def actions_frame(*rows: dict) -> pd.DataFrame:
    base = {"id": "lap-energy-01", "field": "renewable_energy", "action_en": "a", "action_de": "a",
            "action_ja": "a", "stakeholder_ids": "frea", "status": "planned", "document": "001", "locator": "x"}
    frame = pd.DataFrame([{**base, **r} for r in rows], columns=seed_documents.ACTION_COLUMNS)
    frame["raw_file"] = ACTIONS_FILE
    frame["raw_row"] = range(1, len(frame) + 1)
    return frame


PAIRS = pd.DataFrame([{"id": "essen_koriyama", "place_a": "essen", "place_b": "koriyama"}])


def problems_of(*rows: dict) -> list[str]:
    return parse_events(events_frame(*rows), pairs=PAIRS)[1]


def only(problems: list[str], column: str) -> str:
    hits = [p for p in problems if f"column '{column}'" in p]
    assert len(hits) == 1, problems
    return hits[0]


def names_place(message: str, file: str, row: int, column: str) -> None:
    assert message.startswith(f"{file}, row {row} (line {row + 1}), column '{column}'"), message


def test_good_events_pass_and_get_parsed_dates():
    frame, problems = parse_events(events_frame(
        event(),
        event(id="2018-11-13-study-tour", date_start="2018-11-13", date_end="2018-11-18", milestone="no"),
        event(id="2019-07-study-tour", date_start="2019-07", date_end="2019-08", precision="month", milestone="no"),
        event(id="2014-mou", date_start="2014", precision="year"),
    ))
    assert problems == []
    assert list(frame["start"].dt.strftime("%Y-%m-%d")) == ["2017-12-01", "2018-11-13", "2019-07-01", "2014-01-01"]
    assert frame["end"].isna().tolist() == [True, False, False, True]
    assert frame["milestone"].tolist() == [True, False, False, True]
    assert frame["year"].tolist() == [2017, 2018, 2019, 2014]


@pytest.mark.parametrize("start, precision", [("2017-13-01", "day"), ("2017-02-30", "day"), ("01.12.2017", "day"),
                                              ("2017-12", "day"), ("2017-12-01", "month"), ("twenty", "year")])
def test_bad_start_date(start, precision):
    message = only(problems_of(event(date_start=start, precision=precision)), "date_start")
    names_place(message, EVENTS_FILE, 1, "date_start")
    assert "bad date" in message and repr(start) in message


def test_bad_end_date():
    message = only(problems_of(event(date_end="2017-12-32")), "date_end")
    names_place(message, EVENTS_FILE, 1, "date_end")
    assert "bad date '2017-12-32'" in message


def test_end_before_start():
    problems = problems_of(event(), event(id="backwards", date_start="2018-11-18", date_end="2018-11-13"))
    message = only(problems, "date_end")
    names_place(message, EVENTS_FILE, 2, "date_end")
    assert "before start" in message and "2018-11-13" in message and "2018-11-18" in message


@pytest.mark.parametrize("column, value", [("field", "space_travel"), ("place", "mars"), ("kind", "party"),
                                           ("status", "maybe"), ("precision", "week"), ("milestone", "true")])
def test_unknown_enum_values(column, value):
    message = only(problems_of(event(**{column: value})), column)
    names_place(message, EVENTS_FILE, 1, column)
    assert f"unknown {column} {value!r}" in message and "expected one of" in message


def test_unknown_field_names_the_allowed_fields():
    message = only(problems_of(event(field="energy")), "field")
    assert "renewable_energy" in message and "healthcare" in message


def test_missing_source_document():
    problems = problems_of(event(), event(id="unsourced", document=""))
    message = only(problems, "document")
    names_place(message, EVENTS_FILE, 2, "document")
    assert "missing source document" in message


def test_unknown_source_document():
    message = only(problems_of(event(document="042")), "document")
    assert "unknown document '042'" in message


def test_missing_locator():
    message = only(problems_of(event(locator="")), "locator")
    names_place(message, EVENTS_FILE, 1, "locator")
    assert "missing source locator" in message


def test_missing_title_in_a_language():
    message = only(problems_of(event(title_ja="")), "title_ja")
    names_place(message, EVENTS_FILE, 1, "title_ja")


def test_duplicate_id_names_both_rows():
    problems = problems_of(event(), event(milestone="no"), event(id="other"))
    hits = [p for p in problems if "duplicate id" in p]
    assert len(hits) == 2, problems
    names_place(hits[0], EVENTS_FILE, 1, "id")
    names_place(hits[1], EVENTS_FILE, 2, "id")
    assert all("'2017-12-01-mou-signing'" in h for h in hits)


def test_several_problems_are_all_reported():
    problems = problems_of(event(field="x", date_start="2017-99-99", document=""))
    columns = {re.search(r"column '(\w+)'", p).group(1) for p in problems}
    assert {"field", "date_start", "document"} <= columns


def test_unknown_stakeholder_event_id():
    people = people_frame({"event_ids": "2017-12-01-mou-signing"},
                          {"id": "gwi", "event_ids": "2017-12-01-mou-signing; 2099-01-01-invented"})
    problems = check_links(people, actions_frame({}), {"2017-12-01-mou-signing"})
    assert len(problems) == 1, problems
    names_place(problems[0], PEOPLE_FILE, 2, "event_ids")
    assert "unknown event '2099-01-01-invented'" in problems[0]


def test_unknown_action_stakeholder():
    problems = check_links(people_frame({}), actions_frame({}, {"id": "x", "stakeholder_ids": "frea;nobody"}), set())
    assert len(problems) == 1, problems
    names_place(problems[0], ACTIONS_FILE, 2, "stakeholder_ids")
    assert "unknown stakeholder 'nobody'" in problems[0]


def test_good_links_pass():
    people = people_frame({"event_ids": "a; b"}, {"id": "gwi", "event_ids": ""})
    assert check_links(people, actions_frame({"stakeholder_ids": "frea; gwi"}), {"a", "b"}) == []


def test_the_real_seed_documents_pass(real_raw):
    source = real_raw / "seed_documents"
    events, problems = parse_events(seed_documents.read_events(source))
    assert problems == []
    assert len(events) > 40 and events["id"].is_unique
    assert events["start"].notna().all()
    assert check_links(seed_documents.read_stakeholders(source), seed_documents.read_actions(source),
                       set(events["id"])) == []
