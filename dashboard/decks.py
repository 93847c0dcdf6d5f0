"""Decks for the presenter and the briefing pack: load a YAML file, check every slide, return plain data.

A deck is a list of bookmarked views (``data/reference/decks/<name>.yaml``, published with the dataset)::

    title_key: present.deck.default.title        # or titles: {en: …, de: …, ja: …}
    pair: essen_koriyama                         # a pair of data/reference/pairs.csv (default: the default pair)
    slides:
      - id: gdp
        view: {page: economy, indicator: gdp_per_capita, currency: ppp}
        titles: {en: GDP per head, de: BIP je Kopf, ja: 一人当たりGDP}
        notes: {en: "Speaker notes …"}          # optional

``view.page`` names a page of the dashboard (or ``title`` for a title slide); the other keys are the page's
URL parameters (plus ``chart`` where a page has several charts). Values may be written as YAML lists,
numbers and booleans; they are checked against what the page allows and kept in their URL form.
Any problem raises :class:`DeckError` naming the file, the slide number and the field.

Nothing here talks to Dash; the allowed values come from the view models (``dashboard.views``), the places
and the pairs catalogues. A map overlay is pair-relative (``a-on-b`` / ``b-on-a``); ``<place>-on-<place>``
of the catalogue's places is accepted as well.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import yaml

from dashboard import settings

DEFAULT_DECK = "default"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SLIDE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
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
    kind: str                      # "choice" | "choices" | "years" | "flag" | "text" | "overlay"
    allowed: tuple[str, ...] = ()
    lo: int = 0
    hi: int = 0


def _published(table: str) -> pd.DataFrame:
    """A catalogue of the dataset being served (decks are checked against the published data only)."""
    from dashboard.data import current

    return getattr(current(), table)


def _kpi_indicators() -> tuple[str, ...]:
    """The overview's KPI rows, in their order, from the published indicators catalogue."""
    table = _published("indicators")
    rows = table.assign(order=pd.to_numeric(table["kpi_order"], errors="coerce")).dropna(subset=["order"])
    return tuple(rows.sort_values("order", kind="stable")["id"])


def _place_ids() -> tuple[str, ...]:
    return tuple(_published("places")["id"])


def pair_ids() -> tuple[str, ...]:
    pairs = _published("pairs")
    return tuple(pairs["id"]) if "id" in pairs else ()


@lru_cache(maxsize=1)
def spec() -> dict[str, dict[str, Param]]:
    """Page → parameter → what is allowed, from the view models' constants (one place of truth)."""
    from dashboard.timeline_filters import MULTI, YEAR_MAX, YEAR_MIN
    from dashboard.views import economy, energy, maps, people
    from dashboard.views.overview import ROWS

    return {
        "title": {},
        "overview": {"indicator": Param("choices", _kpi_indicators() + ROWS)},
        "people": {"chart": Param("choice", ("population", "density")),
                   "basis": Param("choices", tuple(people.BASES)), "view": Param("choice", tuple(people.VIEWS)),
                   "base": Param("choice", tuple(people.BASE_YEARS)),
                   "years": Param("years", lo=people.YEARS[0], hi=people.YEARS[1]), "events": Param("flag")},
        "economy": {"chart": Param("choice", ("gdp",)), "indicator": Param("choice", tuple(economy.MEASURES)),
                    "currency": Param("choice", tuple(economy.CURRENCIES)),
                    "years": Param("years", lo=economy.YEARS[0], hi=economy.YEARS[1])},
        "energy": {"chart": Param("choice", ("shares", "capacity")),
                   "indicator": Param("choices", tuple(energy.SHARES)), "areas": Param("choices", _place_ids()),
                   "years": Param("years", lo=energy.YEARS[0], hi=energy.YEARS[1]), "events": Param("flag")},
        "maps": {"chart": Param("choice", maps.CHARTS), "overlay": Param("overlay", tuple(maps.OVERLAYS)),
                 "districts": Param("flag")},
        "timeline": {**{k: Param("choices", tuple(v) + (_place_ids() if k == "place" else ()))
                        for k, v in MULTI.items()}, "q": Param("text"),
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

    def live_path(self, lang: str, pair: str = "") -> str:
        """The dashboard page showing this view: ``/en/economy?currency=ppp``; a title slide → the overview.
        ``pair``: the deck's pair when it is not the default one (``?pair=…`` comes first)."""
        page = "overview" if self.page == "title" else self.page
        query = urlencode({**({"pair": pair} if pair else {}), **self.query()}, safe=",")
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
    pair: str = ""           # a pair id of the catalogue; "" = the default pair

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
    """The decks published with the dataset being served (the ETL copies ``data/reference/decks``);
    :class:`~dashboard.data.NoDataset` when none is published, as for every other published table."""
    from dashboard.data import current

    return settings.published_dir() / current().version / "decks"


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
    """Check a deck read from YAML; return a :class:`Deck` or raise :class:`DeckError` (see :mod:`.deck_checks`)."""
    from dashboard.deck_checks import validate as check

    return check(raw, source=source, name=name)
