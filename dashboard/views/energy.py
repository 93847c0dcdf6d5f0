"""Energy: renewable shares and capacity in the pair's places and their regions, with the targets."""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from dashboard import query
from dashboard.cache import per_version
from dashboard.figures.share_panels import share_figure, share_store
from dashboard.figures.small_multiples import capacity_panels
from dashboard.i18n import t
from dashboard.selection import series
from dashboard.views.base import PageView
from dashboard.views.timeline import milestones

SHARES = ("re_share_energy_demand", "re_share_electricity_consumption", "re_share_gross_electricity_consumption",
          "re_share_electricity_fed_in", "re_share_primary_energy", "re_share_final_energy_consumption")
CAPACITY = ("re_capacity_total", "pv_capacity", "wind_farm_capacity")
YEARS = (2005, 2050)
DEFAULT_YEARS = (2005, 2042)
CHARTS = ("shares", "capacity")
EVENT_FIELDS = ("renewable_energy", "general")


class EnergyView(PageView):
    indicators: tuple[str, ...] = SHARES
    areas: tuple[str, ...] = ()
    years: tuple[int, int] = DEFAULT_YEARS
    events: bool = False

    @classmethod
    def from_query(cls, dataset, q: Mapping | None = None) -> "EnergyView":
        q = q or {}
        pair = cls.pair_from(dataset, q)
        return cls(pair=pair, indicators=tuple(query.choices(q.get("indicator"), SHARES, SHARES)),
                   areas=tuple(query.choices(q.get("areas"), pair.areas, pair.areas)),
                   years=query.year_range(q.get("years"), *YEARS, DEFAULT_YEARS),
                   events=query.flag(q.get("events"), False))

    @classmethod
    def from_controls(cls, dataset, pair_id, indicators, areas, years, events) -> "EnergyView":
        pair = cls.pair_from(dataset, {"pair": pair_id})
        return cls(pair=pair, indicators=tuple(i for i in (indicators or []) if i in SHARES),
                   areas=tuple(a for a in (areas or []) if a in pair.areas),
                   years=query.slider_range(years, *YEARS, DEFAULT_YEARS), events=bool(events))

    def params(self) -> dict[str, str]:
        return {"indicator": ",".join(self.indicators) if self.indicators != SHARES else "",
                "areas": ",".join(self.areas) if self.areas != self.pair.areas else "",
                "years": f"{self.years[0]}-{self.years[1]}" if self.years != DEFAULT_YEARS else "",
                "events": "1" if self.events else ""}

    def share_rows(self, dataset) -> pd.DataFrame:
        frames = [series(dataset.facts, i, self.areas, year_range=self.years) for i in self.indicators]
        return pd.concat(frames) if frames else dataset.facts.iloc[0:0]

    def capacity_rows(self, dataset) -> pd.DataFrame:
        return pd.concat([series(dataset.facts, i, self.areas) for i in CAPACITY])

    def targets(self, dataset) -> pd.DataFrame:
        return dataset.targets[dataset.targets["area_id"].isin(self.areas)]

    def shares_store(self, dataset, lang: str) -> dict:
        """Every measure, place and year of the pair, for the browser to draw any choice of them."""
        return _shares_store(dataset, lang, self.pair)

    def shares_figure(self, dataset, lang: str):
        return _shares_figure(dataset, lang, self)

    def capacity_figure(self, dataset, lang: str):
        return capacity_panels(self.capacity_rows(dataset), dataset.places, lang, indicators=dataset.indicators,
                               basis_labels=dataset.bases)


@per_version(maxsize=64)
def _shares_store(dataset, lang, pair):
    # the milestones are always carried, hidden unless asked for: the page shows them without a round trip
    everything = EnergyView(pair=pair, indicators=SHARES, areas=pair.areas, years=YEARS)
    return share_store(everything.share_rows(dataset), dataset.places, lang, indicators=dataset.indicators,
                       order=SHARES, targets=everything.targets(dataset),
                       events=milestones(dataset, pair, YEARS, EVENT_FIELDS))


@per_version()
def _shares_figure(dataset, lang, view: EnergyView):
    return share_figure(view.shares_store(dataset, lang), view.indicators, view.areas, view.events, view.years)
