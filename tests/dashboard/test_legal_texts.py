"""The public-sector pages' texts are data each city supplies, per language; missing texts stay missing."""
import pytest

from dashboard import legal_texts


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINCITY_SITE", str(tmp_path))
    (tmp_path / "legal").mkdir()
    return tmp_path


def test_text_in_the_requested_language(site):
    (site / "legal" / "imprint.de.md").write_text("# Impressum\n\nStadt Essen", encoding="utf-8")
    (site / "legal" / "imprint.en.md").write_text("Legal notice of the City of Essen", encoding="utf-8")
    assert legal_texts.text("imprint", "de") == ("# Impressum\n\nStadt Essen", "de")
    assert legal_texts.text("imprint", "en") == ("Legal notice of the City of Essen", "en")


def test_missing_language_falls_back_to_a_supplied_one(site):
    (site / "legal" / "terms.ja.md").write_text("利用規約の本文", encoding="utf-8")
    assert legal_texts.text("terms", "en") == ("利用規約の本文", "ja")


def test_nothing_supplied_is_none(site):
    (site / "legal" / "privacy.en.md").write_text("   \n", encoding="utf-8")
    assert legal_texts.text("privacy", "en") is None
    assert legal_texts.text("../site", "en") is None   # only the known pages, never a path


def test_footer_pages_come_from_site_yaml(site):
    assert legal_texts.footer_documents() == list(legal_texts.DOCUMENTS)   # no site.yaml: all of them
    (site / "site.yaml").write_text("legal_pages: [terms, privacy, nonsense]\n", encoding="utf-8")
    assert legal_texts.footer_documents() == ["terms", "privacy"]
    (site / "site.yaml").write_text("legal_pages: []\n", encoding="utf-8")
    assert legal_texts.footer_documents() == []

