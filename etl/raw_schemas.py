"""Declared schemas (pandera) of every table a person edits: the raw CSVs and the catalogues.

The tables are read as text (:mod:`etl.extract.tables`); here each column is checked for what it may
hold — ids, codes, numbers in range, colours, time zones, currencies, dates, URLs —, keys for
uniqueness, and every cell for control characters and markup. Checks run once per distinct value, so
that large files stay fast. A failure names file, row and column in one line (:class:`RawDataError`).
"""
from __future__ import annotations

import re
import zoneinfo
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pa
from babel.numbers import list_currencies

from etl.errors import RawDataError

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MARKUP = re.compile(r"<\s*[A-Za-z!/?]|&#?\w+;")
ID = r"[a-z0-9][a-z0-9_\-]*"
URL = r"https?://\S+"
QUALITIES = ["official", "partnership_document", "press", "secondary_copy"]
TIME_ZONES = frozenset(zoneinfo.available_timezones())
CURRENCIES = frozenset(list_currencies())


def _per_value(test: Callable[[str], bool], error: str, optional: bool = False) -> pa.Check:
    """A check computed once per distinct value (``optional``: the empty text passes)."""
    def check(series: pd.Series) -> pd.Series:
        codes, uniques = pd.factorize(series.astype(str))
        ok = np.array([(optional and u == "") or bool(test(u)) for u in uniques] + [True], dtype=bool)
        return pd.Series(ok[codes], index=series.index)
    return pa.Check(check, element_wise=False, error=error)


def pattern(regex: str, what: str, optional: bool = False) -> pa.Check:
    compiled = re.compile(regex)
    return _per_value(lambda v: compiled.fullmatch(v) is not None, f"not {what}", optional)


def number(lo: float, hi: float, optional: bool = False, integer: bool = False) -> pa.Check:
    def ok(v: str) -> bool:
        try:
            x = float(v)
        except ValueError:
            return False
        return np.isfinite(x) and lo <= x <= hi and (not integer or x == int(x))
    kind = "a whole number" if integer else "a number"
    return _per_value(ok, f"not {kind} between {lo:g} and {hi:g}", optional)


def one_of(values, what: str, optional: bool = False) -> pa.Check:
    allowed = frozenset(values)
    return _per_value(lambda v: v in allowed, f"not a known {what}", optional)


def each_of(values, what: str, optional: bool = True) -> pa.Check:
    """A ';'-separated list whose every item is one of ``values``."""
    allowed = frozenset(values)
    return _per_value(lambda v: all(p.strip() in allowed for p in v.split(";") if p.strip()),
                      f"lists an unknown {what}", optional)


def iso_date(optional: bool = False) -> pa.Check:
    def ok(v: str) -> bool:
        try:
            pd.Timestamp(v)
        except ValueError:
            return False
        return re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v) is not None
    return _per_value(ok, "not a date (YYYY, YYYY-MM or YYYY-MM-DD)", optional)


def columns(spec: dict[str, list[pa.Check] | pa.Check | None], unique: list[str] | None = None) -> pa.DataFrameSchema:
    cols = {}
    for name, checks in spec.items():
        checks = [] if checks is None else checks if isinstance(checks, list) else [checks]
        cols[name] = pa.Column(str, checks, nullable=False)
    return pa.DataFrameSchema(cols, unique=unique, report_duplicates="all", strict=False, coerce=False)


# --- raw tables -----------------------------------------------------------------------------------------
FLAG = one_of(["ja", "nein", "yes", "no", "○", "×", ""], "preferred flag (ja/nein, yes/no, ○/×, or empty)")
NEEDS_URL = pattern(URL, "a web address (http:// or https://); every row names the page it was read from")
AREA_ID = pattern(ID, "a place id (lower-case letters, digits, _ and -)")
PAIR_ID = pattern(ID, "a pair id (an id of data/reference/pairs.csv)")
ID_LIST = pattern(rf"({ID}(;{ID})*)?", "a ';'-separated list of place ids")

