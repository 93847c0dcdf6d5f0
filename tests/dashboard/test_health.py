"""/healthz and /readyz tell a load balancer the truth; no fault gives a visitor a blank page or a 5xx."""
import json
import os
import shutil
from datetime import datetime, timedelta, timezone

import pytest

from dashboard import data, health
from etl import publish
from tests.dashboard.test_data import NEWER, copy_version, damage

PAGES = ["overview", "people", "economy", "energy", "maps", "timeline", "present", "sources"]


@pytest.fixture
def client(published):
    from tests.conftest import app

    return app().server.test_client()


@pytest.fixture
def empty(tmp_path, monkeypatch):
    out = tmp_path / "published"
    out.mkdir()
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(out))
    monkeypatch.setattr(data, "CHECK_SECONDS", 0.0)
    monkeypatch.setattr(data, "_current", data._Current())
    return out


def router(client, pathname):
    payload = {"output": ".._pages_content.children..._pages_store.data..", "outputs": [
        {"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                   {"id": "_pages_location", "property": "search", "value": ""}],
        "changedPropIds": ["_pages_location.pathname"], "state": []}
    return client.post("/_dash-update-component", json=payload)


def text_of(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def ready(client):
    response = client.get("/readyz")
    return response.status_code, json.loads(response.get_data(as_text=True))


def test_healthz_is_json_not_the_page_shell(client, empty):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.is_json
    assert response.get_json() == {"status": "alive"} and "_dash-config" not in response.get_data(as_text=True)


def test_readyz_ok_with_a_dataset(client, folder):
    code, body = ready(client)
    assert code == 200 and body["status"] == "ok" and body["error"] is None
    assert body["version"] == publish.current_version(folder)
    assert set(body) >= {"status", "version", "published_at", "age_seconds", "stale_sources", "error"}
    assert isinstance(body["age_seconds"], int) and body["age_seconds"] >= 0
    assert isinstance(body["stale_sources"], list)
    assert datetime.fromisoformat(body["loaded_at"]) <= datetime.now(timezone.utc)


@pytest.mark.parametrize("fault", ["damaged parquet", "missing manifest", "checksum mismatch", "current removed",
                                   "current dangling"])
def test_every_fault_keeps_the_last_good_data_on_screen_and_readyz_says_what_is_wrong(client, folder, fault):
    version = publish.current_version(folder)
    assert ready(client)[0] == 200
    if fault == "damaged parquet":
        damage(copy_version(folder) / "facts.parquet")
    elif fault == "missing manifest":
        (copy_version(folder) / "manifest.json").unlink()
    elif fault == "checksum mismatch":
        newer = copy_version(folder)
        manifest = json.loads((newer / "manifest.json").read_text(encoding="utf-8"))
        manifest["files"]["places.parquet"] = "0" * 64
        (newer / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elif fault == "current removed":
        (folder / "current").unlink()
    else:
        publish.switch_current(folder, NEWER)
    code, body = ready(client)
    assert code == 200 and body["status"] == "degraded" and body["version"] == version
    assert body["error"]
    for page in ("overview", "sources"):
        response = router(client, f"/en/{page}")
        assert response.status_code == 200
        text = response.get_data(as_text=True)
        assert version in text and "nodata" not in text and "no-data" not in text
    sources = text_of(router(client, "/de/sources"))
    assert "data-status-banner" in sources and f"Angezeigt wird Version {version}" in sources


def test_no_banner_when_all_is_well(client, folder):
    assert "data-status-banner" not in router(client, "/en/sources").get_data(as_text=True)


@pytest.mark.parametrize("lang, title", [("en", "No dataset is published yet"),
                                         ("de", "Noch kein Datenbestand veröffentlicht"),
                                         ("ja", "公開されたデータセットがまだありません")])
def test_empty_published_folder_gives_the_friendly_page_in_the_visitors_language(client, empty, lang, title):
    code, body = ready(client)
    assert code == 503 and body["status"] == "unavailable" and body["version"] is None
    assert "current" in body["error"] and "twincity etl run" in body["hint"]
    for page in PAGES:
        response = router(client, f"/{lang}/{page}")
        assert response.status_code == 200, page
        text = text_of(response)
        assert title in text and "twincity etl run" in text and "Traceback" not in text, page
    shell = client.get(f"/{lang}/overview")
    assert shell.status_code == 200 and f'<html lang="{lang}">' in shell.get_data(as_text=True)


def test_no_dataset_escaping_a_callback_is_no_5xx(client, empty, monkeypatch):
    """A chart callback of a page loaded before the data went away: nothing to update, never a 500."""
    from dashboard.components import data_status

    def still_nothing(*_a, **_k):
        raise data.NoDataset("nothing")

    monkeypatch.setattr(data_status, "no_data_page", still_nothing)
    response = router(client, "/en/people")
    assert response.status_code == 204


def test_readyz_recovers_when_a_dataset_is_published(client, empty, published):
    assert ready(client)[0] == 503
    version = publish.current_version(published)
    shutil.copytree(published / version, empty / version)
    publish.switch_current(empty, version)
    code, body = ready(client)
    assert code == 200 and body["status"] == "ok" and body["version"] == version


def test_health_answers_are_not_compressed_or_routed(client, folder):
    for path in ("/healthz", "/readyz"):
        response = client.get(path, headers={"Accept-Encoding": "gzip, br", "Accept-Language": "ja"})
        assert response.status_code == 200
        assert "Content-Encoding" not in response.headers and "Vary" not in response.headers
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["Content-Type"].startswith("application/json")
    assert client.post("/readyz").status_code == 405
    assert client.head("/readyz").get_data() == b""


def test_stale_sources_are_named(dataset):
    dated = dataset.sources[dataset.sources["accessed"].astype(str).str.match(r"\d{4}-\d{2}-\d{2}")]
    newest = datetime.fromisoformat(max(dated["accessed"].astype(str))).replace(tzinfo=timezone.utc)
    assert health.stale_sources(dataset, newest) == []
    later = newest + timedelta(days=health.STALE_DAYS + 1)
    assert health.stale_sources(dataset, later) == sorted(dated["id"]) and len(dated) >= 10


def test_readyz_age_counts_from_the_publication(folder):
    dataset = data.current()
    created = datetime.fromisoformat(dataset.manifest["created"])
    code, body = health.readiness(created + timedelta(seconds=90))
    assert code == 200 and body["age_seconds"] == 90
    assert os.environ["TWINCITY_PUBLISHED"] == str(folder)
