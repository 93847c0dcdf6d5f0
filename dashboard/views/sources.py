"""Sources: every source, the published version and its checks (the pair keeps the header's links)."""
from __future__ import annotations

from typing import Mapping

from dashboard.views.base import PageView


class SourcesView(PageView):
    @classmethod
    def from_query(cls, dataset, q: Mapping | None = None) -> "SourcesView":
        return cls(pair=cls.pair_from(dataset, q or {}))
