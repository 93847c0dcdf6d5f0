"""The shared HTTP client: secrets never shown, User-Agent, HTML detection."""
from werkzeug import Response

from etl.fetch.http import USER_AGENT, Client, redact


def test_redact_hides_secret_query_parameters_only():
    url = "https://api.example/json/getStatsData?appId=abc123&statsDataId=0003&startPosition=1"
    shown = redact(url)
    assert "abc123" not in shown and "appId=***" in shown and "statsDataId=0003" in shown


def test_client_sends_its_user_agent_and_returns_the_body(server):
    server.expect_request("/x").respond_with_response(Response(b"PK\x03\x04", content_type="application/zip"))
    download = Client("Test").get(server.url_for("/x"), params={"appId": "secret", "q": "1"})
    assert download.body == b"PK\x03\x04" and download.status == 200
    assert server.log[0][0].headers["User-Agent"] == USER_AGENT
    assert "secret" not in download.url and download.record({"appId": "secret", "q": "1"})["parameters"] == {"q": "1"}
