"""URL values are checked against what is allowed, never trusted."""
from hypothesis import given
from hypothesis import strategies as st

from dashboard import query


def test_choice_and_choices():
    assert query.choice("ppp", ["market", "ppp"], "market") == "ppp"
    assert query.choice("<script>", ["market", "ppp"], "market") == "market"
    assert query.choices("census,register,bogus", ["register", "census"], ["register"]) == ["census", "register"]
    assert query.choices("", ["a"], ["a"]) == ["a"]


def test_year_range():
    assert query.year_range("2000-2020", 1960, 2025, (1960, 2025)) == (2000, 2020)
    assert query.year_range("1800-3000", 1960, 2025, (1960, 2025)) == (1960, 2025)
    assert query.year_range("2020-2000", 1960, 2025, (1960, 2025)) == (1960, 2025)
    assert query.year_range("abc", 1960, 2025, (1970, 2000)) == (1970, 2000)


@given(st.text())
def test_hostile_values_fall_back(value):
    assert query.choice(value, ["a", "b"], "a") in ("a", "b")
    assert set(query.choices(value, ["a", "b"], ["a"])) <= {"a", "b"}
    lo, hi = query.year_range(value, 1960, 2025, (1960, 2025))
    assert 1960 <= lo <= hi <= 2025
    assert query.flag(value, True) in (True, False)


def test_slider_range():
    assert query.slider_range([2000, 2010], 1960, 2025, (1960, 2025)) == (2000, 2010)
    assert query.slider_range(None, 1960, 2025, (1970, 2000)) == (1970, 2000)
    assert query.slider_range([1900, 3000], 1960, 2025, (1960, 2025)) == (1960, 2025)
