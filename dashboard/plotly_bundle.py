"""Only the plotly.js the pages use: the "basic" partial bundle (scatter, bar, pie) instead of the full one.

``dcc.Graph`` loads plotly.js on demand from Dash's own URL
(``/_dash-component-suites/plotly/package_data/plotly.min.js``). When the partial bundle of the same
plotly.js version is installed and passes its checksum, the app answers that URL with it — so every
graph, on every page and after client-side navigation, gets the same smaller file, and nothing is
requested outside the app. When the bundle is absent, truncated or tampered with, it is never served:
the app falls back to Dash's full bundle and says so once in its log.

Set-up (``make`` runs it): ``python -m dashboard.plotly_bundle`` fetches the pinned npm package with the
ordinary npm client (``npm pack``), checks the registry's integrity hash, and installs the one file
into ``<venv>/share/twincity/``. ``TWINCITY_PLOTLY_BUNDLE`` names another file.
"""
from __future__ import annotations

import hashlib
import logging
import sys
import tarfile
import tempfile
from pathlib import Path

from flask import Flask, Response, request

from dashboard import npm_package
from dashboard.settings import settings

PACKAGE = "plotly.js-basic-dist-min"
VERSION = "4.1.1"                     # = plotly.offline.get_plotlyjs_version() of the pinned plotly
INTEGRITY = "sha512-1oNF8PeQx2hv/y7tqEVWKD3JGwn/MGEMQ8mL9HUwsaqG9FGy/OU5FHUHvzqbqxN4mnwZGI9abTiE775C4kkjMQ=="
MEMBER = "package/plotly-basic.min.js"
SHA256 = "99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba"
TRACE_TYPES = frozenset({"scatter", "bar", "pie"})   # what the basic bundle draws
DASH_URL = "/_dash-component-suites/plotly/package_data/plotly.min.js"

log = logging.getLogger(__name__)


def bundle_path() -> Path:
    override = settings().plotly_bundle
    return override if override else Path(sys.prefix) / "share" / "twincity" / f"plotly-basic-{VERSION}.min.js"


def verified_bundle(path: Path | None = None) -> bytes | None:
    """The bundle's bytes if the file exists and matches the pinned sha256; otherwise None (logged)."""
    path = path or bundle_path()
    if not path.is_file():
        log.warning("plotly.js partial bundle not found at %s: serving Dash's full bundle "
                    "(run `make` or `python -m dashboard.plotly_bundle` to install it)", path)
        return None
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA256:
        log.warning("plotly.js partial bundle at %s does not match its checksum (truncated or changed): "
                    "serving Dash's full bundle", path)
        return None
    return data


def install(app: Flask, path: Path | None = None) -> bool:
    """Answer Dash's plotly.js URL with the verified partial bundle; False (full bundle) when unusable."""
    data = verified_bundle(path)
    if data is None:
        return False

    @app.before_request
    def _partial_plotly():
        if request.path == DASH_URL:
            response = Response(data, mimetype="application/javascript")
            response.headers["Cache-Control"] = "public, max-age=86400"
            return response
        return None

    return True


# --- set-up: fetch the pinned package with npm ------------------------------------------------------

def fetch(target: Path | None = None) -> Path:
    """``npm pack`` the pinned package, check its integrity, install the bundle file at ``target``."""
    target = target or bundle_path()
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == SHA256:
        return target
    with tempfile.TemporaryDirectory() as tmp:
        try:
            tarball = npm_package.pack(PACKAGE, VERSION, INTEGRITY, Path(tmp) / "package.tgz")
        except (npm_package.NpmMissing, npm_package.NpmPackageError) as exc:
            raise SystemExit(f"{exc}: the plotly.js partial bundle is not installed") from None
        with tarfile.open(tarball, "r:gz") as archive:
            data = archive.extractfile(MEMBER).read()
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise SystemExit(f"{MEMBER} of {PACKAGE}@{VERSION} does not match its sha256: not installed")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target


if __name__ == "__main__":  # pragma: no cover
    print(f"plotly.js partial bundle: {fetch()}")
