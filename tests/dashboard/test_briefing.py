"""The briefing pack: standalone HTML (every slide, nothing fetched) and PDF (one slide per page, each page
with its sources and reference dates), in English and Japanese; slides built from the pages' own functions."""
import re
from pathlib import Path
import time
import unicodedata
from html import escape as html_escape
from html.parser import HTMLParser

import pytest
from dash import dcc, html
from pypdf import PdfReader

from dashboard import briefing, decks
from dashboard.briefing import provenance, static_html
from dashboard.i18n import format as fmt
from dashboard.i18n import t

LANGS = ("en", "ja")
YEAR = re.compile(r"(19|20)\d\d")


@pytest.fixture(scope="module")
def deck():
    return decks.load("default")


@pytest.fixture(scope="module")
def packs(dataset, deck, tmp_path_factory):
    """The default deck exported once per language (HTML and PDF), with one kaleido for all charts."""
    out, timings = {}, {}
    with briefing.kaleido_session():
        for lang in LANGS:
            started = time.perf_counter()
            out[lang] = briefing.export(deck, lang, ("html", "pdf"), tmp_path_factory.mktemp(f"pack-{lang}"), dataset,
                                        base_url="https://twincity.example")
            timings[lang] = round(time.perf_counter() - started, 1)
    print(f"export timings (s): {timings}")
    return out


