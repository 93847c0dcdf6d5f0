"""What every view model shares: the pair, and the URL query built from the page's own parameters."""
from __future__ import annotations

from typing import Mapping
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict

from dashboard.views.pair import PARAM, Pair, comparability, resolve


def one(raw):
    """Dash passes a repeated query key as a list: take the first."""
    if isinstance(raw, (list, tuple)):
        return raw[0] if raw else None
    return raw


class PageView(BaseModel):
    model_config = ConfigDict(frozen=True)

    pair: Pair

    @staticmethod
    def pair_from(dataset, query: Mapping | None) -> Pair:
        return resolve(dataset, (query or {}).get(PARAM))

    def params(self) -> dict[str, str]:
        """The page's own URL parameters (non-default ones only)."""
        return {}

    def note(self, dataset, indicator_id: str, lang: str) -> str:
        """The comparability note of an indicator for this pair."""
        return comparability(dataset, self.pair, indicator_id, lang)

    def query_params(self) -> dict[str, str]:
        pair = self.pair.query_value()
        return {**({PARAM: pair} if pair else {}), **{k: v for k, v in self.params().items() if v != ""}}

    def to_query(self) -> str:
        """``?pair=…&currency=ppp`` (commas kept), or "" for the default view of the default pair."""
        params = self.query_params()
        return "?" + urlencode(params, safe=",") if params else ""


def pair_query(pair: Pair) -> str:
    """The query that keeps only the pair (for navigation links)."""
    value = pair.query_value()
    return "?" + urlencode({PARAM: value}) if value else ""
