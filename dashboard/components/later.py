"""Folded text sent after the first paint: the bodies of closed ``<details>`` (full citations, other figures).

Most of a page of cards is folded away — on the overview two thirds of its components sit inside closed
``<details>`` elements — yet the browser builds all of them before it paints the first card. ``split``
keeps each folded element's summary and puts an empty, addressable body in place of the rest; the page
then fills every body in one callback right after its first paint (``bodies`` answers it), so the
figures appear first and the citations a moment later, before anyone can open one.
"""
from __future__ import annotations

import copy

from dash import html

BODY = "later-body"            # pattern-matching id type of an empty body: {"type": BODY, "i": n}
FOLDED = frozenset({"citation", "core-others"})


def _folded(component) -> bool:
    return isinstance(component, html.Details) and bool(FOLDED & set(str(component.className or "").split()))


def split(tree):
    """(a copy of ``tree`` with the folded bodies emptied, the bodies in order); ``tree`` is left untouched."""
    light = copy.deepcopy(tree)
    bodies: list[list] = []

    def walk(component):
        if _folded(component):
            children = list(component.children or [])
            summary = [c for c in children if isinstance(c, html.Summary)][:1]
            bodies.append([c for c in children if not any(c is s for s in summary)])
            component.children = [*summary, html.Div(id={"type": BODY, "i": len(bodies) - 1},
                                                     className="later-body")]
            return
        children = getattr(component, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if hasattr(child, "to_plotly_json"):
                walk(child)

    walk(light)
    return light, bodies


def answer(bodies: list[list], outputs: list[dict]) -> list:
    """The bodies for the callback's outputs (``ctx.outputs_list``), each by its own index; an index the current
    page does not have (the data changed in between) gets an empty body."""
    return [bodies[o["id"]["i"]] if 0 <= o["id"]["i"] < len(bodies) else [] for o in outputs]
