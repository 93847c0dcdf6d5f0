"""The declared schemas of the catalogues and the provenance rules: each bad value named by file, row, column."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from etl import provenance
from etl.catalogues import read_catalogues, read_source_meta
from etl.errors import RawDataError

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture
def reference(tmp_path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(REFERENCE, target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


ESSEN = "essen,city,Essen,Essen,エッセン,DE,nrw,05113000,51.450833,7.013056"


@pytest.mark.parametrize("old,new,column,words", [
    ("51.450833,7.013056", "91.5,7.013056", "lat", "between -90 and 90"),
    ("#0072B2", "blue", "colour", "#RRGGBB"),
    ("Europe/Berlin,EUR,1,#0072B2", "Europe/Essen,EUR,1,#0072B2", "time_zone", "IANA time zone"),
    ("Europe/Berlin,EUR,1,#0072B2", "Europe/Berlin,EURO,1,#0072B2", "currency", "ISO 4217"),
    ("Europe/Berlin,EUR,1,#0072B2", "Europe/Berlin,EUR,13,#0072B2", "fiscal_year_start_month", "between 1 and 12"),
    ("DE,nrw,05113000", "DE,ruhr,05113000", "parent_id", "is not a place"),
    ("official_update;census;register", "official_update;censuses;register", "population_bases", "unknown basis"),
])
def test_places_catalogue(reference, old, new, column, words):
    _replace(reference / "places.csv", old, new)
    with pytest.raises(RawDataError) as err:
        read_catalogues(reference)
    assert err.value.column == column and err.value.row == 1, str(err.value)
    assert "places.csv" in str(err.value) and words in str(err.value)
    assert "\n" not in str(err.value)


def test_publisher_quality_must_be_known(reference):
    _replace(reference / "publishers.csv", ",official,essen.de", ",very good,essen.de")
    with pytest.raises(RawDataError) as err:
        read_catalogues(reference)
    assert err.value.column == "quality" and err.value.row == 1


def test_duplicate_catalogue_id(reference):
    path = reference / "bases.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[2]]), encoding="utf-8")
    with pytest.raises(RawDataError) as err:
        read_catalogues(reference)
    assert "duplicate key" in str(err.value) and "bases.csv" in str(err.value)


def test_publisher_from_the_rows_own_url():
    publishers = read_catalogues(REFERENCE)["publishers"]
    assert provenance.publisher_for("https://www.essen.de/meldungen/x.html", publishers) == "stadt_essen"
    assert provenance.publisher_for("https://app-webview.sparknews.funkemedien.de/nrw-waz/a", publishers) == "funke"
    assert provenance.publisher_for("https://github.com/h0tbird/eurofxref/blob/x.csv", publishers) == "ecb_copy"
    assert provenance.publisher_for("https://github.com/someone/else", publishers) is None
    assert provenance.publisher_for("https://de.m.wikipedia.org./wiki/Essen", publishers) == "wikipedia"
    assert provenance.publisher_for("https://notessen.de/", publishers) is None


def test_update_cycle_and_past_due():
    assert pd.Timestamp("2024-02-29") + provenance.parse_duration("P1Y") == pd.Timestamp("2025-02-28")
    assert pd.Timestamp("2024-01-31") + provenance.parse_duration("P1M2D") == pd.Timestamp("2024-03-02")
    for bad in ("1Y", "P", "yearly", "", None):
        with pytest.raises(ValueError):
            provenance.parse_duration(bad)
    metas = {"a": {"update_cycle": "P1Y"}, "b": {"update_cycle": "P5Y"}}
    latest = {"a": pd.Timestamp("2023-12-31"), "b": pd.Timestamp("2023-12-31")}
    due = provenance.past_due(metas, latest, today=date(2026, 11, 23))
    assert [d["source_id"] for d in due] == ["a"] and due[0]["due"] == "2024-12-31"


def test_every_source_declares_quality_and_cycle():
    for folder in sorted(p for p in RAW.iterdir() if not p.name.startswith("boundaries_")):
        meta = read_source_meta(folder)
        provenance.check_meta(meta, folder / "source.yaml")


def test_unknown_source_quality_is_rejected(tmp_path):
    folder = tmp_path / "essen_register"
    shutil.copytree(RAW / "essen_register", folder)
    _replace(folder / "source.yaml", "source_quality: official", "source_quality: excellent")
    with pytest.raises(RawDataError) as err:
        provenance.check_meta(read_source_meta(folder), folder / "source.yaml")
    assert err.value.column == "source_quality"
