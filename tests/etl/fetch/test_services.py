"""ECB, World Bank and e-Stat connectors against the loopback server replaying recorded answers
(identifiers changed where no verbatim answer of the very series exists; see tests/fixtures/*/PROVENANCE.md)."""
from __future__ import annotations

import json

import pandas as pd
import pytest
import yaml
from werkzeug import Response

from etl import pipeline
from etl.errors import ValidationError
from etl.sources import ecb_exr_jpy
from tests.etl.fetch.conftest import APPID, FIXTURES

ECB_PATH = "/ecb/service/data/EXR/D.JPY.EUR.SP00.A"
WB_PATH = "/wb/v2/country/DEU;JPN/indicator/PA.NUS.PPP"
ESTAT_PATH = "/estat/rest/3.0/app/json/getStatsData"


def body(path, content_type="application/json", status=200) -> Response:
    return Response(path.read_bytes(), status=status, content_type=content_type)


# --- ECB -----------------------------------------------------------------------------------------

ECB_FIXTURE = FIXTURES / "ecb" / "EXR_D.JPY.EUR.SP00.A_jsondata_from_AUD_2022-09-04.json"


def test_ecb_fetch_snapshot_and_publish(server, fetch_cli, tmp_path):
    seen = []
    server.expect_request(ECB_PATH).respond_with_handler(lambda r: seen.append(r.args.to_dict()) or body(ECB_FIXTURE))
    result = fetch_cli("ecb_exr_jpy")
    assert result.exit_code == 0, result.output
    assert seen[0] == {"format": "jsondata", "startPeriod": "2015-01-01"}
    folder = fetch_cli.raw / "ecb_exr_jpy"
    assert (folder / ecb_exr_jpy.FILE).read_bytes() == ECB_FIXTURE.read_bytes()
    meta = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
    assert meta["files"][0]["name"] == ecb_exr_jpy.FILE and meta["request"]["method"] == "GET"
    published = tmp_path / "published"
    pipeline.run(raw=fetch_cli.raw, reference=fetch_cli.reference, published=published, mirror=None)
    sources = pd.read_parquet(published / "current" / "sources.parquet").set_index("id")
    assert "ecb_exr_jpy" in sources.index
    facts = pd.read_parquet(published / "current" / "facts.parquet")
    # five days of 2022 are no annual mean: the year stays with the hand-transcribed figure
    assert facts["source_id"].eq("ecb_exr_jpy").sum() == 0
    fx = facts[facts["indicator_id"].eq("fx_jpy_per_eur") & facts["preferred"] & facts["period"].eq("2022")]
    assert fx["source_id"].tolist() == ["ecb_eurjpy"]


def _ecb_drift():
    message = json.loads(ECB_FIXTURE.read_text(encoding="utf-8"))
    del message["structure"]
    return Response(json.dumps(message), content_type="application/json")


def _ecb_other_currency():
    text = ECB_FIXTURE.read_text(encoding="utf-8").replace('"id":"JPY"', '"id":"AUD"')
    return Response(text, content_type="application/json")


ECB_FAULTS = {
    "404 unknown series": (lambda r: Response("No results found.", status=404, content_type="text/plain"), 8,
                           "HTTP 404"),
    "html page": (lambda r: Response("<html><body>Maintenance</body></html>", content_type="text/html"), 8, "HTML"),
    "not json": (lambda r: Response("{", content_type="application/json"), 10, "not SDMX-JSON"),
    "schema drift": (lambda r: _ecb_drift(), 10, "not an SDMX-JSON data message"),
    "another series": (lambda r: _ecb_other_currency(), 10, "not the EUR/JPY daily series"),
}


@pytest.mark.parametrize("fault", list(ECB_FAULTS))
def test_ecb_faults(fault, server, fetch_cli, snapshot_tree):
    handler, code, text = ECB_FAULTS[fault]
    before = snapshot_tree(fetch_cli.raw)
    server.expect_request(ECB_PATH).respond_with_handler(handler)
    result = fetch_cli("ecb_exr_jpy")
    message = " ".join(result.output.split())
    assert result.exit_code == code, result.output
    assert "ECB Data Portal" in message and text in message and "127.0.0.1" in message
    assert snapshot_tree(fetch_cli.raw) == before


# --- World Bank ----------------------------------------------------------------------------------

WB = FIXTURES / "worldbank"


def _wb_pages(request):
    return body(WB / f"PA.NUS.PPP_DEU-JPN_page{request.args['page']}.json")


def test_worldbank_fetches_every_page_and_the_etl_refuses_implausible_values(server, fetch_cli, tmp_path):
    server.expect_request(WB_PATH).respond_with_handler(_wb_pages)
    result = fetch_cli("worldbank_ppp_api")
    assert result.exit_code == 0, result.output
    assert [dict(r.args)["page"] for r, _ in server.log] == ["1", "2"]
    folder = fetch_cli.raw / "worldbank_ppp_api"
    meta = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
    assert [f["name"] for f in meta["files"]] == ["PA.NUS.PPP_p1.json", "PA.NUS.PPP_p2.json"]
    assert meta["request"]["pages"] == 2
    assert "rows added 126" in " ".join(result.output.split())       # 2 × 63 years with a value
    # the fixture's values are US GDP in dollars (identifiers changed only): validation stops them
    published = tmp_path / "published"
    with pytest.raises(ValidationError) as info:
        pipeline.run(raw=fetch_cli.raw, reference=fetch_cli.reference, published=published, mirror=None)
    assert "PA.NUS.PPP_p1.json" in str(info.value)
    assert not (published / "current").exists()


