"""The fact sheet: one A4 page per pair and language or language pair, every figure with its date and source,
both scripts in the bilingual versions; printed by Chromium, read back with pypdf, page 1 rendered by pdftoppm."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from dashboard import factsheet
from dashboard.components.source_note import as_of, quality_label
from dashboard.i18n import t
from dashboard.views import glance
from dashboard.views.pair import all_pairs, resolve

TODAY = date(2026, 11, 30)
A4_POINTS = (595.0, 842.0)
KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def squeeze(text: str) -> str:
    """Text without white space (PDF extraction breaks lines where the page does), NFKC-normalised (the CJK
    font maps some kanji to their Kangxi radical code points: ⼭ for 山)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def expected_dates(dataset, pair, lang: str) -> list[str]:
    """The reference date of every figure of the sheet, as the sheet writes it."""
    ids = [*glance.core_ids(dataset, pair), *(i for i in glance.HEALTH_NEXT if dataset.indicator(i))]
    return [as_of(f, lang) for fig in glance.figures(dataset, pair, ids) for f in fig.facts if f is not None]


def test_language_codes():
    assert factsheet.languages("en+ja") == ("en", "ja") and factsheet.languages("de") == ("de",)
    for bad in ("fr", "ja+en", "en+de+ja", "", "en ja"):
        with pytest.raises(ValueError):
            factsheet.languages(bad)


@pytest.mark.parametrize("code", factsheet.CODES)
def test_document_names_every_figure_with_date_and_source(dataset, code):
    pair = resolve(dataset)
    doc = factsheet.document(dataset, pair, code, TODAY)
    text = squeeze(re.sub(r"<[^>]+>", " ", doc))
    for lang in factsheet.languages(code):
        assert squeeze(t("factsheet.title", lang, **pair.names(lang))) in text
        for when in expected_dates(dataset, pair, lang):
            assert squeeze(when) in text
        core = glance.figures(dataset, pair, glance.core_ids(dataset, pair))
        for fig in core:
            for fact in fig.facts:
                if fact is not None:
                    assert squeeze(glance.short_source(fact, dataset, lang)).replace("&", "&amp;") in text
        secondary = [f for fig in core for f in fig.facts if f is not None and f["source_quality"] != "official"]
        assert secondary      # e.g. a population read from a copy of a page: the sheet says so
        assert squeeze(quality_label(secondary[0]["source_quality"], lang)) in text
    assert "⟦" not in doc and "<script" not in doc
    assert all(word not in doc for word in ("姉妹都市", "twin cit", "sister cit"))


def test_every_pair_has_a_sheet(dataset):
    for pair in all_pairs(dataset):
        assert "<html" in factsheet.document(dataset, pair, "en+de", TODAY)


@pytest.fixture(scope="module")
def printed(dataset, tmp_path_factory):
    out = tmp_path_factory.mktemp("factsheets")
    pair = resolve(dataset)
    return pair, {code: factsheet.write(dataset, pair, code, out, TODAY) for code in factsheet.CODES}


@pytest.mark.browser
@pytest.mark.parametrize("code", factsheet.CODES)
def test_pdf_is_one_a4_page_with_every_date_and_both_scripts(dataset, printed, code):
    pair, paths = printed
    path = paths[code]
    assert path.name == f"factsheet-{pair.id}-{code}.pdf"
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1.5)
    text = reader.pages[0].extract_text()
    flat = squeeze(text)
    langs = factsheet.languages(code)
    japanese = len(KANA_KANJI.findall(text))
    # publishers keep their own names (郡山市 …) in every sheet; a Japanese column brings a page of its own text
    assert japanese > 300 if "ja" in langs else japanese < 60
    assert LATIN_WORD.search(text)        # place names, publishers and units are in Latin script in every sheet
    for lang in langs:
        assert squeeze(t("factsheet.title", lang, **pair.names(lang))) in flat
        for when in expected_dates(dataset, pair, lang):
            assert squeeze(when) in flat, f"{when!r} missing from the {code} sheet"


@pytest.mark.browser
def test_page_one_renders_to_png(printed, tmp_path):
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail("pdftoppm not found: run `make test`, which installs poppler-utils")
    _, paths = printed
    subprocess.run([pdftoppm, "-f", "1", "-l", "1", "-r", "50", "-png", str(paths["en+ja"]), str(tmp_path / "page")],
                   check=True, timeout=60)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 1
    data = pngs[0].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000   # a drawn page, not a blank one


@pytest.mark.browser
def test_cli_writes_the_sheet_of_a_pair(dataset, tmp_path):
    from dashboard.cli import export

    other = [p for p in all_pairs(dataset) if not p.default][0]
    result = CliRunner().invoke(export, ["--factsheet", "--pair", other.id, "--lang", "en+de", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert len(PdfReader(tmp_path / f"factsheet-{other.id}-en+de.pdf").pages) == 1
    bad = CliRunner().invoke(export, ["--factsheet", "--pair", "atlantis", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "unknown pair" in bad.output
    deck = CliRunner().invoke(export, ["--lang", "en+ja", "--out", str(tmp_path)])
    assert deck.exit_code == 2


def test_route_refuses_unknown_codes(published):
    from tests.conftest import app

    client = app().server.test_client()
    assert client.get("/factsheet/fr.pdf").status_code == 404
    assert client.get("/factsheet/en+fr.pdf").status_code == 404
    assert client.get("/factsheet/ja+en.pdf").status_code == 404


@pytest.mark.browser
def test_route_serves_the_pdf(published):
    from tests.conftest import app

    response = app().server.test_client().get("/factsheet/de+ja.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data[:5] == b"%PDF-"
