"""Unit cost and price: markup versus margin (module 4)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import margin_from_markup, markup_from_margin, price_from_markup, unit_cost


class TestUnitCost:
    def test_course_example(self):
        # 300 + 100 + 60,000 ÷ 600 = 500
        assert unit_cost(materials=300, labour=100, overheads=60_000, units=600) == 500.0

    def test_no_overheads(self):
        assert unit_cost(materials=250, labour=50, overheads=0, units=10) == 300.0

    def test_overheads_spread_over_fewer_units_cost_more(self):
        # 60,000 ÷ 300 = 200 per unit instead of 100
        assert unit_cost(300, 100, 60_000, 300) == 600.0

    def test_fractional_units(self):
        assert unit_cost(0, 0, 100, 0.5) == 200.0

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((300, 100, 60_000, 0), "The number of units must be more than 0 (got 0)."),
            ((300, 100, 60_000, -5), "The number of units must be more than 0 (got -5)."),
            ((-1, 100, 60_000, 600), "Materials per unit cannot be negative (got -1)."),
            ((300, -2, 60_000, 600), "Labour per unit cannot be negative (got -2)."),
            ((300, 100, -10, 600), "Overheads cannot be negative (got -10)."),
            ((300, 100, float("nan"), 600), "Overheads must be a finite number (got nan)."),
            (("cheap", 100, 60_000, 600), "Materials per unit must be a number (got 'cheap')."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            unit_cost(*arguments)
        assert str(error.value) == message


class TestPriceFromMarkup:
    def test_course_example(self):
        # 500 × 1.25 = 625
        assert price_from_markup(500, 0.25) == 625.0

    def test_zero_markup_sells_at_cost(self):
        assert price_from_markup(500, 0) == 500.0

    def test_markup_above_100_percent(self):
        # 200 × (1 + 1.5) = 500
        assert price_from_markup(200, 1.5) == 500.0

    def test_zero_cost(self):
        with pytest.raises(ValueError) as error:
            price_from_markup(0, 0.25)
        assert str(error.value) == "The unit cost must be more than 0 (got 0)."

    def test_negative_markup(self):
        with pytest.raises(ValueError) as error:
            price_from_markup(500, -0.1)
        assert str(error.value) == "The markup cannot be negative (got -0.1)."


class TestMarginFromMarkup:
    @pytest.mark.parametrize(("markup", "margin"), [(0.25, 0.2), (1.0, 0.5), (0.0, 0.0), (3.0, 0.75)])
    def test_by_hand(self, markup, margin):
        # margin = markup ÷ (1 + markup): 0.25/1.25, 1/2, 0/1, 3/4
        assert margin_from_markup(markup) == pytest.approx(margin, rel=1e-15)

    def test_negative_markup(self):
        with pytest.raises(ValueError) as error:
            margin_from_markup(-0.5)
        assert str(error.value) == "The markup cannot be negative (got -0.5)."

    def test_infinite_markup(self):
        with pytest.raises(ValueError) as error:
            margin_from_markup(float("inf"))
        assert str(error.value) == "The markup must be a finite number (got inf)."


class TestMarkupFromMargin:
    @pytest.mark.parametrize(("margin", "markup"), [(0.2, 0.25), (0.5, 1.0), (0.0, 0.0), (0.75, 3.0)])
    def test_by_hand(self, margin, markup):
        # markup = margin ÷ (1 − margin): 0.2/0.8, 0.5/0.5, 0/1, 0.75/0.25
        assert markup_from_margin(margin) == pytest.approx(markup, rel=1e-15)

    @pytest.mark.parametrize(
        ("margin", "message"),
        [
            (1.0, "The margin must be at least 0% and below 100% (got 100%)."),
            (1.5, "The margin must be at least 0% and below 100% (got 150%)."),
            (-0.1, "The margin must be at least 0% and below 100% (got -10%)."),
            (float("nan"), "The margin must be a finite number (got nan)."),
            ("20%", "The margin must be a number (got '20%')."),
        ],
    )
    def test_invalid(self, margin, message):
        with pytest.raises(ValueError) as error:
            markup_from_margin(margin)
        assert str(error.value) == message


class TestMarkupMarginInverse:
    @FAST
    @given(st.floats(min_value=0, max_value=1_000))
    def test_markup_round_trip(self, markup):
        assert markup_from_margin(margin_from_markup(markup)) == pytest.approx(markup, rel=1e-9, abs=1e-15)

    @FAST
    @given(st.floats(min_value=0, max_value=0.999))
    def test_margin_round_trip(self, margin):
        assert margin_from_markup(markup_from_margin(margin)) == pytest.approx(margin, rel=1e-12, abs=1e-15)

    @FAST
    @given(st.floats(min_value=0.01, max_value=1e6), st.floats(min_value=0, max_value=100))
    def test_margin_is_profit_over_price(self, cost, markup):
        # price = cost·(1 + markup); (price − cost) ÷ price is the margin
        price = price_from_markup(cost, markup)
        assert (price - cost) / price == pytest.approx(margin_from_markup(markup), rel=1e-9, abs=1e-12)