def test_worldbank_error_body_with_status_200_is_a_service_error(server, fetch_cli, snapshot_tree):
    before = snapshot_tree(fetch_cli.raw)
    server.expect_request(WB_PATH).respond_with_handler(lambda r: body(WB / "error_120_invalid_value.json"))
    result = fetch_cli("worldbank_ppp_api")
    message = " ".join(result.output.split())
    assert result.exit_code == 9, result.output
    assert "World Bank Indicators API: error 120 Invalid value: The provided parameter value is not valid" in message
    assert snapshot_tree(fetch_cli.raw) == before


def test_worldbank_drift_is_malformed(server, fetch_cli):
    server.expect_request(WB_PATH).respond_with_handler(
        lambda r: Response(json.dumps({"rows": []}), content_type="application/json"))
    result = fetch_cli("worldbank_ppp_api")
    assert result.exit_code == 10 and "schema drift" in result.output


# --- e-Stat --------------------------------------------------------------------------------------

ESTAT = FIXTURES / "estat"


@pytest.fixture
def estat_enabled(fetch_cli):
    """The declared e-Stat source, completed as a person would, but with the fixture's own table
    (statsDataId 0003065345) and its area codes mapped to places only for this test."""
    path = fetch_cli.raw / "estat_koriyama_population" / "source.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta["fetch"].update(enabled=True, stats_data_id="0003065345", query={"cdCat01": "008,009,010"},
                         keep_values={"@cat01": "008", "@cat02": "001", "@cat03": "001"},
                         area={"00000": "japan", "03000": "koriyama"}, date="{year}-10-01")
    path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fetch_cli


def _estat_pages(request):
    page = {"1": "getStatsData_0003065345_p1.json", "4": "getStatsData_0003065345_p2_one_value.json"}
    return body(ESTAT / page[request.args["startPosition"]])


def test_estat_pages_one_item_object_and_publish(server, credentials, estat_enabled, tmp_path):
    server.expect_request(ESTAT_PATH).respond_with_handler(_estat_pages)
    result = estat_enabled("estat_koriyama_population")
    assert result.exit_code == 0, result.output
    assert [r.args["appId"] for r, _ in server.log] == [APPID, APPID]
    folder = estat_enabled.raw / "estat_koriyama_population"
    text = (folder / "source.yaml").read_text(encoding="utf-8")
    assert APPID not in text and APPID not in result.output
    meta = yaml.safe_load(text)
    assert meta["request"]["parameters"] == {"statsDataId": "0003065345", "cdCat01": "008,009,010"}
    assert len(meta["files"]) == 2
    published = tmp_path / "published"
    pipeline.run(raw=estat_enabled.raw, reference=estat_enabled.reference, published=published, mirror=None)
    facts = pd.read_parquet(published / "current" / "facts.parquet")
    rows = facts[facts["source_id"].eq("estat_koriyama_population")].sort_values("area_id")
    # 千人 → persons; the second page's single VALUE object is read like a list of one
    assert rows[["area_id", "period", "value", "basis"]].values.tolist() == [
        ["japan", "2011-10-01", 9782000.0, "census"], ["koriyama", "2011-10-01", 82000.0, "census"]]
    assert rows["raw_file"].str.endswith("_p2.json").sum() == 1


def test_estat_status_error_is_a_service_error_without_the_app_id(server, credentials, estat_enabled,
                                                                  snapshot_tree):
    before = snapshot_tree(estat_enabled.raw)
    server.expect_request(ESTAT_PATH).respond_with_handler(lambda r: body(ESTAT / "error_status_100.json"))
    result = estat_enabled("estat_koriyama_population")
    message = " ".join(result.output.split())
    assert result.exit_code == 9, result.output
    assert "e-Stat API: STATUS 100: 認証に失敗しました" in message and "appId=***" in message
    assert APPID not in message and snapshot_tree(estat_enabled.raw) == before


def test_estat_without_app_id_exits_11(server, estat_enabled):
    result = estat_enabled("estat_koriyama_population")
    assert result.exit_code == 11 and "TWINCITY_ESTAT_APPID" in result.output and server.log == []


def test_estat_disabled_source_is_refused_by_name_and_skipped_otherwise(server, fetch_cli):
    result = fetch_cli("estat_koriyama_population")
    assert result.exit_code == 2 and "enabled: false" in " ".join(result.output.split())
    from etl.fetch.snapshots import fetchable

    assert "estat_koriyama_population" not in [sid for sid, _ in fetchable(fetch_cli.raw)]
