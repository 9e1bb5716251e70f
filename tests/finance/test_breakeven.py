"""Break-even and margin of safety (module 6)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import break_even_sales, break_even_units, margin_of_safety


class TestBreakEvenUnits:
    def test_course_example(self):
        # 90,000 ÷ (500 − 200) = 300
        assert break_even_units(fixed_costs=90_000, price=500, variable_cost=200) == 300.0

    def test_not_rounded(self):
        # 100,000 ÷ 300 = 333.33…: sell 334 to be safe
        assert break_even_units(100_000, 500, 200) == pytest.approx(1_000 / 3, rel=1e-15)

    def test_no_fixed_costs(self):
        assert break_even_units(0, 500, 200) == 0.0

    def test_no_variable_cost(self):
        assert break_even_units(90_000, 500, 0) == 180.0

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((90_000, 500, 500),
             "The price (500) must be higher than the variable cost per unit (500): "
             "otherwise every sale loses money and the business never breaks even."),
            ((90_000, 450, 500.5),
             "The price (450) must be higher than the variable cost per unit (500.5): "
             "otherwise every sale loses money and the business never breaks even."),
            ((90_000, 0, 200), "The price must be more than 0 (got 0)."),
            ((90_000, -5, 200), "The price must be more than 0 (got -5)."),
            ((-1, 500, 200), "Fixed costs cannot be negative (got -1)."),
            ((90_000, 500, -200), "The variable cost cannot be negative (got -200)."),
            ((90_000, float("nan"), 200), "The price must be a finite number (got nan)."),
            (("many", 500, 200), "Fixed costs must be a number (got 'many')."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            break_even_units(*arguments)
        assert str(error.value) == message

    @FAST
    @given(st.floats(min_value=0, max_value=1e9), st.floats(min_value=0, max_value=1e6),
           st.floats(min_value=0.01, max_value=1e6))
    def test_profit_is_zero_at_break_even(self, fixed, variable, contribution):
        price = variable + contribution
        units = break_even_units(fixed, price, variable)
        assert units * (price - variable) == pytest.approx(fixed, rel=1e-9, abs=1e-6)


class TestBreakEvenSales:
    def test_course_example(self):
        # 300 units × 500 = 150,000
        assert break_even_sales(90_000, 500, 200) == 150_000.0

    def test_price_equal_to_variable_cost(self):
        with pytest.raises(ValueError) as error:
            break_even_sales(90_000, 200, 200)
        assert str(error.value).startswith("The price (200) must be higher than the variable cost per unit (200)")

    @FAST
    @given(st.floats(min_value=0, max_value=1e9), st.floats(min_value=0, max_value=1e6),
           st.floats(min_value=0.01, max_value=1e6))
    def test_sales_cover_all_costs(self, fixed, variable, contribution):
        # sales = fixed ÷ (1 − variable ÷ price): the contribution-margin ratio form
        price = variable + contribution
        assert break_even_sales(fixed, price, variable) == pytest.approx(fixed / (1 - variable / price), rel=1e-6)


class TestMarginOfSafety:
    def test_course_example(self):
        # (400 − 300) ÷ 400 = 25%
        assert margin_of_safety(planned_units=400, break_even=300) == 0.25

    def test_below_break_even_is_negative(self):
        # (200 − 300) ÷ 200 = −50%
        assert margin_of_safety(200, 300) == -0.5

    def test_exactly_at_break_even(self):
        assert margin_of_safety(300, 300) == 0.0

    def test_nothing_to_cover(self):
        assert margin_of_safety(300, 0) == 1.0

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((0, 300), "Planned sales must be more than 0 (got 0)."),
            ((-10, 300), "Planned sales must be more than 0 (got -10)."),
            ((400, -1), "Break-even sales cannot be negative (got -1)."),
            ((400, float("inf")), "Break-even sales must be a finite number (got inf)."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            margin_of_safety(*arguments)
        assert str(error.value) == message
