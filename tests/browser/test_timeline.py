"""The timeline page in headless Chromium: filters and URL, selecting events, deep links, languages.

The ``page`` fixture fails a test on console errors and on requests outside the app.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.i18n import t
from dashboard.views.timeline import LIST_PAGE

pytestmark = pytest.mark.browser

ITEMS = "#timeline-list .event-item"


@pytest.fixture(autouse=True)
def _patient(page):
    """The first load fetches Plotly (several MB); on a busy machine that takes longer than the default 15 s."""
    page.set_default_timeout(60000)


def query_of(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def open_timeline(page, app_url, path="/en/timeline"):
    page.goto(app_url + path)
    page.wait_for_selector("#timeline-chart .main-svg")
    page.wait_for_selector("#timeline-list")
    return page


def summary_count(page) -> int:
    return int(re.match(r"\D*(\d+)", page.inner_text("#timeline-summary")).group(1))


def test_no_callback_runs_after_the_page_has_loaded(page, app_url):
    """None at all (the page comes with the layout, dashboard/first_page.py): a store mounting with None (or any
    initial call) would run the results again and draw both charts and the list twice — the timeline's old 2.4 ×
    slowness."""
    sent = []
    page.on("request", lambda r: "_dash-update-component" in r.url and sent.append(r.post_data_json["output"]))
    open_timeline(page, app_url, "/en/timeline?field=water")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    assert sent == [], sent


def test_filtering_changes_the_events_and_the_url(page, app_url, dataset):
    open_timeline(page, app_url)
    total = len(dataset.events)
    assert page.locator(ITEMS).count() == min(total, LIST_PAGE)
    assert summary_count(page) == total
    healthcare = int(dataset.events["field"].eq("healthcare").sum())
    page.get_by_label(t("timeline.field.healthcare", "en"), exact=True).check()
    page.wait_for_function(f"document.querySelectorAll('{ITEMS}').length === {healthcare}")
    assert summary_count(page) == healthcare
    assert {page.locator(ITEMS).nth(i).get_attribute("data-field") for i in range(healthcare)} == {"healthcare"}
    page.wait_for_function("window.location.search.includes('field=healthcare')")

    page.get_by_label(t("timeline.filter_search", "en")).fill("hospital")
    page.wait_for_function("window.location.search.includes('q=hospital')")
    page.wait_for_function(f"document.querySelectorAll('{ITEMS}').length < {healthcare}")
    shown = page.locator(ITEMS).count()
    assert 0 < shown < healthcare
    assert query_of(page) == {"field": ["healthcare"], "q": ["hospital"]}

    page.get_by_label(t("timeline.filter_search", "en")).fill("zzzz-nothing-matches")
    page.wait_for_selector("#timeline-list .empty-state")
    assert page.inner_text("#timeline-list") == t("timeline.empty", "en")

    page.get_by_role("button", name=t("timeline.reset", "en")).click()
    page.wait_for_function(f"document.querySelectorAll('{ITEMS}').length === {min(total, LIST_PAGE)}")
    page.wait_for_function("window.location.search === ''")


def test_status_filter_from_the_url_and_language_links_keep_it(page, app_url, dataset):
    open_timeline(page, app_url, "/en/timeline?status=not_recorded")
    unknown = int(dataset.events["status"].eq("not_recorded").sum())
    assert unknown and page.locator(ITEMS).count() == unknown
    assert page.get_by_label(t("timeline.status.not_recorded", "en"), exact=True).is_checked()
    page.wait_for_function("document.querySelector('.lang-switch a[hreflang=de]').getAttribute('href')"
                           ".endsWith('/de/timeline?status=not_recorded')")


def test_selecting_an_event_from_the_list_with_the_keyboard(page, app_url, dataset):
    open_timeline(page, app_url)
    row = dataset.events[dataset.events["status"].eq("held")].iloc[5]
    button = page.locator(f"{ITEMS}[data-event='{row['id']}']")
    button.focus()
    page.keyboard.press("Enter")
    heading = page.locator("#timeline-detail h2")
    page.wait_for_function("(t) => document.querySelector('#timeline-detail h2').innerText === t", arg=row["title_en"])
    assert heading.inner_text() == row["title_en"]
    detail = page.inner_text("#timeline-detail")
    assert t(f"timeline.field.{row['field']}", "en") in detail
    assert f"document {row['document']}" in detail
    assert page.locator("#timeline-detail a[href='/en/sources#source-seed_documents']").count() == 1
    page.wait_for_function("(id) => new URLSearchParams(window.location.search).get('event') === id", arg=row["id"])
    # the focus moves once the panel has been drawn (its own callback, apart from the URL's): wait for it
    page.wait_for_function("document.activeElement && document.activeElement.id === 'timeline-detail'")
    assert page.locator(f"{ITEMS}.is-selected").count() == 1

    page.get_by_role("button", name=t("timeline.close", "en")).click()
    page.wait_for_function("!window.location.search.includes('event=')")
    # the panel is redrawn by its own callback, after the URL's: wait for it, then check
    page.wait_for_function("(t) => document.querySelector('#timeline-detail h2').innerText === t",
                           arg=t("timeline.detail_title", "en"))
    assert page.inner_text("#timeline-detail h2") == t("timeline.detail_title", "en")


def test_clicking_a_marker_on_the_chart_opens_the_event(page, app_url, dataset):
    open_timeline(page, app_url, "/en/timeline?field=water")
    point = page.locator("#timeline-chart .scatterlayer .trace .points path").first
    page.locator("#timeline-chart").scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # Plotly clicks the point under its hover label: wait until the label is shown (a busy machine lags)
    page.wait_for_selector("#timeline-chart .hoverlayer .hovertext")
    page.mouse.down()
    page.mouse.up()
    page.wait_for_function("new URLSearchParams(window.location.search).get('event') !== null")
    chosen = query_of(page)["event"][0]
    row = dataset.events.set_index("id").loc[chosen]
    assert row["field"] == "water"
    page.wait_for_function("(t) => document.querySelector('#timeline-detail h2').innerText === t",
                           arg=row["title_en"])


def test_the_list_shows_a_page_at_a_time_and_more_on_request(page, app_url, dataset):
    open_timeline(page, app_url)
    total = len(dataset.events)
    assert total > LIST_PAGE, "the test needs more events than one page of the list"
    more = page.locator("#timeline-more")
    assert more.is_visible() and page.locator(ITEMS).count() == LIST_PAGE
    first = page.locator(ITEMS).first.get_attribute("data-event")
    while more.is_visible():
        shown = page.locator(ITEMS).count()
        more.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.querySelectorAll('{ITEMS}').length > {shown}")
    order = dataset.events.sort_values(["start", "id"])["id"].tolist()
    listed = page.eval_on_selector_all(ITEMS, "els => els.map(e => e.dataset.event)")
    assert listed == order and listed[0] == first  # appended in order, the items already there kept
    last = page.locator(f"{ITEMS}[data-event='{order[-1]}']")
    last.click()
    page.wait_for_function("(id) => new URLSearchParams(window.location.search).get('event') === id", arg=order[-1])
    page.wait_for_selector(f"{ITEMS}.is-selected[data-event='{order[-1]}']")  # its own callback, apart from the URL's
    assert page.locator(f"{ITEMS}.is-selected").count() == 1


def test_a_deep_link_to_a_late_event_lists_it(page, app_url, dataset):
    late = dataset.events.sort_values(["start", "id"]).iloc[-1]
    open_timeline(page, app_url, f"/en/timeline?event={late['id']}")
    assert page.locator(f"{ITEMS}[data-event='{late['id']}']").count() == 1
    assert "is-selected" in page.locator(f"{ITEMS}[data-event='{late['id']}']").get_attribute("class")
    assert page.inner_text("#timeline-detail h2") == late["title_en"]


def test_deep_link_opens_the_event(page, app_url, dataset):
    row = dataset.events[dataset.events["milestone"]].iloc[0]
    open_timeline(page, app_url, f"/en/timeline?event={row['id']}")
    assert page.inner_text("#timeline-detail h2") == row["title_en"]
    assert page.locator(f"{ITEMS}[data-event='{row['id']}']").count() == 1
    page.wait_for_function("document.activeElement && document.activeElement.id === 'timeline-detail'")
    assert query_of(page) == {"event": [row["id"]]}


def test_institution_link_filters_to_its_events(page, app_url, dataset):
    open_timeline(page, app_url)
    people = dataset.stakeholders.set_index("id")
    expected = [e for e in people.loc["frea", "event_ids"].split(";") if e.strip()]
    block = page.locator("details[data-field='renewable_energy']")
    block.locator("summary").click()
    block.locator("li[data-stakeholder='frea'] a").click()
    page.wait_for_function(f"document.querySelectorAll('{ITEMS}').length === {len(expected)}")
    assert query_of(page) == {"who": ["frea"]}
    assert people.loc["frea", "name_en"] in page.inner_text("#timeline-who")
    page.get_by_role("button", name=t("timeline.remove_who", "en")).click()
    page.wait_for_function(f"document.querySelectorAll('{ITEMS}').length === {min(len(dataset.events), LIST_PAGE)}")


def test_hostile_query_is_dropped_not_rendered(page, app_url, dataset):
    open_timeline(page, app_url, "/en/timeline?field=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,water"
                                 "&event=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&years=abc"
                                 "&q=%3Cb%20id%3Dinjected%3Ex%3C/b%3E")
    assert page.locator("#injected").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert page.input_value("#timeline-search") == "<b id=injected>x</b>"
    page.wait_for_function("!window.location.search.includes('event=') && !window.location.search.includes('img')")
    assert query_of(page)["field"] == ["water"]
    assert page.inner_text("#timeline-detail h2") == t("timeline.detail_title", "en")


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_each_language_loads(page, app_url, dataset, lang):
    open_timeline(page, app_url, f"/{lang}/timeline")
    assert page.inner_text("h1") == t("timeline.title", lang)
    assert page.get_attribute("html", "lang") == lang
    body = page.inner_text("body")
    assert "⟦" not in body
    assert t("timeline.fields_title", lang) in body
    first = dataset.events.sort_values(["start", "id"]).iloc[0]
    assert first[f"title_{lang}"] in page.inner_text(ITEMS + " >> nth=0")
    lanes = page.eval_on_selector_all("#timeline-chart .annotation-text", "els => els.map(e => e.textContent)")
    assert t("timeline.field_short.healthcare", lang) in lanes
