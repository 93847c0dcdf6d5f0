"""People: population by basis (absolute or indexed) and density, for the pair's two places."""
from __future__ import annotations

from typing import Mapping

from dashboard import query
from dashboard.cache import per_version
from dashboard.figures.timeseries import line_chart
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

    def rows(self, dataset, indicator: str = "population", indexed: bool = True, every_basis: bool = False):
        """The rows shown (of the bases chosen; of every basis with ``every_basis``, for the charts)."""
        rows = series(dataset.facts, indicator, self.pair.ids, BASES if every_basis else self.bases, self.years)
        return index_to(rows, self.base_year) if indexed and indicator == "population" and self.view == "index" \
            else rows

    def population_figure(self, dataset, lang: str):
        return _population_figure(dataset, lang, self)

    def density_figure(self, dataset, lang: str):
        # one cached figure whatever the view, base year and milestones (density shows none of them)
        return _density_figure(dataset, lang, self.model_copy(update={"view": "absolute", "base_year": 2011,
                                                                      "events": False}))


@per_version()
def _population_figure(dataset, lang, view: PeopleView):
    indexed = view.view == "index"
    y_title = t("people.index_axis", lang, year=view.base_year) if indexed else t("people.persons_axis", lang)
    # the milestones are always carried, hidden unless asked for: the page shows them without a round trip
    # … and so are the lines of every basis: the page shows and hides bases in the browser (the axis spans all)
    fig = line_chart(view.rows(dataset, "population", every_basis=True), dataset.places, dataset.bases, lang,
                     y_title=y_title, events=milestones(dataset, view.pair, view.years), events_shown=view.events,
                     decimals=1 if indexed else 0, bases_shown=view.bases)
    # the axis spans the years asked for (a slide "since 2000" starts in 2000, even where the data starts later)
    return fig.update_xaxes(range=[f"{view.years[0]}-01-01", f"{view.years[1]}-12-31"])


@per_version()
def _density_figure(dataset, lang, view: PeopleView):
    return line_chart(view.rows(dataset, "density", every_basis=True), dataset.places, dataset.bases, lang,
                      y_title=t("people.density_axis", lang), bases_shown=view.bases)
