"""Verify each raw file against the sha256 recorded in its source's ``source.yaml``."""
from __future__ import annotations

import hashlib
from pathlib import Path

from etl.errors import ChecksumError, RawDataError


def sha256_of(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def verify(source_dir: Path, files: list[dict]) -> dict[str, str]:
    """Return ``{file name: sha256}`` after checking each listed file; raise on any mismatch."""
    checked = {}
    for entry in files:
        path = Path(source_dir) / entry["name"]
        if not path.exists():
            raise RawDataError(path, "listed in source.yaml but missing")
        actual = sha256_of(path)
        expected = str(entry.get("sha256", "")).lower()
        if actual != expected:
            raise ChecksumError(path, f"checksum changed: source.yaml records sha256 {expected[:12]}…, "
                                      f"the file has {actual[:12]}… — if the new snapshot is intended, "
                                      "update source.yaml (and its accessed date)")
        checked[entry["name"]] = actual
    return checked
