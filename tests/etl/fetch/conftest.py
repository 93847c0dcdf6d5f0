"""A real HTTP server on loopback replaying the recorded responses in tests/fixtures, and the
settings that point every connector at it. No test here contacts an official host."""
from __future__ import annotations

import hashlib
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SETTINGS = ("TWINCITY_GENESIS_URL", "TWINCITY_DESTATIS_URL", "TWINCITY_ECB_URL", "TWINCITY_WORLDBANK_URL",
            "TWINCITY_ESTAT_URL", "TWINCITY_GENESIS_USER", "TWINCITY_GENESIS_PASSWORD", "TWINCITY_GENESIS_TOKEN",
            "TWINCITY_DESTATIS_USER", "TWINCITY_DESTATIS_PASSWORD", "TWINCITY_DESTATIS_TOKEN",
            "TWINCITY_ESTAT_APPID")
USER, PASSWORD, APPID = "fetch-test-user", "s3cret-Passw0rd", "s3cret-app-id"


@pytest.fixture(scope="module")
def _loopback():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def server(_loopback, monkeypatch):
    """The loopback server (cleared), with every service's URL setting pointing at it."""
    _loopback.clear()
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TWINCITY_GENESIS_URL", _loopback.url_for("/genesisws/rest/2020/"))
    monkeypatch.setenv("TWINCITY_ECB_URL", _loopback.url_for("/ecb/service/"))
    monkeypatch.setenv("TWINCITY_WORLDBANK_URL", _loopback.url_for("/wb/v2/"))
    monkeypatch.setenv("TWINCITY_ESTAT_URL", _loopback.url_for("/estat/rest/3.0/app/"))
    monkeypatch.setenv("TWINCITY_FETCH_TIMEOUT", "2")
    monkeypatch.setenv("TWINCITY_FETCH_RETRIES", "0")
    monkeypatch.setenv("TWINCITY_FETCH_BACKOFF", "0")
    monkeypatch.setenv("TWINCITY_GENESIS_POLL_SECONDS", "0")
    yield _loopback


@pytest.fixture
def credentials(monkeypatch):
    monkeypatch.setenv("TWINCITY_GENESIS_USER", USER)
    monkeypatch.setenv("TWINCITY_GENESIS_PASSWORD", PASSWORD)
    monkeypatch.setenv("TWINCITY_ESTAT_APPID", APPID)


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on: "no network"."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tree(folder: Path) -> dict:
    """Every file under ``folder`` with its sha256 (to prove that nothing changed)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


@pytest.fixture
def fetch_cli(data_copy):
    """Run ``twincity etl fetch …`` on a private copy of data/raw; returns (result, raw, reference)."""
    raw, reference = data_copy

    def run(*args):
        from etl.cli import main

        result = CliRunner().invoke(main, ["etl", "fetch", "--raw", str(raw), *args],
                                    env={"TWINCITY_REFERENCE": str(reference), "COLUMNS": "200"},
                                    catch_exceptions=False)
        return result
    run.raw, run.reference = raw, reference
    return run


@pytest.fixture
def snapshot_tree():
    return tree
