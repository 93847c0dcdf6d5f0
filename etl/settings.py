"""Every environment setting the ETL reads, with its type, default and meaning (pydantic-settings).

Read afresh on each call of :func:`settings`, so a test or a benchmark may change the environment at run time.
The dashboard declares the settings it reads in :mod:`dashboard.settings`; the two packages never import each
other, so the folders both of them use (``TWINCITY_DATA``, ``TWINCITY_PUBLISHED``) are declared on both sides
and a test checks that the declarations agree.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class EtlSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TWINCITY_", extra="ignore", env_ignore_empty=True)

    data: Path = Field(ROOT / "data", description="The data folder (raw, reference and published data).")
    raw: Path | None = Field(None, description="Raw files and their source.yaml, one folder per source "
                                               "(default: <data>/raw).")
    reference: Path | None = Field(None, description="Catalogues and decks (default: <data>/reference).")
    published: Path | None = Field(None, description="Where versions are published and `current` points "
                                                     "(default: <data>/published).")


def settings() -> EtlSettings:
    return EtlSettings()
