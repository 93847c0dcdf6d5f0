"""Malformed raw input stops the run with the file, row and column — and `current` stays byte-for-byte.

Each test edits a private copy of data/raw (and, except for the checksum test, records the new
sha256 in the copy's source.yaml, as a maintainer replacing a snapshot would), runs the pipeline
against a published folder that already serves a complete version, and compares that folder's
``current`` (link target and the sha256 of every file) before and after.
"""
from __future__ import annotations

import csv
import io
import re

import pytest

from etl import pipeline
from etl.errors import ChecksumError, EtlError, RawDataError, ValidationError

ENCODINGS = {"koriyama_population": "cp932", "koriyama_economy": "cp932", "japan_energy": "cp932",
             "essen_register": "utf-8-sig", "itnrw_population": "utf-8-sig", "essen_economy": "utf-8-sig",
             "germany_energy": "utf-8-sig"}
FILES = {"koriyama_population": "koriyama_jinko.csv", "koriyama_economy": "koriyama_keizai.csv",
         "japan_energy": "fukushima_koriyama_energy.csv", "essen_register": "einwohner_melderegister.csv",
         "itnrw_population": "bevoelkerung_amtlich.csv", "essen_economy": "wirtschaft_essen.csv",
         "germany_energy": "energie_de_nrw_essen.csv", "health_education": "health_education.csv"}


@pytest.fixture
def bad_run(data_copy, published_copy, rehash, snapshot):
    """``bad_run(source, edit | data=..., update_checksum=True, expected=EtlError)`` → (error, message).

    ``edit`` changes the decoded text, ``data`` the raw bytes; asserts that `current` is unchanged and
    that the message names the file."""
    raw, reference = data_copy

    def run(source, edit, *, encoding=None, data=None, update_checksum=True, expected=EtlError):
        path = raw / source / FILES[source]
        encoding = encoding or ENCODINGS.get(source, "utf-8")
        if data is not None:
            path.write_bytes(data(path.read_bytes()))
        else:
            path.write_bytes(edit(path.read_bytes().decode(encoding)).encode(encoding))
        if update_checksum:
            rehash(raw / source)
        before = snapshot(published_copy)
        with pytest.raises(expected) as err:
            pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)
        assert snapshot(published_copy) == before, "published/current changed"
        assert sorted(p.name for p in published_copy.iterdir()) == sorted(["current", before["target"]])
        message = str(err.value)
        assert str(path) in message, message
        return err.value, message

    return run


def rewrite_csv(text: str, delimiter: str, change) -> str:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(change(rows))
    return out.getvalue()


# --- wrong encoding ---------------------------------------------------------------------------

def test_cp932_file_saved_as_utf8(bad_run):
    err, message = bad_run("koriyama_population", None,
                           data=lambda b: b.decode("cp932").encode("utf-8"))
    assert isinstance(err, RawDataError) and "cannot be decoded as cp932" in message


def test_bom_file_saved_without_bom(bad_run):
    err, message = bad_run("essen_register", None, data=lambda b: b[3:])
    assert isinstance(err, RawDataError) and "byte-order mark" in message


def test_utf8_file_saved_as_cp932(bad_run):
    err, message = bad_run("health_education", None,
                           data=lambda b: b.decode("utf-8").encode("cp932", errors="replace"))
    assert isinstance(err, RawDataError) and "cannot be decoded as utf-8" in message
    assert re.search(r"row \d+ \(line \d+\)", message)


# --- missing or renamed column ----------------------------------------------------------------

def test_missing_column(bad_run):
    def drop_unit(rows):
        index = rows[0].index("単位")
        return [r[:index] + r[index + 1:] for r in rows]

    err, message = bad_run("koriyama_economy", lambda t: rewrite_csv(t, ",", drop_unit))
    assert err.column == "単位" and "column '単位'" in message and "required column missing" in message


def test_renamed_column(bad_run):
    err, message = bad_run("essen_register", lambda t: t.replace(";Einwohner;", ";Bevölkerung;", 1))
    assert err.column == "Einwohner" and "found unexpected ['Bevölkerung']" in message


# --- duplicate key ----------------------------------------------------------------------------

def test_duplicate_row(bad_run):
    def duplicate(text):
        lines = text.split("\n")
        return "\n".join(lines[:18] + [lines[17]] + lines[18:])   # row 17 = 31.12.2022 twice

    err, message = bad_run("essen_register", duplicate, expected=ValidationError)
    assert "row 17 (line 18), columns area_id, indicator_id" in message
    assert "row 18 (line 19), columns area_id, indicator_id" in message
    assert "duplicate key essen/population/register/2022-12-31/essen_register" in message


