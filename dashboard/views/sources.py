"""Sources: every source, the published version and its checks (the pair keeps the header's links)."""
from __future__ import annotations

import re
from typing import Mapping

import pandas as pd

from dashboard.i18n import t
from dashboard.views.base import PageView


class SourcesView(PageView):
    @classmethod
    def from_query(cls, dataset, q: Mapping | None = None) -> "SourcesView":
        return cls(pair=cls.pair_from(dataset, q or {}))

    @staticmethod
    def cycle(text: str, lang: str) -> str:
        """"P1Y" → "every 1 year(s)" in the language (other ISO 8601 durations are shown as written)."""
        match = re.fullmatch(r"P(\d+)([YM])", str(text or ""))
        if not match:
            return str(text or "")
        return t("provenance.cycle_years" if match.group(2) == "Y" else "provenance.cycle_months", lang,
                 n=match.group(1))

    @staticmethod
    def past_due(dataset) -> dict[str, dict]:
        """Source id → its past-due entry (latest reference date + update cycle before today; from the ETL)."""
        return {d["source_id"]: d for d in dataset.manifest.get("past_due") or []}

    @staticmethod
    def cited_rows(dataset, source_id: str) -> pd.DataFrame:
        """One row per page the source's figures were read from, by publisher (empty before provenance)."""
        facts = dataset.facts
        if "publisher_id" not in facts:
            return facts.iloc[0:0]
        rows = facts[facts["source_id"].eq(source_id) & facts["source_url"].ne("")]
        return rows.drop_duplicates("source_url").sort_values(["publisher_id", "source_url"])

    @staticmethod
    def publisher_names(dataset, source_id: str, fallback: str, lang: str) -> str:
        """The publishers of a source's rows, named in the page's language (else the source.yaml text)."""
        names = []
        if f"publisher_{lang}" in dataset.facts:
            rows = dataset.facts[dataset.facts["source_id"].eq(source_id)]
            names = list(dict.fromkeys(str(n) for n in rows[f"publisher_{lang}"].dropna()))
        if not names and "publisher_id" in dataset.targets and len(dataset.publishers):
            own = dataset.targets[dataset.targets["source_id"].eq(source_id)]["publisher_id"]
            lookup = dict(zip(dataset.publishers["id"], dataset.publishers[f"name_{lang}"]))
            names = list(dict.fromkeys(lookup.get(p, p) for p in own))
        return ", ".join(names) or fallback
