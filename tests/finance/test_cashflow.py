"""Month-by-month cash-flow plan (module 7)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import CashFlowMonth, cash_flow_plan, negative_months


class TestCashFlowPlan:
    def test_course_example(self):
        # 100 + 50 − 60 = 90; 90 + 0 − 120 = −30; −30 + 80 − 30 = 20
        plan = cash_flow_plan(100, [50, 0, 80], [60, 120, 30])
        assert plan == (
            CashFlowMonth(1, 100.0, 50.0, 60.0, 90.0),
            CashFlowMonth(2, 90.0, 0.0, 120.0, -30.0),
            CashFlowMonth(3, -30.0, 80.0, 30.0, 20.0),
        )

    def test_single_month(self):
        assert cash_flow_plan(0, [10], [4]) == (CashFlowMonth(1, 0.0, 10.0, 4.0, 6.0),)

    def test_opening_overdraft_allowed(self):
        plan = cash_flow_plan(-500, [200], [0])
        assert plan[0].opening == -500.0 and plan[0].closing == -300.0

    def test_twelve_months_with_a_loan(self):
        # loan 1,000,000 in month 1; instalment 91,680 every month from month 2
        cash_in = [1_000_000] + [150_000] * 11
        cash_out = [900_000] + [91_680 + 50_000] * 11
        plan = cash_flow_plan(20_000, cash_in, cash_out)
        assert [month.month for month in plan] == list(range(1, 13))
        assert plan[-1].closing == pytest.approx(20_000 + 1_000_000 + 11 * 150_000 - 900_000 - 11 * 141_680)

    def test_120_months_is_the_limit(self):
        assert len(cash_flow_plan(0, [1] * 120, [0] * 120)) == 120

    def test_tuples_and_floats_accepted(self):
        assert cash_flow_plan(0.5, (1.5,), (0.25,))[0].closing == 1.75

    @pytest.mark.parametrize(
        ("cash_in", "cash_out", "message"),
        [
            ([1, 2, 3], [1, 2], "Cash in has 3 months but cash out has 2: give both for every month."),
            ([], [1], "Cash in has 0 months but cash out has 1: give both for every month."),
            ([], [], "A cash-flow plan covers 1 to 120 months (got 0)."),
            ([0] * 121, [0] * 121, "A cash-flow plan covers 1 to 120 months (got 121)."),
            ([10, -5], [0, 0], "Cash in for month 2 cannot be negative (got -5)."),
            ([10, 5], [0, -1], "Cash out for month 2 cannot be negative (got -1)."),
            ([10, float("nan")], [0, 0], "Cash in for month 2 must be a finite number (got nan)."),
            (["ten"], [0], "Cash in for month 1 must be a number (got 'ten')."),
        ],
    )
    def test_invalid(self, cash_in, cash_out, message):
        with pytest.raises(ValueError) as error:
            cash_flow_plan(0, cash_in, cash_out)
        assert str(error.value) == message

    def test_opening_cash_must_be_finite(self):
        with pytest.raises(ValueError) as error:
            cash_flow_plan(float("nan"), [1], [1])
        assert str(error.value) == "Opening cash must be a finite number (got nan)."

    @FAST
    @given(st.floats(min_value=-1e9, max_value=1e9),
           st.lists(st.tuples(st.floats(min_value=0, max_value=1e9), st.floats(min_value=0, max_value=1e9)),
                    min_size=1, max_size=120))
    def test_months_chain_and_close_on_the_total(self, opening, months):
        cash_in = [money_in for money_in, _ in months]
        cash_out = [money_out for _, money_out in months]
        plan = cash_flow_plan(opening, cash_in, cash_out)
        assert plan[0].opening == opening
        for before, after in zip(plan, plan[1:]):
            assert after.opening == before.closing
        for month in plan:
            assert month.closing == month.opening + month.cash_in - month.cash_out
        expected = math.fsum([opening, *cash_in, *(-money_out for money_out in cash_out)])
        # month-by-month rounding: at most one ulp of the running magnitude per month
        magnitude = abs(opening) + math.fsum(cash_in) + math.fsum(cash_out)
        assert plan[-1].closing == pytest.approx(expected, abs=4e-16 * len(months) * magnitude + 1e-9)


class TestNegativeMonths:
    def test_course_example(self):
        assert negative_months(cash_flow_plan(100, [50, 0, 80], [60, 120, 30])) == [2]

    def test_none_negative(self):
        assert negative_months(cash_flow_plan(0, [10, 10], [10, 5])) == []

    def test_zero_is_not_negative(self):
        assert negative_months(cash_flow_plan(0, [5], [5])) == []

    def test_several(self):
        # −10, −5, 5, −5
        assert negative_months(cash_flow_plan(0, [0, 5, 10, 0], [10, 0, 0, 10])) == [1, 2, 4]

    def test_empty_plan(self):
        assert negative_months(()) == []