def test_same_key_with_another_value(bad_run):
    def conflict(text):
        lines = text.split("\n")
        census = next(line for line in lines if line.startswith("令和2年10月1日,国勢調査"))
        return text.rstrip("\n") + "\n" + census.replace('"327,692"', '"327,000"') + "\n"

    err, message = bad_run("koriyama_population", conflict, expected=ValidationError)
    assert "conflicting values for koriyama/population/census/2020-10-01" in message
    assert "koriyama_jinko.csv row 10 = 327692" in message and "koriyama_jinko.csv row 18 = 327000" in message


# --- non-numeric and impossible values --------------------------------------------------------

def test_non_numeric_german_value(bad_run):
    err, message = bad_run("essen_register", lambda t: t.replace(";593.489;", ";593.48x;"))
    assert (err.row, err.column) == (17, "Einwohner")
    assert "row 17 (line 18), column 'Einwohner': not a number in de notation: '593.48x'" in message


def test_non_numeric_japanese_value(bad_run):
    err, message = bad_run("koriyama_population", lambda t: t.replace('"327,692"', "約33万"))
    assert (err.row, err.column) == (10, "人口")


def test_badly_grouped_number(bad_run):
    err, message = bad_run("essen_economy", lambda t: t.replace(";24.161;", ";2.4161;"))
    assert (err.row, err.column) == (4, "Wert")


def test_negative_population(bad_run):
    err, message = bad_run("essen_register", lambda t: t.replace(";593.489;", ";-593.489;"),
                           expected=ValidationError)
    assert "row 17 (line 18), column 'value': negative value -593489 for population" in message


def test_negative_value_in_a_japanese_file(bad_run):
    err, message = bad_run("japan_energy", lambda t: t.replace(',"3,961",MW', ',"-3,961",MW'),
                           expected=ValidationError)
    assert re.search(r"row \d+ \(line \d+\), column 'value': negative value -3961 for re_capacity_total", message)


def test_impossible_date(bad_run):
    err, message = bad_run("koriyama_population", lambda t: t.replace("令和5年4月1日", "平成35年4月1日"))
    assert (err.row, err.column) == (12, "基準日") and "lies outside the 平成 era" in message


# --- changed checksum -------------------------------------------------------------------------

def test_changed_checksum(bad_run):
    err, message = bad_run("essen_register", lambda t: t.replace(";593.489;", ";593.488;"),
                           update_checksum=False, expected=ChecksumError)
    assert "checksum changed" in message and err.exit_code == 3


# --- truncated file ---------------------------------------------------------------------------

def test_line_with_fewer_fields(bad_run):
    def cut_line(text):
        lines = text.split("\n")
        lines[3] = ";".join(lines[3].split(";")[:3])
        return "\n".join(lines)

    err, message = bad_run("essen_register", cut_line)
    assert err.row == 3 and "has 3 fields, the header has 6" in message


def test_file_cut_in_the_middle(bad_run):
    err, message = bad_run("itnrw_population", None, data=lambda b: b[: len(b) // 2])
    assert err.row is not None and re.search(r"row \d+ \(line \d+\)", message)


def test_cp932_file_cut_inside_a_quoted_field(bad_run):
    def cut(data: bytes) -> bytes:
        start = data.index('"市内総生産'.encode("cp932"))   # the quoted note of row 1
        return data[: start + 1 + 3 * 2]                  # the quote and three double-byte characters

    err, message = bad_run("koriyama_economy", None, data=cut)
    assert err.row == 1 and "malformed CSV: unexpected end of data" in message


# --- metadata ---------------------------------------------------------------------------------

def test_missing_raw_file(data_copy, published_copy, snapshot):
    raw, reference = data_copy
    (raw / "ecb_eurjpy" / "eurjpy_annual_average.csv").unlink()
    before = snapshot(published_copy)
    with pytest.raises(RawDataError, match="eurjpy_annual_average.csv: listed in source.yaml but missing"):
        pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)
    assert snapshot(published_copy) == before


def test_duplicate_catalogue_id(data_copy, published_copy, snapshot):
    raw, reference = data_copy
    path = reference / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    before = snapshot(published_copy)
    with pytest.raises(RawDataError) as err:
        pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)
    assert str(path) in str(err.value) and err.value.column == "id" and err.value.row == len(lines)
    assert snapshot(published_copy) == before
