"""Settings of the fetch connectors: base URLs and credentials, from the environment only (declared with the
ETL's other settings in :mod:`etl.settings`).

Credentials are read when a request is made and are never written to source.yaml, logs or errors.
Defaults are the official hosts.
"""
from __future__ import annotations

from dataclasses import dataclass

from etl.fetch.errors import MissingCredentials
from etl.settings import settings


@dataclass(frozen=True)
class Host:
    key: str
    label: str
    url_setting: str
    default_url: str
    register_at: str = ""


HOSTS = {
    "regionalstatistik": Host("regionalstatistik", "GENESIS regionalstatistik.de", "TWINCITY_GENESIS_URL",
                              "https://www.regionalstatistik.de/genesisws/rest/2020/",
                              "https://www.regionalstatistik.de/genesis/online?Menu=Webservice"),
    "destatis": Host("destatis", "GENESIS-Online (Destatis)", "TWINCITY_DESTATIS_URL",
                     "https://www-genesis.destatis.de/genesisWS/rest/2020/",
                     "https://www-genesis.destatis.de/datenbank/online/#modal=login,register"),
    "ecb": Host("ecb", "ECB Data Portal", "TWINCITY_ECB_URL", "https://data-api.ecb.europa.eu/service/"),
    "worldbank": Host("worldbank", "World Bank Indicators API", "TWINCITY_WORLDBANK_URL",
                      "https://api.worldbank.org/v2/"),
    "estat": Host("estat", "e-Stat API", "TWINCITY_ESTAT_URL", "https://api.e-stat.go.jp/rest/3.0/app/",
                  "https://www.e-stat.go.jp/api/"),
}
#: Credential variables per GENESIS host: user + password, or a token (sent as user, empty password).
GENESIS_PREFIX = {"regionalstatistik": "TWINCITY_GENESIS", "destatis": "TWINCITY_DESTATIS"}


def _setting(variable: str) -> str:
    """The value of the setting read from ``variable`` (``TWINCITY_ECB_URL`` → ``ecb_url``), secrets revealed."""
    value = getattr(settings(), variable.removeprefix("TWINCITY_").lower())
    return value.get_secret_value() if hasattr(value, "get_secret_value") else str(value)


def base_url(key: str) -> str:
    host = HOSTS[key]
    url = _setting(host.url_setting).strip() or host.default_url
    return url if url.endswith("/") else url + "/"


def timeout() -> float:
    """Seconds to wait for a connection or the next bytes (``TWINCITY_FETCH_TIMEOUT``, default 60)."""
    return settings().fetch_timeout


def retries() -> int:
    """Retries after a failed connection or a 429/5xx answer (``TWINCITY_FETCH_RETRIES``, default 3)."""
    return settings().fetch_retries


def backoff() -> float:
    """Back-off factor in seconds between retries (``TWINCITY_FETCH_BACKOFF``, default 2: 2, 4, 8 s)."""
    return settings().fetch_backoff


def genesis_credentials(key: str) -> tuple[str, str]:
    """``(username, password)`` for a GENESIS host; a token goes as username with an empty password."""
    prefix = GENESIS_PREFIX[key]
    token = _setting(f"{prefix}_TOKEN")
    user, password = _setting(f"{prefix}_USER"), _setting(f"{prefix}_PASSWORD")
    if user and password:
        return user, password
    if token:
        return token, ""
    host = HOSTS[key]
    raise MissingCredentials(host.label, base_url(key),
                             f"no credentials: set {prefix}_USER and {prefix}_PASSWORD (or {prefix}_TOKEN)",
                             f"register for the web service at {host.register_at} and put the credentials "
                             "in the environment of the job (never in a file of the repository)")


def estat_app_id() -> str:
    value = _setting("TWINCITY_ESTAT_APPID")
    if not value:
        host = HOSTS["estat"]
        raise MissingCredentials(host.label, base_url("estat"), "no application ID: set TWINCITY_ESTAT_APPID",
                                 f"register (free) at {host.register_at} and create an appId")
    return value
