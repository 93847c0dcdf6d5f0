"""The content of one slide of a deck, in one language, built from the pages' own pure functions
(KPI rows of the overview, the figure functions of people/economy/energy, the maps, the timeline) —
nothing is computed twice. The presenter and both export formats lay out the same :class:`Content`."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard import decks, query
from dashboard.briefing.provenance import dataset_date, fact_provenance, tree_provenance
from dashboard.decks import Deck, Slide
from dashboard.i18n import normalise_language, t
from dashboard.i18n import format as fmt

Progress = Callable[[str, int, int], None]


@dataclass
class Content:
    """What one slide shows, in one language; built from a page's pure functions."""

    deck: Deck
    slide: Slide
    lang: str
    kind: str                                    # "title" | "cards" | "chart"
    title: str
    heading: str = ""                            # the chart's own title on its page
    figure: go.Figure | None = None
    config: dict = field(default_factory=dict)
    label: str = ""                              # accessible name of the figure
    body: list = field(default_factory=list)     # Dash components: cards, facts, captions
    notes: list = field(default_factory=list)    # chart notes (comparability, rates …)
    sources: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    live_path: str = ""

    @property
    def number(self) -> int:
        return self.slide.number

    @property
    def total(self) -> int:
        return len(self.deck)


def build(deck: Deck, slide: Slide, lang: str, dataset) -> Content:
    """The content of ``slide`` in ``lang``: the real view of its page, with its sources and dates."""
    lang = normalise_language(lang)
    content = Content(deck=deck, slide=slide, lang=lang, kind="chart", title=slide.title(lang),
                      live_path=slide.view.live_path(lang))
    BUILDERS[slide.view.page](content, slide.view.params, dataset)
    content.sources = list(dict.fromkeys(s for s in content.sources if s))
    content.dates = list(dict.fromkeys(d for d in content.dates if d))
    return content


def _title(c: Content, _q: dict, dataset) -> None:
    c.kind = "title"
    c.sources = [t("present.sources_all", c.lang, n=fmt.number(len(dataset.sources), c.lang))]
    c.dates = [dataset_date(dataset, c.lang)]


def _overview(c: Content, q: dict, dataset) -> None:
    from dashboard.pages import overview

    c.kind = "cards"
    wanted = [i for i in (q.get("indicator") or "").split(",") if i] or ["population", "area", "density"]
    rows = [] if set(wanted) <= set(decks.OVERVIEW_ROWS) else list(overview.kpi_rows(dataset, c.lang))
    if "climate_target" in wanted:
        rows.append(overview.target_row(dataset, c.lang))
    if "regional_renewables" in wanted:
        rows.append(overview.region_row(dataset, c.lang))
    by_id = {getattr(r, "data-indicator", None): r for r in rows}
    c.body = [html.Div([by_id[i] for i in wanted if i in by_id], className="kpi-grid present-kpis")]
    c.sources, c.dates = tree_provenance(c.body, c.lang)


