"""The timeline's list of events: one button per event (Enter or Space selects it), a page at a time.

Looks come from ``assets/timeline.css``: the field's colour from ``data-field``, a cancelled event from
``data-status``, the selected one from the ``is-selected`` class.
"""
from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import ids
from dashboard.figures.timeline import date_text, is_highlighted
from dashboard.i18n import format as fmt
from dashboard.i18n import t

EVENT_ITEM = ids.page_id("timeline", "event")   # pattern-matching id type of the list's buttons
ITEM_CLASS, SELECTED_CLASS = "event-item", "event-item is-selected"


def label(kind: str, value: str, lang: str) -> str:
    return t(f"timeline.{kind}.{value}", lang)


def place_label(value: str, lang: str, names: dict) -> str:
    """Where an event took place: one of the pair's places (its catalogue name), online or elsewhere."""
    return names[value] if value in names else label("place", value, lang)


def swatch(field: str) -> html.Span:
    return html.Span(className="field-swatch", **{"data-field": field, "aria-hidden": "true"})


def item_class(selected: bool) -> str:
    return SELECTED_CLASS if selected else ITEM_CLASS


def event_button(row, lang: str, selected: bool, names: dict | None = None, controls: str = "") -> html.Li:
    """One event: date, title, and field · place · kind (· status) (· milestone)."""
    status = row["status"]
    meta = [label("field", row["field"], lang), place_label(row["place"], lang, names or {}),
            label("kind", row["kind"], lang)]
    if status != "held":
        meta.append(label("status", status, lang))
    if is_highlighted(row):
        meta.append(t("timeline.milestone_short", lang))
    return html.Li(html.Button([
        html.Span(date_text(row, lang), className="event-date"),
        html.Span(row[f"title_{lang}"], className="event-title"),
        html.Span(" · ".join(meta), className="event-meta"),
    ], id={"type": EVENT_ITEM, "index": row["id"]}, type="button", className=item_class(selected),
        **{"data-event": row["id"], "aria-controls": controls, "data-status": status, "data-field": row["field"]}))


def event_items(rows: pd.DataFrame, lang: str, selected: str | None, names: dict | None = None,
                controls: str = "") -> list:
    return [event_button(r, lang, r["id"] == selected, names, controls) for r in rows.to_dict("records")]


def event_list(rows: pd.DataFrame, shown: int, lang: str, selected: str | None, names: dict | None = None,
               controls: str = ""):
    """The first ``shown`` rows as an ordered list (or the empty state)."""
    if rows.empty:
        return html.P(t("timeline.empty", lang), className="muted empty-state")
    return html.Ol(event_items(rows.iloc[:shown], lang, selected, names, controls), className="plain event-list")


def more_text(shown: int, total: int, lang: str) -> str:
    """The "show more" button's label, or "" when every event is listed."""
    if shown >= total:
        return ""
    return t("timeline.show_more", lang, shown=fmt.number(shown, lang), total=fmt.number(total, lang))
