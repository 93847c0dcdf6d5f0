"""Where the project's data lives (see :mod:`etl.settings` for the environment settings)."""
from __future__ import annotations

from pathlib import Path

from etl.settings import ROOT, settings

__all__ = ["ROOT", "data_dir", "published_dir", "raw_dir", "reference_dir"]


def data_dir() -> Path:
    return settings().data


def raw_dir() -> Path:
    return settings().raw or data_dir() / "raw"


def reference_dir() -> Path:
    return settings().reference or data_dir() / "reference"


def published_dir() -> Path:
    return settings().published or data_dir() / "published"
