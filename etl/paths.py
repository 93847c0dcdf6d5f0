"""Where the project's data lives. ``TWINCITY_DATA`` overrides the data folder (tests, benchmarks)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("TWINCITY_DATA", ROOT / "data"))


def raw_dir() -> Path:
    return Path(os.environ.get("TWINCITY_RAW", data_dir() / "raw"))


def reference_dir() -> Path:
    return Path(os.environ.get("TWINCITY_REFERENCE", data_dir() / "reference"))


def published_dir() -> Path:
    return Path(os.environ.get("TWINCITY_PUBLISHED", data_dir() / "published"))
