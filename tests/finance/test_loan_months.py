"""A monthly loan laid out over the months of a cash-flow plan (module 7)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import Loan
from ritorno.finance import LoanMonths, loan_by_month


class TestLoanByMonth:
    def test_tunisia_example(self):
        # 5,000 DT at 22% a year, 12 months, 1% fee: 4,950 in hand in month 1; instalment
        # 5,000 × i ÷ (1 − (1 + i)^−12) with i = 0.22 ÷ 12 = 467.97 DT in months 2 to 12 (the 12th falls after)
        i = 0.22 / 12
        instalment = 5000 * i / (1 - (1 + i) ** -12)
        flows = loan_by_month(Loan(5000, 0.22, 12, upfront_fee=0.01))
        assert flows.received == (4950.0,) + (0.0,) * 11
        assert flows.repaid == pytest.approx((0.0,) + (instalment,) * 11)
        assert round(instalment, 2) == 467.97
        assert flows.savings_back == (0.0,) * 12  # the last instalment (month 13) is beyond the plan

    def test_zero_rate_with_savings_back_inside_the_plan(self):
        flows = loan_by_month(Loan(1200, 0.0, 3, compulsory_savings=0.1), months=5)
        assert flows == LoanMonths((1080.0, 0.0, 0.0, 0.0, 0.0), (0.0, 400.0, 400.0, 400.0, 0.0),
                                   (0.0, 0.0, 0.0, 120.0, 0.0))

    def test_grace_periods_pay_interest_only(self):
        # 1,200 at 12% a year (1% a month), 1 month of grace then 2 equal instalments
        flows = loan_by_month(Loan(1200, 0.12, 3, grace_periods=1), months=4)
        annuity = 1200 * 0.01 / (1 - 1.01 ** -2)
        assert flows.repaid == pytest.approx((0.0, 12.0, annuity, annuity))

    def test_paid_out_later(self):
        flows = loan_by_month(Loan(600, 0.0, 2), months=4, paid_out_in=2)
        assert flows.received == (0.0, 600.0, 0.0, 0.0)
        assert flows.repaid == (0.0, 0.0, 300.0, 300.0)

    def test_one_month_plan(self):
        flows = loan_by_month(Loan(600, 0.0, 2), months=1)
        assert flows == LoanMonths((600.0,), (0.0,), (0.0,))

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"loan": Loan(1000, 0.2, 26, frequency="weekly")},
         "A monthly plan needs a loan repaid monthly (this one is repaid weekly)."),
        ({"loan": Loan(1000, 0.2, 13, frequency="fortnightly")},
         "A monthly plan needs a loan repaid monthly (this one is repaid fortnightly)."),
        ({"loan": Loan(1000, 0.2, 12), "months": 0}, "A plan covers 1 to 120 months (got 0)."),
        ({"loan": Loan(1000, 0.2, 12), "months": 121}, "A plan covers 1 to 120 months (got 121)."),
        ({"loan": Loan(1000, 0.2, 12), "months": 12.0}, "A plan covers 1 to 120 months (got 12.0)."),
        ({"loan": Loan(1000, 0.2, 12), "paid_out_in": 0}, "The loan must be paid out in month 1 to 12 (got 0)."),
        ({"loan": Loan(1000, 0.2, 12), "paid_out_in": 13}, "The loan must be paid out in month 1 to 12 (got 13)."),
    ])
    def test_invalid(self, kwargs, message):
        with pytest.raises(ValueError) as error:
            loan_by_month(**kwargs)
        assert str(error.value) == message

    @FAST
    @given(amount=st.floats(1, 1e9), rate=st.floats(0, 2), periods=st.integers(1, 30), months=st.integers(1, 40))
    def test_all_instalments_inside_a_long_plan_sum_to_the_total_paid(self, amount, rate, periods, months):
        loan = Loan(amount, rate, periods)
        flows = loan_by_month(loan, months)
        assert len(flows.received) == len(flows.repaid) == len(flows.savings_back) == months
        if periods < months:
            assert sum(flows.repaid) == pytest.approx(loan.total_paid, rel=1e-9)
        else:
            assert sum(flows.repaid) <= loan.total_paid * (1 + 1e-9)
