"""In the browser, every chart is drawn by the partial plotly.js bundle, also after client-side navigation."""
import pytest

from dashboard import plotly_bundle
from tests.browser.test_pages import wait_ready

pytestmark = pytest.mark.browser


def test_charts_use_the_partial_bundle_across_navigation(page, app_url):
    if plotly_bundle.verified_bundle() is None:
        pytest.skip("partial bundle not installed (make installs it)")
    bodies = []
    page.on("response", lambda r: "plotly" in r.url and r.url.endswith(".js") and bodies.append(r.text()[:80]))
    page.goto(f"{app_url}/en/overview")
    page.wait_for_selector(".kpi-card")
    page.click("#nav-people")
    page.wait_for_selector("#people-population .js-plotly-plot .main-svg")
    wait_ready(page)
    page.click("#nav-energy")
    page.wait_for_url("**/en/energy*")
    page.wait_for_selector(".js-plotly-plot .main-svg")
    wait_ready(page)
    assert bodies and all("plotly.js (basic - minified)" in body for body in bodies), bodies
    assert len(bodies) == 1                                           # loaded once, kept across pages
