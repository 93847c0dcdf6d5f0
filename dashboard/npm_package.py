"""Fetch one exact npm package version with the ordinary npm client and check the registry's integrity hash.

Used at set-up only (the plotly.js partial bundle; the test suite's axe-core): nothing here runs while
the dashboard serves.
"""
from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path


class NpmMissing(RuntimeError):
    """npm is not installed."""


class NpmPackageError(RuntimeError):
    """npm failed, or the tarball does not match its integrity hash."""


def integrity(path: Path) -> str:
    """The npm/SRI integrity string (``sha512-<base64>``) of a file."""
    with open(path, "rb") as handle:
        return "sha512-" + base64.b64encode(hashlib.file_digest(handle, "sha512").digest()).decode()


def pack(package: str, version: str, expected: str, target: Path) -> Path:
    """``npm pack package@version`` into a temporary folder; move the tarball to ``target`` only when its
    integrity equals ``expected``."""
    npm = shutil.which("npm")
    if npm is None:
        raise NpmMissing(f"npm is not installed (apt-get install npm): cannot fetch {package}@{version}")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([npm, "pack", f"{package}@{version}", "--pack-destination", tmp],
                              capture_output=True, text=True, timeout=300, cwd=tmp)
        tarball = Path(tmp) / f"{package.lstrip('@').replace('/', '-')}-{version}.tgz"
        if done.returncode != 0 or not tarball.exists():
            raise NpmPackageError(f"npm pack {package}@{version} failed:\n{done.stderr[-2000:]}")
        if integrity(tarball) != expected:
            raise NpmPackageError(f"{package}@{version} from npm does not match its integrity hash")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(tarball), target)
    return target
