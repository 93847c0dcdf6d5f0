"""The ETL run: extract → harmonise → validate → boundaries → publish.

Each step is a function of the previous step's output; nothing is written until every check has
passed, and then the new version is published atomically (see :mod:`etl.publish`).
"""
from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from etl import boundaries, frames, memory, paths, provenance, publish
from etl.catalogues import read_catalogues, read_source_meta, sources_table
from etl.errors import RawDataError, ValidationError
from etl.extract.checksums import sha256_of, verify
from etl.extract.indicator_table import READER as INDICATOR_READER
from etl.extract.indicator_table import declares_reader, read_declared
from etl.harmonise.derived import derived_parts
from etl.harmonise.preferred import resolve
from etl.harmonise.units import UNITS
from etl.pairs import read_pair_notes, read_pairs, read_relationships
from etl.schema import check_links, check_ranges_and_units, parse_events, validate_facts
from etl.sources import ALL_SOURCES, FACT_SOURCES, climate_targets, seed_documents

STEPS = ["extract", "harmonise", "validate", "boundaries", "publish"]
SCHEMA_VERSION = 2
SORT_KEY = ["area_id", "indicator_id", "basis", "ref_date", "source_id"]   # the published order


@dataclass
class RunState:
    raw: Path
    reference: Path
    published: Path
    mirror: Path | None
    metas: dict = field(default_factory=dict)
    checksums: dict = field(default_factory=dict)
    per_source: dict = field(default_factory=dict)
    facts: pd.DataFrame | None = None
    tables: dict = field(default_factory=dict)
    catalogues: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    gaps: list = field(default_factory=list)
    report: dict = field(default_factory=dict)
    boundary_files: dict = field(default_factory=dict)
    version: str | None = None
    unchanged: bool = False
    past_due: list = field(default_factory=list)


def _register(state: RunState, source_dir: Path, meta: dict | None = None) -> dict:
    meta = meta or read_source_meta(source_dir)
    provenance.check_meta(meta, source_dir / "source.yaml")
    state.metas[meta["id"]] = meta
    state.checksums[meta["id"]] = verify(source_dir, meta["files"])
    for gap in meta.get("gaps") or []:
        item = gap.get("item", "") if isinstance(gap, dict) else str(gap)
        state.gaps.append({"source_id": meta["id"], "item": item})
    return meta


def declared_folders(raw: Path) -> list[Path]:
    """Folders of ``data/raw`` that no module of ``etl/sources`` reads: each must declare its reader."""
    modules = {m.SOURCE_ID for m in ALL_SOURCES}
    return sorted(p for p in Path(raw).iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
                  and p.name not in modules)


def step_extract(state: RunState) -> None:
    state.catalogues = read_catalogues(state.reference)
    parts = []
    for module in ALL_SOURCES:
        source_dir = state.raw / module.SOURCE_ID
        meta = read_source_meta(source_dir)
        if not meta["files"]:          # a `fetch:` source not fetched yet: nothing to read or show
            continue
        _register(state, source_dir, meta)
        if module in FACT_SOURCES:
            part = module.read(source_dir)
            parts.append(part)
            state.per_source[module.SOURCE_ID] = len(part)
    for source_dir in declared_folders(state.raw):  # sources declared as data: source.yaml format: reader
        meta = read_source_meta(source_dir)
        if meta.get("kind") == "boundaries":
            continue  # read by the boundaries step (etl/boundaries.py)
        if not declares_reader(meta):
            raise RawDataError(source_dir / "source.yaml", "no reader takes this folder: declare one in source.yaml "
                               f"(format: reader: {INDICATOR_READER}, see the README, \"Add a source\") or add a "
                               f"module etl/sources/{source_dir.name}.py", column="format.reader")
        _register(state, source_dir, meta)
        part = read_declared(source_dir, meta)
        parts.append(part)
        state.per_source[meta["id"]] = len(part)
    state.facts = provenance.assign(frames.concat(parts, consume=True), state.catalogues["publishers"], state.metas)
    state.tables["targets"] = provenance.assign(climate_targets.read(state.raw / climate_targets.SOURCE_ID),
                                                state.catalogues["publishers"], state.metas)
    seed_dir = state.raw / seed_documents.SOURCE_ID
    state.tables["events"] = seed_documents.read_events(seed_dir)
    state.tables["stakeholders"] = seed_documents.read_stakeholders(seed_dir)
    state.tables["actions"] = seed_documents.read_actions(seed_dir)
    state.tables["documents"] = seed_documents.documents(state.metas[seed_documents.SOURCE_ID])
    state.catalogues["relationships"] = read_relationships(state.reference)
    state.catalogues["pairs"] = read_pairs(state.reference, state.catalogues["places"],
                                           state.catalogues["relationships"], list(state.tables["documents"]["id"]))
    state.catalogues["pair_notes"] = read_pair_notes(state.reference, state.catalogues["pairs"],
                                                     state.catalogues["indicators"])
    state.per_source["climate_targets"] = len(state.tables["targets"])
    state.per_source["events"] = len(state.tables["events"])


