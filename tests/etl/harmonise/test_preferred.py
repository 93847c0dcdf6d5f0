"""etl.harmonise.preferred: one preferred value per place, indicator, basis and period."""
from __future__ import annotations

import pandas as pd

from etl.harmonise.preferred import resolve


def f(value, source, preferred=None, row=1, period="2022-12-31"):
    return {"area_id": "essen", "indicator_id": "population", "basis": "register", "period": period,
            "value": float(value), "source_id": source, "preferred": preferred, "raw_file": f"{source}.csv",
            "raw_row": row}


def frame(*rows):
    out = pd.DataFrame(list(rows))
    out["preferred"] = out["preferred"].astype("boolean")
    return out


def test_a_single_value_is_preferred():
    out, problems = resolve(frame(f(593489, "a")), {})
    assert problems == [] and out["preferred"].tolist() == [True]


def test_equal_unmarked_values_are_resolved_by_priority():
    out, problems = resolve(frame(f(593489, "seed", row=1), f(593489, "register", row=17)),
                            {"seed": -10, "register": 0})
    assert problems == []
    assert out.set_index("source_id")["preferred"].to_dict() == {"seed": False, "register": True}


def test_equal_priority_is_resolved_by_source_id():
    out, _ = resolve(frame(f(1, "b"), f(1, "a")), {})
    assert out.set_index("source_id")["preferred"].to_dict() == {"a": True, "b": False}


def test_conflicting_unmarked_values_are_a_problem_naming_files_and_rows():
    out, problems = resolve(frame(f(571058, "tag24", row=12), f(571039, "citypop", row=13)), {})
    assert len(problems) == 1
    assert "conflicting values for essen/population/register/2022-12-31" in problems[0]
    assert "tag24.csv row 12 = 571058" in problems[0] and "citypop.csv row 13 = 571039" in problems[0]


def test_the_marked_value_wins():
    out, problems = resolve(frame(f(571058, "a", True), f(571039, "a", False, row=2)), {})
    assert problems == [] and out["preferred"].tolist() == [True, False]


def test_two_marked_values_are_a_problem():
    _, problems = resolve(frame(f(1, "a", True), f(2, "b", True)), {})
    assert len(problems) == 1 and "more than one value marked preferred" in problems[0]


def test_a_value_marked_not_preferred_stays_unpreferred_and_keys_are_independent():
    out, problems = resolve(frame(f(1, "a", False), f(5, "a", period="2023-12-31")), {})
    assert problems == [] and out["preferred"].tolist() == [False, True]
