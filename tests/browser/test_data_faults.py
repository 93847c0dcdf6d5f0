"""In a real browser: a damaged dataset switched in as `current` never blanks the screen; no dataset at all
gives the friendly page in the visitor's language."""

import pytest

from dashboard import data
from etl import publish
from tests.browser.test_pages import wait_ready
from tests.dashboard.test_data import copy_version, damage

pytestmark = pytest.mark.browser


def test_damaged_parquet_keeps_the_data_on_screen(page, app_url, folder):
    version = publish.current_version(folder)
    page.goto(f"{app_url}/en/overview")
    page.wait_for_selector(".kpi-card[data-indicator] .kpi-value")
    before = page.eval_on_selector_all("[data-indicator] .kpi-value, [data-indicator] .core-value", "els => els.map(e => e.innerText)")
    damage(copy_version(folder) / "facts.parquet")          # a broken version becomes `current`
    page.goto(f"{app_url}/en/people")                      # another page, then back: fresh callbacks
    wait_ready(page)
    assert page.locator("#people-population .js-plotly-plot").count() == 1
    page.goto(f"{app_url}/en/overview")
    page.wait_for_selector(".kpi-card[data-indicator] .kpi-value")
    after = page.eval_on_selector_all("[data-indicator] .kpi-value, [data-indicator] .core-value", "els => els.map(e => e.innerText)")
    assert after == before and len(after) >= 18
    assert version in page.inner_text(".app-footer")
    page.goto(f"{app_url}/de/sources")
    banner = page.wait_for_selector("#data-status-banner")
    assert f"Angezeigt wird Version {version}" in banner.inner_text()
    assert "facts.parquet" in banner.inner_text()


def test_no_dataset_shows_the_friendly_page(page, app_url, tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(tmp_path / "empty"))
    monkeypatch.setattr(data, "_current", data._Current())
    page.goto(f"{app_url}/ja/economy")
    section = page.wait_for_selector("#no-data")
    assert "公開されたデータセットがまだありません" in section.inner_text()
    assert "twincity etl run" in section.inner_text()
    assert page.evaluate("document.documentElement.lang") == "ja"
    page.click("a.lang-link[hreflang=de]")
    page.wait_for_function("() => document.querySelector('#no-data h1')?.innerText.includes('Datenbestand')")