def step_harmonise(state: RunState) -> None:
    facts, state.facts = state.facts, None      # released column by column at the end (frames.concat)
    unit = frames.as_category(facts["unit"])
    factor_by_unit = [float(UNITS[u][1]) if u in UNITS else float("nan") for u in unit.cat.categories]
    codes = unit.cat.codes.to_numpy()
    factors = np.append(np.asarray(factor_by_unit, dtype=float), np.nan)[codes]   # code -1 → NaN
    facts = facts.assign(value=facts["value"].to_numpy() * factors,
                         unit=frames.map_categories(unit, {u: b for u, (b, _) in UNITS.items()}))
    del unit, codes, factors
    # Impossible values (e.g. negative) are reported with their file, row and column before they
    # can surface as a mere conflict between sources.
    known = facts["indicator_id"].isin(state.catalogues["indicators"]["id"])
    impossible = check_ranges_and_units(facts, state.catalogues["indicators"], rows=known)
    if impossible:
        raise ValidationError(impossible)
    del known
    priority = {sid: int(m.get("priority", 0)) for sid, m in state.metas.items()}
    facts, conflicts = resolve(facts, priority)
    if conflicts:
        raise ValidationError(conflicts)
    parts = derived_parts(facts, state.catalogues["places"])
    del facts
    for part in parts:
        for column in ("note", "source_url"):       # text, never missing (kept categorical)
            values = frames.as_category(part[column])
            if values.isna().any():
                values = values.cat.add_categories([""]).fillna("") if "" not in values.cat.categories \
                    else values.fillna("")
            part[column] = values
        part["ref_date"] = pd.to_datetime(part["ref_date"]).astype("datetime64[ns]")
    # joined and sorted in one pass, each column of the parts released once taken: one copy of the table
    state.facts = frames.concat(parts, sort_by=SORT_KEY, consume=True)


def step_validate(state: RunState) -> None:
    source_ids = [*state.metas, "derived"]
    facts_report = validate_facts(state.facts, state.catalogues, source_ids)
    events, problems = parse_events(state.tables["events"], list(state.tables["documents"]["id"]),
                                    state.catalogues["pairs"])
    for table, name in (("actions", "action_plan.csv"), ("stakeholders", "stakeholders.csv")):
        unknown_pairs = sorted(set(state.tables[table]["pair"]) - set(state.catalogues["pairs"]["id"]))
        problems += [f"{name}, column 'pair': unknown pair {p!r}" for p in unknown_pairs]
    problems += check_links(state.tables["stakeholders"], state.tables["actions"], set(events["id"]))
    documents = set(state.tables["documents"]["id"])
    for name in ("stakeholders", "actions"):
        table = state.tables[name]
        for r in table[~table["document"].isin(documents)].itertuples():
            problems.append(f"{r.raw_file}, row {r.raw_row} (line {r.raw_row + 1}), column 'document': "
                            f"unknown document {r.document!r}; expected one of {sorted(documents)}")
    unknown_areas = set(state.tables["targets"]["area_id"]) - set(state.catalogues["places"]["id"])
    problems += [f"targets: unknown area {a!r}" for a in sorted(unknown_areas)]
    if problems:
        raise ValidationError(problems)
    state.tables["events"] = events
    sourced = state.facts[["source_id", "ref_date"]][~state.facts["derived"].to_numpy()]   # two columns only
    latest = sourced.groupby("source_id", observed=True)["ref_date"].max().to_dict()
    del sourced
    state.past_due = provenance.past_due(state.metas, latest)
    state.report = {"facts": facts_report, "events": int(len(events)),
                    "stakeholders": int(len(state.tables["stakeholders"])),
                    "actions": int(len(state.tables["actions"])), "targets": int(len(state.tables["targets"])),
                    "checks": ["types", "catalogue ids", "ranges", "units", "unique keys",
                               "one preferred value per key", "reference date on every value",
                               "source on every value", "event dates, enums, ids and links"],
                    "passed": True}


def official_areas(facts: pd.DataFrame) -> dict[str, float]:
    area = facts[facts["indicator_id"].eq("area") & facts["preferred"]].sort_values("ref_date")
    return area.groupby("area_id")["value"].last().to_dict()


def step_boundaries(state: RunState) -> None:
    result = boundaries.build(state.raw, official_areas(state.facts), mirror=state.mirror)
    for sid, meta in result.sources.items():
        provenance.check_meta(meta, state.raw / sid / "source.yaml")
    state.metas.update(result.sources)
    state.checksums.update(result.checksums)
    state.boundary_files = result.files
    state.warnings += result.warnings
    state.report["boundaries"] = result.meta


