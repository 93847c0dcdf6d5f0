"""The pair in the URL: kept through the language switch and the controls; a switcher; unknown ids are told."""
import re

import pytest

pytestmark = pytest.mark.browser


def wait_ready(page):
    page.wait_for_selector("#main", state="attached")
    page.wait_for_function("() => !document.querySelector('._dash-loading')")


# The page of ``lang`` has rendered and settled: its <main> is in that language, its switch marks it, no
# callback is in flight and every chart is drawn. (The header names both places in both scripts in every
# language, so the header text alone cannot tell the old page from the new one.)
SETTLED = """(lang) => {
    const main = document.querySelector('#main'), active = document.querySelector('.lang-link.active');
    const charts = [...document.querySelectorAll('.dash-graph')];
    return main !== null && main.getAttribute('lang') === lang && active !== null
        && active.getAttribute('hreflang') === lang
        && !document.querySelector('._dash-loading, ._dash-loading-callback, [data-dash-is-loading="true"]')
        && charts.every((c) => { const gd = c.querySelector('.js-plotly-plot');
                                 return gd && gd._fullLayout && gd.querySelector('.main-svg'); });
}"""


def wait_settled(page, lang):
    page.wait_for_function(SETTLED, arg=lang)


def test_the_pair_survives_language_switch_and_controls(page, app_url):
    page.goto(f"{app_url}/en/people?pair=grenoble_toyota")
    wait_settled(page, "en")
    assert "Grenoble-Alpes Métropole" in page.inner_text(".app-title") and "Toyota" in page.inner_text(".app-title")
    assert page.get_attribute(".pair-link.active", "data-pair") == "grenoble_toyota"
    assert "pair=grenoble_toyota" in page.get_attribute("#nav-economy", "href")
    page.click(".lang-link[hreflang=de]")
    page.wait_for_function("() => location.pathname === '/de/people'")
    assert "pair=grenoble_toyota" in page.url
    wait_settled(page, "de")               # the German page itself, not the English one still on screen
    assert page.get_attribute(".pair-link.active", "data-pair") == "grenoble_toyota"
    assert "Toyota" in page.inner_text(".app-title") and "豊田市" in page.inner_text(".app-title")
    page.locator("#main[lang=de] #people-view input[value=index]").check()
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
