"""Every environment setting the dashboard reads, with its type, default and meaning (pydantic-settings).

Read from the environment on each call of :func:`settings` (a test may point ``TWINCITY_PUBLISHED`` elsewhere at
run time); built once per distinct environment.
The ETL declares its own in :mod:`etl.settings`; the folders both packages use are declared on both sides with
the same defaults (a test checks that), because neither package may import the other.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class DashboardSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TWINCITY_", extra="ignore", env_ignore_empty=True)

    data: Path = Field(ROOT / "data", description="The data folder; the dashboard reads <data>/published.")
    published: Path | None = Field(None, description="The published datasets, read through their `current` link "
                                                     "(default: <data>/published).")
    jobs: Path | None = Field(None, description="State and files of the briefing-pack jobs, on a volume every "
                                                "replica mounts (default: <published>/.jobs).")
    site: Path = Field(ROOT / "data" / "site", description="The city's public-sector page texts (Impressum, "
                                                            "privacy, accessibility, terms) and site.yaml.")
    public_url: str = Field("", description="Public address of the dashboard, for the QR code and live links of "
                                            "the presenter and the briefing pack (default: the request's host).")
    frame_ancestors: str = Field("'self'", description="CSP frame-ancestors: the sites allowed to embed the "
                                                       "dashboard.")
    debug: bool = Field(False, description="Dash dev tools when the app is run with `python -m dashboard.app` "
                                           "(never in production).")
    plotly_bundle: Path | None = Field(None, description="The plotly.js basic bundle to serve instead of Dash's full "
                                                         "one (default: <venv>/share/twincity/, installed by make).")
    chromium: str = Field("/usr/bin/chromium", validation_alias=AliasChoices("TWINCITY_CHROMIUM", "CHROMIUM"),
                          description="The Chromium that prints the PDF briefing pack (also read from $CHROMIUM).")


_built: dict[tuple, DashboardSettings] = {}
_lock = threading.Lock()


def settings() -> DashboardSettings:
    """The settings as the environment holds them now; built once per distinct environment (every request
    reads them, and building them parses every variable)."""
    key = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("TWINCITY_") or k == "CHROMIUM"))
    found = _built.get(key)
    if found is None:
        found = DashboardSettings()
        with _lock:
            _built[key] = found
            if len(_built) > 64:        # tests change the environment often: keep a few
                _built.pop(next(iter(_built)))
    return found


def published_dir() -> Path:
    s = settings()
    return s.published or s.data / "published"
