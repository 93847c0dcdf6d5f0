"""At a glance: the headline strip (who, since when, how far, what next, which fields) and the core figure
pairs with sparklines — plain HTML, shared by the overview, the presenter's title slide and the fact sheet."""
from __future__ import annotations

from datetime import date

from dash import html

from dashboard.components import sparkline
from dashboard.components.kpi_card import pair as kpi_pair
from dashboard.components.kpi_card import other_figure, ratio_sentence
from dashboard.components.source_note import as_of, cell_text, citation, quality_badge
from dashboard.i18n import t
from dashboard.i18n import format as fmt
from dashboard.views import glance
from dashboard.views.base import pair_query
from dashboard.views.pair import Pair


def since_text(head: glance.Headline, pair: Pair, lang: str) -> str:
    label = pair.relationship_label(lang)
    if not head.since:
        return label
    return t("glance.since", lang, relationship=label, date=fmt.day(head.since, lang))


def hours_text(hours: tuple[float, ...], lang: str) -> str:
    shown = [fmt.number(abs(h), lang, 0 if float(h).is_integer() else 1) for h in hours]
    return shown[0] if len(shown) == 1 else t("period.range", lang, start=shown[0], end=shown[-1]).replace(" ", "")


def distance_items(head: glance.Headline, pair: Pair, lang: str) -> list[str]:
    out = []
    if head.distance_km is not None:
        out.append(t("glance.distance", lang, km=fmt.number(round(head.distance_km, -1), lang, 0)))
    if head.hours_apart:
        ahead, behind = (pair.b, pair.a) if head.hours_apart[-1] >= 0 else (pair.a, pair.b)
        if any(head.hours_apart):
            out.append(t("glance.hours_ahead", lang, ahead=ahead.name(lang), behind=behind.name(lang),
                         hours=hours_text(head.hours_apart, lang)))
        else:
            out.append(t("glance.same_time", lang))
    return out


def next_text(head: glance.Headline, lang: str) -> str:
    nxt = head.next_event
    if nxt is None:
        return t("glance.next_none", lang)
    when = fmt.date_range(glance._start_date(nxt.start), None, lang, nxt.precision)
    return t("glance.next", lang, title=nxt.titles.get(lang) or nxt.titles.get("en", ""), date=when)


def field_href(pair: Pair, lang: str, field: str) -> str:
    query = pair_query(pair)
    return f"/{lang}/timeline{query}{'&' if query else '?'}field={field}"


def strip(dataset, pair: Pair, lang: str, today: date | None = None, links: bool = True) -> html.Section:
    """The headline strip; ``links=False`` for print and slides (chips as plain labels)."""
    head = glance.headline(dataset, pair, today)
    since_year = head.since[:4] if head.since else ""
    activities = (t("glance.activities_since", lang, n=fmt.number(head.joint_activities, lang), year=since_year)
                  if since_year else t("glance.activities", lang, n=fmt.number(head.joint_activities, lang)))
    items = [html.Li(since_text(head, pair, lang), className="strip-relationship"),
             *[html.Li(text, className="strip-distance") for text in distance_items(head, pair, lang)],
             html.Li(activities, className="strip-activities"),
             html.Li(next_text(head, lang), className="strip-next")]
    chips = [html.Li(html.A(t(f"timeline.field_short.{f}", lang), href=field_href(pair, lang, f), className="chip")
                     if links else html.Span(t(f"timeline.field_short.{f}", lang), className="chip"))
             for f in head.fields]
    return html.Section([
        html.H2(t("glance.strip_title", lang), className="visually-hidden", id="strip-title"),
        html.Ul(items, className="strip-facts"),
        html.Div([html.Span(t("glance.fields", lang), className="strip-fields-label", id="strip-fields-label"),
                  html.Ul(chips, className="chips", **{"aria-labelledby": "strip-fields-label"})],
                 className="strip-fields") if chips else None,
    ], className="headline-strip", id="headline-strip", **{"aria-labelledby": "strip-title"})


def _alt(indicator: dict, place_name: str, points, lang: str) -> str:
    (y0, v0), (y1, v1) = points[0], points[-1]
    unit, decimals = indicator.get("units", "").split(";")[0], int(indicator.get("decimals") or 0)
    return t("glance.trend_alt", lang, label=indicator.get(f"label_{lang}", ""), place=place_name,
             start=y0, end=y1, first=fmt.number(v0, lang, decimals), last=fmt.number(v1, lang, decimals))


def provenance(fact: dict, dataset, lang: str, era: bool = False) -> html.Div:
    """"as of 31 December 2024 · IT.NRW ↗": the row's own publisher, linked to the page the figure was read from,
    its kind when it is not an official source, and the full citation one click away."""
    sid = (cell_text(fact.get("inputs")) or cell_text(fact.get("source_id"))).split(";")[0]
    url = cell_text(fact.get("source_url"))
    name = glance.short_source(fact, dataset, lang)
    # a publisher's own name, in its own language, unless the row names it in ours
    marked = {} if cell_text(fact.get(f"publisher_{lang}")) else {"lang": "und"}
    title = str(dataset.source(sid).get("publisher") or "")
    link = (html.A([html.Span(name, **marked), " ↗"], href=url, target="_blank", rel="noopener noreferrer",
                   title=t("common.original_page", lang), className="core-source-link source-link") if url else
            html.A(name, href=f"/{lang}/sources#source-{sid}", title=title, className="core-source-link source-link",
                   **marked))
    label = [html.Span(t("common.as_of", lang, date=as_of(fact, lang, era)), className="core-date as-of"), " · ", link]
    return html.Div([html.Div([*label, *quality_badge(fact, lang)], className="core-source"),
                     citation(fact, dataset, lang, era)], className="core-provenance source-note",
                    **{"data-publisher": cell_text(fact.get("publisher_id")),
                       "data-quality": cell_text(fact.get("source_quality"))})


