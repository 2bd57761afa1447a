from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routes.text.quantities import find_quantities


@pytest.mark.parametrize(("text", "surface", "value", "unit", "hedge"), [
    ("about 700 km", "700 km", 700, "km", "approx"),
    ("the approximately 700-kilometer (435-mile) distance", "700-kilometer", 700, "km",
     "approx"),
    ("takes only around an hour and a half", "an hour and a half", 1.5, "h", "approx"),
    ("two and a half hours", "two and a half hours", 2.5, "h", None),
    ("in 1h30", "1h30", 1.5, "h", None),
    ("a 90-minute boat ride", "90-minute", 90, "min", None),
    ("more than ten hours", "ten hours", 10, "h", "more_than"),
    ("at least six days", "six days", 6, "day", "at_least"),
    ("up to three days", "three days", 3, "day", "at_most"),
    ("some 1,700 nautical miles", "1,700 nautical miles", 1700, "nmi", "approx"),
    ("averaging roughly 245 km/h", "245 km/h", 245, "km/h", "approx"),
    ("at 60 mph", "60 mph", 60, "mph", None),
    ("at an average of 14 knots", "14 knots", 14, "kn", None),
    ("a dozen miles", "a dozen miles", 12, "mi", None),
    ("two hours and 15 minutes", "two hours and 15 minutes", 2.25, "h", None),
    ("1 hour 45 minutes", "1 hour 45 minutes", 1.75, "h", None),
    ("half an hour", "half an hour", 0.5, "h", None),
    ("1/2 mile", "1/2 mile", 0.5, "mi", None),
])
def test_quantities_and_hedges(text: str, surface: str, value: float, unit: str,
                               hedge: str | None) -> None:
    q = find_quantities(text)[0]
    assert (q.surface, q.unit, q.hedge) == (surface, unit, hedge)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("8 to 10 hours", 8, 10), ("between 600 and 700 km", 600, 700), ("10-12 days", 10, 12),
])
def test_ranges(text: str, low: float, high: float) -> None:
    q = find_quantities(text)[0]
    assert (q.low, q.high, q.hedge) == (low, high, "range")
    assert q.value == pytest.approx((low + high) / 2)


def test_si_values() -> None:
    assert find_quantities("435-mile")[0].si == pytest.approx(700064.64)
    assert find_quantities("an hour and a half")[0].si == 5400


@pytest.mark.parametrize("text", [
    "some 10,000 North Korean laborers", "from April 26 to 27", "for eight years",
    "an area of 500 km²", "50 square kilometres", "a 5 m tall statue", "at 4 pm", "$300",
    "a 30% rise",
])
def test_non_quantities(text: str) -> None:
    assert find_quantities(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_and_offsets(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface
        assert q.si >= 0
