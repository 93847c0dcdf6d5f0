"""Every raw and reference CSV, corrupted one way at a time, stops the run up to the validate step with an
ETL error naming the file (and, for a bad cell or row, its row and column) — never a traceback, never a
published version.

The run is in-process and stops after "validate" (no boundaries, no publishing), so the suite stays fast.
Each case works on a folder of links to the real data in which only the corrupted source is a real copy;
the corrupted file's sha256 is recorded in its source.yaml, as a maintainer replacing a snapshot would.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest

from etl import pipeline
from etl.errors import EtlError

ROOT = Path(__file__).resolve().parents[2]
RAW, REFERENCE = ROOT / "data" / "raw", ROOT / "data" / "reference"

# file → encoding, delimiter, a numeric column (None: the file has none), a text column, a required column
FILES = {
    "essen_register/einwohner_melderegister.csv": ("utf-8-sig", ";", "Einwohner", "Anmerkung", "Stichtag"),
    "itnrw_population/bevoelkerung_amtlich.csv": ("utf-8-sig", ";", "Einwohner", "Anmerkung", "Zählart"),
    "essen_economy/wirtschaft_essen.csv": ("utf-8-sig", ";", "Wert", "Anmerkung", "Merkmal"),
    "germany_energy/energie_de_nrw_essen.csv": ("utf-8-sig", ";", "Wert", "Anmerkung", "Gebiet"),
    "koriyama_population/koriyama_jinko.csv": ("cp932", ",", "人口", "備考", "基準日"),
    "koriyama_economy/koriyama_keizai.csv": ("cp932", ",", "値", "備考", "指標"),
    "japan_energy/fukushima_koriyama_energy.csv": ("cp932", ",", "値", "備考", "地域"),
    "ecb_eurjpy/eurjpy_annual_average.csv": ("utf-8", ",", "jpy_per_eur", "note", "year"),
    "worldbank_ppp/ppp_gdp.csv": ("utf-8", ",", "lcu_per_intl_usd", "note", "country"),
    "city_profile/city_profile.csv": ("utf-8", ",", "value", "note", "indicator"),
    "health_education/health_education.csv": ("utf-8", ",", "value", "note", "area"),
    "climate_targets/targets.csv": ("utf-8", ",", "target_year_from", "note", "target"),
    "seed_documents/headline_figures.csv": ("utf-8", ",", "value", "note", "document"),
    "seed_documents/events.csv": ("utf-8", ",", "date_start", "description_en", "status"),
    "seed_documents/stakeholders.csv": ("utf-8", ",", None, "name_de", "id"),
    "seed_documents/action_plan.csv": ("utf-8", ",", None, "action_de", "stakeholder_ids"),
    "reference/places.csv": ("utf-8", ",", "fiscal_year_start_month", "name_de", "colour"),
    "reference/indicators.csv": ("utf-8", ",", "decimals", "label_de", "units"),
    "reference/bases.csv": ("utf-8", ",", None, "label_de", "label_en"),
    "reference/publishers.csv": ("utf-8", ",", None, "name_de", "quality"),
    "reference/pairs.csv": ("utf-8", ",", None, "context_a", "place_a"),
    "reference/relationships.csv": ("utf-8", ",", None, "label_de", "label_en"),
    "reference/pair_notes.csv": ("utf-8", ",", None, "note_de", "indicator"),
}
HTML_PAGE = ("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
             "<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>\n")
# corruption → does the error have to name a row and a column?
WAYS = {"renamed_column": "column", "dropped_column": "column", "duplicate_row": "row", "negative_value": "cell",
        "text_value": "cell", "huge_value": "cell", "truncated": "file", "empty": "file", "nul_bytes": "cell",
        "html_error_page": "file", "markup": "cell"}
NUMERIC_WAYS = {"negative_value": "-5", "text_value": "abc", "huge_value": "9" * 25}


def _rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _write(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def corrupt(text: str, way: str, delimiter: str, numeric: str | None, textual: str, required: str) -> str | bytes:
    rows = _rows(text, delimiter)
    header = rows[0]
    if way == "renamed_column":
        header[header.index(required)] = required + "_renamed"
    elif way == "dropped_column":
        i = header.index(required)
        rows = [r[:i] + r[i + 1:] for r in rows]
    elif way == "duplicate_row":
        rows.insert(2, list(rows[1]))
    elif way in NUMERIC_WAYS:
        rows[1][header.index(numeric)] = NUMERIC_WAYS[way]
    elif way == "nul_bytes":
        rows[1][header.index(textual)] = "broken\x00text"
    elif way == "markup":
        rows[1][header.index(textual)] = "<script>alert(1)</script>"
    elif way == "truncated":
        whole = _write(rows, delimiter)
        return whole[: len(whole) * 3 // 5].rstrip("\n")
    elif way == "empty":
        return ""
    elif way == "html_error_page":
        return HTML_PAGE
    return _write(rows, delimiter)


def _farm(target: Path, corrupted: str) -> tuple[Path, Path]:
    """raw/ and reference/ made of links to the real data; the corrupted file's folder is a real copy."""
    raw, reference = target / "raw", target / "reference"
    raw.mkdir(parents=True)
    folder = corrupted.split("/")[0]
    for source in RAW.iterdir():
        if source.name == folder:
            shutil.copytree(source, raw / source.name)
        else:
            (raw / source.name).symlink_to(source, target_is_directory=True)
    shutil.copytree(REFERENCE, reference)
    return raw, reference


def _rehash(source_dir: Path, name: str) -> None:
    """Only the sha256 line of the changed file (the rest of source.yaml stays as it is)."""
    meta = source_dir / "source.yaml"
    digest = hashlib.sha256((source_dir / name).read_bytes()).hexdigest()
    text = re.sub(rf"(- name: {re.escape(name)}\n\s+sha256: )[0-9a-f]{{64}}", rf"\g<1>{digest}",
                  meta.read_text(encoding="utf-8"))
    meta.write_text(text, encoding="utf-8")


CASES = [(f, w) for f, spec in FILES.items() for w in WAYS if not (w in NUMERIC_WAYS and spec[2] is None)]


@pytest.mark.parametrize("relative,way", CASES, ids=[f"{f.split('/')[-1]}-{w}" for f, w in CASES])
def test_corrupted_file_is_rejected_naming_file_row_and_column(tmp_path, relative, way):
    encoding, delimiter, numeric, textual, required = FILES[relative]
    raw, reference = _farm(tmp_path / "data", relative)
    folder, name = relative.split("/")
    path = (reference if folder == "reference" else raw / folder) / name
    text = path.read_bytes().decode(encoding)
    new = corrupt(text, way, delimiter, numeric, textual, required)
    path.write_bytes(new.encode(encoding) if new else b"")
    if folder != "reference":
        _rehash(raw / folder, name)
    published = tmp_path / "published"
    with pytest.raises(EtlError) as err:           # an ETL error: never a KeyError, never a traceback
        pipeline.run(raw=raw, reference=reference, published=published, until="validate")
    assert not published.exists() or not any(published.iterdir()), "something was published"
    message = str(err.value)
    lines = [line for line in message.splitlines() if name in line]
    assert lines, f"the file is not named: {message}"
    need = WAYS[way]
    if need in ("cell", "row"):
        assert any(re.search(r"row \d+", line) for line in lines), f"no row named: {message}"
    if need in ("cell", "column"):
        assert any("column" in line for line in lines), f"no column named: {message}"
