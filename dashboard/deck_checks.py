"""Checking a deck read from YAML: pydantic models of the deck and its slides; the first problem becomes a
:class:`~dashboard.decks.DeckError` naming the file, the slide (number and id) and the field. The values of a
view are checked against what its page allows (:func:`dashboard.decks.spec`) and kept in their URL form."""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from dashboard.decks import MAX_SLIDES, SLIDE_ID, Deck, DeckError, Param, Slide, View, _place_ids, pair_ids, spec
from dashboard.i18n import LANGUAGES
from dashboard.i18n.catalog import catalogue


def _problem(message: str, field_name: str | None = None, **where) -> PydanticCustomError:
    return PydanticCustomError("deck", "{message}", {"message": message, "field": field_name, **where})


def _texts(value, field_name: str) -> dict[str, str]:
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or not value:
        raise _problem("must be a mapping of language to text, e.g. {en: …, de: …, ja: …}")
    out = {}
    for lang, text in value.items():
        if lang not in LANGUAGES:
            raise _problem(f"unknown language {lang!r}; use {', '.join(LANGUAGES)}", f"{field_name}.{lang}")
        if not isinstance(text, str) or not text.strip():
            raise _problem("must be a non-empty text", f"{field_name}.{lang}")
        out[lang] = text.strip()
    return out


def _catalogue_key(key) -> str:
    if not isinstance(key, str):
        raise _problem("must be a catalogue key such as 'present.deck.default.title'")
    missing = [lang for lang in LANGUAGES if key not in catalogue(lang)]
    if missing:
        raise _problem(f"no text {key!r} in the catalogue(s) {', '.join(missing)}")
    return key


def _one_title(model, key_field: str, texts_field: str, *, required: bool) -> None:
    if getattr(model, key_field) is not None and getattr(model, texts_field) is not None:
        raise _problem(f"give either {key_field!r} or {texts_field!r}, not both", key_field)
    if required and getattr(model, key_field) is None and getattr(model, texts_field) is None:
        raise _problem(f"missing a title: give {key_field!r} or {texts_field!r} {{en, de, ja}}", texts_field)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class SlideModel(_Strict):
    id: str
    view: Any = None
    title_key: Any = None
    titles: Any = None
    notes: Any = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not SLIDE_ID.match(value):
            raise _problem("'id' must be a short name of lower-case letters, digits, '-' or '_'")
        return value

    @field_validator("view")
    @classmethod
    def _view(cls, value) -> View:
        return _view(value)

    @field_validator("title_key")
    @classmethod
    def _title_key(cls, value):
        return None if value is None else _catalogue_key(value)

    @field_validator("titles", "notes")
    @classmethod
    def _texts(cls, value, info):
        return None if value is None else _texts(value, info.field_name)

    @model_validator(mode="after")
    def _a_title(self):
        _one_title(self, "title_key", "titles", required=True)
        return self


class DeckModel(_Strict):
    title_key: Any = None
    titles: Any = None
    subtitle_key: Any = None
    subtitles: Any = None
    pair: Any = None
    slides: list[SlideModel] = Field(min_length=1, max_length=MAX_SLIDES)

    _title_key = field_validator("title_key", "subtitle_key")(SlideModel._title_key.__func__)
    _texts = field_validator("titles", "subtitles")(SlideModel._texts.__func__)

    @field_validator("pair")
    @classmethod
    def _pair(cls, value):
        if value and (not isinstance(value, str) or value not in pair_ids()):
            raise _problem(f"unknown pair {value!r}; pairs: {', '.join(pair_ids())}")
        return value or ""

    @model_validator(mode="after")
    def _titles_and_ids(self):
        _one_title(self, "title_key", "titles", required=True)
        _one_title(self, "subtitle_key", "subtitles", required=False)
        seen: dict[str, int] = {}
        for number, slide in enumerate(self.slides, start=1):
            if slide.id in seen:
                raise _problem(f"slide id {slide.id!r} is already used by slide {seen[slide.id]}", "id",
                               slide=number, slide_id=slide.id)
            seen[slide.id] = number
        return self


def _deck_error(exc: ValidationError, raw, source: str) -> DeckError:
    """The first problem pydantic found, as a :class:`DeckError` naming the slide and the field."""
    error = exc.errors(include_url=False)[0]
    loc, ctx, kind = list(error["loc"]), error.get("ctx") or {}, error["type"]
    slide = slide_id = None
    if len(loc) >= 2 and loc[0] == "slides" and isinstance(loc[1], int):
        slide, loc = loc[1] + 1, loc[2:]
        item = raw["slides"][slide - 1]
        slide_id = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
    slide, slide_id = ctx.get("slide", slide), ctx.get("slide_id", slide_id)
    field_name = ctx.get("field") or (".".join(map(str, loc)) or None)
    if kind == "deck":
        message = ctx["message"]
    elif kind == "extra_forbidden":
        keys = sorted(SlideModel.model_fields if slide else DeckModel.model_fields)
        message = (f"unknown key {field_name!r}; a slide has: {', '.join(keys)}" if slide
                   else f"unknown key(s) {field_name!r}; allowed: {', '.join(keys)}")
    elif loc == ["slides"]:
        message = (f"at most {MAX_SLIDES} slides" if kind == "too_long"
                   else "'slides' must be a non-empty list of slides")
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = ("a slide is a mapping with 'id', 'view' and a title" if slide
                   else "a deck is a mapping with a 'slides' list (and a title)")
    elif kind == "missing":
        message = "is required" + (" (a short name of lower-case letters, digits, '-' or '_')"
                                   if field_name == "id" else "")
    else:
        message = error["msg"]
    return DeckError(source, message, slide, slide_id, field_name)


def validate(raw, *, source: str = "<deck>", name: str = "deck") -> Deck:
    """Check a deck read from YAML; return a :class:`Deck` or raise :class:`DeckError`."""
    try:
        model = DeckModel.model_validate(raw)
    except ValidationError as exc:
        raise _deck_error(exc, raw, source) from None
    slides = tuple(Slide(number=n, id=s.id, view=s.view, title_key=s.title_key, titles=s.titles or {},
                         notes=s.notes or {}) for n, s in enumerate(model.slides, start=1))
    return Deck(name=name, source=source, slides=slides, title_key=model.title_key, titles=model.titles or {},
                subtitle_key=model.subtitle_key, subtitles=model.subtitles or {}, pair=model.pair or "")


def _view(raw) -> View:
    pages = spec()
    if not isinstance(raw, dict):
        raise _problem("must be a mapping such as {page: economy, currency: ppp}")
    page = raw.get("page")
    if page not in pages:
        raise _problem(f"unknown page {page!r}; known pages: {', '.join(pages)}", "view.page")
    allowed = pages[page]
    params = {}
    for key, value in raw.items():
        if key == "page":
            continue
        if key not in allowed:
            known = ", ".join(allowed) or "none"
            raise _problem(f"unknown parameter {key!r} for page {page!r}; its parameters: {known}", f"view.{key}")
        params[str(key)] = _value(allowed[key], value, f"view.{key}")
    return View(page=page, params=params)


def _value(param: Param, value, field_name: str) -> str:
    def fail(message: str):
        raise _problem(message, field_name)

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
    if param.kind == "overlay":
        text = str(value).strip()
        moving, _, base = text.partition("-on-")
        places = _place_ids()
        if text in param.allowed or (moving in places and base in places and moving != base):
            return text
        fail(f"{value!r} is not one of {', '.join(param.allowed)} (or <place>-on-<place>)")
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
