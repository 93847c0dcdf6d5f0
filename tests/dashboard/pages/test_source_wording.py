"""Words of the publisher, not of the workshop: what users read about a source (how obtained, gap reasons)
describes the source and the method, never the project's internal files."""
import pytest

# words that name the project's own working files; the folder beside the checkout is spelled in parts
INTERNAL = ("compilation", "sourced-facts", "sourced facts", "workshop", "/work/", "/".join(["..", "shared"]))


def test_source_texts_name_no_internal_file(dataset):
    texts = [str(v) for column in ("obtained", "title", "publisher", "attribution") if column in dataset.sources
             for v in dataset.sources[column].dropna()]
    texts += [str(g.get("reason", "")) for g in dataset.manifest.get("gaps", [])]
    assert texts
    for text in texts:
        assert not any(word in text.lower() for word in INTERNAL), text


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_sources_page_names_no_internal_file(dataset, lang):
    from dashboard.pages import sources
    from tests.dashboard.tree import texts

    shown = " ".join(texts(sources.layout(lang=lang))).lower()
    assert not any(word in shown for word in INTERNAL)
