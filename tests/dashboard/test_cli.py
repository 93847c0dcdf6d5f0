"""The dashboard's commands of `twincity` (entry points): they read the published dataset only — without one
they say which command builds it and exit, and they never run the ETL themselves."""
from __future__ import annotations

from click.testing import CliRunner

from dashboard import cli
from etl.cli import main


def test_serve_and_export_reach_twincity_through_entry_points():
    assert main.commands["serve"] is cli.serve and main.commands["export"] is cli.export


def test_without_a_published_dataset_the_commands_exit_and_build_nothing(tmp_path, monkeypatch):
    from dashboard import data

    monkeypatch.setattr(data, "_current", data._Current())  # forget a dataset other tests loaded
    runner = CliRunner()
    published = tmp_path / "published"
    for args in (["serve", "--port", "1"], ["export", "--out", str(tmp_path / "out")]):
        result = runner.invoke(main, args, env={"TWINCITY_PUBLISHED": str(published)})
        assert result.exit_code == cli.NO_DATASET, result.output
        assert "twincity etl run" in result.output
        assert not published.exists() and not (tmp_path / "out").exists()