def core_card(fact: dict | None, points, indicator: dict, place, dataset, lang: str, era: bool = False,
              others: tuple = ()) -> html.Div:
    decimals = int(indicator.get("decimals") or 0)
    if fact is None:
        value = html.Div(t("common.no_data", lang), className="core-value gap", **{"data-gap": "true"})
        foot = html.Div(t("common.no_source", lang), className="core-source muted")
        spark = sparkline.image([], place.colour, "")
    else:
        value = html.Div(fmt.value(fact["value"], fact["unit"], lang, decimals), className="core-value",
                         **{"data-value": repr(float(fact["value"]))})
        foot = provenance(fact, dataset, lang, era)
        spark = sparkline.image(points, place.colour, _alt(indicator, place.name(lang), points, lang)
                                if len(points) > 1 else "")
    basis = ""
    if fact is not None and fact.get("basis"):
        rows = dataset.bases[dataset.bases["id"].eq(fact["basis"])]
        basis = str(rows.iloc[0][f"label_{lang}"]) if len(rows) else ""
    city = html.Div([place.name(lang), *((" · ", html.Span(basis, className="core-basis")) if basis else ())],
                    className="core-city")
    more = [other_figure(kind, f, indicator, dataset, lang, era) for kind, f in others if f is not None]
    if more:     # folded: the glance stays one figure per city; the others are one click away
        more = [html.Details([html.Summary(t("provenance.other_figures", lang, n=fmt.number(len(more), lang))),
                              *more], className="core-others")]
    return html.Div([city,
                     html.Div([value, spark], className="core-value-row"), foot, *more],
                    className="core-card", style={"borderTopColor": place.colour},
                    **{"data-area": place.id, "data-indicator": indicator.get("id", "")})


def core_pair(figure: glance.Figure, pair: Pair, dataset, lang: str, note: str, era: bool = False) -> html.Section:
    ind = figure.indicator
    label_id = f"core-{ind['id']}-label"
    a, b = (p.row() for p in pair.places)
    ratio = ratio_sentence(*figure.facts, ind, a, b, lang)
    return html.Section([
        html.H2(ind.get(f"label_{lang}", ind["id"]), className="core-label", id=label_id),
        html.Div([core_card(f, h, ind, p, dataset, lang, era, o)
                  for f, h, p, o in zip(figure.facts, figure.histories, pair.places, figure.others)],
                 className="core-cards"),
        html.P(ratio, className="core-ratio") if ratio else None,
        html.P(note, className="core-note", title=note) if note else None,
    ], className="core-pair", **{"aria-labelledby": label_id, "data-indicator": ind["id"]})


def core_grid(dataset, view, lang: str) -> html.Div:
    pair = view.pair
    items = [core_pair(f, pair, dataset, lang, view.note(dataset, f.indicator["id"], lang), view.era)
             for f in glance.figures(dataset, pair, glance.core_ids(dataset, pair))]
    return html.Div(items, className="core-grid", id="core-grid")


def per_1000_line(dataset, pair: Pair, indicator: str, facts: tuple, lang: str) -> html.P | None:
    """"per 1,000 inhabitants: …" for each place whose count has a population of the same year; else nothing."""
    parts = []
    for place, fact in zip(pair.places, facts):
        if fact is None:
            continue
        population = glance.population_of_year(dataset, place, int(fact["year"]))
        rate = glance.per_1000(fact, population)
        if rate is not None:
            parts.append(t("glance.per_1000_place", lang, place=place.name(lang), n=fmt.number(rate, lang, 2),
                           year=int(fact["year"])))
    if not parts:
        return None
    return html.P(t("glance.per_1000", lang, values="; ".join(parts)), className="kpi-ratio per-1000")


def fields_rows(dataset, view, lang: str) -> list:
    """Healthcare and next-generation cards (gaps as gaps), with the rate per 1,000 inhabitants where like."""
    pair = view.pair
    places = tuple(p.row() for p in pair.places)
    out = []
    for ind in glance.HEALTH_NEXT:
        indicator = dataset.indicator(ind)
        if not indicator:
            continue
        facts = tuple(glance.fact_for(dataset, p, ind) for p in pair.places)
        others = tuple(glance.others_for(dataset, p, indicator, f) for p, f in zip(pair.places, facts))
        row = kpi_pair(indicator, facts, places, dataset, lang, view.era, others,
                       comparability=view.note(dataset, ind, lang))
        if ind in glance.PER_1000:
            line = per_1000_line(dataset, pair, ind, facts, lang)
            if line is not None:
                row.children.insert(2, line)
        out.append(row)
    return out


def twin_thumbnail(dataset, pair: Pair, lang: str) -> html.Figure | None:
    """Both cities' outlines at the same scale, small (the presenter's title slide)."""
    from dashboard.components import twin_map_svg

    drawing = twin_map_svg.svg(dataset, pair, lambda km: t("factsheet.scale", lang, km=fmt.number(km, lang, 0)))
    if not drawing:
        return None
    caption = t("factsheet.map_caption", lang)
    legend = [html.Span(p.name(lang), className=f"city city-{side}", style={"color": p.text_colour})
              for side, p in zip("ab", pair.places)]
    return html.Figure([html.Img(src=sparkline.data_uri(drawing), alt=caption, className="twin-thumbnail"),
                        html.Figcaption([legend[0], " · ", legend[1], " — ", caption])], className="title-map")
