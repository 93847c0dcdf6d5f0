"""Japanese eras for display: the first day of each era (the ETL keeps its own table for parsing era dates;
``tests/dashboard/test_contract.py`` checks that the two agree)."""
from __future__ import annotations

from datetime import date

ERA_START = {"明治": date(1868, 1, 25), "大正": date(1912, 7, 30), "昭和": date(1926, 12, 25),
             "平成": date(1989, 1, 8), "令和": date(2019, 5, 1)}
