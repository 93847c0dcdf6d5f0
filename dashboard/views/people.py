"""People: population by basis (absolute or indexed) and density, for the pair's two places."""
from __future__ import annotations

from typing import Mapping

from dashboard import query
from dashboard.cache import per_version
from dashboard.figures import legend, year_windows
from dashboard.figures.timeseries import line_chart, tick_label
from dashboard.i18n import t
from dashboard.selection import index_to, series
from dashboard.views.base import PageView
from dashboard.views.timeline import milestones

BASES = ("register", "official_update", "official_update_zensus2022", "census", "estimate", "resident_register",
         "register_midyear")
VIEWS = ("absolute", "index")
BASE_YEARS = ("2010", "2011", "2015", "2020")
YEARS = (1960, 2025)
CHARTS = ("population", "density")


class PeopleView(PageView):
    bases: tuple[str, ...] = BASES
    view: str = "absolute"
    base_year: int = 2011
    years: tuple[int, int] = YEARS
    events: bool = False

    @classmethod
    def from_query(cls, dataset, q: Mapping | None = None) -> "PeopleView":
        q = q or {}
        return cls(pair=cls.pair_from(dataset, q), bases=tuple(query.choices(q.get("basis"), BASES, BASES)),
                   view=query.choice(q.get("view"), VIEWS, "absolute"),
                   base_year=int(query.choice(q.get("base"), BASE_YEARS, "2011")),
                   years=query.year_range(q.get("years"), *YEARS, YEARS), events=query.flag(q.get("events"), False))

    @classmethod
    def from_controls(cls, dataset, pair_id, bases, view, base, years, events) -> "PeopleView":
        return cls(pair=cls.pair_from(dataset, {"pair": pair_id}), bases=tuple(b for b in (bases or []) if b in BASES),
                   view=query.choice(view, VIEWS, "absolute"), base_year=int(query.choice(base, BASE_YEARS, "2011")),
                   years=query.slider_range(years, *YEARS, YEARS), events=bool(events))

    def params(self) -> dict[str, str]:
        return {"basis": ",".join(self.bases) if self.bases != BASES else "",
                "view": self.view if self.view != "absolute" else "",
                "base": str(self.base_year) if self.base_year != 2011 else "",
                "years": f"{self.years[0]}-{self.years[1]}" if self.years != YEARS else "",
                "events": "1" if self.events else ""}

    def rows(self, dataset, indicator: str = "population", indexed: bool = True, every_basis: bool = False,
             every_year: bool = False):
        """The rows shown (of the bases chosen and the years chosen; of every basis with ``every_basis`` and
        every year with ``every_year``, for the charts). An index is worked out on every year, then cut."""
        rows = series(dataset.facts, indicator, self.pair.ids, BASES if every_basis else self.bases)
        if indexed and indicator == "population" and self.view == "index":
            rows = index_to(rows, self.base_year)
        years = YEARS if every_year else self.years
        return rows[rows["year"].between(*years)]

    def population_figure(self, dataset, lang: str):
        return _population_figure(dataset, lang, self)

    def density_figure(self, dataset, lang: str):
        # one cached figure whatever the view, base year and milestones (density shows none of them)
        return _density_figure(dataset, lang, self._density())

    def density_windows(self, dataset, lang: str) -> dict:
        """The y axes of the density chart for every window of years (the page's slider shows them in the browser)."""
        return _density_windows(dataset, lang, self._density()._axes())

    def population_variants(self, dataset, lang: str) -> dict:
        """The population chart of every view and base year (``variant_key``), over every year and basis with the
        milestones hidden, each with its y axes for every window of years: the page draws any choice of its
        controls from these in the browser (``window.twincity.peoplePopulation``), with no round trip. The
        charts are keyed for the page (``legend.keyed``: the page lists their lines)."""
        return _population_variants(dataset, lang, self._axes().model_copy(update={"view": "absolute",
                                                                                   "base_year": 2011}))

    def _every_year(self) -> "PeopleView":
        return self.model_copy(update={"years": YEARS})

    def _axes(self) -> "PeopleView":
        # the axes span every basis and year, whichever are shown: one table per view and base year
        return self.model_copy(update={"years": YEARS, "bases": BASES, "events": False})

    def _density(self) -> "PeopleView":
        return self.model_copy(update={"view": "absolute", "base_year": 2011, "events": False})


def variant_key(view: str, base_year: int | str) -> str:
    """``absolute``, or ``index-2011`` for the index to 2011 (the browser makes the same key)."""
    return "absolute" if view != "index" else f"index-{base_year}"


@per_version()
def _population_variants(dataset, lang, axes: PeopleView) -> dict:
    out = {}
    for view in VIEWS:
        for base_year in (BASE_YEARS if view == "index" else ("2011",)):     # the absolute view has no base year
            chosen = axes.model_copy(update={"view": view, "base_year": int(base_year)})
            out[variant_key(view, base_year)] = {"figure": legend.keyed(_population_chart(dataset, lang, chosen)),
                                                 "windows": _population_windows(dataset, lang, chosen)}
    return out


# Each chart is drawn once for every year (with the axes of every window of years), then shown for the years
# asked for: the page's years slider does the second step in the browser (year_windows).

@per_version()
def _population_chart(dataset, lang, view: PeopleView):
    # the milestones are always carried, hidden unless asked for: the page shows them without a round trip
    # … and so are the lines of every basis: the page shows and hides bases in the browser (the axis spans all)
    return line_chart(view.rows(dataset, "population", every_basis=True, every_year=True), dataset.places,
                      dataset.bases, lang, y_title=_population_title(view, lang),
                      events=milestones(dataset, view.pair, YEARS), events_shown=view.events,
                      decimals=1 if view.view == "index" else 0, bases_shown=view.bases)


@per_version()
def _population_windows(dataset, lang, view: PeopleView):
    rows = view.rows(dataset, "population", every_basis=True, every_year=True)
    return year_windows.table(_plotted(rows), YEARS, lambda v: tick_label(v, lang), include_zero=view.view != "index",
                              title=_population_title(view, lang))


def _population_title(view: PeopleView, lang: str) -> str:
    return t("people.index_axis", lang, year=view.base_year) if view.view == "index" else t("people.persons_axis", lang)


@per_version()
def _density_chart(dataset, lang, view: PeopleView):
    return line_chart(view.rows(dataset, "density", every_basis=True, every_year=True), dataset.places, dataset.bases,
                      lang, y_title=t("people.density_axis", lang), bases_shown=view.bases)


@per_version()
def _density_windows(dataset, lang, view: PeopleView):
    rows = view.rows(dataset, "density", every_basis=True, every_year=True)
    return year_windows.table(_plotted(rows), YEARS, lambda v: tick_label(v, lang), title=t("people.density_axis", lang))


def _plotted(rows):
    # a figure whose year is not stated has no place on a time axis (line_chart leaves it out too)
    return rows[rows["period_kind"].ne("document_year")] if "period_kind" in rows else rows


@per_version()
def _population_figure(dataset, lang, view: PeopleView):
    # the axis spans the years asked for (a slide "since 2000" starts in 2000, even where the data starts later)
    return year_windows.shown(_population_chart(dataset, lang, view._every_year()),
                              _population_windows(dataset, lang, view._axes()), view.years)


@per_version()
def _density_figure(dataset, lang, view: PeopleView):
    return year_windows.shown(_density_chart(dataset, lang, view._every_year()),
                              _density_windows(dataset, lang, view._axes()), view.years)
