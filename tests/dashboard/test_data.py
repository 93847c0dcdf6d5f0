"""The dashboard reads only data/published/current and notices a newly published version."""
import shutil

import pytest

from dashboard import data
from etl import publish


def test_new_version_is_served_without_restart(published, tmp_path, monkeypatch):
    folder = tmp_path / "published"
    version = publish.current_version(published)
    shutil.copytree(published / version, folder / version)
    publish.switch_current(folder, version)
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(folder))
    monkeypatch.setattr(data, "CHECK_SECONDS", 0.0)
    reader = data._Current()
    assert reader.get().version == version

    newer = "29991231T000000Z-feedbeef"
    shutil.copytree(folder / version, folder / newer)
    manifest = (folder / newer / "manifest.json")
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(version, newer), encoding="utf-8")
    publish.switch_current(folder, newer)
    assert reader.get().version == newer


def test_missing_dataset_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="twincity etl run"):
        data._Current().get()