def _people(c: Content, q: dict, dataset) -> None:
    from dashboard.pages import people

    bases = query.choices(q.get("basis"), people.BASES, people.BASES)
    view = query.choice(q.get("view"), people.VIEWS, "absolute")
    base_year = int(query.choice(q.get("base"), people.BASE_YEARS, "2011"))
    years = query.year_range(q.get("years"), *people.YEARS, people.YEARS)
    if c.slide.view.chart == "density":
        c.heading = t("people.density_title", c.lang)
        c.figure = people.density_figure(dataset, c.lang, bases, years)
        rows = people.select(dataset, "density", bases, years)
        c.notes = [t("people.density_note", c.lang)]
    else:
        c.heading = t("people.population_title", c.lang)
        c.figure = people.population_figure(dataset, c.lang, bases, years, view, base_year,
                                            query.flag(q.get("events"), False))
        rows = people.select(dataset, "population", bases, years)
        c.notes = [dataset.indicator("population").get(f"comparability_{c.lang}", ""), t("people.gap_note", c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _economy(c: Content, q: dict, dataset) -> None:
    from dashboard.pages import economy

    currency = query.choice(q.get("currency"), economy.CURRENCIES, "market")
    measure = query.choice(q.get("indicator"), economy.MEASURES, "gdp")
    years = query.year_range(q.get("years"), *economy.YEARS, economy.YEARS)
    c.heading = t("economy.gdp_title", c.lang)
    c.figure, rows = economy.gdp_figure(dataset, c.lang, measure, currency, years)
    c.notes = [economy.rates_text(dataset, c.lang, rows, currency),
               dataset.indicator("gdp_nominal").get(f"comparability_{c.lang}", "")]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _energy(c: Content, q: dict, dataset) -> None:
    from dashboard.pages import energy
    from dashboard.selection import series

    areas = query.choices(q.get("areas"), energy.AREAS, energy.AREAS)
    if c.slide.view.chart == "capacity":
        c.heading = t("energy.capacity_title", c.lang)
        rows = pd.concat([series(dataset.facts, i, areas) for i in energy.CAPACITY])
        c.figure = energy.capacity_figure(dataset, c.lang, rows)
        c.notes = [t("energy.capacity_note", c.lang)]
    else:
        indicators = query.choices(q.get("indicator"), energy.SHARES, energy.SHARES)
        years = query.year_range(q.get("years"), *energy.YEARS, (2005, 2042))
        c.heading = t("energy.shares_title", c.lang)
        c.figure = energy.shares_figure(dataset, c.lang, indicators, areas, years, query.flag(q.get("events"), False))
        rows = energy.select_shares(dataset, indicators, areas, years)
        c.notes = [t("energy.shares_note", c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _maps(c: Content, q: dict, dataset) -> None:
    from dashboard.figures import maps as figures
    from dashboard.pages import maps

    a, b = maps.pair(dataset)
    names = {"a": figures.name(a, c.lang), "b": figures.name(b, c.lang)}
    chart = c.slide.view.chart
    layers, extra = [a["id"], b["id"]], []
    if chart != "location" and not maps.has_boundaries(dataset):
        c.kind = "cards"
        c.body = [maps.missing_message(c.lang)]
    elif chart == "twin":
        districts = query.flag(q.get("districts"), False)
        c.heading = t("maps.twin.heading", c.lang)
        c.figure = maps.twin_figure(dataset, c.lang, districts)
        c.label = t("maps.twin.graph_label", c.lang, **names)
        c.body = [maps.city_cards(dataset, c.lang)]
        layers += [f"{a['id']}_districts"] if districts else []
    elif chart == "overlay":
        direction = query.choice(q.get("overlay"), figures.OVERLAYS, figures.OVERLAYS[0])
        moving, base = figures.overlay_pair(direction, a, b)
        areas = maps.official_areas(dataset)
        area_a, area_b = (areas[p] or maps.city_outline(dataset, p).area_km2 for p in maps.PAIR)
        c.heading = t("maps.overlay.heading", c.lang)
        c.figure = maps.overlay_figure(dataset, c.lang, direction)
        c.label = t("maps.overlay.graph_label", c.lang, moving=figures.name(moving, c.lang),
                    base=figures.name(base, c.lang))
        c.body = [html.P(figures.ratio_sentence(a, b, area_a, area_b, c.lang), className="kpi-ratio")]
        c.notes = [maps.overlay_caption(dataset, c.lang, direction)]
    else:
        c.heading = t("maps.location.heading", c.lang)
        c.figure = maps.location_figure(dataset, c.lang)
        c.label = t("maps.location.graph_label", c.lang, **names)
        c.body = [maps.location_facts(dataset, c.lang, date.today())]
        layers, extra = maps.context_layers(dataset), [t("maps.attribution.positions", c.lang)]
    meta = dataset.boundary_meta.get("layers", {})
    c.body.append(maps.attribution(dataset, layers, c.lang, extra))
    c.sources = [meta[name]["publisher"] for name in layers if name in meta] + extra
    c.dates = [dataset_date(dataset, c.lang)]


def _timeline(c: Content, q: dict, dataset) -> None:
    from dashboard import timeline_filters as tf
    from dashboard.figures.timeline import graph_config, timeline_figure
    from dashboard.pages import timeline
    from dashboard.contract import FIELDS

    state = tf.parse_query(q)
    rows = tf.filter_events(dataset.events, state, c.lang, dataset.stakeholders)
    c.heading = t("timeline.chart_title", c.lang)
    c.figure = timeline_figure(rows, c.lang)
    c.config = {k: v for k, v in graph_config(c.lang, f"timeline-{c.slide.id}").items() if k.startswith("locale")}
    if len(state.field) == 1 and not rows.empty:  # one field: show its lane only
        lane = FIELDS.index(state.field[0])
        c.figure.update_yaxes(range=[lane + 0.499, lane - 0.5])  # not the next lane's label
    c.body = [html.P(timeline.summary_text(len(rows), len(dataset.events), c.lang), className="kpi-ratio")]
    source = dataset.source("seed_documents")
    c.sources = [source.get("publisher", "seed_documents")]
    if not rows.empty:
        c.dates = [t("present.events_range", c.lang, start=fmt.day(rows["start"].min(), c.lang),
                     end=fmt.day(rows["start"].max(), c.lang))]
    if source.get("accessed"):
        c.dates.append(t("present.accessed", c.lang, date=fmt.day(source["accessed"], c.lang)))


BUILDERS = {"title": _title, "overview": _overview, "people": _people, "economy": _economy, "energy": _energy,
            "maps": _maps, "timeline": _timeline}



def contents(deck: Deck, lang: str, dataset, on_progress: Progress | None = None) -> list[Content]:
    out = []
    for slide in deck.slides:
        if on_progress:
            on_progress(t("present.progress_slide", lang, n=slide.number, total=len(deck)), slide.number, len(deck))
        out.append(build(deck, slide, lang, dataset))
    return out
