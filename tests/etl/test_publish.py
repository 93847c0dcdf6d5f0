"""etl.publish: atomic publication, including crashes simulated at every stage of it."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from etl import pipeline, publish
from etl.errors import PublishError


class Crash(RuntimeError):
    """A simulated crash."""


def tables():
    return {"facts": pd.DataFrame({"a": [1, 2]}), "places": pd.DataFrame({"id": ["x"]}),
            "sources": pd.DataFrame({"id": ["s"]})}


def publish_version(published: Path, version: str) -> Path:
    path = publish.write_version(published, version, tables(), {"boundaries/b.json": "{}"},
                                 {"version": version})
    publish.switch_current(published, version)
    return path


# --- the building blocks -----------------------------------------------------------------------

def test_write_version_is_complete_and_leaves_no_staging(tmp_path):
    path = publish.write_version(tmp_path, "v1", tables(), {"boundaries/b.json": "{}"}, {"version": "v1"})
    assert path == tmp_path / "v1"
    assert sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()) == [
        "boundaries/b.json", "facts.parquet", "manifest.json", "places.parquet", "sources.parquet"]
    assert pd.read_parquet(path / "facts.parquet")["a"].tolist() == [1, 2]
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == "v1"
    assert sorted(manifest["files"]) == ["boundaries/b.json", "facts.parquet", "places.parquet", "sources.parquet"]
    assert not list(tmp_path.glob(".staging-*"))
    assert publish.current_version(tmp_path) is None          # written, not yet switched


def test_manifest_records_the_sha256_of_every_published_file(tmp_path):
    import hashlib

    path = publish.write_version(tmp_path, "v1", tables(), {"boundaries/b.json": "{}"}, {"version": "v1"})
    files = json.loads((path / "manifest.json").read_text(encoding="utf-8"))["files"]
    for rel, digest in files.items():
        assert hashlib.sha256((path / rel).read_bytes()).hexdigest() == digest, rel
    assert files["boundaries/b.json"] == hashlib.sha256(b"{}").hexdigest()


def test_existing_version_is_never_overwritten(tmp_path):
    publish.write_version(tmp_path, "v1", tables(), {}, {"input_digest": "abc"})
    mtime = (tmp_path / "v1" / "facts.parquet").stat().st_mtime_ns
    with pytest.raises(PublishError, match="already exists"):
        publish.write_version(tmp_path, "v1", tables(), {}, {"input_digest": "other"})
    with pytest.raises(PublishError, match="already exists"):
        publish.write_version(tmp_path, "v1", tables(), {}, {})
    # the same inputs: the version left complete by a killed run is reused, not rewritten
    assert publish.write_version(tmp_path, "v1", tables(), {}, {"input_digest": "abc"}) == tmp_path / "v1"
    assert (tmp_path / "v1" / "facts.parquet").stat().st_mtime_ns == mtime


def test_switch_current_is_a_relative_symlink_replaced_in_place(tmp_path):
    publish_version(tmp_path, "v1")
    publish_version(tmp_path, "v2")
    link = tmp_path / "current"
    assert link.is_symlink() and os.readlink(link) == "v2"
    assert publish.current_version(tmp_path) == "v2"
    assert not list(tmp_path.glob(".current-*"))


def test_current_version_needs_a_manifest(tmp_path):
    assert publish.current_version(tmp_path) is None
    (tmp_path / "half").mkdir()
    os.symlink("half", tmp_path / "current")
    assert publish.current_version(tmp_path) is None


def test_prune_keeps_the_newest_and_the_current_and_removes_stale_staging(tmp_path):
    for n in range(1, 8):
        publish_version(tmp_path, f"v{n}")
    publish.switch_current(tmp_path, "v1")                     # e.g. a rollback
    (tmp_path / ".staging-v9-123").mkdir()
    removed = publish.prune(tmp_path, keep=3)
    assert sorted(removed) == ["v2", "v3", "v4"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current", "v1", "v5", "v6", "v7"]


# --- simulated crashes in the building blocks -------------------------------------------------

def test_crash_after_some_files_leaves_no_version_and_no_staging(tmp_path, monkeypatch, snapshot):
    publish_version(tmp_path, "v1")
    before = snapshot(tmp_path)
    written = []
    original = pd.DataFrame.to_parquet

    def to_parquet(self, path, *args, **kwargs):
        if len(written) == 2:
            written.append(sorted(p.name for p in Path(path).parent.iterdir()))
            raise Crash("disk full")
        written.append(path)
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", to_parquet)
    with pytest.raises(Crash):
        publish_version(tmp_path, "v2")
    assert written[-1] == ["facts.parquet", "places.parquet"]   # it really crashed half-way
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current", "v1"]


def test_crash_between_rename_and_switch_keeps_serving_the_old_version(tmp_path, monkeypatch, snapshot):
    publish_version(tmp_path, "v1")
    before = snapshot(tmp_path)
    original = publish._fsync_dir

    def fsync_dir(path):
        if Path(path) == tmp_path:          # the fsync of the published folder right after the rename
            raise Crash("power cut")
        original(path)

    monkeypatch.setattr(publish, "_fsync_dir", fsync_dir)
    with pytest.raises(Crash):
        publish_version(tmp_path, "v2")   # crashes right after the rename, before switch_current
    assert (tmp_path / "v2" / "manifest.json").exists()        # complete, but not served
    assert snapshot(tmp_path) == before and publish.current_version(tmp_path) == "v1"


def test_crash_inside_switch_current_keeps_the_old_link(tmp_path, monkeypatch, snapshot):
    publish_version(tmp_path, "v1")
    publish.write_version(tmp_path, "v2", tables(), {}, {"version": "v2"})
    before = snapshot(tmp_path)
    monkeypatch.setattr(publish.os, "replace", lambda *a: (_ for _ in ()).throw(Crash("killed")))
    with pytest.raises(Crash):
        publish.switch_current(tmp_path, "v2")
    assert snapshot(tmp_path) == before


# --- simulated crashes in a real pipeline run -------------------------------------------------

def change_an_input(raw: Path, rehash) -> None:
    """A deliberate, valid edit so that the next run publishes a new version."""
    path = raw / "health_education" / "health_education.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("essen,hospitals,16,count,2019,,",
                                                             "essen,hospitals,17,count,2019,,"), encoding="utf-8")
    rehash(raw / "health_education")


@pytest.fixture
def pipeline_setup(data_copy, published_copy, rehash, snapshot):
    raw, reference = data_copy
    change_an_input(raw, rehash)
    before = snapshot(published_copy)
    assert before["target"] and "facts.parquet" in before["files"]

    def run():
        return pipeline.run(raw=raw, reference=reference, published=published_copy, mirror=None)

    return run, published_copy, before


def served_facts(published: Path) -> pd.DataFrame:
    return pd.read_parquet(published / "current" / "facts.parquet")


def test_pipeline_crash_while_writing_tables(pipeline_setup, monkeypatch, snapshot):
    run, published, before = pipeline_setup
    calls = []
    original = pd.DataFrame.to_parquet

    def to_parquet(self, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 4:
            raise Crash("killed while writing")
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", to_parquet)
    with pytest.raises(Crash):
        run()
    assert snapshot(published) == before
    assert not list(published.glob(".staging-*"))
    assert {p.name for p in published.iterdir()} == {"current", before["target"]}


def test_pipeline_crash_while_writing_the_manifest(pipeline_setup, monkeypatch, snapshot):
    run, published, before = pipeline_setup
    original = Path.write_text

    def write_text(self, text, *args, **kwargs):
        if self.name == "manifest.json":
            original(self, text[: len(text) // 2], *args, **kwargs)   # half a manifest, then the crash
            raise Crash("killed while writing the manifest")
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    with pytest.raises(Crash):
        run()
    assert snapshot(published) == before


def test_pipeline_crash_between_rename_and_switch(pipeline_setup, monkeypatch, snapshot):
    run, published, before = pipeline_setup
    monkeypatch.setattr(publish, "switch_current", lambda *a: (_ for _ in ()).throw(Crash("killed")))
    with pytest.raises(Crash):
        run()
    assert snapshot(published) == before
    assert served_facts(published).query("indicator_id == 'hospitals'")["value"].tolist() == [16]
    # the complete but unserved version is harmless: the next run publishes and serves a new one
    monkeypatch.undo()
    state = run()
    assert os.readlink(published / "current") == state.version != before["target"]
    assert served_facts(published).query("indicator_id == 'hospitals'")["value"].tolist() == [17]


def test_pipeline_crash_in_prune_after_the_switch_serves_the_new_version(pipeline_setup, monkeypatch):
    run, published, before = pipeline_setup
    monkeypatch.setattr(publish, "prune", lambda *a, **k: (_ for _ in ()).throw(Crash("killed")))
    with pytest.raises(Crash):
        run()
    assert os.readlink(published / "current") != before["target"]
    assert publish.current_version(published) is not None
    assert served_facts(published).query("indicator_id == 'hospitals'")["value"].tolist() == [17]