RAW: dict[str, pa.DataFrameSchema] = {
    "essen_register/einwohner_melderegister.csv": columns(
        {"Stichtag": None, "Zählart": None, "Einwohner": None, "Bevorzugt": FLAG, "Quelle": NEEDS_URL}),
    "itnrw_population/bevoelkerung_amtlich.csv": columns(
        {"Stichtag": None, "Zählart": None, "Einwohner": None, "Bevorzugt": FLAG, "Quelle": NEEDS_URL}),
    "essen_economy/wirtschaft_essen.csv": columns(
        {"Merkmal": pattern(ID, "an indicator id"), "Wert": None, "Bevorzugt": FLAG, "Quelle": NEEDS_URL}),
    "germany_energy/energie_de_nrw_essen.csv": columns(
        {"Gebiet": None, "Merkmal": pattern(ID, "an indicator id"), "Bevorzugt": FLAG, "Quelle": NEEDS_URL}),
    "koriyama_population/koriyama_jinko.csv": columns({"基準日": None, "種別": None, "採用": FLAG, "出典": NEEDS_URL}),
    "koriyama_economy/koriyama_keizai.csv": columns({"指標": pattern(ID, "an indicator id"), "採用": FLAG,
                                                     "出典": NEEDS_URL}),
    "japan_energy/fukushima_koriyama_energy.csv": columns({"指標": pattern(ID, "an indicator id"), "採用": FLAG,
                                                           "出典": NEEDS_URL}),
    "ecb_eurjpy/eurjpy_annual_average.csv": columns(
        {"year": number(1950, 2100, integer=True), "jpy_per_eur": None, "preferred": FLAG, "source_url": NEEDS_URL},
        unique=["year", "source_url"]),
    "worldbank_ppp/ppp_gdp.csv": columns(
        {"country": pattern(r"[A-Z]{3}", "an ISO 3166 alpha-3 country code"), "year": number(1950, 2100, integer=True),
         "preferred": FLAG, "source_url": NEEDS_URL}, unique=["country", "year", "source_url"]),
    "city_profile/city_profile.csv": columns(
        {"area": AREA_ID, "indicator": pattern(ID, "an indicator id"), "preferred": FLAG, "source_url": NEEDS_URL}),
    "health_education/health_education.csv": columns(
        {"area": AREA_ID, "indicator": pattern(ID, "an indicator id"), "preferred": FLAG, "source_url": NEEDS_URL}),
    "climate_targets/targets.csv": columns(
        {"area": AREA_ID, "target": pattern(ID, "a target id"), "target_year_from": number(1900, 2100, integer=True),
         "target_year_to": number(1900, 2100, True, integer=True), "target_value": number(0, 1000, True),
         "decided": pattern(r"\d{4}(-\d{2}(-\d{2})?)?", "a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
         "source_url": NEEDS_URL}, unique=["area", "target"]),
    "seed_documents/headline_figures.csv": columns(
        {"area": AREA_ID, "indicator": pattern(ID, "an indicator id"), "document": pattern(r"\d{3}", "a document id"),
         "locator": pattern(r".*\S.*", "a locator (document, slide or line)")}),
    "seed_documents/events.csv": columns(
        {"id": pattern(ID, "an event id"), "document": pattern(r"\d{3}", "a document id"),
         "date_start": iso_date(), "date_end": iso_date(optional=True), "pair": PAIR_ID}, unique=["id"]),
    "seed_documents/stakeholders.csv": columns(
        {"id": pattern(ID, "a stakeholder id"), "document": pattern(r"\d{3}", "a document id"),
         "name_en": pattern(r".*\S.*", "a name"), "pair": PAIR_ID}, unique=["id"]),
    "seed_documents/action_plan.csv": columns(
        {"id": pattern(ID, "an action id"), "document": pattern(r"\d{3}", "a document id"),
         "action_en": pattern(r".*\S.*", "a text"), "pair": PAIR_ID}, unique=["id"]),
}


# --- catalogues ------------------------------------------------------------------------------------------
def catalogue_schema(name: str, catalogues: dict[str, pd.DataFrame]) -> pa.DataFrameSchema:
    """The schema of catalogue ``name``; foreign keys are checked against the catalogues read before it."""
    if name == "bases":
        return columns({"id": pattern(ID, "a basis id", optional=True), "label_en": pattern(r".*\S.*", "a label"),
                        "label_de": pattern(r".*\S.*", "a label"), "label_ja": pattern(r".*\S.*", "a label"),
                        "description_en": None, "description_de": None, "description_ja": None}, unique=["id"])
    if name == "indicators":
        return columns({"id": pattern(ID, "an indicator id"), "category": pattern(ID, "a category id"),
                        "units": pattern(r"[^;\s]+(;[^;\s]+)*", "a ';'-separated list of units"),
                        "decimals": number(0, 6, integer=True), "min": number(-1e18, 1e18, True),
                        "max": number(-1e18, 1e18, True), "kpi_order": number(1, 1000, True, integer=True),
                        "derivation": None, "label_en": pattern(r".*\S.*", "a label"),
                        "label_de": pattern(r".*\S.*", "a label"), "label_ja": pattern(r".*\S.*", "a label"),
                        "description_en": None, "description_de": None, "description_ja": None,
                        "comparability_en": None, "comparability_de": None, "comparability_ja": None},
                       unique=["id"])
    if name == "publishers":
        return columns({"id": pattern(ID, "a publisher id"), "name_en": pattern(r".*\S.*", "a name"),
                        "name_de": pattern(r".*\S.*", "a name"), "name_ja": pattern(r".*\S.*", "a name"),
                        "quality": one_of(QUALITIES, f"source quality ({', '.join(QUALITIES)})"),
                        "match": pattern(r"([a-z0-9.\-]+\.[a-z]{2,}[^;\s]*)?(;[a-z0-9.\-]+\.[a-z]{2,}[^;\s]*)*",
                                         "a ';'-separated list of host names or host/path prefixes")},
                       unique=["id"])
    if name == "places":
        bases = list(catalogues["bases"]["id"]) if "bases" in catalogues else []
        return columns({"id": pattern(ID, "a place id"), "kind": pattern(ID, "a kind of place"),
                        "name_en": pattern(r".*\S.*", "a name"), "name_de": pattern(r".*\S.*", "a name"),
                        "name_ja": pattern(r".*\S.*", "a name"), "country": pattern(r"[A-Z]{2}", "an ISO 3166 country code"),
                        "parent_id": pattern(ID, "a place id", optional=True), "official_code": None,
                        "lat": number(-90, 90, True), "lon": number(-180, 180, True),
                        "coordinates_source": pattern(URL, "a web address", optional=True),
                        "time_zone": one_of(TIME_ZONES, "IANA time zone (e.g. Europe/Berlin)"),
                        "currency": one_of(CURRENCIES, "ISO 4217 currency code (e.g. EUR)"),
                        "fiscal_year_start_month": number(1, 12, integer=True),
                        "colour": pattern(r"#[0-9A-Fa-f]{6}", "a colour #RRGGBB"),
                        "population_bases": each_of(bases, "basis (bases.csv)")}, unique=["id"])
    # pairs, relationships and pair notes: their references to places, documents and pairs are checked
    # with the other catalogues in etl/pairs.py
    if name == "relationships":
        return columns({"id": pattern(ID, "a relationship type id"), "label_en": pattern(r".*\S.*", "a label"),
                        "label_de": pattern(r".*\S.*", "a label"), "label_ja": pattern(r".*\S.*", "a label")},
                       unique=["id"])
    if name == "pairs":
        return columns({"id": pattern(ID, "a pair id"), "place_a": pattern(ID, "a place id"),
                        "place_b": pattern(ID, "a place id"), "relationship": pattern(ID, "a relationship type id"),
                        "since": iso_date(optional=True), "document_id": pattern(r"\d{3}", "a document id", True),
                        "context_a": ID_LIST, "context_b": ID_LIST,
                        "default": one_of(["yes", "no", ""], "default flag (yes or no)")}, unique=["id"])
    if name == "pair_notes":
        return columns({"pair": pattern(ID, "a pair id"), "indicator": pattern(ID, "an indicator id"),
                        "note_en": pattern(r".*\S.*", "a note"), "note_de": pattern(r".*\S.*", "a note"),
                        "note_ja": pattern(r".*\S.*", "a note")}, unique=["pair", "indicator"])
    raise KeyError(name)


# --- running a schema ------------------------------------------------------------------------------------
def _line(path, frame: pd.DataFrame, index, column, message: str, value) -> str:
    row = frame["_row"].get(index) if "_row" in frame and index is not None and index in frame.index else None
    where = [str(path)]
    if row is not None and not pd.isna(row):
        where.append(f"row {int(row)} (line {int(row) + 1})")
    if column is not None:
        where.append(f"column '{column}'")
    shown = f" {value!r}" if value is not None else ""
    return f"{', '.join(where)}: {message}{shown}"


def check_cells(path: Path, frame: pd.DataFrame) -> None:
    """No control characters (NUL, escape …) and no markup (tags, entities) in any cell."""
    for column in (c for c in frame.columns if c != "_row"):
        codes, uniques = pd.factorize(frame[column].astype(str))
        for i, text in enumerate(uniques):
            problem = ("control character in text" if CONTROL.search(text) else
                       "markup (HTML tags or entities) in text" if MARKUP.search(text) else None)
            if problem:
                first = int(np.flatnonzero(codes == i)[0])
                raise RawDataError(path, f"{problem}: {text[:60]!r}", row=int(frame["_row"].iat[first]),
                                   column=column)


def validate(path: Path, frame: pd.DataFrame, schema: pa.DataFrameSchema) -> None:
    """Raise :class:`RawDataError` for the first problem (one line: file, row, column, what)."""
    try:
        schema.validate(frame, lazy=True)
        return
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    first = cases.iloc[0]
    index = first["index"] if pd.notna(first["index"]) else None
    column = first["column"] if pd.notna(first["column"]) else None
    check = str(first["check"])
    if check in ("column_in_dataframe", "column_in_schema"):
        raise RawDataError(path, "required column missing", column=str(first["failure_case"]))
    if "uniqueness" in check or check == "field_uniqueness":
        keys = ", ".join(schema.unique or [column or ""])
        dup = cases[cases["index"].notna()]["index"]
        rows = sorted({int(frame.at[i, "_row"]) for i in dup if i in frame.index})
        raise RawDataError(path, f"duplicate key ({keys}) in rows {rows[:10]}: each key may appear once",
                           row=rows[-1] if rows else None, column=keys)
    more = len(cases) - 1
    message = _line(path, frame, index, column, check if check.startswith("not ") or " " in check else
                    f"check {check} failed for", first["failure_case"])
    tail = f" (and {more} more problem{'s' if more > 1 else ''} in this file)" if more else ""
    row = frame["_row"].get(index) if index is not None and index in frame.index else None
    err = RawDataError(path, message.split(": ", 1)[1] + tail if ": " in message else message,
                       row=int(row) if row is not None else None, column=column)
    raise err


def check_raw(path: Path, frame: pd.DataFrame) -> None:
    """The declared schema of a raw table (by ``<source>/<file>``), and the cell checks."""
    key = f"{Path(path).parent.name}/{Path(path).name}"
    check_cells(path, frame)
    schema = RAW.get(key)
    if schema is not None:
        validate(path, frame, schema)


def declared(path: Path) -> bool:
    return f"{Path(path).parent.name}/{Path(path).name}" in RAW
