"""Settings: official defaults, overrides from the environment, credentials only from there."""
import pytest

from etl.fetch import settings
from etl.fetch.errors import MissingCredentials


def test_defaults_are_the_official_hosts(monkeypatch):
    for host in settings.HOSTS.values():
        monkeypatch.delenv(host.url_setting, raising=False)
    assert settings.base_url("regionalstatistik") == "https://www.regionalstatistik.de/genesisws/rest/2020/"
    assert settings.base_url("ecb") == "https://data-api.ecb.europa.eu/service/"
    monkeypatch.setenv("TWINCITY_ECB_URL", "http://127.0.0.1:9/ecb")
    assert settings.base_url("ecb") == "http://127.0.0.1:9/ecb/"


def test_genesis_credentials_user_password_or_token(monkeypatch):
    for name in ("USER", "PASSWORD", "TOKEN"):
        monkeypatch.delenv(f"TWINCITY_DESTATIS_{name}", raising=False)
    with pytest.raises(MissingCredentials) as info:
        settings.genesis_credentials("destatis")
    assert info.value.exit_code == 11 and "TWINCITY_DESTATIS_USER" in str(info.value)
    monkeypatch.setenv("TWINCITY_DESTATIS_TOKEN", "t")
    assert settings.genesis_credentials("destatis") == ("t", "")
    monkeypatch.setenv("TWINCITY_DESTATIS_USER", "u")
    monkeypatch.setenv("TWINCITY_DESTATIS_PASSWORD", "p")
    assert settings.genesis_credentials("destatis") == ("u", "p")
