"""Validation of every published table (pandera), with problems named by raw file, row and column."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

from etl import frames
from etl.errors import ValidationError
from etl.provenance import QUALITIES

PERIOD_KINDS = ["day", "month", "year", "fiscal_year", "document_year"]
FIELDS = ["renewable_energy", "healthcare", "next_generation", "water", "culture", "trade", "general"]
VENUES = ["online", "elsewhere"]  # an event is held in one of its pair's places, online or elsewhere
KINDS = ["agreement", "delegation_visit", "study_tour", "trade_fair", "online_exchange", "award", "seminar",
         "meeting", "symposium", "opening", "exchange_programme", "other"]
STATUSES = ["held", "planned", "cancelled", "not_recorded"]   # not_recorded: past, no document says
PRECISIONS = ["day", "month", "year"]
_SLICE = 1_000_000   # rows checked at a time by check_ranges_and_units
FACT_KEY = ["area_id", "indicator_id", "basis", "period", "source_id", "source_url", "derived"]


def _text(frame: pd.DataFrame | None, column: str):
    """The dtype pandera checks for a text column: ``str``, or a categorical of texts (the harmonised
    fact table keeps repeated texts as categoricals, see :mod:`etl.frames`)."""
    if frame is not None and column in frame.columns and isinstance(frame[column].dtype, pd.CategoricalDtype):
        return "category"
    return str


def _text_categories(frame: pd.DataFrame | None, column: str) -> list:
    if _text(frame, column) == "category":
        return [pa.Check(lambda s: s.cat.categories.dtype == "str", element_wise=False,
                         error="categories are not text")]
    return []


def fact_schema(catalogues: dict[str, pd.DataFrame], source_ids: list[str],
                frame: pd.DataFrame | None = None) -> pa.DataFrameSchema:
    t = lambda column: _text(frame, column)                           # noqa: E731
    c = lambda column: _text_categories(frame, column)                # noqa: E731
    return pa.DataFrameSchema(
        {
            "area_id": pa.Column(t("area_id"), [pa.Check.isin(list(catalogues["places"]["id"])), *c("area_id")]),
            "indicator_id": pa.Column(t("indicator_id"), [pa.Check.isin(list(catalogues["indicators"]["id"])),
                                                          *c("indicator_id")]),
            "basis": pa.Column(t("basis"), [pa.Check.isin(list(catalogues["bases"]["id"])), *c("basis")]),
            "period": pa.Column(t("period"), [pa.Check.str_length(min_value=4), *c("period")]),
            "period_kind": pa.Column(t("period_kind"), [pa.Check.isin(PERIOD_KINDS), *c("period_kind")]),
            "year": pa.Column(None, [pa.Check(lambda s: pd.api.types.is_integer_dtype(s) and not s.hasnans,
                                              element_wise=False, error="year is not a whole number"),
                                     pa.Check.in_range(1800, 2100)]),     # published as int64
            "ref_date": pa.Column("datetime64[ns]", nullable=False),
            "value": pa.Column(float, [pa.Check(lambda s: np.isfinite(s), element_wise=False,
                                                 error="value is missing or infinite")]),
            "unit": pa.Column(t("unit"), c("unit")),
            "preferred": pa.Column(bool),
            "source_id": pa.Column(t("source_id"), [pa.Check.isin(source_ids), *c("source_id")]),
            "source_url": pa.Column(t("source_url"), c("source_url"), nullable=True),
            "derived": pa.Column(bool),
            "converted_from": pa.Column(t("converted_from"), [pa.Check.str_matches(r"^([A-Z]{3})?$"),
                                                              *c("converted_from")], required=False),
            "publisher_id": pa.Column(t("publisher_id"), [pa.Check.isin(list(catalogues["publishers"]["id"])),
                                                          *c("publisher_id")]),
            "source_quality": pa.Column(t("source_quality"), [pa.Check.isin(QUALITIES), *c("source_quality")]),
        },
        strict=False, coerce=False,     # unique keys: duplicate_keys (by code, vectorised)
    )


def _where(frame: pd.DataFrame, index) -> str:
    try:
        row = frame.loc[index]
    except (KeyError, TypeError):
        return "table"
    return f"{row['raw_file']}, row {row['raw_row']} (line {int(row['raw_row']) + 1})"


def _schema_problems(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> list[str]:
    try:
        schema.validate(frame, lazy=True, inplace=True)   # no copy of the table: nothing is coerced
        return []
    except pa.errors.SchemaErrors as exc:
        problems = []
        for case in exc.failure_cases.itertuples():
            if len(problems) < 50:
                where = _where(frame, case.index) if pd.notna(case.index) else "table"
                problems.append(f"{where}, column '{case.column}': {case.check} failed for {case.failure_case!r}")
        return problems


def check_ranges_and_units(facts: pd.DataFrame, indicators: pd.DataFrame, rows: pd.Series | None = None) -> list[str]:
    """Each value within its indicator's range, in one of its units (only ``rows``, a mask, when given).

    Limits and allowed units are looked up once per distinct indicator and unit (categories) and
    compared by code, row by row in numpy."""
    cat = indicators.set_index("id")
    indicator = frames.as_category(facts["indicator_id"])
    unit = frames.as_category(facts["unit"])
    ids = indicator.cat.categories
    lo_by_code = np.append(cat["min"].replace("", None).astype(float).reindex(ids).to_numpy(), np.nan)
    hi_by_code = np.append(cat["max"].replace("", None).astype(float).reindex(ids).to_numpy(), np.nan)
    allowed = cat["units"]
    pairs = {(i, u) for i, units in allowed.items() for u in str(units).split(";")}
    ok = np.zeros((len(ids) + 1, len(unit.cat.categories) + 1), dtype=bool)   # code -1 → the last row/column
    for a, i in enumerate(ids):
        for b, u in enumerate(unit.cat.categories):
            ok[a, b] = (i, u) in pairs
    icodes_all, ucodes_all = indicator.cat.codes.to_numpy(), unit.cat.codes.to_numpy()
    values_all = facts["value"].to_numpy()
    bad, unit_ok = np.empty(len(facts), dtype=bool), np.empty(len(facts), dtype=bool)
    for start in range(0, len(facts), _SLICE):          # a slice at a time: bounded temporary arrays
        part = slice(start, start + _SLICE)
        icodes = icodes_all[part]
        with np.errstate(invalid="ignore"):
            bad[part] = (values_all[part] < lo_by_code[icodes]) | (values_all[part] > hi_by_code[icodes])
        unit_ok[part] = ok[icodes, ucodes_all[part]]
    if rows is not None:
        bad &= rows.to_numpy()
        unit_ok |= ~rows.to_numpy()
    problems = []
    for position in np.flatnonzero(bad)[:20]:
        r = facts.iloc[position]
        what = "negative" if r.value < 0 else "out of range"
        problems.append(f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1}), column 'value': {what} value "
                        f"{r.value:g} for {r.indicator_id} (allowed {lo_by_code[icodes_all[position]]:g} … "
                        f"{hi_by_code[icodes_all[position]]:g})")
    for position in np.flatnonzero(~unit_ok)[:20]:
        r = facts.iloc[position]
        problems.append(f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1}), column 'unit': unit {r.unit!r} "
                        f"is not a unit of {r.indicator_id} ({allowed.get(r.indicator_id)})")
    return problems


def duplicate_keys(facts: pd.DataFrame) -> list[str]:
    """Every row whose key (:data:`FACT_KEY`) appears more than once, named by file and row (at most 50),
    found from the categorical codes of the key columns."""
    shared, _ = frames.repeated(facts, FACT_KEY)
    problems = []
    for position in np.flatnonzero(shared)[:50]:
        index = facts.index[position]
        key = "/".join(str(facts.at[index, c]) for c in FACT_KEY[:5])
        problems.append(f"{_where(facts, index)}, columns {', '.join(FACT_KEY)}: duplicate key {key} "
                        "(the same figure appears more than once)")
    return problems


def validate_facts(facts: pd.DataFrame, catalogues: dict, source_ids: list[str]) -> dict:
    problems = _schema_problems(facts, fact_schema(catalogues, source_ids, facts))
    problems += duplicate_keys(facts)
    problems += check_ranges_and_units(facts, catalogues["indicators"])
    if problems:
        raise ValidationError(problems)
    return {"facts": int(len(facts)), "preferred": int(facts["preferred"].sum()),
            "derived": int(facts["derived"].sum())}


def _event_date(text: str, precision: str) -> pd.Timestamp:
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    return pd.to_datetime(text, format=formats[precision])


def parse_events(events: pd.DataFrame, documents: list[str] | None = None,
                 pairs: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Check enums, ids, sources and dates of the events; return them with parsed dates.

    ``documents`` are the ids of the source documents an event may cite (from seed_documents/source.yaml);
    ``pairs`` the pairs catalogue: an event belongs to one pair and takes place in one of its two places,
    online or elsewhere."""
    problems = []
    events = events.copy()
    enums = {"field": FIELDS, "kind": KINDS, "status": STATUSES, "precision": PRECISIONS,
             "milestone": ["yes", "no"], "document": documents or ["000", "001", "002"]}
    pair_places = ({r["id"]: [r["place_a"], r["place_b"]] for r in pairs.to_dict("records")}
                   if pairs is not None else None)
    if pair_places is not None:
        enums["pair"] = list(pair_places)
    for r in events.itertuples():
        where = f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1})"
        places = pair_places.get(getattr(r, "pair", ""), []) if pair_places is not None else None
        if places is not None and r.place not in places + VENUES:
            problems.append(f"{where}, column 'place': unknown place {r.place!r}; expected one of "
                            f"{places + VENUES}")
        for column, allowed in enums.items():
            value = getattr(r, column)
            if value not in allowed:
                label = "missing source document" if column == "document" and not value else f"unknown {column} {value!r}"
                problems.append(f"{where}, column '{column}': {label}; expected one of {allowed}")
        if not r.locator:
            problems.append(f"{where}, column 'locator': missing source locator")
        for lang in ("en", "de", "ja"):
            if not getattr(r, f"title_{lang}"):
                problems.append(f"{where}, column 'title_{lang}': empty title")
    dup = events["id"].duplicated(keep=False)
    for r in events[dup].itertuples():
        problems.append(f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1}), column 'id': duplicate id {r.id!r}")
    starts, ends = [], []
    for r in events.itertuples():
        where = f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1})"
        precision = r.precision if r.precision in PRECISIONS else "day"
        try:
            start = _event_date(r.date_start, precision)
        except (ValueError, TypeError):
            problems.append(f"{where}, column 'date_start': bad date {r.date_start!r} for precision {precision}")
            start = pd.NaT
        end = pd.NaT
        if r.date_end:
            try:
                end = pd.to_datetime(r.date_end, format={10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}.get(len(r.date_end), "%Y-%m-%d"))
            except (ValueError, TypeError):
                problems.append(f"{where}, column 'date_end': bad date {r.date_end!r}")
            if pd.notna(start) and pd.notna(end) and end < start:
                problems.append(f"{where}, column 'date_end': end {r.date_end} is before start {r.date_start}")
        starts.append(start)
        ends.append(end)
    events["start"] = pd.to_datetime(pd.Series(starts, index=events.index))
    events["end"] = pd.to_datetime(pd.Series(ends, index=events.index))
    events["milestone"] = events["milestone"].eq("yes")
    events["year"] = events["start"].dt.year.astype("Int64")
    return events, problems


def check_links(stakeholders: pd.DataFrame, actions: pd.DataFrame, event_ids: set[str]) -> list[str]:
    problems = []
    ids = set(stakeholders["id"])
    for r in stakeholders.itertuples():
        for eid in filter(None, (e.strip() for e in r.event_ids.split(";"))):
            if eid not in event_ids:
                problems.append(f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1}), column 'event_ids': "
                                f"unknown event {eid!r}")
    for r in actions.itertuples():
        for sid in filter(None, (s.strip() for s in r.stakeholder_ids.split(";"))):
            if sid not in ids:
                problems.append(f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1}), column 'stakeholder_ids': "
                                f"unknown stakeholder {sid!r}")
    return problems
