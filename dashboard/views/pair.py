"""The city pair a view shows: resolved from the URL's ``?pair=`` against the published pairs catalogue.

Everything about the pair — the two places with their names in both scripts, colours, currency, fiscal
year and time zone, the relationship and its labels, the regional context areas — comes from the
catalogues (``pairs.csv``, ``places.csv``, ``relationships.csv``); nothing here names a place.
"""
from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict

from dashboard.cache import keyed
from dashboard.i18n import LANGUAGES

PARAM = "pair"
MAX_ID = 64


class Place(BaseModel):
    """One place of the catalogue, as much of it as the views need."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str = ""
    names: tuple[tuple[str, str], ...] = ()
    country: str = ""
    parent_id: str = ""
    lat: float | None = None
    lon: float | None = None
    time_zone: str = ""
    currency: str = ""
    fiscal_year_start_month: int = 1
    colour: str = "#555555"
    population_bases: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: dict) -> "Place":
        def number(value):
            try:
                value = float(value)
            except (TypeError, ValueError):
                return None
            return None if math.isnan(value) else value

        colour = str(row.get("colour") or "")
        return cls(id=str(row["id"]), kind=str(row.get("kind") or ""),
                   names=tuple((lang, str(row.get(f"name_{lang}") or row.get("name_en") or row["id"]))
                               for lang in LANGUAGES),
                   country=str(row.get("country") or ""), parent_id=str(row.get("parent_id") or ""),
                   lat=number(row.get("lat")), lon=number(row.get("lon")), time_zone=str(row.get("time_zone") or ""),
                   currency=str(row.get("currency") or ""),
                   fiscal_year_start_month=int(number(row.get("fiscal_year_start_month")) or 1),
                   colour=colour if colour.startswith("#") and len(colour) == 7 else "#555555",
                   population_bases=tuple(b for b in str(row.get("population_bases") or "").split(";") if b))

    def name(self, lang: str) -> str:
        return dict(self.names).get(lang) or dict(self.names).get("en") or self.id

    def both_scripts(self, lang: str) -> str:
        """"Essen · エッセン" in en/de, "郡山市 · Koriyama" in ja: the name in the page's script and the other."""
        other = self.name("en") if lang == "ja" else self.name("ja")
        own = self.name(lang)
        return own if other == own else f"{own} · {other}"

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def text_colour(self) -> str:
        """The catalogue colour darkened until text in it is readable on white (contrast ≥ 4.5 : 1)."""
        return readable_on_white(self.colour)

    def row(self) -> dict:
        """The place as a catalogue row (``name_en`` …), the form the figure functions take."""
        return {"id": self.id, "kind": self.kind, **{f"name_{lang}": name for lang, name in self.names},
                "country": self.country, "parent_id": self.parent_id, "lat": self.lat, "lon": self.lon,
                "time_zone": self.time_zone, "currency": self.currency, "colour": self.colour,
                "fiscal_year_start_month": self.fiscal_year_start_month,
                "population_bases": ";".join(self.population_bases)}


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def readable_on_white(hex_colour: str) -> str:
    colour = hex_colour
    for _ in range(40):
        if 1.05 / (_luminance(colour) + 0.05) >= 4.5:
            return colour
        colour = "#" + "".join(f"{max(0, int(int(colour[i:i + 2], 16) * 0.92)):02x}" for i in (1, 3, 5))
    return colour


class Pair(BaseModel):
    """A pair of the catalogue, resolved; ``unknown`` says the URL asked for a pair that does not exist."""

    model_config = ConfigDict(frozen=True)

    id: str
    a: Place
    b: Place
    relationship: str = ""
    relationship_labels: tuple[tuple[str, str], ...] = ()
    since: str = ""
    document_id: str = ""
    context_a: tuple[Place, ...] = ()
    context_b: tuple[Place, ...] = ()
    default: bool = True
    unknown: bool = False

    @property
    def places(self) -> tuple[Place, Place]:
        return self.a, self.b

    @property
    def ids(self) -> tuple[str, str]:
        return self.a.id, self.b.id

    @property
    def contexts(self) -> tuple[Place, ...]:
        """The regional context areas of both sides, side a first (e.g. region, then country)."""
        return self.context_a + self.context_b

    @property
    def regions(self) -> tuple[Place, ...]:
        """The first context area of each side that has one (the region of each city)."""
        return tuple(side[0] for side in (self.context_a, self.context_b) if side)

    @property
    def areas(self) -> tuple[str, ...]:
        """The two places and their context areas: what the energy page can show."""
        return tuple(dict.fromkeys([*self.ids, *(p.id for p in self.contexts)]))

    def place(self, place_id: str) -> Place | None:
        return next((p for p in (*self.places, *self.contexts) if p.id == place_id), None)

    def names(self, lang: str) -> dict[str, str]:
        return {"a": self.a.name(lang), "b": self.b.name(lang)}

    def relationship_label(self, lang: str) -> str:
        return dict(self.relationship_labels).get(lang, self.relationship)

    def query_value(self) -> str:
        """The value of ``?pair=`` for links: empty for the catalogue's default pair (its URLs stay short)."""
        return "" if self.default else self.id

    def style(self) -> dict:
        """CSS custom properties with the pair's colours, for the page's root element."""
        return {"--city-a": self.a.colour, "--city-b": self.b.colour,
                "--city-a-text": self.a.text_colour, "--city-b-text": self.b.text_colour}

    def side(self, place_id: str) -> str:
        """"a" or "b" for one of the pair's places, "" for any other."""
        return "a" if place_id == self.a.id else "b" if place_id == self.b.id else ""


