"""Provenance beside figures: licence texts in their own words, translated beside."""
from dashboard.components.source_note import attribution_translation
from tests.dashboard.tree import texts


def test_licence_text_keeps_its_words_with_a_translation_beside():
    original = "出典：「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"
    assert attribution_translation(original, "boundaries_mlit_n03", "ja") == []
    shown = " ".join(" ".join(texts(s)) for s in attribution_translation(original, "boundaries_mlit_n03", "de"))
    assert "Übersetzung" in shown and "Verwaltungsgebiete" in shown
    assert attribution_translation("Made with Natural Earth", "boundaries_natural_earth", "en") == []
    assert attribution_translation("any text", "no_such_source", "de") == []