class Tags(HTMLParser):
    """The tags of a document as the browser sees them (script bodies are not parsed for tags)."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(document: str) -> list:
    parser = Tags()
    parser.feed(document)
    return parser.tags


@pytest.mark.parametrize("lang", LANGS)
def test_html_has_every_slide_and_needs_no_server(packs, deck, lang):
    document = packs[lang]["html"].read_text(encoding="utf-8")
    found = tags(document)
    assert f'<html lang="{lang}">' in document
    sections = [a.get("id") for tag, a in found if tag == "section" and "slide" in (a.get("class") or "").split()]
    assert sections == [f"slide-{n}" for n in range(1, len(deck) + 1)]
    plain = re.sub(r"\s+", " ", document)
    for slide in deck.slides:
        assert re.sub(r"\s+", " ", html_escape(slide.title(lang), quote=False)) in plain
    charts = sum(1 for s in deck.slides if s.view.page not in ("title", "overview"))
    assert document.count("Plotly.newPlot(") == charts
    assert len(re.findall(r"plotly\.js v\d+\.\d+\.\d+", document)) == 1, "plotly.js inline exactly once"
    for tag, attrs in found:
        if tag in ("script", "link", "img", "iframe", "source", "video", "audio", "embed", "object"):
            for name in ("src", "href", "data"):
                value = (attrs.get(name) or "").strip()
                assert not re.match(r"(https?:)?//", value), f"<{tag} {name}={value[:80]}>"
    assert not [a for tag, a in found if tag == "link"], "no stylesheet or font links: all inline"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", document.split("<script", 1)[0]), "no remote CSS urls"
    assert "⟦" not in document


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_one_page_per_slide_with_sources_and_dates(packs, deck, lang):
    reader = PdfReader(packs[lang]["pdf"])
    assert len(reader.pages) == len(deck)
    sources, dates = (unicodedata.normalize("NFKC", t(f"present.{k}_label", lang)) for k in ("sources", "dates"))
    for slide, page in zip(deck.slides, reader.pages):
        text = unicodedata.normalize("NFKC", page.extract_text())  # CJK may come out as Kangxi radicals
        flat = re.sub(r"\s+", "", text)
        assert re.sub(r"\s+", "", unicodedata.normalize("NFKC", slide.title(lang))) in flat, (slide.id, text[:200])
        assert re.sub(r"\s+", "", sources) in flat, (slide.id, text)
        after = flat.split(re.sub(r"\s+", "", dates), 1)
        assert len(after) == 2 and YEAR.search(after[1]), (slide.id, text)
        assert t("present.counter", lang, n=slide.number, total=len(deck)).replace(" ", "") in flat
    if lang == "ja":
        assert "出典" in reader.pages[1].extract_text()


def test_slides_come_from_the_view_models_the_pages_use(dataset, deck):
    from dashboard.components.kpi_rows import rows as kpi_rows
    from dashboard.views.maps import MapsView
    from dashboard.views.overview import OverviewView

    by_id = {s.id: s for s in deck.slides}
    glance = briefing.build(deck, by_id["at-a-glance"], "de", dataset)
    rows = [getattr(r, "data-indicator") for r in glance.body[0].children]
    assert rows == ["population", "area", "density"]
    page_rows = {getattr(r, "data-indicator"): r for r in kpi_rows(dataset, OverviewView.from_query(dataset, {}), "de")}
    assert str(glance.body[0].children[0].to_plotly_json()) == str(page_rows["population"].to_plotly_json())
    assert glance.sources and all(YEAR.search(d) for d in glance.dates)

    twin = briefing.build(deck, by_id["same-scale"], "en", dataset)
    page_figure = MapsView.from_query(dataset, {}).twin_figure(dataset, "en")
    assert twin.figure is page_figure
    before = page_figure.layout.font.size
    projected = briefing.projector(twin.figure)
    assert projected["layout"]["font"]["size"] == briefing.PROJECTOR_FONT and page_figure.layout.font.size == before

    energy = briefing.build(deck, by_id["energy-cooperation"], "ja", dataset)
    fields = {trace.meta["field"] for trace in energy.figure.data if trace.meta and "field" in trace.meta}
    assert fields == {"renewable_energy"}
    assert energy.live_path == "/ja/timeline?field=renewable_energy"


def test_briefing_imports_no_page_module():
    source = Path(briefing.__file__).read_text(encoding="utf-8")
    assert "dashboard.pages" not in source and "from dashboard import pages" not in source


def test_to_html_escapes_styles_and_links():
    tree = html.Div([html.A("<b>&", href="/en/sources", className="x"), html.Span("ok", style={"fontSize": "2em"}),
                     html.A("ext", href="https://example.org"), dcc.Store(id="s", data=1), None],
                    id="root", hidden=True, **{"data-n": "1"})
    offline = briefing.to_html(tree, href=static_html._href_rewriter(None))
    assert offline == ('<div id="root" hidden data-n="1"><a class="x">&lt;b&gt;&amp;</a>'
                       '<span style="font-size:2em">ok</span><a href="https://example.org">ext</a></div>')
    online = briefing.to_html(tree, href=static_html._href_rewriter("https://host/"))
    assert '<a class="x" href="https://host/en/sources">' in online


def test_presenter_layout_reads_slide_and_deck_from_the_url(dataset):
    from dashboard.pages import present

    def root(**kw):
        props = present.layout(**kw).to_plotly_json()["props"]
        return props["data-index"], props["data-count"]

    total = str(len(decks.load("default")))
    assert root(lang="de", slide="3") == ("3", total)
    assert root(lang="en", slide="999") == (total, total)
    assert root(lang="en", slide="x") == ("1", total)
    assert root(lang="ja", slide=["2", "5"], deck="../../etc/passwd") == ("2", total)
    assert present.layout(lang="en", slide="4").children[0].children[1].className == "slide slide-kind-chart current"
    title = present.layout(lang="en")
    qr = [n for n in provenance._walk(title) if isinstance(n, html.Img)]
    assert qr and all(img.src.startswith("data:image/svg+xml") for img in qr)


def test_job_status_refuses_strange_ids():
    assert briefing.job_status("../../etc/passwd") is None
    assert briefing.job_status({"job": 1}) is None
    assert briefing.job_status("0" * 32) is None


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_title_slide_carries_the_headline_strip_and_the_twin_map(dataset, lang):
    deck = decks.load("default")
    title = next(s for s in deck.slides if s.view.page == "title")
    content = briefing.build(deck, title, lang, dataset)
    page = briefing.to_html(briefing.slide_section(content, dataset))
    assert 'id="headline-strip"' in page and 'class="twin-thumbnail"' in page
    since = t("glance.since", lang, relationship=content.pair.relationship_label(lang),
              date=fmt.day(content.pair.since, lang))
    assert html_escape(since, quote=False) in page
    assert "<a " not in page.split('id="headline-strip"')[1].split("</section>")[0]   # chips are labels on a slide


def test_timeline_slides_number_every_milestone_with_its_date(dataset):
    deck = decks.load("default")
    slide = next(s for s in deck.slides if s.view.page == "timeline")
    content = briefing.build(deck, slide, "ja", dataset)
    numbers = [a.text for a in content.figure.layout.annotations if a.name == "milestone-label"]
    keys = [node for node in content.body if isinstance(node, html.Ol)]
    assert numbers and keys and len(keys[0].children) == len(numbers)
    assert numbers == [f"<b>{n}</b>" for n in range(1, len(numbers) + 1)]
    first = keys[0].children[0].children
    assert re.search(r"\d{4}", first[0].children)     # a date leads each entry of the key


def test_indexed_population_slide_starts_in_2000_with_ticks_around_100(dataset):
    deck = decks.load("default")
    slide = next(s for s in deck.slides if s.view.page == "people" and s.view.params.get("view") == "index")
    fig = briefing.build(deck, slide, "ja", dataset).figure
    layout = fig["layout"] if isinstance(fig, dict) else fig.layout.to_plotly_json()
    assert str(layout["xaxis"]["range"][0]).startswith("2000")
    ticks = list(layout["yaxis"]["tickvals"])
    assert len(ticks) >= 3 and 100 in ticks and min(ticks) > 50
