"""Profit of a month at a planned volume (module 6)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import profit_at_volume


class TestProfitAtVolume:
    def test_course_example(self):
        # 400 × (500 − 200) − 90,000 = 30,000
        assert profit_at_volume(units=400, price=500, variable_cost=200, fixed_costs=90_000) == 30_000.0

    def test_loss_below_break_even(self):
        # 250 × 300 − 90,000 = −15,000
        assert profit_at_volume(250, 500, 200, 90_000) == -15_000.0

    def test_zero_at_break_even(self):
        # Tamale bakery: 600 × (25 − 15) − 6,000 = 0
        assert profit_at_volume(600, 25, 15, 6_000) == 0.0

    def test_nothing_sold_loses_the_fixed_costs(self):
        assert profit_at_volume(0, 25, 15, 6_000) == -6_000.0

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((-1, 25, 15, 6_000), "Units sold cannot be negative (got -1)."),
            ((900, 0, 15, 6_000), "The price must be more than 0 (got 0)."),
            ((900, 25, -15, 6_000), "The variable cost cannot be negative (got -15)."),
            ((900, 25, 15, -1), "Fixed costs cannot be negative (got -1)."),
            ((900, "25", 15, float("inf")), "Fixed costs must be a finite number (got inf)."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            profit_at_volume(*arguments)
        assert str(error.value) == message

    @FAST
    @given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0.01, max_value=1e6),
           st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e9))
    def test_each_unit_adds_its_contribution(self, units, price, variable, fixed):
        gain = profit_at_volume(units + 1, price, variable, fixed) - profit_at_volume(units, price, variable, fixed)
        assert gain == pytest.approx(price - variable, rel=1e-6, abs=1e-2)  # sums near 1e12 carry 1e-4 of rounding
