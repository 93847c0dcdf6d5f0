"""Every environment setting the ETL reads, with its type, default and meaning (pydantic-settings).

Read afresh on each call of :func:`settings`, so a test or a benchmark may change the environment at run time.
The dashboard declares the settings it reads in :mod:`dashboard.settings`; the two packages never import each
other, so the folders both of them use (``TWINCITY_DATA``, ``TWINCITY_PUBLISHED``) are declared on both sides
and a test checks that the declarations agree.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
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
    # `twincity etl fetch`: the services' addresses (default: the official hosts, see etl/fetch/settings.py),
    # the HTTP client, and the credentials (read when a request is made; never written anywhere)
    genesis_url: str = Field("", description="GENESIS web service of regionalstatistik.de.")
    destatis_url: str = Field("", description="GENESIS-Online web service of Destatis.")
    ecb_url: str = Field("", description="ECB Data Portal.")
    worldbank_url: str = Field("", description="World Bank Indicators API.")
    estat_url: str = Field("", description="e-Stat API.")
    fetch_timeout: float = Field(60.0, description="Seconds to wait for a connection or the next bytes.")
    fetch_retries: int = Field(3, description="Retries after a failed connection or a 429/5xx answer.")
    fetch_backoff: float = Field(2.0, description="Back-off factor in seconds between retries (2, 4, 8 s).")
    genesis_polls: int = Field(30, description="How often to ask GENESIS for a table it prepares as a background "
                                               "job.")
    genesis_poll_seconds: float = Field(10.0, description="Seconds between those questions.")
    genesis_user: SecretStr = Field(SecretStr(""), description="regionalstatistik.de user name.")
    genesis_password: SecretStr = Field(SecretStr(""), description="regionalstatistik.de password.")
    genesis_token: SecretStr = Field(SecretStr(""), description="regionalstatistik.de API token (instead of "
                                                                "user and password).")
    destatis_user: SecretStr = Field(SecretStr(""), description="GENESIS-Online (Destatis) user name.")
    destatis_password: SecretStr = Field(SecretStr(""), description="GENESIS-Online (Destatis) password.")
    destatis_token: SecretStr = Field(SecretStr(""), description="GENESIS-Online (Destatis) API token.")
    estat_appid: SecretStr = Field(SecretStr(""), description="e-Stat application ID.")


def settings() -> EtlSettings:
    return EtlSettings()
