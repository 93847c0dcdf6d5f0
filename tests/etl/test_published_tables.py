"""The published tables of the embedded data are exactly those recorded in ``published_tables.json``:
schema (column names, Arrow types, pandas dtypes), every value and the row order.

A change to how the ETL reads, harmonises, sorts or writes that alters a single value, type or row
position fails here. When ``data/raw`` or ``data/reference`` change, the tables change with them: the
test then says so, and the expectation is written again after reviewing the difference::

    .venv/bin/python tests/etl/test_published_tables.py --write
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).with_name("published_tables.json")


def inputs_digest() -> str:
    """sha256 over every file of data/raw and data/reference (path and content)."""
    digest = hashlib.sha256()
    for folder in (ROOT / "data" / "raw", ROOT / "data" / "reference"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def table_digest(path: Path) -> dict:
    """Rows, schema and a digest of every value in row order (pandas' value hashes: exact for floats)."""
    table = pq.read_table(path)
    pandas_meta = json.loads(table.schema.metadata[b"pandas"])
    schema = [[f.name, str(f.type), c["pandas_type"], c["numpy_type"]]
              for f, c in zip(table.schema, pandas_meta["columns"])]
    frame = table.to_pandas()
    values = hashlib.sha256()
    for column in frame.columns:      # column by column, so that a difference names its column
        values.update(column.encode() + b"\0")
        values.update(pd.util.hash_pandas_object(frame[column], index=False).to_numpy().tobytes())
    columns = {c: hashlib.sha256(pd.util.hash_pandas_object(frame[c], index=False).to_numpy().tobytes())
               .hexdigest()[:16] for c in frame.columns}
    return {"rows": table.num_rows, "schema": schema, "values": values.hexdigest(), "columns": columns}


def published_digests(folder: Path) -> dict:
    return {p.stem: table_digest(p) for p in sorted(Path(folder).glob("*.parquet"))}


def publish(target: Path) -> Path:
    from etl import pipeline

    state = pipeline.run(published=target)
    return target / state.version


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return publish(tmp_path_factory.mktemp("published"))


def test_published_tables_equal_the_recorded_ones(published):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    if expected["inputs"] != inputs_digest():
        pytest.fail("data/raw or data/reference changed since tests/etl/published_tables.json was written: review "
                    "the published tables, then run `.venv/bin/python tests/etl/test_published_tables.py --write`")
    actual = published_digests(published)
    assert sorted(actual) == sorted(expected["tables"])
    for name, want in expected["tables"].items():
        got = actual[name]
        assert got["schema"] == want["schema"], f"{name}: schema changed"
        assert got["rows"] == want["rows"], f"{name}: {got['rows']} rows, expected {want['rows']}"
        changed = [c for c in want["columns"] if got["columns"].get(c) != want["columns"][c]]
        assert got["values"] == want["values"], f"{name}: values or row order changed in {changed}"


def test_a_changed_value_changes_the_digest(published, tmp_path):
    """The digest sees one value in the last bit and a swap of two rows."""
    frame = pd.read_parquet(published / "facts.parquet")
    base = tmp_path / "facts.parquet"
    frame.to_parquet(base, index=False)
    nudged = frame.copy()
    nudged.loc[0, "value"] = np.nextafter(nudged.loc[0, "value"], np.inf)
    swapped = frame.iloc[[1, 0, *range(2, len(frame))]].reset_index(drop=True)
    digests = {}
    for name, variant in (("nudged", nudged), ("swapped", swapped)):
        path = tmp_path / f"{name}.parquet"
        variant.to_parquet(path, index=False)
        digests[name] = table_digest(path)["values"]
    assert table_digest(base)["values"] == table_digest(published / "facts.parquet")["values"]
    assert digests["nudged"] != table_digest(base)["values"] != digests["swapped"]


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        record = {"inputs": inputs_digest(), "tables": published_digests(publish(Path(tmp)))}
    EXPECTED.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {EXPECTED.relative_to(ROOT)}: {len(record['tables'])} tables")
