"""Overview: the latest figure of each headline indicator for both places of the pair, targets, regions."""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from dashboard import query
from dashboard.selection import latest
from dashboard.views.base import PageView
from dashboard.views.energy import SHARES
from dashboard.views.pair import Place

ROWS = ("climate_target", "regional_renewables")   # rows beside the indicator cards
BASIS_ORDERED = ("population", "density")


def kpi_indicators(dataset) -> list[dict]:
    indicators = dataset.indicators[dataset.indicators["kpi_order"].ne("")].copy()
    indicators["order"] = indicators["kpi_order"].astype(int)
    return indicators.sort_values("order").to_dict("records")


class OverviewView(PageView):
    era: bool = False
    indicators: tuple[str, ...] = ()   # empty: every row (a deck slide picks some)

    @classmethod
    def from_query(cls, dataset, q: Mapping | None = None, lang: str = "en") -> "OverviewView":
        q = q or {}
        allowed = tuple(i["id"] for i in kpi_indicators(dataset)) + ROWS
        wanted = query.choices(q.get("indicator"), allowed, ())
        return cls(pair=cls.pair_from(dataset, q), era=lang == "ja" and query.flag(q.get("era"), False),
                   indicators=tuple(wanted))

    def params(self) -> dict[str, str]:
        return {"indicator": ",".join(self.indicators), "era": "1" if self.era else ""}

    def shows(self, row: str) -> bool:
        return not self.indicators or row in self.indicators

    def kpi_facts(self, dataset) -> list[tuple[dict, tuple]]:
        """(indicator, (fact a, fact b)) per headline indicator shown; a fact is None where there is a gap."""
        out = []
        for ind in kpi_indicators(dataset):
            if not self.shows(ind["id"]):
                continue
            facts = tuple(latest(dataset.facts, p.id, ind["id"],
                                 list(p.population_bases) if ind["id"] in BASIS_ORDERED else None)
                          for p in self.pair.places)
            out.append((ind, facts))
        return out

    def target_areas(self, dataset) -> tuple[Place, ...]:
        """The two places, then each context area that has a climate target."""
        with_target = set(dataset.targets["area_id"])
        return (*self.pair.places, *(p for p in self.pair.contexts if p.id in with_target))

    def targets(self, dataset, place: Place) -> pd.DataFrame:
        return dataset.targets[dataset.targets["area_id"].eq(place.id)]

    def region_facts(self, dataset) -> list[tuple[Place, str, dict | None]]:
        """Per side's region: its renewable share, the first measure (in the energy page's order) it has."""
        out = []
        for region in self.pair.regions:
            for indicator in SHARES:
                fact = latest(dataset.facts, region.id, indicator)
                if fact is not None:
                    out.append((region, indicator, fact))
                    break
        return out
