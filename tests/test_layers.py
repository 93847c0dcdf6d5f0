"""The layers hold: import-linter's contracts in pyproject.toml (etl ↛ dashboard, dashboard ↛ etl,
figures ↛ pages, services ↛ pages) pass, and a forbidden import is really caught."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")


def lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_import_contracts_are_kept():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_etl_module_importing_the_dashboard_breaks_a_contract(tmp_path):
    for name in ("etl", "dashboard"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "etl" / "leak.py").write_text("from dashboard import data\n", encoding="utf-8")
    result = subprocess.run([str(LINT), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the ETL never imports the dashboard BROKEN" in result.stdout
    assert "etl.leak -> dashboard.data" in result.stdout
