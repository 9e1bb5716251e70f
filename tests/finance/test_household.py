"""Household money: totals, monthly surplus, how long savings last (modules 1 and 8)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import budget_surplus, runway_months, total

money = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


class TestTotal:
    def test_named_amounts_are_summed(self):
        # 50,000 + 120,000
        assert total({"rent": 50_000, "food": 120_000}) == 170_000.0

    def test_single_amount(self):
        assert total(75_000) == 75_000.0
        assert isinstance(total(75_000), float)

    def test_empty_mapping_is_zero(self):
        assert total({}) == 0

    def test_zero_is_allowed(self):
        assert total({"rent": 0}) == 0

    def test_negative_named_amount(self):
        with pytest.raises(ValueError) as error:
            total({"rent": 50_000, "food": -1})
        assert str(error.value) == "Each amount (food) cannot be negative (got -1)."

    def test_negative_single_amount_names_the_quantity(self):
        with pytest.raises(ValueError) as error:
            total(-20, "Rent")
        assert str(error.value) == "Rent cannot be negative (got -20)."

    def test_text(self):
        with pytest.raises(ValueError) as error:
            total({"rent": "a lot"})
        assert str(error.value) == "Each amount (rent) must be a number (got 'a lot')."

    def test_nan(self):
        with pytest.raises(ValueError) as error:
            total(float("nan"))
        assert str(error.value) == "Each amount must be a finite number (got nan)."

    @FAST
    @given(st.dictionaries(st.text(min_size=1, max_size=8), money, max_size=10))
    def test_sum_of_parts(self, amounts):
        assert total(amounts) == pytest.approx(math.fsum(amounts.values()), rel=1e-12, abs=1e-6)


class TestBudgetSurplus:
    def test_surplus(self):
        # (300,000 + 90,000) − (60,000 + 150,000) = 180,000
        assert budget_surplus({"shop": 300_000, "wife's salary": 90_000}, {"rent": 60_000, "food": 150_000}) == 180_000

    def test_deficit_is_negative(self):
        # 100,000 − 130,000
        assert budget_surplus(100_000, {"rent": 40_000, "food": 90_000}) == -30_000

    def test_zero_spending(self):
        assert budget_surplus(50_000, 0) == 50_000

    def test_negative_income(self):
        with pytest.raises(ValueError) as error:
            budget_surplus(-1, 10)
        assert str(error.value) == "Income cannot be negative (got -1)."

    def test_negative_named_spending(self):
        with pytest.raises(ValueError) as error:
            budget_surplus({"shop": 100}, {"rent": -5})
        assert str(error.value) == "Spending (rent) cannot be negative (got -5)."

    def test_text_income(self):
        with pytest.raises(ValueError) as error:
            budget_surplus("lots", 10)
        assert str(error.value) == "Income must be a number (got 'lots')."

    @FAST
    @given(money, money)
    def test_income_minus_spending(self, income, spending):
        assert budget_surplus(income, spending) == income - spending


class TestRunwayMonths:
    def test_months_covered(self):
        # 1,200,000 ÷ 300,000 = 4
        assert runway_months(1_200_000, 300_000) == 4.0

    def test_fraction_of_a_month(self):
        # 450,000 ÷ 300,000 = 1.5
        assert runway_months(450_000, 300_000) == 1.5

    def test_zero_spending_lasts_forever(self):
        assert runway_months(1_000, 0) == math.inf

    def test_no_savings(self):
        assert runway_months(0, 300_000) == 0.0

    def test_negative_savings(self):
        with pytest.raises(ValueError) as error:
            runway_months(-1, 300_000)
        assert str(error.value) == "Savings cannot be negative (got -1)."

    def test_negative_spending(self):
        with pytest.raises(ValueError) as error:
            runway_months(1_000, -100)
        assert str(error.value) == "Essential monthly spending cannot be negative (got -100)."

    def test_nan_spending(self):
        with pytest.raises(ValueError) as error:
            runway_months(1_000, float("nan"))
        assert str(error.value) == "Essential monthly spending must be a finite number (got nan)."

    def test_text_savings(self):
        with pytest.raises(ValueError) as error:
            runway_months("some", 100)
        assert str(error.value) == "Savings must be a number (got 'some')."
