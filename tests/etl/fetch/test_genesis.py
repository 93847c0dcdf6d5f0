"""GENESIS connector against the loopback server: the recorded 12411-01-01-4 zip end to end
(fetch → snapshot → etl run → published), the background-job flow, and every fault."""
from __future__ import annotations

import io
import time
import zipfile

import pandas as pd
import pytest
import yaml
from werkzeug import Response

from etl import pipeline
from tests.etl.fetch.conftest import FIXTURES, PASSWORD, USER

GENESIS = FIXTURES / "genesis"
ZIP = (GENESIS / "12411-01-01-4_tablefile_de_flat.zip").read_bytes()
PATH = "/genesisws/rest/2020/data/tablefile"
SOURCE = "regionalstatistik_population"


def zip_response(body: bytes = ZIP) -> Response:
    return Response(body, status=200, content_type="application/zip",
                    headers={"Content-Disposition": "attachment; filename=12411-01-01-4_1773175772751_de_flat.zip"})


def status_response(name: str) -> Response:
    return Response((GENESIS / name).read_bytes(), status=200, content_type="application/json")


def rezip(csv_text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("12411-01-01-4_1_de_flat.csv", b"\xef\xbb\xbf" + csv_text.encode("utf-8"))
    return buffer.getvalue()


def recorded_csv() -> str:
    with zipfile.ZipFile(io.BytesIO(ZIP)) as archive:
        return archive.read(archive.namelist()[0]).decode("utf-8-sig")


def test_fetch_writes_snapshot_reports_changes_and_publishes(server, credentials, fetch_cli, tmp_path, rehash):
    # the current snapshot says 570,000 for Essen; the service now answers the recorded 574,682
    source_dir = fetch_cli.raw / SOURCE
    (source_dir / "12411-01-01-4_de_flat.zip").write_bytes(
        rezip(recorded_csv().replace(";;Insgesamt;574682;", ";;Insgesamt;570000;")))
    rehash(source_dir)
    seen = []

    def handler(request):
        seen.append((dict(request.headers), request.form.to_dict()))
        return zip_response()

    server.expect_request(PATH, method="POST").respond_with_handler(handler)
    result = fetch_cli(SOURCE)
    assert result.exit_code == 0, result.output
    headers, form = seen[0]
    assert headers["Username"] == USER and headers["Password"] == PASSWORD
    assert form["name"] == "12411-01-01-4" and form["format"] == "ffcsv" and form["startyear"] == "1995"
    assert "twincity-etl" in headers["User-Agent"]
    assert "rows added 0, changed 1, removed 0" in result.output
    assert "570000" in result.output and "574682" in result.output
    assert "Population (population): people page, overview" in result.output

    meta_text = (source_dir / "source.yaml").read_text(encoding="utf-8")
    assert PASSWORD not in meta_text and USER not in meta_text
    meta = yaml.safe_load(meta_text)
    assert meta["request"]["url"] == server.url_for(PATH) and meta["request"]["method"] == "POST"
    assert meta["request"]["parameters"]["name"] == "12411-01-01-4" and meta["request"]["status"] == 200
    assert (source_dir / "12411-01-01-4_de_flat.zip").read_bytes() == ZIP     # exactly as received
    assert meta["files"][0]["sha256"] == "b0a23842874ba350cc352ad29a978f1bd43df3ddaa5c9b88bd9b442108802088"

    published = tmp_path / "published"
    pipeline.run(raw=fetch_cli.raw, reference=fetch_cli.reference, published=published, mirror=None)
    facts = pd.read_parquet(published / "current" / "facts.parquet")
    row = facts[facts["source_id"].eq(SOURCE)]
    assert row[["area_id", "period", "value", "basis"]].values.tolist() == [
        ["essen", "2024-12-31", 574682.0, "official_update_zensus2022"]]
    sources = pd.read_parquet(published / "current" / "sources.parquet").set_index("id")
    assert "regionalstatistik.de" in sources.loc[SOURCE, "publisher"]


def test_dry_run_reports_and_writes_nothing(server, credentials, fetch_cli, snapshot_tree):
    before = snapshot_tree(fetch_cli.raw)
    server.expect_request(PATH, method="POST").respond_with_handler(lambda r: zip_response())
    result = fetch_cli(SOURCE, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "rows added 0, changed 0, removed 0" in result.output and "nothing written" in result.output
    assert snapshot_tree(fetch_cli.raw) == before


def test_publish_chains_etl_run(server, credentials, fetch_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(tmp_path / "pub"))
    monkeypatch.setenv("TWINCITY_REFERENCE", str(fetch_cli.reference))
    server.expect_request(PATH, method="POST").respond_with_handler(lambda r: zip_response())
    result = fetch_cli(SOURCE, "--publish")
    assert result.exit_code == 0, result.output
    assert "published version" in result.output and (tmp_path / "pub" / "current").exists()
    meta_text = (fetch_cli.raw / SOURCE / "source.yaml").read_text(encoding="utf-8")
    assert meta_text.startswith("# data/raw/regionalstatistik_population/source.yaml")    # header kept


def test_table_too_large_runs_as_a_job_and_polls_the_result(server, credentials, fetch_cli):
    calls = []

    def tablefile(request):
        calls.append(("tablefile", request.form["job"]))
        return status_response("status_98_table_too_large.json" if request.form["job"] == "false"
                               else "status_99_job_created.json")

    def resultfile(request):
        calls.append(("resultfile", request.form["name"]))
        ready = sum(1 for c in calls if c[0] == "resultfile") > 1
        return zip_response() if ready else status_response("status_104_no_objects.json")

    server.expect_request(PATH, method="POST").respond_with_handler(tablefile)
    server.expect_request("/genesisws/rest/2020/data/resultfile", method="POST").respond_with_handler(resultfile)
    result = fetch_cli(SOURCE)
    assert result.exit_code == 0, result.output
    assert calls == [("tablefile", "false"), ("tablefile", "true"), ("resultfile", "12531-0043_175879554"),
                     ("resultfile", "12531-0043_175879554")]


def _slow(request):
    """Answers after the client's 2 s timeout; the server logs the request only when it has answered."""
    time.sleep(3)
    return zip_response()


def wait_for_log(server, n: int, seconds: float = 10) -> bool:
    """True once the server has logged ``n`` requests (a late answer is logged when it is sent)."""
    deadline = time.monotonic() + seconds
    while len(server.log) < n and time.monotonic() < deadline:
        time.sleep(0.05)
    return len(server.log) >= n


def _drifted():
    return zip_response(rezip(recorded_csv().replace("1_variable_attribute_code", "1_variable_attribute_key", 1)))


FAULTS = {
    "timeout": (_slow, 7, "timed out"),
    "http 500": (lambda r: Response("Internal Server Error", status=500, content_type="text/plain"), 8, "HTTP 500"),
    "http 404": (lambda r: Response("Not Found", status=404, content_type="text/plain"), 8, "HTTP 404"),
    "html maintenance page": (lambda r: Response("<!DOCTYPE html><html><body>Wartungsarbeiten</body></html>",
                                                 status=200, content_type="text/html; charset=utf-8"),
                              8, "HTML page instead of data"),
    "status -1": (lambda r: status_response("status_-1_no_datacube.json"), 9, "status -1 (Fehler)"),
    "status 104": (lambda r: status_response("status_104_no_objects.json"), 9, "status 104"),
    "truncated zip": (lambda r: zip_response(ZIP[: len(ZIP) // 2]), 10, "not a readable zip archive"),
    "renamed column": (lambda r: _drifted(), 10, "1_variable_attribute_code"),
    "not json, not zip": (lambda r: Response("{oops", status=200, content_type="application/json"), 10,
                          "neither a zip nor a GENESIS status body"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_gives_one_clear_message_its_exit_code_and_changes_nothing(fault, server, credentials, fetch_cli,
                                                                         snapshot_tree):
    handler, code, text = FAULTS[fault]
    before = snapshot_tree(fetch_cli.raw)
    server.expect_request(PATH, method="POST").respond_with_handler(handler)
    result = fetch_cli(SOURCE)
    assert result.exit_code == code, result.output
    message = " ".join(result.output.split())
    assert "GENESIS regionalstatistik.de" in message and text in message
    assert server.url_for(PATH) in message and PASSWORD not in message
    assert "Nothing was written" in message
    assert snapshot_tree(fetch_cli.raw) == before
    assert not [p for p in fetch_cli.raw.iterdir() if p.name.startswith(".")]
    if handler is _slow:      # let the late answer land in this test's log, not in the next test's
        assert wait_for_log(server, 1)


def test_missing_credentials_exit_11_before_any_request(server, fetch_cli, snapshot_tree):
    before = snapshot_tree(fetch_cli.raw)
    result = fetch_cli(SOURCE)
    assert result.exit_code == 11, result.output
    message = " ".join(result.output.split())
    assert "TWINCITY_GENESIS_USER" in message and "TWINCITY_GENESIS_TOKEN" in message
    assert server.log == [] and snapshot_tree(fetch_cli.raw) == before


def test_token_is_sent_as_username_with_empty_password(server, fetch_cli, monkeypatch):
    monkeypatch.setenv("TWINCITY_GENESIS_TOKEN", "tok-123")
    seen = []
    server.expect_request(PATH, method="POST").respond_with_handler(
        lambda r: seen.append(dict(r.headers)) or zip_response())
    assert fetch_cli(SOURCE).exit_code == 0
    assert seen[0]["Username"] == "tok-123" and seen[0].get("Password", "") == ""


def test_no_network_names_the_service_and_exits_7(server, credentials, fetch_cli, closed_port, monkeypatch,
                                                   snapshot_tree):
    monkeypatch.setenv("TWINCITY_GENESIS_URL", f"http://127.0.0.1:{closed_port}/genesisws/rest/2020/")
    for setting, path in (("TWINCITY_ECB_URL", "ecb/service/"), ("TWINCITY_WORLDBANK_URL", "wb/v2/")):
        monkeypatch.setenv(setting, f"http://127.0.0.1:{closed_port}/{path}")
    before = snapshot_tree(fetch_cli.raw)
    result = fetch_cli()                         # every enabled source: GENESIS, ECB, World Bank
    assert result.exit_code == 7, result.output
    message = " ".join(result.output.split())
    assert "3 sources failed" in message
    for service in ("GENESIS regionalstatistik.de: cannot connect", "ECB Data Portal: cannot connect",
                    "World Bank Indicators API: cannot connect"):
        assert service in message
    assert f"127.0.0.1:{closed_port}" in message and "last published data" in message
    assert snapshot_tree(fetch_cli.raw) == before


def test_unknown_source_is_refused(server, credentials, fetch_cli):
    result = fetch_cli("no_such_source")
    assert result.exit_code == 2 and "no_such_source" in result.output


def test_a_503_is_retried_with_backoff(server, credentials, fetch_cli, monkeypatch):
    monkeypatch.setenv("TWINCITY_FETCH_RETRIES", "2")
    answers = [Response("busy", status=503, content_type="text/plain"), zip_response()]
    server.expect_request(PATH, method="POST").respond_with_handler(lambda r: answers.pop(0))
    result = fetch_cli(SOURCE)
    assert result.exit_code == 0, result.output
    assert len(server.log) == 2 and not answers
