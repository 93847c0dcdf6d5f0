"""Where a slide's figures come from: publishers and reference dates, from the facts shown or, for KPI
cards, from the cards' own source notes."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from dash import html
from dash.development.base_component import Component

from dashboard.i18n import t
from dashboard.i18n import format as fmt


def dataset_date(dataset, lang: str) -> str:
    created = datetime.fromisoformat(dataset.manifest["created"])
    return t("present.dataset", lang, version=dataset.version, date=fmt.day(created, lang))


def fact_provenance(rows: pd.DataFrame, dataset, lang: str) -> tuple[list[str], list[str]]:
    """Publishers of the facts shown, and the latest reference period per place."""
    if rows is None or rows.empty:
        return [], []
    if f"publisher_{lang}" in rows:      # each row's own publisher, in the language
        sources = list(dict.fromkeys(str(p) for p in rows[f"publisher_{lang}"].dropna() if str(p)))
    else:
        inputs = rows["inputs"] if "inputs" in rows else rows["source_id"]
        ids = dict.fromkeys(s for v in inputs.fillna("") for s in str(v).split(";") if s)
        sources = [dataset.source(s).get("publisher", s) for s in ids]
    names = dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))
    dates = []
    for area, group in rows.groupby("area_id", sort=False):
        r = group.sort_values("ref_date").iloc[-1]
        dates.append(t("present.date_place", lang, place=names.get(area, area),
                       date=fmt.period(r["period"], r["period_kind"], r["ref_date"], lang)))
    return sources, dates


def _classes(node) -> list[str]:
    return (getattr(node, "className", None) or "").split()


def _walk(node):
    if isinstance(node, (list, tuple)):
        for n in node:
            yield from _walk(n)
    elif isinstance(node, Component):
        yield node
        yield from _walk(getattr(node, "children", None))


def _text(node) -> str:
    if node is None:
        return ""
    if isinstance(node, (str, int, float)):
        return str(node)
    if isinstance(node, (list, tuple)):
        return "".join(_text(n) for n in node)
    return _text(getattr(node, "children", None))


def tree_provenance(tree, lang: str) -> tuple[list[str], list[str]]:
    """Sources and dates as the KPI cards show them (the overview's own source notes)."""
    sources, dates = [], []
    for card in (n for n in _walk(tree) if "kpi-card" in _classes(n)):
        city = next((_text(n) for n in _walk(card) if "kpi-city" in _classes(n)), "")
        for note in (n for n in _walk(card) if "source-note" in _classes(n)):
            sources += [_text(n).replace("↗", "").strip() for n in _walk(note) if "source-link" in _classes(n)]
            first = next((n for n in _walk(note) if "as-of" in _classes(n)), None)
            if first is not None and _text(first):
                dates.append(t("present.date_place", lang, place=city, date=_text(first)) if city else _text(first))
    return list(dict.fromkeys(sources)), list(dict.fromkeys(dates))

