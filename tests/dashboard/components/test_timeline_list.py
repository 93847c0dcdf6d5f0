"""The timeline's list, detail and field blocks: looks from assets/timeline.css, never inline styles."""
from __future__ import annotations

import re
from pathlib import Path

from dash.development.base_component import Component

from dashboard.components import timeline_list as tl
from dashboard.figures.timeline import FIELD_COLOURS
from dashboard.views.timeline import TimelineView

CSS = (Path(__file__).resolve().parents[3] / "assets" / "timeline.css").read_text(encoding="utf-8")


def walk(node):
    if isinstance(node, Component):
        yield node
        yield from walk(getattr(node, "children", None))
    elif isinstance(node, (list, tuple)):
        for child in node:
            yield from walk(child)


def test_the_css_field_colours_are_the_charts():
    css = dict(re.findall(r'\[data-field="(\w+)"\] \{ --field-colour: (#[0-9A-Fa-f]{6}); \}', CSS))
    assert css == FIELD_COLOURS


def test_the_list_renders_the_first_rows_and_marks_the_selected(dataset):
    rows = TimelineView.from_query(dataset, {}).rows(dataset, "en")
    listing = tl.event_list(rows, 10, "en", rows["id"].iloc[3])
    buttons = [c for c in walk(listing) if getattr(c, "id", None) and isinstance(c.id, dict)]
    assert [b.id["index"] for b in buttons] == list(rows["id"].iloc[:10])
    assert [b.className for b in buttons].count(tl.SELECTED_CLASS) == 1 and buttons[3].className == tl.SELECTED_CLASS
    assert tl.more_text(10, len(rows), "en") and tl.more_text(len(rows), len(rows), "en") == ""


def test_the_page_has_no_inline_styles(dataset):
    from dashboard.pages import timeline as page

    event = dataset.events["id"].iloc[0]
    main = next(c for c in walk(page.layout("ja", event=event, who="frea")) if getattr(c, "id", None) == "main")
    styled = [f"{type(c).__name__}#{getattr(c, 'id', '')}" for c in walk(main) if getattr(c, "style", None)]
    assert not styled, styled


def test_no_store_of_the_page_starts_empty(dataset):
    """A dcc.Store whose data is None reports a change when it mounts and runs its callbacks once more."""
    from dash import dcc

    from dashboard.pages import timeline as page

    for query in ({}, {"event": dataset.events["id"].iloc[0], "who": "frea"}):
        stores = [c for c in walk(page.layout("en", **query)) if isinstance(c, dcc.Store)]
        assert stores and all(s.data is not None for s in stores), [s.id for s in stores if s.data is None]
