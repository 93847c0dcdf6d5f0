"""What the dashboard expects of the published dataset beyond its tables: the closed vocabularies of the
events table, in the order the timeline shows them. Every label comes from the i18n catalogues
(``timeline.field.<id>``, ``timeline.kind.<id>`` …), so a new term needs a translation before it can be shown.

The ETL validates events against its own lists (``etl.schema``); the two packages never import each other, and
``tests/dashboard/test_contract.py`` checks that both sides name the same terms in the same order.
"""
from __future__ import annotations

FIELDS = ("renewable_energy", "healthcare", "next_generation", "water", "culture", "trade", "general")
KINDS = ("agreement", "delegation_visit", "study_tour", "trade_fair", "online_exchange", "award", "seminar",
         "meeting", "symposium", "opening", "exchange_programme", "other")
STATUSES = ("held", "planned", "cancelled", "not_recorded")
VENUES = ("online", "elsewhere")   # where an event took place besides the pair's two places (from the catalogues)