def _one(raw) -> str | None:
    if isinstance(raw, (list, tuple)):
        raw = raw[0] if raw else None
    return raw if isinstance(raw, str) else None


def catalogue_ids(dataset) -> list[str]:
    pairs = getattr(dataset, "pairs", None)
    return [] if pairs is None or pairs.empty else list(pairs["id"])


# Resolved pairs per (dataset version, dataset object, asked name): every callback resolves its pair, and
# building one reads three catalogues — most of a cached callback's time before this memo.
_resolved = keyed(256)


def _key(dataset, *parts) -> tuple | None:
    version = getattr(dataset, "version", None)
    return (version, id(dataset), *parts) if version else None


def resolve(dataset, raw=None) -> Pair:
    """The pair named by ``raw`` (a URL value), else the catalogue's default; an unknown name gives the
    default with ``unknown=True`` (the page says so; the name itself is never shown back)."""
    wanted = _one(raw)
    wanted = wanted.strip()[:MAX_ID] if wanted else ""
    key = _key(dataset, "resolve", wanted)
    return _find(dataset, wanted) if key is None else _resolved(key, lambda: _find(dataset, wanted))


def _find(dataset, wanted: str) -> Pair:
    pairs = dataset.pairs
    if pairs is None or pairs.empty:
        raise LookupError("the published dataset has no pairs catalogue: run `twincity etl run`")
    known = pairs[pairs["id"].eq(wanted)] if wanted else pairs.iloc[0:0]
    row = known.iloc[0] if len(known) else pairs[pairs["default"].astype(bool)].iloc[0]
    return _build(dataset, row.to_dict(), unknown=bool(wanted) and known.empty)


def all_pairs(dataset) -> list[Pair]:
    key = _key(dataset, "all")
    build = lambda: tuple(_build(dataset, r) for r in dataset.pairs.to_dict("records"))  # noqa: E731
    return list(build() if key is None else _resolved(key, build))


def _place(dataset, place_id: str) -> Place:
    rows = dataset.places[dataset.places["id"].eq(place_id)]
    return Place.from_row(rows.iloc[0].to_dict() if len(rows) else {"id": place_id})


def _build(dataset, row: dict, unknown: bool = False) -> Pair:
    labels = ()
    relationships = getattr(dataset, "relationships", None)
    if relationships is not None and not relationships.empty:
        rel = relationships[relationships["id"].eq(row.get("relationship"))]
        if len(rel):
            labels = tuple((lang, str(rel.iloc[0][f"label_{lang}"])) for lang in LANGUAGES)

    def context(value) -> tuple[Place, ...]:
        return tuple(_place(dataset, p.strip()) for p in str(value or "").split(";") if p.strip())

    return Pair(id=str(row["id"]), a=_place(dataset, row["place_a"]), b=_place(dataset, row["place_b"]),
                relationship=str(row.get("relationship") or ""), relationship_labels=labels,
                since=str(row.get("since") or ""), document_id=str(row.get("document_id") or ""),
                context_a=context(row.get("context_a")), context_b=context(row.get("context_b")),
                default=bool(row.get("default")), unknown=unknown)


def comparability(dataset, pair: Pair, indicator_id: str, lang: str) -> str:
    """What makes ``indicator_id`` hard to compare: the pair's own note (``pair_notes.csv``) where there is one,
    else the indicator's general note (``indicators.csv``)."""
    notes = getattr(dataset, "pair_notes", None)
    if notes is not None and not notes.empty:
        mine = notes[notes["pair"].eq(pair.id) & notes["indicator"].eq(indicator_id)]
        if len(mine):
            return str(mine.iloc[0][f"note_{lang}"])
    return str(dataset.indicator(indicator_id).get(f"comparability_{lang}", "") or "")
