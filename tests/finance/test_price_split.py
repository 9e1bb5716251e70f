"""Price split of one unit: materials, labour, overheads and profit (module 4)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import PriceSplit, price_split


def amounts(largest: float) -> st.SearchStrategy[float]:
    """0, or an amount of at least a thousandth of the currency (the smallest coin of TND).

    Subnormal floats such as 5e-324 are no cost anyone types, and cost × markup underflows there.
    """
    return st.one_of(st.just(0.0), st.floats(min_value=1e-3, max_value=largest))


class TestPriceSplit:
    def test_course_example(self):
        # 300 + 100 + 60,000 ÷ 600 = 500; profit 500 × 25 % = 125; price 625; margin 125 ÷ 625 = 20 %
        split = price_split(materials=300, labour=100, overheads=60_000, units=600, markup=0.25)
        assert split == PriceSplit(materials=300.0, labour=100.0, overheads=100.0, profit=125.0)
        assert (split.unit_cost, split.price, split.margin) == (500.0, 625.0, 0.2)

    def test_saltena_example(self):
        # module 4's lesson: 3.20 + 1.00 + 1,800 ÷ 3,000 = 4.80; × 1.5 = 7.20; profit 2.40
        split = price_split(3.2, 1, 1800, 3000, 0.5)
        assert split.overheads == pytest.approx(0.6)
        assert split.profit == pytest.approx(2.4)
        assert split.price == pytest.approx(7.2)

    def test_zero_markup(self):
        split = price_split(300, 100, 60_000, 600, 0)
        assert (split.profit, split.price, split.margin) == (0.0, 500.0, 0.0)

    def test_no_overheads(self):
        assert price_split(300, 0, 0, 1, 1.0).price == 600.0

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((-1, 100, 60_000, 600, 0.25), "Materials per unit cannot be negative (got -1)."),
            ((300, -100, 60_000, 600, 0.25), "Labour per unit cannot be negative (got -100)."),
            ((300, 100, -5, 600, 0.25), "Overheads cannot be negative (got -5)."),
            ((300, 100, 60_000, 0, 0.25), "The number of units must be more than 0 (got 0)."),
            ((300, 100, 60_000, 600, -0.1), "The markup cannot be negative (got -0.1)."),
            ((0, 0, 0, 600, 0.25), "The unit cost must be more than 0 (got 0)."),
            ((300, 100, 60_000, 600, float("nan")), "The markup must be a finite number (got nan)."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            price_split(*arguments)
        assert str(error.value) == message

    @FAST
    @given(amounts(1e6), amounts(1e6), amounts(1e9), st.integers(min_value=1, max_value=10**6),
           st.floats(min_value=0, max_value=10))
    def test_parts_add_up_to_the_price(self, materials, labour, overheads, units, markup):
        cost = materials + labour + overheads / units
        if cost <= 0:
            return
        split = price_split(materials, labour, overheads, units, markup)
        assert math.fsum((split.materials, split.labour, split.overheads, split.profit)) == pytest.approx(
            cost * (1 + markup), rel=1e-12)
        assert split.margin == pytest.approx(markup / (1 + markup), rel=1e-9, abs=1e-12)
