"""The content of one slide of a deck, in one language, built from the pages' own pure functions
(KPI rows of the overview, the figure functions of people/economy/energy, the maps, the timeline) —
nothing is computed twice. The presenter and both export formats lay out the same :class:`Content`."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

import plotly.graph_objects as go
from dash import html

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
    pair: object = None                          # the pair shown (dashboard.views.pair.Pair)

    @property
    def number(self) -> int:
        return self.slide.number

    @property
    def total(self) -> int:
        return len(self.deck)


def build(deck: Deck, slide: Slide, lang: str, dataset, pair: str | None = None) -> Content:
    """The content of ``slide`` in ``lang``: the real view of its page (through the page's view model, for the
    deck's pair — or ``pair`` when given, e.g. from the presenter's URL), with its sources and dates."""
    from dashboard.views.pair import resolve

    lang = normalise_language(lang)
    chosen = resolve(dataset, pair or deck.pair or None)
    content = Content(deck=deck, slide=slide, lang=lang, kind="chart", title=slide.title(lang),
                      live_path=slide.view.live_path(lang, chosen.query_value()), pair=chosen)
    params = {**slide.view.params, "pair": chosen.id}
    BUILDERS[slide.view.page](content, params, dataset)
    content.sources = list(dict.fromkeys(s for s in content.sources if s))
    content.dates = list(dict.fromkeys(d for d in content.dates if d))
    return content


def _title(c: Content, _q: dict, dataset) -> None:
    from dashboard.components.glance import strip, twin_thumbnail

    c.kind = "title"
    c.body = [strip(dataset, c.pair, c.lang, links=False), twin_thumbnail(dataset, c.pair, c.lang)]
    c.sources = [t("present.sources_all", c.lang, n=fmt.number(len(dataset.sources), c.lang))]
    c.dates = [dataset_date(dataset, c.lang)]


def _overview(c: Content, q: dict, dataset) -> None:
    from dashboard.components.kpi_rows import rows
    from dashboard.views.overview import OverviewView

    c.kind = "cards"
    view = OverviewView.from_query(dataset, {"indicator": "population,area,density", **q}, c.lang)
    by_id = {getattr(r, "data-indicator", None): r for r in rows(dataset, view, c.lang)}
    c.body = [html.Div([by_id[i] for i in view.indicators if i in by_id], className="kpi-grid present-kpis")]
    c.sources, c.dates = tree_provenance(c.body, c.lang)


def _people(c: Content, q: dict, dataset) -> None:
    from dashboard.views.people import PeopleView

    view = PeopleView.from_query(dataset, q)
    if c.slide.view.chart == "density":
        c.heading = t("people.density_title", c.lang)
        c.figure = view.density_figure(dataset, c.lang)
        rows = view.rows(dataset, "density")
        c.notes = [t("people.density_note", c.lang)]
    else:
        c.heading = t("people.population_title", c.lang)
        c.figure = view.population_figure(dataset, c.lang)
        rows = view.rows(dataset, "population", indexed=False)
        c.notes = [view.note(dataset, "population", c.lang), t("people.gap_note", c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _economy(c: Content, q: dict, dataset) -> None:
    from dashboard.views.economy import EconomyView

    view = EconomyView.from_query(dataset, q)
    rows = view.gdp_rows(dataset)
    c.heading = t("economy.gdp_title", c.lang)
    c.figure = view.gdp_figure(dataset, c.lang)
    c.notes = [view.rates_text(dataset, c.lang), view.gdp_note(dataset, c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _energy(c: Content, q: dict, dataset) -> None:
    from dashboard.views.energy import EnergyView

    view = EnergyView.from_query(dataset, q)
    if c.slide.view.chart == "capacity":
        c.heading = t("energy.capacity_title", c.lang)
        rows = view.capacity_rows(dataset)
        c.figure = view.capacity_figure(dataset, c.lang)
        c.notes = [t("energy.capacity_note", c.lang)]
    else:
        c.heading = t("energy.shares_title", c.lang)
        c.figure = view.shares_figure(dataset, c.lang)
        rows = view.share_rows(dataset)
        c.notes = [t("energy.shares_note", c.lang)]
    c.sources, c.dates = fact_provenance(rows, dataset, c.lang)


def _maps(c: Content, q: dict, dataset) -> None:
    from dashboard.components import map_cards
    from dashboard.views.maps import MapsView

    view = MapsView.from_query(dataset, q)
    a, b = view.rows()
    names = view.pair.names(c.lang)
    chart = c.slide.view.chart
    layers, extra = [a["id"], b["id"]], []
    if chart == "location" and not view.has_coordinates():
        c.kind = "cards"
        c.body = [map_cards.no_coordinates(view, c.lang)]
    elif chart != "location" and not view.has_boundaries(dataset):
        c.kind = "cards"
        c.body = [map_cards.missing_message(c.lang, view, dataset)]
    elif chart == "twin":
        c.heading = t("maps.twin.heading", c.lang)
        c.figure = view.twin_figure(dataset, c.lang)
        c.label = t("maps.twin.graph_label", c.lang, **names)
        c.body = [map_cards.city_cards(dataset, view, c.lang)]
        districts = view.district_layer(dataset)
        layers += [f"{districts[0]['id']}_districts"] if districts and view.districts else []
    elif chart == "overlay":
        moving, base = view.moving_base()
        c.heading = t("maps.overlay.heading", c.lang)
        c.figure = view.overlay_figure(dataset, c.lang)
        c.label = t("maps.overlay.graph_label", c.lang, moving=moving[f"name_{c.lang}"], base=base[f"name_{c.lang}"])
        c.body = [html.P(map_cards.ratio_sentence(dataset, view, c.lang), className="kpi-ratio")]
        c.notes = [map_cards.overlay_caption(view, c.lang)]
    else:
        c.heading = t("maps.location.heading", c.lang, **names)
        c.figure = view.location_figure(dataset, c.lang)
        c.label = t("maps.location.graph_label", c.lang, **names)
        c.body = [map_cards.location_facts(view, c.lang, date.today())]
        layers = view.context_layers(dataset) + view.land_layers(dataset)
        extra = [t("maps.attribution.positions", c.lang)]
    meta = dataset.boundary_meta.get("layers", {})
    c.body.append(map_cards.attribution(dataset, layers, c.lang, extra))
    c.sources = [meta[name]["publisher"] for name in layers if name in meta] + extra
    c.dates = [dataset_date(dataset, c.lang)]


def _timeline(c: Content, q: dict, dataset) -> None:
    from dashboard.figures.milestone_labels import label_milestones
    from dashboard.figures.timeline import graph_config, timeline_figure
    from dashboard.views.timeline import TimelineView
    from dashboard.contract import FIELDS

    view = TimelineView.from_query(dataset, q)
    state = view.state
    rows = view.rows(dataset, c.lang)
    c.heading = t("timeline.chart_title", c.lang)
    c.figure = timeline_figure(rows, c.lang, dict(zip(dataset.places["id"], dataset.places[f"name_{c.lang}"])))
    key = label_milestones(c.figure, rows, c.lang)   # on a projector nobody hovers: milestones say what and when
    c.config = {k: v for k, v in graph_config(c.lang, f"timeline-{c.slide.id}").items() if k.startswith("locale")}
    if len(state.field) == 1 and not rows.empty:  # one field: show its lane only
        lane = FIELDS.index(state.field[0])
        c.figure.update_yaxes(range=[lane + 0.499, lane - 0.5])  # not the next lane's label
    total = len(view.events(dataset))
    c.body = [html.P(t("timeline.summary", c.lang, shown=fmt.number(len(rows), c.lang),
                       total=fmt.number(total, c.lang)), className="kpi-ratio")]
    if key:
        c.body.append(html.Ol([html.Li([html.Strong(when), " ", title]) for when, title in key],
                              className="milestone-key"))
    sources = [dataset.source(sid) or {"id": sid} for sid in dataset.sources_of("events")]
    c.sources = [s.get("publisher") or s["id"] for s in sources]
    if not rows.empty:
        c.dates = [t("present.events_range", c.lang, range=fmt.date_range(
            rows["start"].min(), rows["start"].max(), c.lang, "day"))]
    c.dates += [t("present.accessed", c.lang, date=fmt.day(s["accessed"], c.lang)) for s in sources if s.get("accessed")]


BUILDERS = {"title": _title, "overview": _overview, "people": _people, "economy": _economy, "energy": _energy,
            "maps": _maps, "timeline": _timeline}


def contents(deck: Deck, lang: str, dataset, on_progress: Progress | None = None) -> list[Content]:
    out = []
    for slide in deck.slides:
        if on_progress:
            on_progress(t("present.progress_slide", lang, n=slide.number, total=len(deck)), slide.number, len(deck))
        out.append(build(deck, slide, lang, dataset))
    return out
