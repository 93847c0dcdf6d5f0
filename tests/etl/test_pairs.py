"""The pairs catalogue: a bad row stops the run with file, row and column, nothing published; an unclaimed
raw folder stops the run too."""
from __future__ import annotations

import csv
import io

import pytest

from etl import pipeline
from etl.errors import RawDataError, ValidationError


def _edit_csv(path, change) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    fields = list(rows[0])
    rows = change(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _set(row_index: int, **values):
    def change(rows):
        rows[row_index].update(values)
        return rows
    return change


@pytest.fixture
def failing_run(data_copy, published_copy, snapshot):
    raw, reference = data_copy

    def run(expected=RawDataError):
        before = snapshot(published_copy)
        with pytest.raises(expected) as err:
            pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)
        assert snapshot(published_copy) == before, "published/current changed"
        return err.value

    return run


@pytest.mark.parametrize("change, row, column, words", [
    (_set(0, place_b="atlantis"), 1, "place_b", "unknown place 'atlantis'"),
    (_set(0, place_b="essen"), 1, "place_b", "with itself"),
    (_set(1, context_a="nowhere"), 2, "context_a", "unknown place 'nowhere'"),
    (_set(0, relationship="friendship"), 1, "relationship", "unknown relationship type"),
    (_set(0, default="no"), None, "default", "exactly one pair"),
    (_set(1, default="yes"), 2, "default", "exactly one pair"),
    (_set(0, since="1.12.2017"), 1, "since", "not a date"),
    (_set(0, document_id="999"), 1, "document_id", "unknown document"),
    (_set(0, fields="healthcare;tourism"), 1, "fields", "unknown field 'tourism'"),
])
def test_a_bad_pair_names_file_row_and_column(data_copy, failing_run, change, row, column, words):
    raw, reference = data_copy
    _edit_csv(reference / "pairs.csv", change)
    err = failing_run()
    assert err.file.endswith("pairs.csv") and err.row == row and err.column == column and words in err.message


def test_a_relationship_type_without_labels(data_copy, failing_run):
    raw, reference = data_copy
    _edit_csv(reference / "relationships.csv", _set(1, label_ja=""))
    err = failing_run()
    assert err.file.endswith("relationships.csv") and err.row == 2 and err.column == "label_ja"


def test_an_event_of_an_unknown_pair_or_of_a_place_outside_its_pair(data_copy, failing_run, rehash):
    raw, reference = data_copy
    events = raw / "seed_documents" / "events.csv"
    text = events.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[1] = lines[1].rsplit(",", 1)[0] + ",grenoble_toyota"  # its place is one of the other pair's cities
    events.write_text("\n".join(lines), encoding="utf-8")
    rehash(raw / "seed_documents")
    err = failing_run(ValidationError)
    assert "column 'place'" in str(err) and "row 1" in str(err)


def test_a_raw_folder_that_no_reader_takes_fails_the_run(data_copy, failing_run):
    raw, reference = data_copy
    folder = raw / "forgotten_source"
    folder.mkdir()
    (folder / "table.csv").write_text("area,indicator,value,unit,period\n", encoding="utf-8")
    (folder / "source.yaml").write_text(
        "id: forgotten_source\npublisher: p\ntitle: t\nlicence: l\naccessed: '2026-01-01'\nobtained: o\n"
        "files:\n- name: table.csv\n  sha256: " + __import__("hashlib").sha256(b"area,indicator,value,unit,period\n")
        .hexdigest() + "\n", encoding="utf-8")
    err = failing_run()
    assert "forgotten_source" in err.file and err.column == "format.reader" and "no reader takes" in err.message


def test_a_raw_folder_without_source_yaml_fails_the_run(data_copy, failing_run):
    raw, reference = data_copy
    (raw / "loose_files").mkdir()
    (raw / "loose_files" / "numbers.csv").write_text("a,b\n", encoding="utf-8")
    err = failing_run()
    assert "loose_files" in err.file and "source.yaml is missing" in err.message
