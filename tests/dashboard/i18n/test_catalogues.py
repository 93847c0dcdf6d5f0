"""Every catalogue has the same keys; placeholders match; language choice from Accept-Language."""
import re

import pytest

from dashboard.i18n.catalog import LANGUAGES, best_language, catalogue, t


def test_every_language_has_every_key():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    union = set().union(*keys.values())
    for lang in LANGUAGES:
        missing = sorted(union - keys[lang])
        assert not missing, f"{lang} lacks {missing[:20]}"


# Placeholders a language may leave out: a Japanese fiscal year is named by its first year alone (2021年度).
MAY_OMIT = {("ja", "period.fiscal_year"): {"next"}}


def test_placeholders_agree_across_languages():
    fields = re.compile(r"{(\w+)}")
    for key, text in catalogue("en").items():
        expected = set(fields.findall(text))
        for lang in ("de", "ja"):
            found = set(fields.findall(catalogue(lang)[key]))
            assert found == expected - MAY_OMIT.get((lang, key), set()), f"{lang}:{key}"


def test_no_empty_texts_where_english_has_text():
    for key, text in catalogue("en").items():
        if text:
            for lang in ("de", "ja"):
                assert catalogue(lang)[key] != "" or key.startswith("unit."), f"{lang}:{key} is empty"


def test_missing_key_is_visible():
    assert t("no.such.key", "de") == "⟦no.such.key⟧"


@pytest.mark.parametrize("header, expected", [
    ("ja,en;q=0.5", "ja"), ("de-DE,de;q=0.9,en;q=0.8", "de"), ("fr-FR,fr;q=0.9", "en"),
    ("fr;q=0.9,de;q=0.8,ja;q=0.7", "de"), ("", "en"), (None, "en"), ("en;q=0.1,ja;q=0.9", "ja"),
    ("de;q=abc", "en"), ("ja;q=0, fr", "en"), ("ja;q=0,*;q=0.5", "en"), ("ja;q=0,de", "de"), ("de-AT", "de"),
])
def test_best_language(header, expected):
    assert best_language(header) == expected
