"""Translation catalogues (en/de/ja) and locale-aware formatting."""
from dashboard.i18n.catalog import DEFAULT_LANGUAGE, LANGUAGES, normalise_language, t

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "normalise_language", "t"]
