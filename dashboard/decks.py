"""Decks for the presenter and the briefing pack: load a YAML file, check every slide, return plain data.

A deck is a list of bookmarked views (``data/reference/decks/<name>.yaml``, published with the dataset)::

    title_key: present.deck.default.title        # or titles: {en: …, de: …, ja: …}
    slides:
      - id: gdp
        view: {page: economy, indicator: gdp_per_capita, currency: ppp}
        titles: {en: GDP per head, de: BIP je Kopf, ja: 一人当たりGDP}
        notes: {en: "Speaker notes …"}          # optional

``view.page`` names a page of the dashboard (or ``title`` for a title slide); the other keys are the page's
URL parameters (plus ``chart`` where a page has several charts). Values may be written as YAML lists,
numbers and booleans; they are checked against what the page allows and kept in their URL form.
Any problem raises :class:`DeckError` naming the file, the slide number and the field.

Nothing here talks to Dash; the allowed values come from the pages' own constants (imported lazily,
so the Dash app must exist when a deck is validated — as it does in the server, the CLI and the tests).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import yaml

from dashboard.i18n import LANGUAGES
from dashboard.i18n.catalog import catalogue
from dashboard import settings

DEFAULT_DECK = "default"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SLIDE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
DECK_KEYS = {"title_key", "titles", "subtitle_key", "subtitles", "slides"}
SLIDE_KEYS = {"id", "view", "title_key", "titles", "notes"}
OVERVIEW_ROWS = ("climate_target", "regional_renewables")
MAX_SLIDES = 100


class DeckError(ValueError):
    """A deck that cannot be shown: ``str(error)`` says where (file, slide, field) and what is wrong."""

    def __init__(self, source: str, message: str, slide: int | None = None, slide_id: str | None = None,
                 field_name: str | None = None):
        self.source, self.slide, self.slide_id, self.field = source, slide, slide_id, field_name
        where = [source]
        if slide is not None:
            where.append(f"slide {slide}" + (f" ({slide_id!r})" if slide_id else ""))
        if field_name:
            where.append(f"field {field_name!r}")
        super().__init__(f"{', '.join(where)}: {message}")


# --- what each page accepts -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    kind: str                      # "choice" | "choices" | "years" | "flag" | "text"
    allowed: tuple[str, ...] = ()
    lo: int = 0
    hi: int = 0


def _kpi_indicators() -> tuple[str, ...]:
    """The overview's KPI rows, in their order, from the published indicators catalogue."""
    from dashboard.data import current

    table = current().indicators
    rows = table.assign(order=pd.to_numeric(table["kpi_order"], errors="coerce")).dropna(subset=["order"])
    return tuple(rows.sort_values("order", kind="stable")["id"])


@lru_cache(maxsize=1)
def spec() -> dict[str, dict[str, Param]]:
    """Page → parameter → what is allowed, from the pages' own constants (one place of truth)."""
    from dashboard.figures.maps import OVERLAYS
    from dashboard.pages import economy, energy, people
    from dashboard.timeline_filters import MULTI, YEAR_MAX, YEAR_MIN

    return {
        "title": {},
        "overview": {"indicator": Param("choices", _kpi_indicators() + OVERVIEW_ROWS)},
        "people": {"chart": Param("choice", ("population", "density")),
                   "basis": Param("choices", tuple(people.BASES)), "view": Param("choice", tuple(people.VIEWS)),
                   "base": Param("choice", tuple(people.BASE_YEARS)),
                   "years": Param("years", lo=people.YEARS[0], hi=people.YEARS[1]), "events": Param("flag")},
        "economy": {"chart": Param("choice", ("gdp",)), "indicator": Param("choice", tuple(economy.MEASURES)),
                    "currency": Param("choice", tuple(economy.CURRENCIES)),
                    "years": Param("years", lo=economy.YEARS[0], hi=economy.YEARS[1])},
        "energy": {"chart": Param("choice", ("shares", "capacity")),
                   "indicator": Param("choices", tuple(energy.SHARES)), "areas": Param("choices", tuple(energy.AREAS)),
                   "years": Param("years", lo=energy.YEARS[0], hi=energy.YEARS[1]), "events": Param("flag")},
        "maps": {"chart": Param("choice", ("location", "twin", "overlay")), "overlay": Param("choice", tuple(OVERLAYS)),
                 "districts": Param("flag")},
        "timeline": {**{k: Param("choices", tuple(v)) for k, v in MULTI.items()}, "q": Param("text"),
                     "years": Param("years", lo=YEAR_MIN, hi=YEAR_MAX)},
    }


