"""The `twincity` command line (click CliRunner): summary, dry run, --only, exit codes, rehash."""
from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from etl import publish
from etl.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, args, raw=None, reference=None):
    env = {}
    if raw is not None:
        env["TWINCITY_RAW"] = str(raw)
    if reference is not None:
        env["TWINCITY_REFERENCE"] = str(reference)
    return runner.invoke(main, args, env=env, catch_exceptions=False)


def test_help_lists_the_commands(runner):
    result = invoke(runner, ["--help"])
    assert result.exit_code == 0 and "etl" in result.output and "serve" in result.output
    result = invoke(runner, ["etl", "run", "--help"])
    for option in ("--only", "--dry-run", "--mirror", "--published"):
        assert option in result.output


def test_run_publishes_and_prints_a_summary(runner, tmp_path):
    published = tmp_path / "pub"
    result = invoke(runner, ["etl", "run", "--published", str(published)])
    assert result.exit_code == 0, result.output
    version = publish.current_version(published)
    assert version and f"published version {version}" in result.output
    assert "ETL summary" in result.output
    for source in ("essen_register", "koriyama_population", "facts published"):
        assert source in result.output
    assert "boundaries: 8 layers from" in result.output and "boundaries missing" not in result.output
    again = invoke(runner, ["etl", "run", "--published", str(published)])
    assert again.exit_code == 0 and f"unchanged, still version {version}" in again.output


def test_dry_run_publishes_nothing(runner, tmp_path):
    result = invoke(runner, ["etl", "run", "--dry-run", "--published", str(tmp_path / "pub")])
    assert result.exit_code == 0, result.output
    assert "dry run passed" in result.output and not (tmp_path / "pub").exists()


@pytest.mark.parametrize("step", ["extract", "harmonise", "validate", "boundaries"])
def test_only_runs_the_steps_up_to_step(runner, tmp_path, step):
    result = invoke(runner, ["etl", "run", "--only", step, "--published", str(tmp_path / "pub")])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "pub").exists()
    assert "ETL summary" in result.output and "published version" not in result.output


def test_unknown_step_is_a_usage_error(runner):
    result = runner.invoke(main, ["etl", "run", "--only", "deploy"])
    assert result.exit_code == 2 and "deploy" in result.output


def test_mirror_option_takes_newer_boundary_files_and_says_so(runner, tmp_path, real_raw):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    shutil.copy(real_raw / "boundaries_natural_earth" / "nrw.geojson", mirror / "nrw.geojson")
    result = invoke(runner, ["etl", "run", "--published", str(tmp_path / "pub"), "--mirror", str(mirror)])
    assert result.exit_code == 0, result.output
    assert "nrw" in result.output and "(mirror)" in result.output
    assert (tmp_path / "pub" / "current" / "boundaries" / "nrw.geojson").exists()


@pytest.mark.parametrize("case,exit_code,expected", [
    ("non_numeric", 2, "row 17 (line 18), column 'Einwohner'"),
    ("checksum", 3, "checksum changed"),
    ("negative", 4, "negative value -593489 for population"),
])
def test_failures_exit_with_their_code_and_keep_current(runner, data_copy, published_copy, rehash, snapshot,
                                                        case, exit_code, expected):
    raw, reference = data_copy
    path = raw / "essen_register" / "einwohner_melderegister.csv"
    new = {"non_numeric": b";593.48x;", "checksum": b";593.488;", "negative": b";-593.489;"}[case]
    path.write_bytes(path.read_bytes().replace(b";593.489;", new))
    if case != "checksum":
        rehash(raw / "essen_register")
    before = snapshot(published_copy)
    result = invoke(runner, ["etl", "run", "--published", str(published_copy)], raw=raw, reference=reference)
    assert result.exit_code == exit_code, result.output
    output = " ".join(result.output.split())          # rich wraps long lines
    assert "ETL failed" in output and "Published data is unchanged." in output
    assert expected in output and "einwohner_melderegister.csv" in output
    assert snapshot(published_copy) == before


def test_rehash_records_a_deliberately_replaced_snapshot(runner, data_copy, tmp_path):
    raw, reference = data_copy
    path = raw / "health_education" / "health_education.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("essen,hospitals,16,", "essen,hospitals,17,"),
                    encoding="utf-8")
    failed = invoke(runner, ["etl", "run", "--dry-run"], raw=raw, reference=reference)
    assert failed.exit_code == 3
    result = invoke(runner, ["etl", "rehash", "health_education"], raw=raw, reference=reference)
    assert result.exit_code == 0 and "source.yaml" in result.output
    passed = invoke(runner, ["etl", "run", "--dry-run"], raw=raw, reference=reference)
    assert passed.exit_code == 0, passed.output
    assert os.environ.get("TWINCITY_RAW") is None                      # CliRunner restored the environment
