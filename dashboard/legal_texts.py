"""The public-sector pages' texts (Impressum, privacy, accessibility statement, 利用規約): data each city supplies.

A city puts one Markdown file per page and language into the site folder (``data/site``, or
``$TWINCITY_SITE``)::

    legal/imprint.de.md   legal/privacy.de.md   legal/accessibility.de.md   legal/terms.ja.md   …

and lists in ``site.yaml`` which of the pages the footer links to. No text is invented here: a page whose
text is missing says so, and shows the text of another language when one was supplied.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from dashboard.i18n import LANGUAGES
from dashboard.settings import settings

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ("imprint", "privacy", "accessibility", "terms")
MAX_BYTES = 200_000


def site_dir() -> Path:
    return settings().site


def text_path(doc: str, lang: str) -> Path:
    return site_dir() / "legal" / f"{doc}.{lang}.md"


def footer_documents() -> list[str]:
    """The pages the footer links to, in order: ``legal_pages`` of ``site.yaml``; all of them without it."""
    try:
        config = yaml.safe_load((site_dir() / "site.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return list(DOCUMENTS)
    listed = config.get("legal_pages", DOCUMENTS) if isinstance(config, dict) else DOCUMENTS
    return [doc for doc in (listed or []) if doc in DOCUMENTS]


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            return ""
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def text(doc: str, lang: str) -> tuple[str, str] | None:
    """``(markdown, language)`` of a page: in ``lang`` if supplied, else in the first language that has it."""
    if doc not in DOCUMENTS:
        return None
    for code in (lang, *[c for c in LANGUAGES if c != lang]):
        body = _read(text_path(doc, code))
        if body:
            return body, code
    return None
