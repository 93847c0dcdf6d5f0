"""The pair in the URL: kept through the language switch and the controls; a switcher; unknown ids are told."""
import re

import pytest

pytestmark = pytest.mark.browser


def wait_ready(page):
    page.wait_for_selector("#main", state="attached")
    page.wait_for_function("() => !document.querySelector('._dash-loading')")


def test_the_pair_survives_language_switch_and_controls(page, app_url):
    page.goto(f"{app_url}/en/people?pair=grenoble_toyota")
    wait_ready(page)
    assert "Grenoble-Alpes Métropole" in page.inner_text(".app-title") and "Toyota" in page.inner_text(".app-title")
    assert page.get_attribute(".pair-link.active", "data-pair") == "grenoble_toyota"
    assert "pair=grenoble_toyota" in page.get_attribute("#nav-economy", "href")
    page.click(".lang-link[hreflang=de]")
    page.wait_for_function("() => location.pathname === '/de/people'")
    assert "pair=grenoble_toyota" in page.url
    page.wait_for_function("() => document.querySelector('.app-title').innerText.includes('豊田市')")
    page.locator("#people-view input[value=index]").check()
    page.wait_for_function("() => location.search.includes('view=index')")
    assert "pair=grenoble_toyota" in page.url


def test_the_switcher_changes_the_pair(page, app_url):
    page.goto(f"{app_url}/en/overview")
    wait_ready(page)
    assert page.locator(".pair-link").count() == 2
    page.click(".pair-link[data-pair=grenoble_toyota]")
    page.wait_for_function("() => location.search.includes('pair=grenoble_toyota')")
    page.wait_for_function("() => (document.querySelector('h1') || {innerText: ''}).innerText.includes('Toyota')")


def test_an_unknown_pair_is_told_and_not_reflected(page, app_url):
    page.goto(f"{app_url}/en/overview?pair=%3Cimg%20src%3Dx%3E")
    wait_ready(page)
    assert page.is_visible("#pair-notice")
    assert "Essen" in page.inner_text(".app-title")
    body = page.content().split("</head>")[1].replace("&lt;img", "")
    assert page.locator("img[src='x']").count() == 0 and not re.search(r"<img[^>]*src=\"?x[\" >]", body)
