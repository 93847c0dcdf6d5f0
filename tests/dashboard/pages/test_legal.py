"""Impressum, privacy, accessibility statement, 利用規約: linked in the footer, text from the city, empty-state friendly."""
import json

import pytest

from dashboard.pages import legal
from tests.dashboard.tree import texts


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINCITY_SITE", str(tmp_path))
    (tmp_path / "legal").mkdir()
    return tmp_path


def all_text(tree) -> str:
    return " ".join(texts(tree))


@pytest.mark.parametrize("lang, title", [("en", "Legal notice (Impressum)"), ("de", "Impressum"), ("ja", "運営者情報")])
def test_empty_page_says_the_text_is_not_supplied_yet(dataset, site, lang, title):
    text = all_text(legal.layout(lang=lang, doc="imprint"))
    assert title in text
    assert {"en": "not supplied", "de": "noch nicht hinterlegt", "ja": "まだ掲載していません"}[lang] in text
    assert f"legal/imprint.{lang}.md" in text


def test_supplied_text_is_shown_as_markdown_without_html(dataset, site):
    (site / "legal" / "accessibility.de.md").write_text(
        "## Stand der Vereinbarkeit\n\nDiese Website ist **teilweise** barrierefrei.<script>alert(1)</script>",
        encoding="utf-8")
    tree = legal.layout(lang="de", doc="accessibility")
    text = all_text(tree)
    assert "Erklärung zur Barrierefreiheit" in text and "teilweise" in text
    markdown = json.dumps(tree.to_plotly_json(), default=lambda o: o.to_plotly_json())
    assert '"dangerously_allow_html": false' in markdown


def test_text_in_another_language_is_shown_with_a_note(dataset, site):
    (site / "legal" / "terms.ja.md").write_text("この利用規約は郡山市が定めます。", encoding="utf-8")
    text = all_text(legal.layout(lang="en", doc="terms"))
    assert "Terms of use" in text and "not available in English" in text and "郡山市が定めます" in text


def test_unknown_page_and_index(dataset, site):
    assert "There is no such page." in all_text(legal.layout(lang="en", doc="cookies"))
    index = all_text(legal.layout(lang="ja"))
    for title in ("運営者情報", "プライバシーポリシー", "ウェブアクセシビリティ方針", "利用規約"):
        assert title in index


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_footer_links_every_configured_page(dataset, site, lang):
    from dashboard.components import shell

    (site / "site.yaml").write_text("legal_pages: [imprint, privacy, accessibility]\n", encoding="utf-8")
    footer = shell.footer(lang, dataset).to_plotly_json()
    hrefs = json.dumps(footer, default=lambda o: o.to_plotly_json())
    for doc in ("imprint", "privacy", "accessibility"):
        assert f"/{lang}/legal/{doc}" in hrefs
    assert f"/{lang}/legal/terms" not in hrefs