# --- the deck as data -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class View:
    page: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def chart(self) -> str:
        options = spec()[self.page].get("chart")
        return self.params.get("chart") or (options.allowed[0] if options else "")

    def query(self) -> dict[str, str]:
        """The URL parameters of the live page (``chart`` only picks a chart for the slide)."""
        return {k: v for k, v in self.params.items() if k != "chart"}

    def live_path(self, lang: str) -> str:
        """The dashboard page showing this view: ``/en/economy?currency=ppp``; a title slide → the overview."""
        page = "overview" if self.page == "title" else self.page
        query = urlencode(self.query(), safe=",")
        return f"/{lang}/{page}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Slide:
    number: int
    id: str
    view: View
    title_key: str | None = None
    titles: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        if self.title_key:
            from dashboard.i18n import t

            return t(self.title_key, lang)
        return _in_language(self.titles, lang)

    def notes_text(self, lang: str) -> str:
        return _in_language(self.notes, lang)


@dataclass(frozen=True)
class Deck:
    name: str
    source: str
    slides: tuple[Slide, ...]
    title_key: str | None = None
    titles: dict[str, str] = field(default_factory=dict)
    subtitle_key: str | None = None
    subtitles: dict[str, str] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        return _text(self.title_key, self.titles, lang)

    def subtitle(self, lang: str) -> str:
        return _text(self.subtitle_key, self.subtitles, lang)

    def __len__(self) -> int:
        return len(self.slides)


def _in_language(texts: dict[str, str], lang: str) -> str:
    """The text in ``lang``, else English, else the first one given."""
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


def _text(key: str | None, texts: dict[str, str], lang: str) -> str:
    if key:
        from dashboard.i18n import t

        return t(key, lang)
    return _in_language(texts, lang)


# --- loading and checking ---------------------------------------------------------------------------------

def decks_dir() -> Path:
    """The decks published with the current dataset (the ETL copies ``data/reference/decks``)."""
    return settings.published_dir() / "current" / "decks"


def available() -> list[str]:
    """Names of the published decks (file names without ``.yaml``)."""
    folder = decks_dir()
    return sorted(p.stem for p in folder.glob("*.yaml") if NAME.match(p.stem)) if folder.is_dir() else []


def resolve(name_or_path: str | Path | None) -> Path:
    """A deck name (``default``) → its file; an existing path is taken as it is."""
    value = str(name_or_path or DEFAULT_DECK)
    if NAME.match(value):
        return decks_dir() / f"{value}.yaml"
    return Path(value)


def load(name_or_path: str | Path | None = None) -> Deck:
    path = resolve(name_or_path)
    source = _shown_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        known = ", ".join(available()) or "none"
        raise DeckError(source, f"cannot read the deck ({exc.strerror or exc}); decks available: {known}") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DeckError(source, f"not valid YAML{line}: {getattr(exc, 'problem', exc)}") from None
    name = path.stem if NAME.match(path.stem) else "deck"
    return validate(raw, source=source, name=name)


def _shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(settings.ROOT))
    except ValueError:
        return str(path)


def validate(raw, *, source: str = "<deck>", name: str = "deck") -> Deck:
    """Check a deck read from YAML; return a :class:`Deck` or raise :class:`DeckError`."""
    if not isinstance(raw, dict):
        raise DeckError(source, "a deck is a mapping with a 'slides' list (and a title)")
    unknown = sorted(set(map(str, raw)) - DECK_KEYS)
    if unknown:
        raise DeckError(source, f"unknown key(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(DECK_KEYS))}",
                        field_name=unknown[0])
    title_key, titles = _title(raw, source, None, None, "title_key", "titles", required=True)
    subtitle_key, subtitles = _title(raw, source, None, None, "subtitle_key", "subtitles", required=False)
    slides_raw = raw.get("slides")
    if not isinstance(slides_raw, list) or not slides_raw:
        raise DeckError(source, "'slides' must be a non-empty list of slides", field_name="slides")
    if len(slides_raw) > MAX_SLIDES:
        raise DeckError(source, f"at most {MAX_SLIDES} slides", field_name="slides")
    slides, seen = [], {}
    for number, item in enumerate(slides_raw, start=1):
        slide = _slide(item, number, source)
        if slide.id in seen:
            raise DeckError(source, f"slide id {slide.id!r} is already used by slide {seen[slide.id]}", number,
                            slide.id, "id")
        seen[slide.id] = number
        slides.append(slide)
    return Deck(name=name, source=source, slides=tuple(slides), title_key=title_key, titles=titles,
                subtitle_key=subtitle_key, subtitles=subtitles)


