"""The glossary (data/reference/glossary.csv) is the one word list: every catalogue, reference CSV, event,
institution, action and deck text uses its forms, and none uses a form it marks as wrong in that context."""
from __future__ import annotations

import csv
import re
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from dashboard.i18n.catalog import LANGUAGES, catalogue

ROOT = Path(__file__).resolve().parents[3]
GLOSSARY = ROOT / "data" / "reference" / "glossary.csv"
CSV_TEXTS = [ROOT / "data" / "reference" / f"{n}.csv" for n in ("indicators", "bases", "places")] + \
            [ROOT / "data" / "raw" / "seed_documents" / f"{n}.csv" for n in ("events", "stakeholders", "action_plan")]
DECKS = sorted((ROOT / "data" / "reference" / "decks").glob("*.yaml"))
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]")
# German texts that may show Japanese script: city names given in both scripts, language names in their own.
JAPANESE_ALLOWED_IN_GERMAN = ["locales/de:app.city_*", "locales/de:language.*"]


def glossary() -> list[dict]:
    with GLOSSARY.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def wrong_forms(row: dict, lang: str) -> list[re.Pattern]:
    return [re.compile(p) for p in row[f"wrong_{lang}"].split(";") if p]


def texts() -> dict[str, tuple[str, str]]:
    """Every text people read, by location → (language, text)."""
    found = {}
    for lang in LANGUAGES:
        for key, text in catalogue(lang).items():
            found[f"locales/{lang}:{key}"] = (lang, text)
    for path in CSV_TEXTS:
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for column, text in row.items():
                    lang = column.rsplit("_", 1)[-1]
                    if lang in LANGUAGES and text:
                        found[f"{path.name}:{row['id']}:{column}"] = (lang, text)
    for path in DECKS:
        _deck_texts(yaml.safe_load(path.read_text(encoding="utf-8")), path.name, found)
    return found


def _deck_texts(node, where: str, found: dict) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in LANGUAGES and isinstance(value, str):
                found[f"{where}:{key}"] = (key, value)
            else:
                _deck_texts(value, f"{where}:{node.get('id', key) if key == 'notes' or key == 'titles' else key}", found)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            _deck_texts(item, f"{where}[{item.get('id', i) if isinstance(item, dict) else i}]", found)


def violations(found: dict[str, tuple[str, str]], terms: list[dict]) -> list[str]:
    out = []
    for row in terms:
        if row["checked"] != "yes":
            continue
        allowed = [p for p in row["allowed_in"].split(";") if p]
        for where, (lang, text) in found.items():
            if any(fnmatch(where, p) for p in allowed):
                continue
            for pattern in wrong_forms(row, lang):
                if m := pattern.search(text):
                    out.append(f"{where}: {m.group(0)!r} — glossary {row['id']} ({row['context']}) says "
                               f"{row[lang]!r}")
    return out


def test_glossary_is_complete_and_its_patterns_valid():
    terms = glossary()
    assert len({r["id"] for r in terms}) == len(terms) >= 20
    for row in terms:
        assert all(row[lang] for lang in LANGUAGES), row["id"]
        assert row["context"] and any(row[f"source_{lang}"] for lang in LANGUAGES), row["id"]
        assert row["checked"] in ("yes", "no"), row["id"]
        for lang in LANGUAGES:
            for pattern in wrong_forms(row, lang):  # compiles; and the right form is not itself marked wrong
                assert not pattern.search(row[lang]), (row["id"], lang, pattern.pattern)


def test_no_text_uses_a_form_the_glossary_marks_wrong():
    found = violations(texts(), glossary())
    assert not found, "\n".join(found)


def test_the_check_finds_a_wrong_form_and_respects_allowed_places():
    terms = glossary()
    sample = {"locales/ja:economy.measure_gdp": ("ja", "域内総生産"),
              "indicators.csv:gdp_nominal:description_de": ("de", "im Geschäftsjahr 2021"),
              "bases.csv:estimate:label_de": ("de", "Geschätzte Bevölkerung"),
              "locales/de:timeline.status.held": ("de", "Durchgeführt")}
    found = violations(sample, terms)
    assert len(found) == 3 and not any("status.held" in f for f in found)
    sister = {"id": "x", "context": "c", "en": "", "de": "", "ja": "都市間連携", "wrong_en": "", "wrong_de": "",
              "wrong_ja": "姉妹都市", "allowed_in": "*sister_city*", "checked": "yes"}
    assert violations({"pairs.csv:sister_city:label_ja": ("ja", "姉妹都市")}, [sister]) == []
    assert violations({"locales/ja:maps.lead": ("ja", "姉妹都市の位置")}, [sister])


def test_no_japanese_script_in_german_texts():
    found = [f"{where}: {text!r}" for where, (lang, text) in texts().items()
             if lang == "de" and JAPANESE.search(text) and not any(fnmatch(where, p) for p in JAPANESE_ALLOWED_IN_GERMAN)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["ja"])
def test_japanese_texts_use_full_width_brackets_and_commas(lang):
    """Half-width brackets, commas and semicolons right after Japanese text read as a machine's."""
    half = re.compile(r"[\u3040-\u30ff\u3400-\u9fff][(;,]|[(][\u3040-\u30ff\u3400-\u9fff]")
    found = [f"{where}: {text!r}" for where, (language, text) in texts().items()
             if language == lang and half.search(text)]
    assert not found, "\n".join(found)
