"""axe-core for the accessibility tests: one exact version, checked against its npm integrity hash.

The package is fetched with the ordinary npm client (``npm pack``) into the user's cache folder
(``$XDG_CACHE_HOME/twincity`` or ``~/.cache/twincity``), outside the repository, and its tarball is
checked against the sha512 integrity the npm registry publishes for that version — every time it is
used, so a changed or damaged cache is fetched again instead of being trusted.
"""
from __future__ import annotations

import os
import tarfile
from pathlib import Path

from dashboard import npm_package

AXE_VERSION = "4.14.1"
AXE_INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
TARBALL = f"axe-core-{AXE_VERSION}.tgz"


AxeUnavailable = npm_package.NpmMissing


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "twincity"


integrity = npm_package.integrity


def axe_source(cache: Path | None = None) -> str:
    """The text of ``axe.min.js`` of the pinned version (fetched once, verified on every use)."""
    tarball = (cache or cache_dir()) / TARBALL
    if not tarball.exists() or integrity(tarball) != AXE_INTEGRITY:
        tarball.unlink(missing_ok=True)
        npm_package.pack("axe-core", AXE_VERSION, AXE_INTEGRITY, tarball)
    with tarfile.open(tarball, "r:gz") as archive:
        return archive.extractfile("package/axe.min.js").read().decode("utf-8")
