"""Every text shown to people comes from the catalogues ``en.yaml``, ``de.yaml``, ``ja.yaml``."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

LANGUAGES = ("en", "de", "ja")
DEFAULT_LANGUAGE = "en"
HERE = Path(__file__).parent
# libyaml's safe loader when PyYAML has it: the same safe subset, about ten times faster (the pure-Python one took
# a tenth of a second per language, on the first request of each language in each worker)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """All texts of ``lang``: every ``locales/<lang>/*.yaml`` file, one per part of the app."""
    merged: dict[str, str] = {}
    for path in sorted((HERE / "locales" / lang).glob("*.yaml")):
        merged.update(_flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}))
    return merged


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, full + "."))
        else:
            flat[full] = str(value)
    return flat


def normalise_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang``; a missing key shows as ⟦key⟧ (tests look for that)."""
    text = catalogue(normalise_language(lang)).get(key)
    if text is None:
        return f"⟦{key}⟧"
    return text.format(**values) if values else text


def best_language(accept_language: str | None) -> str:
    """Pick en/de/ja from an Accept-Language header (werkzeug: quality values, ``q=0`` = not acceptable,
    region tags such as ``de-AT`` match ``de``)."""
    accept = parse_accept_header(accept_language or "", LanguageAccept)
    return accept.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)
