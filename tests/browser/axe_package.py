"""axe-core for the accessibility tests: one exact version, checked against its npm integrity hash.

The package is fetched with the ordinary npm client (``npm pack``) into the user's cache folder
(``$XDG_CACHE_HOME/twincity`` or ``~/.cache/twincity``), outside the repository, and its tarball is
checked against the sha512 integrity the npm registry publishes for that version — every time it is
used, so a changed or damaged cache is fetched again instead of being trusted.
"""
from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
TARBALL = f"axe-core-{AXE_VERSION}.tgz"


class AxeUnavailable(RuntimeError):
    """npm is missing: the package cannot be fetched."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "twincity"


def integrity(path: Path) -> str:
    with open(path, "rb") as handle:
        return "sha512-" + base64.b64encode(hashlib.file_digest(handle, "sha512").digest()).decode()


def _fetch(target: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise AxeUnavailable("npm is not installed: cannot fetch axe-core (apt-get install npm)")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", tmp],
                              capture_output=True, text=True, timeout=300, cwd=tmp)
        fetched = Path(tmp) / TARBALL
        if done.returncode != 0 or not fetched.exists():
            raise RuntimeError(f"npm pack axe-core@{AXE_VERSION} failed:\n{done.stderr[-2000:]}")
        if integrity(fetched) != AXE_INTEGRITY:
            raise RuntimeError(f"axe-core {AXE_VERSION} from npm does not match its integrity hash")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(fetched), target)


def axe_source(cache: Path | None = None) -> str:
    """The text of ``axe.min.js`` of the pinned version (fetched once, verified on every use)."""
    tarball = (cache or cache_dir()) / TARBALL
    if not tarball.exists() or integrity(tarball) != AXE_INTEGRITY:
        tarball.unlink(missing_ok=True)
        _fetch(tarball)
    with tarfile.open(tarball, "r:gz") as archive:
        return archive.extractfile("package/axe.min.js").read().decode("utf-8")
