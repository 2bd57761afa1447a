from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from routes.estimate import Budget, Estimate


def test_estimate_rejects_out_of_order_bounds() -> None:
    with pytest.raises(ValueError, match="out of order"):
        Estimate(3.0, 2.0, 4.0)


def test_parts_with_the_same_source_add_linearly() -> None:
    b = Budget()
    b.add("speed:kp", Estimate(9.0, 10.0, 12.0))
    b.add("speed:kp", Estimate(9.0, 10.0, 12.0))
    assert b.estimate() == Estimate(18.0, 20.0, 24.0)


def test_independent_parts_add_in_quadrature() -> None:
    b = Budget()
    b.add("a", Estimate(7.0, 10.0, 14.0))
    b.add("b", Estimate(6.0, 10.0, 13.0))
    total = b.estimate()
    assert total.central == 20.0
    assert math.isclose(total.low, 20.0 - 5.0)
    assert math.isclose(total.high, 20.0 + 5.0)


@given(st.lists(st.tuples(st.sampled_from("abc"), st.floats(0, 100), st.floats(0, 50),
                          st.floats(0, 50)), max_size=20))
def test_total_range_never_exceeds_the_sum_of_extremes(parts: list[tuple[str, float, float, float]]
                                                       ) -> None:
    b = Budget()
    for key, central, below, above in parts:
        b.add(key, Estimate(max(central - below, 0.0), central, central + above))
    total = b.estimate()
    assert total.low <= total.central <= total.high
    worst_high = sum(c + a for _, c, _, a in parts)
    assert total.high <= worst_high + 1e-6
