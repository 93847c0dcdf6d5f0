"""A pair of KPI cards, one place of the pair beside the other, with date, source, comparability note and ratio."""
from __future__ import annotations

from dash import html

from dashboard.components.source_note import note
from dashboard.i18n import t
from dashboard.i18n import format as fmt
from dashboard.selection import ratio


def _name(place: dict, lang: str) -> str:
    return place.get(f"name_{lang}") or place.get("name_en", "")


def card(fact: dict | None, indicator: dict, place: dict, dataset, lang: str, era: bool = False) -> html.Div:
    decimals = int(indicator.get("decimals") or 0)
    if fact is None:
        shown = html.Div(t("common.no_data", lang), className="kpi-value gap", **{"data-gap": "true"})
    else:
        shown = html.Div(fmt.value(fact["value"], fact["unit"], lang, decimals), className="kpi-value",
                         **{"data-value": repr(float(fact["value"])), "data-unit": fact["unit"]})
    extra = []
    if fact is not None and fact.get("basis"):
        basis = dataset.bases[dataset.bases["id"].eq(fact["basis"])]
        if len(basis):
            extra.append(html.Div(basis.iloc[0][f"label_{lang}"], className="kpi-basis"))
    if fact is not None and fact.get("derived") and fact.get("note"):
        extra.append(html.Div(t("common.derivation", lang, how=indicator.get(f"description_{lang}", "")),
                              className="kpi-derivation"))
    return html.Div([
        html.Div(_name(place, lang), className="kpi-city"),
        shown, *extra, note(fact, dataset, lang, era),
    ], className="kpi-card", style=border(place), **{"data-area": place.get("id", ""),
                                                       "data-indicator": indicator.get("id", "")})


def border(place: dict) -> dict:
    """The card's top border in the place's catalogue colour."""
    colour = str(place.get("colour") or "")
    return {"borderTopColor": colour} if colour.startswith("#") else {}


def ratio_sentence(a: dict | None, b: dict | None, indicator: dict, place_a: dict, place_b: dict,
                   lang: str) -> str:
    """"Area: <b> is 3.6 × <a>" — only for like figures: same unit, same year (or a fixed
    property of the place such as its area), never for figures stated only in a document."""
    if a is None or b is None or a["unit"] != b["unit"] or "document" in (a.get("basis"), b.get("basis")):
        return ""
    if indicator.get("category") != "place" and int(a["year"]) != int(b["year"]):
        return ""
    r = ratio(a["value"], b["value"])
    if r is None:
        return ""
    big, small = (place_b, place_a) if r >= 1 else (place_a, place_b)
    return t("overview.ratio", lang, big=_name(big, lang), small=_name(small, lang),
             label=indicator.get(f"label_{lang}", ""), x=fmt.number(max(r, 1 / r), lang, 1))


def pair(indicator: dict, facts: tuple, places: tuple, dataset, lang: str, era: bool = False,
         comparability: str | None = None) -> html.Section:
    """``comparability``: the pair's note on the indicator (default: the indicator's general note)."""
    a, b = facts
    sentence = ratio_sentence(a, b, indicator, places[0], places[1], lang)
    if comparability is None:
        comparability = indicator.get(f"comparability_{lang}", "")
    label_id = f"kpi-{indicator['id']}-label"
    return html.Section([
        html.H2(indicator.get(f"label_{lang}", indicator["id"]), className="kpi-label", id=label_id),
        html.Div([card(a, indicator, places[0], dataset, lang, era), card(b, indicator, places[1], dataset, lang, era)],
                 className="kpi-pair"),
        html.P(sentence, className="kpi-ratio") if sentence else None,
        html.P(comparability, className="kpi-comparability") if comparability else None,
    ], className="kpi-row", **{"aria-labelledby": label_id, "data-indicator": indicator["id"]})