def _slide(item, number: int, source: str) -> Slide:
    if not isinstance(item, dict):
        raise DeckError(source, "a slide is a mapping with 'id', 'view' and a title", number)
    slide_id = item.get("id")
    sid = slide_id if isinstance(slide_id, str) else None
    unknown = sorted(set(map(str, item)) - SLIDE_KEYS)
    if unknown:
        raise DeckError(source, f"unknown key {unknown[0]!r}; a slide has: {', '.join(sorted(SLIDE_KEYS))}", number,
                        sid, unknown[0])
    if not isinstance(slide_id, str) or not SLIDE_ID.match(slide_id):
        raise DeckError(source, "'id' must be a short name of lower-case letters, digits, '-' or '_'", number,
                        sid, "id")
    view = _view(item.get("view"), number, slide_id, source)
    title_key, titles = _title(item, source, number, slide_id, "title_key", "titles", required=True)
    notes = _texts(item.get("notes"), source, number, slide_id, "notes") if item.get("notes") is not None else {}
    return Slide(number=number, id=slide_id, view=view, title_key=title_key, titles=titles, notes=notes)


def _title(raw: dict, source, number, slide_id, key_field: str, texts_field: str, *, required: bool):
    key, texts = raw.get(key_field), raw.get(texts_field)
    if key is not None and texts is not None:
        raise DeckError(source, f"give either {key_field!r} or {texts_field!r}, not both", number, slide_id, key_field)
    if key is not None:
        if not isinstance(key, str):
            raise DeckError(source, "must be a catalogue key such as 'present.deck.default.title'", number, slide_id,
                            key_field)
        missing = [lang for lang in LANGUAGES if key not in catalogue(lang)]
        if missing:
            raise DeckError(source, f"no text {key!r} in the catalogue(s) {', '.join(missing)}", number, slide_id,
                            key_field)
        return key, {}
    if texts is not None:
        return None, _texts(texts, source, number, slide_id, texts_field)
    if required:
        raise DeckError(source, f"missing a title: give {key_field!r} or {texts_field!r} {{en, de, ja}}", number,
                        slide_id, texts_field)
    return None, {}


def _texts(value, source, number, slide_id, field_name: str) -> dict[str, str]:
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or not value:
        raise DeckError(source, "must be a mapping of language to text, e.g. {en: …, de: …, ja: …}", number,
                        slide_id, field_name)
    out = {}
    for lang, text in value.items():
        if lang not in LANGUAGES:
            raise DeckError(source, f"unknown language {lang!r}; use {', '.join(LANGUAGES)}", number, slide_id,
                            f"{field_name}.{lang}")
        if not isinstance(text, str) or not text.strip():
            raise DeckError(source, "must be a non-empty text", number, slide_id, f"{field_name}.{lang}")
        out[lang] = text.strip()
    return out


def _view(raw, number: int, slide_id: str, source: str) -> View:
    pages = spec()
    if not isinstance(raw, dict):
        raise DeckError(source, "must be a mapping such as {page: economy, currency: ppp}", number, slide_id, "view")
    page = raw.get("page")
    if page not in pages:
        raise DeckError(source, f"unknown page {page!r}; known pages: {', '.join(pages)}", number, slide_id,
                        "view.page")
    allowed = pages[page]
    params = {}
    for key, value in raw.items():
        if key == "page":
            continue
        if key not in allowed:
            known = ", ".join(allowed) or "none"
            raise DeckError(source, f"unknown parameter {key!r} for page {page!r}; its parameters: {known}", number,
                            slide_id, f"view.{key}")
        params[str(key)] = _value(allowed[key], value, source, number, slide_id, f"view.{key}")
    return View(page=page, params=params)


def _value(param: Param, value, source, number, slide_id, field_name: str) -> str:
    def fail(message: str):
        raise DeckError(source, message, number, slide_id, field_name)

    if param.kind == "flag":
        if isinstance(value, bool):
            return "1" if value else "0"
        if str(value) in ("1", "0", "true", "false", "on", "off"):
            return "1" if str(value) in ("1", "true", "on") else "0"
        fail(f"{value!r} is not true or false")
    if param.kind == "years":
        if isinstance(value, (list, tuple)) and len(value) == 2:
            value = f"{value[0]}-{value[1]}"
        match = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", str(value))
        if not match:
            fail(f"{value!r} is not a year range such as 2000-2024")
        a, b = int(match.group(1)), int(match.group(2))
        if not (param.lo <= a <= b <= param.hi):
            fail(f"{a}-{b} is outside {param.lo}-{param.hi} (or the years are reversed)")
        return f"{a}-{b}"
    if param.kind == "text":
        if not isinstance(value, str) or len(value) > 100:
            fail("must be a text of at most 100 characters")
        return value.strip()
    values = value if isinstance(value, (list, tuple)) else str(value).split(",")
    values = [str(v).strip() for v in values if str(v).strip()]
    if not values:
        fail("must not be empty")
    if param.kind == "choice" and len(values) != 1:
        fail("takes one value")
    bad = [v for v in values if v not in param.allowed]
    if bad:
        fail(f"{bad[0]!r} is not one of: {', '.join(param.allowed)}")
    return ",".join(dict.fromkeys(values))
