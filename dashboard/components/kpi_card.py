"""A pair of KPI cards, one place of the pair beside the other, with date, source, comparability note and
ratio; a card may carry further figures (a second basis, the partnership deck's figure, another source's value)."""
from __future__ import annotations

from dash import html

from dashboard.components.source_note import as_of, note, publisher_name
from dashboard.i18n import t
from dashboard.i18n import format as fmt
from dashboard.selection import ratio


def _name(place: dict, lang: str) -> str:
    return place.get(f"name_{lang}") or place.get("name_en", "")


# Bases that may be compared in a ratio sentence: the same family on both sides (census-based updates
# with census-based updates, census with census). Registers and figures of unknown count are not compared.
LIKE_BASES = {"official_update": "census_based", "official_update_zensus2022": "census_based",
              "estimate": "census_based", "census": "census"}


def _basis_label(dataset, basis: str, lang: str) -> str:
    row = dataset.bases[dataset.bases["id"].eq(basis)]
    return str(row.iloc[0][f"label_{lang}"]) if len(row) and basis else ""


def other_figure(kind: str, fact: dict, indicator: dict, dataset, lang: str, era: bool = False) -> html.Div:
    """A further figure on the same card — a second basis ("second"), the partnership deck's figure
    ("deck") or another source's differing value ("also") — with its own publisher and date."""
    decimals = int(indicator.get("decimals") or 0)
    value = fmt.value(fact["value"], fact["unit"], lang, decimals)
    date = as_of(fact, lang, era)
    if kind == "second":
        text = t("provenance.second_figure", lang, basis=_basis_label(dataset, fact.get("basis", ""), lang),
                 value=value, date=date)
    elif kind == "deck":
        text = t("provenance.deck_figure", lang, value=value, date=date)
    else:
        text = t("provenance.also_stated", lang, value=value, date=date,
                 publisher=publisher_name(fact, dataset, lang))
    return html.Div([html.Div(text, className="kpi-other-value"), note(fact, dataset, lang, era)],
                    className=f"kpi-other kpi-other-{kind}", **{"data-value": repr(float(fact["value"])),
                                                                "data-basis": str(fact.get("basis") or "")})


def card(fact: dict | None, indicator: dict, place: dict, dataset, lang: str, era: bool = False,
         others: list | None = None) -> html.Div:
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
    more = [other_figure(kind, f, indicator, dataset, lang, era) for kind, f in (others or []) if f is not None]
    return html.Div([
        html.Div(_name(place, lang), className="kpi-city"),
        shown, *extra, note(fact, dataset, lang, era), *more,
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
    if "document_year" in (a.get("period_kind"), b.get("period_kind")):
        return ""
    basis_a, basis_b = a.get("basis") or "", b.get("basis") or ""
    if (basis_a or basis_b) and (LIKE_BASES.get(basis_a) is None or LIKE_BASES.get(basis_a) != LIKE_BASES.get(basis_b)):
        return ""              # only like bases: never one city's register against the other's estimate
    if indicator.get("category") != "place" and int(a["year"]) != int(b["year"]):
        return ""
    r = ratio(a["value"], b["value"])
    if r is None:
        return ""
    big, small = (place_b, place_a) if r >= 1 else (place_a, place_b)
    return t("overview.ratio", lang, big=_name(big, lang), small=_name(small, lang),
             label=indicator.get(f"label_{lang}", ""), x=fmt.number(max(r, 1 / r), lang, 1))


def pair(indicator: dict, facts: tuple, places: tuple, dataset, lang: str, era: bool = False,
         others: tuple = ((), ()), comparability: str | None = None) -> html.Section:
    """``others``: further figures of each card (see :func:`other_figure`); ``comparability``: the pair's note
    on the indicator (default: the indicator's general note)."""
    a, b = facts
    sentence = ratio_sentence(a, b, indicator, places[0], places[1], lang)
    if comparability is None:
        comparability = indicator.get(f"comparability_{lang}", "")
    label_id = f"kpi-{indicator['id']}-label"
    return html.Section([
        html.H2(indicator.get(f"label_{lang}", indicator["id"]), className="kpi-label", id=label_id),
        html.Div([card(a, indicator, places[0], dataset, lang, era, list(others[0])),
                  card(b, indicator, places[1], dataset, lang, era, list(others[1]))],
                 className="kpi-pair"),
        html.P(sentence, className="kpi-ratio") if sentence else None,
        html.P(comparability, className="kpi-comparability") if comparability else None,
    ], className="kpi-row", **{"aria-labelledby": label_id, "data-indicator": indicator["id"]})
