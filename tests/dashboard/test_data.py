"""The dashboard reads data/published/current, notices a new version, and keeps the last good one when the
version `current` points to cannot be read (every fault of "Bad input" in the issue is a test here)."""
import json
import logging
import os
import shutil

import pandas as pd
import pytest

from dashboard import data
from etl import publish

NEWER = "29991231T000000Z-feedbeef"


def good(folder):
    return publish.current_version(folder)


def copy_version(folder, name=NEWER, switch=True):
    """A second good version (a copy with its own name), switched in as `current`."""
    source = folder / os.readlink(folder / "current")
    shutil.copytree(source, folder / name)
    manifest = folder / name / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(source.name, name), encoding="utf-8")
    if switch:
        publish.switch_current(folder, name)
    return folder / name


def damage(path):
    raw = bytearray(path.read_bytes())
    path.write_bytes(bytes(raw[: len(raw) // 2]))


def rewrite_manifest(version_dir, **changes):
    path = version_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.update(changes)
    path.write_text(json.dumps(manifest), encoding="utf-8")


def test_published_manifest_lists_every_file_with_its_sha256(folder):
    manifest = json.loads((folder / good(folder) / "manifest.json").read_text(encoding="utf-8"))
    assert {f"{t}.parquet" for t in data.TABLES} <= set(manifest["files"])
    data.verify(folder / good(folder))  # passes


def test_new_version_is_served_without_restart(folder):
    version = good(folder)
    assert data.current().version == version
    copy_version(folder)
    assert data.current().version == NEWER
    assert data.status().error is None


def test_damaged_parquet_keeps_the_last_good_version(folder, caplog):
    version = good(folder)
    assert data.current().version == version
    damage(copy_version(folder) / "facts.parquet")
    with caplog.at_level(logging.ERROR, logger="dashboard.data"):
        assert data.current().version == version
        assert data.current().version == version
    status = data.status()
    assert status.version == version and status.current == NEWER
    assert "facts.parquet" in status.error and "sha256" in status.error
    assert len([r for r in caplog.records if "unreadable" in r.getMessage()]) == 1  # one line, not one per check


def test_damaged_parquet_with_a_matching_checksum_is_still_refused(folder):
    """A file damaged before the manifest was written (a bug in a future ETL): pyarrow cannot read it."""
    version = good(folder)
    data.current()
    newer = copy_version(folder, switch=False)
    damage(newer / "facts.parquet")
    rewrite_manifest(newer, files=publish.file_checksums(newer))
    publish.switch_current(folder, NEWER)
    assert data.current().version == version
    error = data.status().error
    assert error.startswith(NEWER) and "sha256" not in error


def test_missing_manifest_keeps_the_last_good_version(folder):
    version = good(folder)
    data.current()
    (copy_version(folder) / "manifest.json").unlink()
    assert data.current().version == version
    assert "manifest.json is missing" in data.status().error


def test_checksum_mismatch_keeps_the_last_good_version(folder):
    version = good(folder)
    data.current()
    newer = copy_version(folder)
    sources = pd.read_parquet(newer / "sources.parquet")
    sources.loc[0, "publisher"] = "someone else"     # a readable file, but not the one that was published
    sources.to_parquet(newer / "sources.parquet", index=False)
    assert data.current().version == version
    assert "sources.parquet does not match its sha256" in data.status().error


def test_unknown_schema_version_keeps_the_last_good_version(folder):
    version = good(folder)
    data.current()
    rewrite_manifest(copy_version(folder), schema_version=99)
    assert data.current().version == version
    assert "schema version 99" in data.status().error


def test_current_removed_keeps_the_last_good_version(folder):
    version = good(folder)
    data.current()
    (folder / "current").unlink()
    assert data.current().version == version
    status = data.status()
    assert status.current is None and "`current` is missing" in status.error


def test_current_pointing_nowhere_keeps_the_last_good_version(folder):
    version = good(folder)
    data.current()
    publish.switch_current(folder, "20990101T000000Z-deadbeef")
    assert data.current().version == version
    assert "does not exist" in data.status().error


def test_empty_published_folder_raises_no_dataset(tmp_path, monkeypatch):
    (tmp_path / "published").mkdir()
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(tmp_path / "published"))
    monkeypatch.setattr(data, "_current", data._Current())
    with pytest.raises(data.NoDataset, match="twincity etl run"):
        data.current()
    assert data.status().version is None and "`current` is missing" in data.status().error


def test_missing_published_folder_raises_no_dataset(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(tmp_path / "nowhere"))
    monkeypatch.setattr(data, "_current", data._Current())
    with pytest.raises(FileNotFoundError, match="twincity etl run"):
        data.current()


def test_start_with_unreadable_current_serves_the_newest_readable_version(folder, monkeypatch):
    older = good(folder)
    copy_version(folder, "29990101T000000Z-00000001")          # readable, newer than the session's
    damage(copy_version(folder) / "facts.parquet")             # the newest, switched in, broken
    monkeypatch.setattr(data, "_current", data._Current())     # a process starting now
    assert data.current().version == "29990101T000000Z-00000001" != older
    error = data.status().error
    assert error.startswith(NEWER) and "serving the newest readable version 29990101T000000Z-00000001" in error


def test_start_with_only_unreadable_versions_raises_no_dataset(folder, monkeypatch):
    (folder / good(folder) / "manifest.json").unlink()
    monkeypatch.setattr(data, "_current", data._Current())
    with pytest.raises(data.NoDataset, match="manifest.json is missing"):
        data.current()


def test_a_repaired_version_is_picked_up_at_a_later_check(folder):
    version = good(folder)
    data.current()
    newer = copy_version(folder)
    facts = newer / "facts.parquet"
    intact = facts.read_bytes()
    damage(facts)
    assert data.current().version == version
    facts.write_bytes(intact)            # the copy to the shared volume completes
    assert data.current().version == NEWER
    assert data.status().error is None


def test_an_unchanged_broken_version_is_not_read_again_at_every_check(folder, monkeypatch):
    data.current()
    damage(copy_version(folder) / "facts.parquet")
    calls = []
    real = data.load
    monkeypatch.setattr(data, "load", lambda path: calls.append(path) or real(path))
    for _ in range(5):
        data.current()
    assert len(calls) == 1
    monkeypatch.setattr(data, "RETRY_SECONDS", 0.0)
    data.current()
    assert len(calls) == 2
