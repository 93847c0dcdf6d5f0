"""The ETL's settings: read afresh from the environment; an empty value means "not set"."""
from __future__ import annotations

from pathlib import Path

from etl import paths


def test_paths_follow_the_environment_at_call_time(monkeypatch, tmp_path):
    monkeypatch.setenv("TWINCITY_DATA", str(tmp_path))
    monkeypatch.delenv("TWINCITY_RAW", raising=False)
    assert paths.raw_dir() == tmp_path / "raw"
    monkeypatch.setenv("TWINCITY_RAW", str(tmp_path / "elsewhere"))
    assert paths.raw_dir() == tmp_path / "elsewhere"


def test_an_empty_setting_is_not_set(monkeypatch, tmp_path):
    monkeypatch.setenv("TWINCITY_DATA", str(tmp_path))
    monkeypatch.setenv("TWINCITY_PUBLISHED", "")
    assert paths.published_dir() == tmp_path / "published"
    monkeypatch.setenv("TWINCITY_PUBLISHED", "/srv/published")
    assert paths.published_dir() == Path("/srv/published")
