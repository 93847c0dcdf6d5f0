"""Both sides of the ETL → dashboard contract name the same things: the events' vocabularies (in the
timeline's order), the Japanese eras, and the shared folders of the settings."""
from __future__ import annotations

from dashboard import contract
from dashboard import settings as dashboard_settings
from dashboard.i18n.eras import ERA_START
from etl import schema
from etl import settings as etl_settings
from etl.harmonise import calendars


def test_event_vocabularies_match_the_etl_validation():
    assert list(contract.FIELDS) == schema.FIELDS
    assert list(contract.KINDS) == schema.KINDS
    assert list(contract.STATUSES) == schema.STATUSES
    assert list(contract.VENUES) == schema.VENUES


def test_era_table_matches_the_etl_parser():
    assert ERA_START == calendars.ERA_START


def test_shared_folders_have_the_same_defaults_on_both_sides(monkeypatch, tmp_path):
    for name in ("TWINCITY_DATA", "TWINCITY_PUBLISHED"):
        monkeypatch.delenv(name, raising=False)
    etl, dash = etl_settings.EtlSettings.model_fields, dashboard_settings.DashboardSettings.model_fields
    assert etl["data"].default == dash["data"].default
    assert etl["published"].default == dash["published"].default
    from etl import paths

    assert paths.published_dir() == dashboard_settings.published_dir()
    monkeypatch.setenv("TWINCITY_DATA", str(tmp_path))
    assert paths.published_dir() == dashboard_settings.published_dir() == tmp_path / "published"


def test_a_web_worker_loads_neither_the_etl_nor_pandera():
    import subprocess
    import sys

    code = ("import sys; from dashboard.app import create_app; create_app(); import dashboard.briefing, dashboard.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('etl', 'pandera')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
