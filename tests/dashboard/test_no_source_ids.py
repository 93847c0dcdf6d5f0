"""Which source a figure or an event comes from is data: no module of the dashboard names a source."""
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]


def source_ids() -> list[str]:
    return sorted(p.parent.name for p in (ROOT / "data" / "raw").glob("*/source.yaml"))


def test_no_dashboard_module_names_a_source():
    ids = source_ids()
    assert "seed_documents" in ids and "climate_targets" in ids
    named = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        named += [f"{rel}: {sid}" for sid in ids if f'"{sid}"' in text or f"'{sid}'" in text]
    assert not named, named


def test_sources_of_a_table_come_from_its_rows(dataset):
    assert dataset.sources_of("events") == ["seed_documents"]     # from the rows' raw_file
    assert dataset.sources_of("targets") == ["climate_targets"]   # from the rows' source_id
    empty = dataset.events.iloc[:0]
    assert type(dataset)(**{**dataset.__dict__, "events": empty}).sources_of("events") == []
    assert isinstance(dataset.events, pd.DataFrame)
