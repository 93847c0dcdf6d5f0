"""Every page in German and Japanese, read in a real browser: no English outside names and licences, and on
German pages no Japanese script outside the names the catalogue gives in both scripts.

Text in an element whose ``lang`` differs from the page's (a licence or a provenance record shown in its
original wording, with the translation beside it) is that language on purpose and is not read; neither is
the language switch, which names each language in its own words.
"""
from __future__ import annotations

import re

import pytest

from tests.browser.test_accessibility import PAGES, READY

pytestmark = pytest.mark.browser

WALK = """() => {
    const page = document.documentElement.lang, out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent.trim()) continue;
        if (el.closest('script, style, code, .lang-switch, [hidden]')) continue;
        const own = el.closest('[lang]');
        if (own && own.getAttribute('lang') !== page) continue;
        if (!el.closest('svg') && !el.getClientRects().length) continue;
        out.push(n.textContent.trim());
    }
    return out;
}"""

# Names, acronyms, units and formats that are the same in every language (the Latin letters of a Japanese page).
NAMES = """
Essen Koriyama Fukushima NRW IT.NRW Nordrhein-Westfalen Ruhr Zollverein Emscher Emschergenossenschaft Duisburg
FREA AIST FMDDSC BNCT GWI EWG UDE LLZ IUC IURC EU UNDESA COP COP26 JETRO NOWEDA ROESER Contilia Hundred Takada
MEDICA COMPAMED E-world energy water JAPAN ERLEBEN innogy SE GmbH AG eG K.K. INVEST NRW.INVEST Conenergy REIF
ECOPROFIT KOPROFIT FMDIPA Kanichi Seto GDP Energy Agency Renewable Institute Savings Center Centre Technology
Science Park Fureai Medical Device Development Support Tohoku Southern General Hospital
Kufen Sauerwein Hata Grenoble Alpes Grenoble-Alpes Toyota LANUV RVR ECB EZB ICP PPP OECD Eurostat-OECD BA UBA AGEE-Stat
MLIT Natural Earth GeoJSON CSV PNG SVG PDF HTML QR URL ID km m MW GWh kWh CO CO₂ t-CO₂ kt JPY EUR LCU intl
CET CEST JST MEZ MESZ Home End PageUp PageDown Enter Space N F Q Plotly Wikipedia GitHub
""".split()
# English words that give English text away on a German page (all of them are not German words).
ENGLISH = set("""
the of and for with from by is are this that these those as cited various row rows types catalogue ids
ranges units unique keys preferred value values every reference date dates accessed published downloaded
transcribed events figures today days ago twin city cities partnership study tour visit site fair held planned
cancelled source sources no not data overview people economy energy maps timeline present download share
""".split())
# Names of several words, and names in quotation marks (event, project and fair titles in their own words).
PHRASES = re.compile(r"Memorandum of Understanding|\d{8}T\d{6}Z-[0-9a-f]+|„[^“]*“|“[^”]*”|「[^」]*[A-Za-z][^」]*」"
                     r"|https?://\S+|\S*[\w.]+:\d+/\S*|[\w-]+(\.[\w-]+)+\.(de|jp|com|org|net)\b")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")


def read(page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_function(READY)
    return page.evaluate(WALK)


def english_words(texts: list[str], lang: str) -> list[str]:
    names = set(NAMES)
    found = []
    for text in texts:
        if re.fullmatch(r"https?://\S+|[\w.-]+\.(de|jp|com|org)\S*", text):
            continue
        for word in LATIN_WORD.findall(PHRASES.sub(" ", text)):
            w = word.strip(".'’-")
            if w in names or not w or len(w) == 1:
                continue
            if lang == "ja" or w.lower() in ENGLISH:
                found.append(f"{w!r} in {text[:90]!r}")
    return found


def japanese_words(texts: list[str], allowed: set[str]) -> list[str]:
    return [f"{w!r} in {text[:90]!r}" for text in texts for w in JAPANESE.findall(text) if w not in allowed]


@pytest.fixture(scope="module")
def walker(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30000)
    yield page
    context.close()


def test_the_walk_finds_what_it_looks_for():
    assert english_words(["Quelle: as cited"], "de") and not english_words(["Quelle: wie zitiert"], "de")
    assert english_words(["出典：as cited"], "ja") and not english_words(["出典：IT.NRW（2022年）"], "ja")
    assert japanese_words(["Einwohnerregister (住民基本台帳)"], {"郡山市"})
    assert not japanese_words(["Koriyama · 郡山市"], {"郡山市"})


@pytest.mark.parametrize("lang", ["de", "ja"])
@pytest.mark.parametrize("name", PAGES)
def test_no_english_on_german_or_japanese_pages(walker, app_url, dataset, name, lang):
    texts = read(walker, f"{app_url}/{lang}/{name}")
    assert texts, name
    found = english_words(texts, lang)
    assert not found, f"/{lang}/{name}: English outside the names:\n" + "\n".join(sorted(set(found))[:40])
    if lang == "de":
        allowed = set(dataset.places["name_ja"]) | {"日本語"}
        found = japanese_words(texts, allowed)
        assert not found, f"/de/{name}: Japanese outside the names:\n" + "\n".join(sorted(set(found))[:40])


@pytest.mark.parametrize("lang", ["de", "ja"])
def test_event_details_read_in_the_language(walker, app_url, dataset, lang):
    """The detail panel of an event with a place, participants and institutions, in the page's language."""
    event = "2018-04-24-courtesy-visit-vice-governor-hata"
    walker.goto(f"{app_url}/{lang}/timeline?event={event}")
    walker.wait_for_selector("#timeline-detail dl")
    texts = walker.evaluate(WALK)
    found = english_words(texts, lang)
    assert not found, f"/{lang}/timeline?event={event}: English outside the names:\n" + "\n".join(sorted(set(found)))