ETL_CODE = Path(__file__).resolve().parent


def _digests(folder: Path, pattern: str) -> dict[str, str]:
    """sha256 of every file matching ``pattern`` under ``folder``, by relative path."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): sha256_of(p)
            for p in sorted(folder.rglob(pattern)) if p.is_file() and "__pycache__" not in p.parts}


def code_version() -> str:
    """A digest of the ETL's own code: a change to how data is read, harmonised or checked republishes."""
    blob = json.dumps(_digests(ETL_CODE, "*.py"), sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def input_digest(state: RunState) -> str:
    """What a published version is made of: raw files, every source.yaml (e.g. a source's ``priority``,
    which decides the preferred value), every reference catalogue and deck, the boundaries, and the ETL's code.
    The same digest as the current version means nothing to publish."""
    blob = json.dumps({"raw": state.checksums, "schema": SCHEMA_VERSION,
                       "source_meta": {s: _digests(state.raw / s, "source.yaml") for s in sorted(state.metas)},
                       "reference": _digests(state.reference, "*"),
                       "boundaries": {k: hashlib.sha256(v.encode()).hexdigest()
                                      for k, v in sorted(state.boundary_files.items())},
                       "code": code_version()},
                      sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def relative_path(path, raw: Path) -> str:
    """A raw file's path relative to the raw folder (``seed_documents/events.csv``), never a path of
    the machine that built the dataset."""
    p = Path(str(path))
    try:
        return p.resolve().relative_to(Path(raw).resolve()).as_posix()
    except ValueError:
        return p.as_posix().split("data/raw/")[-1] if "data/raw/" in p.as_posix() else p.name


def _relative_paths(frame: pd.DataFrame, raw: Path) -> pd.DataFrame:
    if "raw_file" not in frame.columns:
        return frame
    return frame.assign(raw_file=[relative_path(p, raw) for p in frame["raw_file"]])


def deck_files(reference: Path) -> dict[str, str]:
    """The presenter's decks, published beside the tables (the dashboard reads only published data)."""
    folder = reference / "decks"
    return {f"decks/{p.name}": p.read_text(encoding="utf-8")
            for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def step_publish(state: RunState) -> None:
    digest = input_digest(state)
    current = publish.current_version(state.published)
    if current:
        manifest = json.loads((state.published / current / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("input_digest") == digest:
            state.version, state.unchanged = current, True
            return
    now = datetime.now(timezone.utc)
    version = f"{now:%Y%m%dT%H%M%S}Z-{digest[:8]}"
    relative = frames.map_categories(state.facts["raw_file"], lambda p: relative_path(p, state.raw))
    facts = state.facts.drop(columns=["raw_file"]).assign(raw_file=relative)
    facts = provenance.with_names(facts, state.catalogues["publishers"])
    named = {k: provenance.with_names(v, state.catalogues["publishers"]) if "publisher_id" in v else v
             for k, v in state.tables.items()}      # the targets name their rows' publishers like the facts
    tables = {"facts": facts, **{k: _relative_paths(v, state.raw) for k, v in named.items()},
              **state.catalogues, "sources": sources_table(list(state.metas.values()))}
    manifest = {
        "version": version, "schema_version": SCHEMA_VERSION, "created": now.isoformat(timespec="seconds"),
        "input_digest": digest, "inputs": state.checksums,
        "row_counts": {name: int(len(frame)) for name, frame in tables.items()},
        "per_source": state.per_source, "validation": state.report, "warnings": state.warnings, "gaps": state.gaps,
        "past_due": state.past_due,
        "boundaries_available": bool(state.boundary_files), "python": platform.python_version(),
    }
    publish.write_version(state.published, version, tables,
                          {**state.boundary_files, **deck_files(state.reference)}, manifest)
    publish.switch_current(state.published, version)
    publish.prune(state.published)
    state.version = version


STEP_FUNCTIONS: dict[str, Callable[[RunState], None]] = {
    "extract": step_extract, "harmonise": step_harmonise, "validate": step_validate,
    "boundaries": step_boundaries, "publish": step_publish,
}


def run(raw: Path | None = None, reference: Path | None = None, published: Path | None = None,
        mirror: Path | None = None, until: str = "publish", dry_run: bool = False,
        on_step: Callable[[str], None] | None = None) -> RunState:
    state = RunState(raw=Path(raw or paths.raw_dir()), reference=Path(reference or paths.reference_dir()),
                     published=Path(published or paths.published_dir()), mirror=mirror)
    last = STEPS.index(until)
    memory.keep_large_blocks_mapped()
    for name in STEPS[: last + 1]:
        if name == "publish" and dry_run:
            break
        if on_step:
            on_step(name)
        STEP_FUNCTIONS[name](state)
        memory.release()
    return state
