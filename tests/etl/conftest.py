"""Shared fixtures for the ETL tests: copies of the real raw data, snapshots of a published folder.

Helpers are handed out as fixtures (``rehash``, ``snapshot``) so that no test imports this module.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
ENV_VARS = ("TWINCITY_DATA", "TWINCITY_RAW", "TWINCITY_REFERENCE", "TWINCITY_PUBLISHED")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch):
    """No test here reads a published folder or another data folder unless it passes one explicitly."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


def _rehash(source_dir: Path) -> None:
    """Record the current sha256 of every file in ``source_dir/source.yaml`` (a deliberate edit)."""
    path = Path(source_dir) / "source.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in meta["files"]:
        entry["sha256"] = hashlib.sha256((Path(source_dir) / entry["name"]).read_bytes()).hexdigest()
    path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _snapshot(published: Path) -> dict:
    """What ``published/current`` serves: the link target and the sha256 of every file in it."""
    link = Path(published) / "current"
    if not link.is_symlink():
        return {"target": None, "files": {}}
    version = Path(published) / os.readlink(link)
    files = {p.relative_to(version).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(version.rglob("*")) if p.is_file()}
    return {"target": os.readlink(link), "files": files}


def copy_data(target: Path) -> tuple[Path, Path]:
    raw, reference = Path(target) / "raw", Path(target) / "reference"
    shutil.copytree(RAW, raw)
    shutil.copytree(REFERENCE, reference)
    return raw, reference


@pytest.fixture
def data_copy(tmp_path) -> tuple[Path, Path]:
    """(raw, reference): a private copy of data/raw and data/reference."""
    return copy_data(tmp_path / "data")


@pytest.fixture(scope="session")
def baseline_published(tmp_path_factory) -> Path:
    """The real data published once into a template folder; copy, never modify."""
    from etl import pipeline

    out = tmp_path_factory.mktemp("baseline") / "published"
    with pytest.MonkeyPatch.context() as mp:
        for name in ENV_VARS:
            mp.delenv(name, raising=False)
        pipeline.run(raw=RAW, reference=REFERENCE, published=out, mirror=None)
    return out


@pytest.fixture
def published_copy(baseline_published, tmp_path) -> Path:
    """A published folder with one complete version and ``current`` pointing at it."""
    target = tmp_path / "published"
    shutil.copytree(baseline_published, target, symlinks=True)
    return target


BOUNDARY_SOURCES = ("boundaries_stadt_essen", "boundaries_mlit_n03", "boundaries_natural_earth")


@pytest.fixture
def boundary_raw(tmp_path) -> Path:
    """A raw folder holding copies of the committed boundary sources only."""
    target = tmp_path / "boundary_raw"
    for name in BOUNDARY_SOURCES:
        shutil.copytree(RAW / name, target / name)
    return target


@pytest.fixture
def rehash():
    """``rehash(source_dir)``: record new checksums after deliberately editing a copied raw file."""
    return _rehash


@pytest.fixture
def snapshot():
    """``snapshot(published)``: link target of ``current`` and sha256 of every file it serves."""
    return _snapshot


@pytest.fixture
def real_raw() -> Path:
    return RAW


@pytest.fixture
def real_reference() -> Path:
    return REFERENCE
