"""Properties every loan schedule and its true cost must have, over bounded random loans.

Strategies live in loan_strategies.py; independent closed forms in finance_reference.py.
"""
from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from .finance_reference import borrower_flows, irr, reference_payments
from .loan_strategies import FAST, PER_YEAR, loan_terms
from ritorno.finance import Loan

# a RuntimeWarning (overflow, division) would reach a trainee's widget or an nbgrader cell as stderr
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

TOL = 1e-9


def apr_at_least(higher: float, lower: float) -> bool:
    """higher >= lower, allowing for the solvers' last-digit noise."""
    return higher >= lower - TOL * max(1.0, abs(lower))


class TestScheduleProperties:
    @FAST
    @given(loan_terms())
    def test_principal_parts_sum_to_amount(self, terms):
        rows = Loan(**terms).schedule()
        assert math.fsum(row.principal for row in rows) == pytest.approx(terms["amount"], rel=1e-9)

    @FAST
    @given(loan_terms())
    def test_final_balance_is_zero_and_balances_never_rise(self, terms):
        rows = Loan(**terms).schedule()
        assert rows[-1].balance == 0.0
        balances = [terms["amount"]] + [row.balance for row in rows]
        assert all(later <= earlier for earlier, later in zip(balances, balances[1:]))

    @FAST
    @given(loan_terms())
    def test_payment_is_interest_plus_principal(self, terms):
        for row in Loan(**terms).schedule():
            assert row.payment == pytest.approx(row.interest + row.principal, rel=1e-12, abs=1e-12)

    @FAST
    @given(loan_terms())
    def test_periods_run_from_1_to_n(self, terms):
        assert [row.period for row in Loan(**terms).schedule()] == list(range(1, terms["periods"] + 1))

    @FAST
    @given(loan_terms())
    def test_principal_only_after_the_grace(self, terms):
        rows = Loan(**terms).schedule()
        assert all(row.principal == 0 for row in rows[: terms["grace_periods"]])
        assert all(row.principal > 0 for row in rows[terms["grace_periods"]:])

    @FAST
    @given(loan_terms())
    def test_payments_match_the_closed_forms(self, terms):
        expected = reference_payments(terms["amount"], terms["annual_rate"], terms["periods"], terms["frequency"],
                                      terms["method"], terms["rate_type"], terms["grace_periods"])
        actual = [row.payment for row in Loan(**terms).schedule()]
        assert actual == pytest.approx(expected, rel=1e-9, abs=1e-9 * terms["amount"])


class TestTrueCostProperties:
    @FAST
    @given(loan_terms())
    def test_apr_is_never_negative(self, terms):
        assert Loan(**terms).apr >= 0

    @FAST
    @given(loan_terms())
    def test_eir_at_least_apr(self, terms):
        # (1 + r)^m − 1 >= r·m for r >= 0 (Bernoulli)
        loan = Loan(**terms)
        assert apr_at_least(loan.eir, loan.apr)

    @FAST
    @given(loan_terms(rate_types=("nominal",)))
    def test_apr_at_least_the_quoted_nominal_rate(self, terms):
        assert apr_at_least(Loan(**terms).apr, terms["annual_rate"])

    @FAST
    @given(loan_terms(methods=("declining", "equal_principal"), fees=False, rate_types=("nominal",)))
    def test_no_fee_apr_equals_the_nominal_rate(self, terms):
        assert Loan(**terms).apr == pytest.approx(terms["annual_rate"], rel=1e-9, abs=1e-12)

    @FAST
    @given(loan_terms(methods=("declining", "equal_principal"), fees=False, rate_types=("effective",)))
    def test_no_fee_eir_equals_the_effective_rate(self, terms):
        assert Loan(**terms).eir == pytest.approx(terms["annual_rate"], rel=1e-9, abs=1e-12)

    @FAST
    @given(loan_terms(rate_types=("nominal",)))
    def test_zero_rate_costs_only_the_fee(self, terms):
        terms |= {"annual_rate": 0.0}
        loan = Loan(**terms)
        if terms["upfront_fee"] == 0:  # blocked savings come back in full: still free
            assert loan.apr == 0 and loan.eir == 0
        else:
            assert loan.apr > 0

    @FAST
    @given(loan_terms())
    def test_apr_and_eir_match_an_independent_irr(self, terms):
        payments = reference_payments(terms["amount"], terms["annual_rate"], terms["periods"], terms["frequency"],
                                      terms["method"], terms["rate_type"], terms["grace_periods"])
        r = irr(borrower_flows(terms["amount"], payments, terms["upfront_fee"], terms["compulsory_savings"]))
        m = PER_YEAR[terms["frequency"]]
        loan = Loan(**terms)
        assert loan.apr == pytest.approx(r * m, rel=1e-8, abs=1e-11)
        assert loan.eir == pytest.approx((1 + r) ** m - 1, rel=1e-8, abs=1e-11)


class TestComparisons:
    @FAST
    @given(loan_terms(), st.floats(min_value=0.0, max_value=0.3))
    def test_a_higher_fee_never_lowers_the_apr(self, terms, extra):
        assume(terms["upfront_fee"] + extra + terms["compulsory_savings"] < 0.9)
        dearer = Loan(**(terms | {"upfront_fee": terms["upfront_fee"] + extra}))
        assert apr_at_least(dearer.apr, Loan(**terms).apr)

    @FAST
    @given(loan_terms(), st.floats(min_value=0.0, max_value=0.3))
    def test_more_blocked_savings_never_lower_the_apr(self, terms, extra):
        assume(terms["upfront_fee"] + extra + terms["compulsory_savings"] < 0.9)
        dearer = Loan(**(terms | {"compulsory_savings": terms["compulsory_savings"] + extra}))
        assert apr_at_least(dearer.apr, Loan(**terms).apr)

    @FAST
    @given(loan_terms(methods=("declining",), grace=False, rate_types=("nominal",)))
    def test_flat_costs_at_least_declining_at_the_same_quoted_rate(self, terms):
        flat = Loan(**(terms | {"method": "flat"}))
        assert apr_at_least(flat.apr, Loan(**terms).apr)
        assert flat.total_interest >= Loan(**terms).total_interest * (1 - TOL)

    @FAST
    @given(loan_terms(methods=("declining",)))
    def test_equal_principal_interest_at_most_declining(self, terms):
        equal = Loan(**(terms | {"method": "equal_principal"}))
        declining = Loan(**terms)
        assert equal.total_interest <= declining.total_interest * (1 + TOL) + 1e-9
