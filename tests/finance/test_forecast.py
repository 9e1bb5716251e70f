"""Monthly sales with seasonal indexes (module 3)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.finance import MONTHS, seasonal_sales

FAST = settings(max_examples=60, deadline=None, database=None)

# Rosa's queso helado in Arequipa (curriculum/data/m03.toml, illustrative)
AREQUIPA = [1.3, 1.3, 1.1, 0.9, 0.8, 0.7, 0.8, 1.2, 0.9, 0.9, 0.9, 1.2]

indexes = st.lists(st.floats(min_value=0, max_value=10), min_size=MONTHS, max_size=MONTHS)


class TestSeasonalSales:
    def test_course_example(self):
        # 1,500 cups × S/ 3 × index: January 1.3 -> 5,850; June 0.7 -> 3,150; the indexes sum to 12 -> 54,000
        sales = seasonal_sales(1500, 3, AREQUIPA)
        assert sales[0] == pytest.approx(5850)
        assert sales[5] == pytest.approx(3150)
        assert math.fsum(sales) == pytest.approx(54_000)

    def test_self_check_example(self):
        # module 3's self-check: 200 units × 5 × 1.5 in December = 1,500
        assert seasonal_sales(200, 5, [1.0] * 11 + [1.5])[11] == 1500.0

    def test_flat_year_is_twelve_normal_months(self):
        assert seasonal_sales(100, 2.5, [1] * 12) == (250.0,) * 12

    def test_zero_index_is_a_closed_month(self):
        assert seasonal_sales(100, 2, [0] + [1] * 11)[0] == 0.0

    def test_zero_units(self):
        assert seasonal_sales(0, 2, AREQUIPA) == (0.0,) * 12

    def test_twelve_floats_january_first(self):
        sales = seasonal_sales(10, 1, list(range(12)))
        assert sales == tuple(float(month) * 10 for month in range(12))
        assert all(isinstance(value, float) for value in sales)

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((100, 2, [1.0] * 11), "There must be 12 seasonal indexes, one per month (got 11)."),
            ((100, 2, [1.0] * 13), "There must be 12 seasonal indexes, one per month (got 13)."),
            ((100, 2, []), "There must be 12 seasonal indexes, one per month (got 0)."),
            ((100, 2, [1.0] * 5 + [-0.5] + [1.0] * 6), "The seasonal index of month 6 cannot be negative (got -0.5)."),
            ((100, 2, [1.0] * 11 + [math.nan]), "The seasonal index of month 12 must be a finite number (got nan)."),
            ((100, 2, "1" * 12), "The seasonal indexes must be a list of 12 numbers (got '111111111111')."),
            ((100, 0, [1.0] * 12), "The price of one unit must be more than 0 (got 0)."),
            ((100, -3, [1.0] * 12), "The price of one unit must be more than 0 (got -3)."),
            ((-1, 2, [1.0] * 12), "Units sold in a normal month cannot be negative (got -1)."),
            (("many", 2, [1.0] * 12), "Units sold in a normal month must be a number (got 'many')."),
        ],
    )
    def test_invalid_input_is_explained(self, arguments, message):
        with pytest.raises(ValueError) as error:
            seasonal_sales(*arguments)
        assert str(error.value) == message

    @FAST
    @given(st.floats(0, 1e6), st.floats(0.01, 1e4), indexes)
    def test_each_month_is_units_times_price_times_index(self, units, price, pattern):
        sales = seasonal_sales(units, price, pattern)
        assert len(sales) == MONTHS
        for month, index in enumerate(pattern):
            assert sales[month] == pytest.approx(units * price * index)

    @FAST
    @given(st.floats(0, 1e6), st.floats(0.01, 1e4), indexes)
    def test_year_is_normal_month_times_sum_of_indexes(self, units, price, pattern):
        assert math.fsum(seasonal_sales(units, price, pattern)) == pytest.approx(units * price * math.fsum(pattern),
                                                                                 rel=1e-9, abs=1e-6)
