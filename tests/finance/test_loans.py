"""Loans: schedules, APR and EIR on the worked examples, and the trainee-facing messages.

Every expected figure is recomputed here from a closed form (finance_reference) or by
hand; the comment next to it says where it comes from.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from .finance_reference import (
    annuity_payment,
    borrower_flows,
    irr,
    irr_by_polynomial_roots,
    reference_payments,
)
from ritorno.finance import (
    METHODS,
    PERIODS_PER_YEAR,
    RATE_TYPES,
    Loan,
    ScheduleRow,
    annuity_payment as library_annuity_payment,
    periodic_rate,
    rate_from_cash_flows,
)


def assert_schedule(loan, payments, interests, principals, balances, rel=1e-12, abs_=1e-9):
    """Compare every row with hand-computed columns."""
    rows = loan.schedule()
    assert [row.period for row in rows] == list(range(1, len(payments) + 1))
    assert [row.payment for row in rows] == pytest.approx(payments, rel=rel, abs=abs_)
    assert [row.interest for row in rows] == pytest.approx(interests, rel=rel, abs=abs_)
    assert [row.principal for row in rows] == pytest.approx(principals, rel=rel, abs=abs_)
    assert [row.balance for row in rows] == pytest.approx(balances, rel=rel, abs=abs_)
    assert rows[-1].balance == 0.0


class TestPublicConstants:
    def test_periods_per_year(self):
        assert PERIODS_PER_YEAR == {"monthly": 12, "fortnightly": 26, "weekly": 52}

    def test_methods_and_rate_types(self):
        assert set(METHODS) == {"declining", "equal_principal", "flat"}
        assert set(RATE_TYPES) == {"nominal", "effective"}


class TestPeriodicRate:
    def test_nominal_monthly(self):
        # 18% ÷ 12 = 1.5%
        assert periodic_rate(0.18) == pytest.approx(0.015, rel=1e-15)

    @pytest.mark.parametrize(("frequency", "m"), [("monthly", 12), ("fortnightly", 26), ("weekly", 52)])
    def test_nominal_divides_by_periods_per_year(self, frequency, m):
        assert periodic_rate(0.52, frequency) == pytest.approx(0.52 / m, rel=1e-15)

    def test_peru_tea(self):
        # Peru, TEA 45%: i = 1.45^(1/12) − 1 = 0.031448 (CONTENT.md: ≈ 3.14% a month)
        rate = periodic_rate(0.45, "monthly", "effective")
        assert rate == pytest.approx(1.45 ** (1 / 12) - 1, rel=1e-13)
        assert round(rate * 100, 2) == 3.14

    def test_effective_compounds_back_to_the_yearly_rate(self):
        assert (1 + periodic_rate(0.3, "weekly", "effective")) ** 52 - 1 == pytest.approx(0.3, rel=1e-12)

    def test_zero_rate(self):
        assert periodic_rate(0.0, "weekly", "effective") == 0.0
        assert periodic_rate(0.0, "fortnightly") == 0.0

    def test_unknown_frequency(self):
        with pytest.raises(ValueError) as error:
            periodic_rate(0.18, "daily")
        assert str(error.value) == (
            "The instalment frequency must be one of 'monthly', 'fortnightly', 'weekly' (got 'daily')."
        )

    def test_unknown_rate_type(self):
        with pytest.raises(ValueError) as error:
            periodic_rate(0.18, "monthly", "annual")
        assert str(error.value) == "The rate type must be one of 'nominal', 'effective' (got 'annual')."

    def test_negative_rate(self):
        with pytest.raises(ValueError) as error:
            periodic_rate(-0.01)
        assert str(error.value) == "The interest rate cannot be negative (got -0.01)."


class TestRateFromCashFlows:
    def test_one_period(self):
        # receive 100, pay 110 one period later: 10%
        assert rate_from_cash_flows(np.array([100.0, -110.0])) == pytest.approx(0.1, rel=1e-12)

    def test_two_periods_by_hand(self):
        # receive 100, pay 60 and 60: 100 = 60v + 60v² → v = (−60 + √(3600 + 24000)) ÷ 120
        v = (-60 + math.sqrt(60**2 + 4 * 60 * 100)) / 120
        assert rate_from_cash_flows(np.array([100.0, -60.0, -60.0])) == pytest.approx(1 / v - 1, rel=1e-12)

    def test_paying_back_no_more_than_received_costs_nothing(self):
        assert rate_from_cash_flows(np.array([100.0, -50.0, -50.0])) == 0.0
        assert rate_from_cash_flows(np.array([100.0, -40.0, -50.0])) == 0.0

    @pytest.mark.parametrize("first", [0.0, -100.0])
    def test_first_flow_must_be_received(self, first):
        with pytest.raises(ValueError) as error:
            rate_from_cash_flows(np.array([first, -110.0]))
        assert str(error.value) == "The first cash flow must be the money received."

    def test_cost_too_high(self):
        # 1 received, 1e10 paid a period later: a rate of 1e10 − 1 per period, beyond the search
        with pytest.raises(ValueError) as error:
            rate_from_cash_flows(np.array([1.0, -1e10]))
        assert str(error.value) == "This loan's cost is too high to calculate."


class TestAnnuityPayment:
    def test_senegal(self):
        # 1,000,000 × 0.015 ÷ (1 − 1.015^−12) = 91,679.99 (hand check of the closed form)
        assert library_annuity_payment(1_000_000, 0.015, 12) == pytest.approx(91_679.9929062, rel=1e-12)

    def test_zero_rate(self):
        assert library_annuity_payment(1_200, 0.0, 12) == 100.0

    def test_one_period(self):
        # P·i ÷ (1 − 1/(1 + i)) = P·(1 + i)
        assert library_annuity_payment(1_000, 0.01, 1) == pytest.approx(1_010, rel=1e-14)

    @pytest.mark.parametrize(("rate", "periods"), [(1e-9, 1), (1e-7, 12), (1e-5, 520), (0.015, 12), (0.5, 520)])
    def test_matches_50_digit_arithmetic(self, rate, periods):
        assert library_annuity_payment(1_000, rate, periods) == pytest.approx(annuity_payment(1_000, rate, periods),
                                                                              rel=1e-13)

    def test_huge_growth_tends_to_interest_only(self):
        # (1 + i)^−n ≈ 1e−35: A = P·i to the last digit
        assert library_annuity_payment(1_000, 2.0 / 12, 520) == pytest.approx(1_000 * 2.0 / 12, rel=1e-15)

    def test_returns_a_plain_float(self):
        assert type(library_annuity_payment(1_000_000, 0.015, 12)) is float

    @pytest.mark.parametrize(("amount", "rate", "periods"),
                             [(1_000, 0.01, 0), (1_000, float("nan"), 12), (1_000, -0.01, 12), (-5, 0.01, 3)])
    def test_invalid_input_raises(self, amount, rate, periods):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(ValueError):
                library_annuity_payment(amount, rate, periods)


class TestSenegal:
    """1,000,000 XOF, 12 months, 18% nominal on the declining balance (CONTENT.md)."""

    P, RATE, N = 1_000_000, 0.18, 12
    I = 0.18 / 12
    A = 1_000_000 * 0.015 / (1 - 1.015**-12)  # = 91,679.99 XOF

    def test_instalment_to_the_unit(self):
        loan = Loan(self.P, self.RATE, self.N)
        assert self.A == pytest.approx(91_679.9929, abs=1e-4)  # hand check of the closed form
        assert round(loan.instalment) == 91_680
        assert loan.instalment == pytest.approx(self.A, rel=1e-12)

    def test_schedule_is_the_annuity(self):
        # principal_k = A·(1 + i)^−(n − k + 1); interest = A − principal; balance = PV of the rest
        loan = Loan(self.P, self.RATE, self.N)
        principals = [self.A * (1 + self.I) ** -(self.N - k + 1) for k in range(1, self.N + 1)]
        balances = [self.A * (1 - (1 + self.I) ** -(self.N - k)) / self.I for k in range(1, self.N + 1)]
        assert_schedule(loan, [self.A] * self.N, [self.A - p for p in principals], principals, balances,
                        rel=1e-10, abs_=1e-6)

    def test_no_fee_apr_is_the_quoted_rate(self):
        loan = Loan(self.P, self.RATE, self.N)
        assert loan.apr == pytest.approx(0.18, rel=1e-9)
        assert loan.eir == pytest.approx(1.015**12 - 1, rel=1e-9)  # 19.56%

    def test_two_percent_fee(self):
        # received 980,000, then 12 × A: own Newton iteration and numpy.roots must agree
        loan = Loan(self.P, self.RATE, self.N, upfront_fee=0.02)
        flows = [980_000.0] + [-self.A] * 12
        r = irr(flows)
        assert r == pytest.approx(irr_by_polynomial_roots(flows), rel=1e-9)
        assert loan.apr == pytest.approx(12 * r, abs=1e-4)  # 0.01 percentage points
        assert loan.apr == pytest.approx(12 * r, rel=1e-9)
        assert round(loan.apr * 100, 1) == 21.9  # CONTENT.md: APR ≈ 21.9%
        assert loan.eir == pytest.approx((1 + r) ** 12 - 1, rel=1e-9)
        assert round(loan.eir * 100, 1) == 24.2

    def test_fee_and_blocked_savings_break_the_24_percent_cap(self):
        # received 1,000,000 − 20,000 − 100,000; savings back with the 12th instalment
        loan = Loan(self.P, self.RATE, self.N, upfront_fee=0.02, compulsory_savings=0.10)
        flows = [880_000.0] + [-self.A] * 11 + [-self.A + 100_000]
        r = irr(flows)
        assert r == pytest.approx(irr_by_polynomial_roots(flows), rel=1e-9)
        assert loan.apr == pytest.approx(12 * r, abs=1e-4)
        assert round(loan.apr * 100, 1) == 26.6  # CONTENT.md: APR ≈ 26.6%
        assert loan.apr > 0.24  # UEMOA SFD cap

    def test_amounts_received_and_paid(self):
        loan = Loan(self.P, self.RATE, self.N, upfront_fee=0.02, compulsory_savings=0.10)
        assert loan.fee_amount == pytest.approx(20_000)
        assert loan.savings_amount == pytest.approx(100_000)
        assert loan.received == pytest.approx(880_000)
        assert loan.total_paid == pytest.approx(12 * self.A, rel=1e-12)
        assert loan.total_interest == pytest.approx(12 * self.A - self.P, rel=1e-9)
        assert loan.total_cost == pytest.approx(12 * self.A - self.P + 20_000, rel=1e-9)

    def test_cash_flows(self):
        loan = Loan(self.P, self.RATE, self.N, upfront_fee=0.02, compulsory_savings=0.10)
        expected = [880_000.0] + [-self.A] * 11 + [-self.A + 100_000]
        assert loan.cash_flows().tolist() == pytest.approx(expected, rel=1e-12)


class TestGhanaFlat:
    """GHS 10,000 at 4% a month flat, 6 months paid weekly, 3% fee (CONTENT.md)."""

    def loan(self, fee=0.03):
        # 4% a month = 48% a year; 6 months = 26 weeks
        return Loan(10_000, 0.48, 26, frequency="weekly", method="flat", upfront_fee=fee)

    def test_instalment(self):
        # interest 10,000 × 4% × 6 = 2,400; (10,000 + 2,400) ÷ 26 = 476.92
        loan = self.loan()
        assert loan.instalment == pytest.approx(12_400 / 26, rel=1e-12)
        assert round(loan.instalment, 2) == 476.92
        assert all(row.payment == pytest.approx(12_400 / 26, rel=1e-12) for row in loan.schedule())
        assert loan.total_interest == pytest.approx(2_400, rel=1e-12)

    def test_interest_and_principal_are_equal_parts(self):
        rows = Loan(10_000, 0.48, 26, frequency="weekly", method="flat").schedule()
        assert all(row.interest == pytest.approx(2_400 / 26) for row in rows)
        assert all(row.principal == pytest.approx(10_000 / 26) for row in rows)

    def test_apr_about_99_percent(self):
        flows = [9_700.0] + [-12_400 / 26] * 26
        r = irr(flows)
        assert r == pytest.approx(irr_by_polynomial_roots(flows), rel=1e-9)
        loan = self.loan()
        assert loan.apr == pytest.approx(52 * r, rel=1e-9)
        assert round(loan.apr * 100) == 99  # CONTENT.md: APR ≈ 99%
        assert loan.eir == pytest.approx((1 + r) ** 52 - 1, rel=1e-9)

    def test_flat_costs_far_more_than_it_says(self):
        # without the fee the true rate is still far above the quoted 48%
        loan = self.loan(fee=0.0)
        r = irr([10_000.0] + [-12_400 / 26] * 26)
        assert loan.apr == pytest.approx(52 * r, rel=1e-9)
        assert loan.apr > 0.8


class TestPeruEffective:
    """S/ 8,000 at TEA 45%, 12 months (CONTENT.md)."""

    I = 1.45 ** (1 / 12) - 1

    def test_periodic_rate(self):
        loan = Loan(8_000, 0.45, 12, rate_type="effective")
        assert loan.periodic_rate == pytest.approx(self.I, rel=1e-13)
        assert round(loan.periodic_rate * 100, 2) == 3.14

    def test_instalment_to_the_cent(self):
        loan = Loan(8_000, 0.45, 12, rate_type="effective")
        assert loan.instalment == pytest.approx(8_000 * self.I / (1 - (1 + self.I) ** -12), rel=1e-12)
        assert round(loan.instalment, 2) == 810.66

    def test_eir_is_the_tea_without_fee(self):
        loan = Loan(8_000, 0.45, 12, rate_type="effective")
        assert loan.eir == pytest.approx(0.45, rel=1e-12)
        assert loan.apr == pytest.approx(12 * self.I, rel=1e-12)

    def test_a_fee_lifts_eir_above_the_tea(self):
        loan = Loan(8_000, 0.45, 12, rate_type="effective", upfront_fee=0.01)
        a = 8_000 * self.I / (1 - (1 + self.I) ** -12)
        r = irr([7_920.0] + [-a] * 12)
        assert loan.eir == pytest.approx((1 + r) ** 12 - 1, rel=1e-9)
        assert loan.eir > 0.45


class TestEqualPrincipal:
    def test_three_periods_by_hand(self):
        # 3,000 at 12% a year monthly (1% a month), 1,000 principal each time:
        # interest 1% of 3,000 / 2,000 / 1,000 = 30 / 20 / 10
        loan = Loan(3_000, 0.12, 3, method="equal_principal")
        assert_schedule(loan, payments=[1_030, 1_020, 1_010], interests=[30, 20, 10],
                        principals=[1_000, 1_000, 1_000], balances=[2_000, 1_000, 0])

    def test_instalment_is_the_first_and_largest(self):
        loan = Loan(3_000, 0.12, 3, method="equal_principal")
        assert loan.instalment == pytest.approx(1_030)

    def test_apr_is_the_quoted_rate(self):
        # interest is charged on the balance at the periodic rate: the true rate is 1% a month
        assert Loan(3_000, 0.12, 3, method="equal_principal").apr == pytest.approx(0.12, rel=1e-9)

    def test_fee_raises_apr(self):
        loan = Loan(3_000, 0.12, 3, method="equal_principal", upfront_fee=0.02)
        r = irr([2_940.0, -1_030.0, -1_020.0, -1_010.0])
        assert loan.apr == pytest.approx(12 * r, rel=1e-9)


class TestGracePeriods:
    def test_declining_interest_only_then_annuity(self):
        # 1,000 at 12% monthly, 4 instalments, 1 of grace: 10 of interest, then an annuity over 3
        a = 1_000 * 0.01 / (1 - 1.01**-3)  # 340.02
        b1 = 1_000 * 1.01 - a
        b2 = b1 * 1.01 - a
        loan = Loan(1_000, 0.12, 4, grace_periods=1)
        assert_schedule(
            loan,
            payments=[10, a, a, a],
            interests=[10, 10, b1 * 0.01, b2 * 0.01],
            principals=[0, a - 10, a - b1 * 0.01, a - b2 * 0.01],
            balances=[1_000, b1, b2, 0],
            rel=1e-10,
        )
        assert loan.instalment == pytest.approx(a, rel=1e-12)

    def test_declining_grace_keeps_the_quoted_rate(self):
        # interest-only rows at i and an annuity at i: the true rate is still i
        assert Loan(1_000, 0.12, 4, grace_periods=1).apr == pytest.approx(0.12, rel=1e-9)
        assert Loan(50_000, 0.24, 24, frequency="fortnightly", grace_periods=6).apr == pytest.approx(0.24, rel=1e-9)

    def test_flat_with_grace(self):
        # 1,200 at 24% flat, 6 months, 2 of grace: interest 1,200 × 24% × 6/12 = 144, i.e. 24 a month;
        # principal 1,200 ÷ 4 = 300 from month 3
        loan = Loan(1_200, 0.24, 6, method="flat", grace_periods=2)
        assert_schedule(
            loan,
            payments=[24, 24, 324, 324, 324, 324],
            interests=[24] * 6,
            principals=[0, 0, 300, 300, 300, 300],
            balances=[1_200, 1_200, 900, 600, 300, 0],
        )
        assert loan.instalment == pytest.approx(324)
        r = irr([1_200.0, -24.0, -24.0] + [-324.0] * 4)
        assert loan.apr == pytest.approx(12 * r, rel=1e-9)

    def test_equal_principal_with_grace(self):
        # 2,000 at 12%: two interest-only months (20), then 1,000 + 1% of the balance
        loan = Loan(2_000, 0.12, 4, method="equal_principal", grace_periods=2)
        assert_schedule(loan, payments=[20, 20, 1_020, 1_010], interests=[20, 20, 20, 10],
                        principals=[0, 0, 1_000, 1_000], balances=[2_000, 2_000, 1_000, 0])

    def test_longest_grace(self):
        loan = Loan(1_000, 0.12, 12, grace_periods=11)
        rows = loan.schedule()
        assert [row.principal for row in rows[:11]] == [0.0] * 11
        assert rows[-1].payment == pytest.approx(1_010)  # interest 10 + all the principal


class TestZeroRate:
    @pytest.mark.parametrize("method", ["declining", "equal_principal", "flat"])
    def test_instalments_are_amount_over_n(self, method):
        loan = Loan(1_200, 0.0, 12, method=method)
        assert [row.payment for row in loan.schedule()] == pytest.approx([100.0] * 12)
        assert loan.total_interest == 0.0

    @pytest.mark.parametrize("method", ["declining", "equal_principal", "flat"])
    @pytest.mark.parametrize(("amount", "periods", "frequency"), [(1_200, 12, "monthly"), (5_200, 52, "weekly"),
                                                                    (1, 1, "monthly"), (1_000, 8, "fortnightly")])
    def test_apr_and_eir_are_zero(self, method, amount, periods, frequency):
        loan = Loan(amount, 0.0, periods, frequency=frequency, method=method)
        assert loan.apr == 0
        assert loan.eir == 0

    def test_zero_rate_with_grace(self):
        loan = Loan(1_000, 0.0, 5, grace_periods=1)
        assert [row.payment for row in loan.schedule()] == pytest.approx([0, 250, 250, 250, 250])
        assert loan.apr == pytest.approx(0.0, abs=1e-12)

    def test_fee_makes_a_zero_rate_loan_cost_something(self):
        # 980 received, 12 × 100 paid
        loan = Loan(1_200, 0.0, 12, upfront_fee=0.02)
        r = irr([1_176.0] + [-100.0] * 12)
        assert loan.apr == pytest.approx(12 * r, rel=1e-9)
        assert loan.apr > 0

    # Regression: the instalments of a free loan can sum a hair (1e-16 relative) above the amount.
    # Before the fix the search then found the bisection's floor (APR 5.3e-15) or, with savings above
    # about half the loan, the NPV's second root: 8.9%, 17.7%, 449.5% for these free loans.
    @pytest.mark.parametrize(
        ("amount", "periods", "savings"),
        [(10, 3, 0.0), (100, 3, 0.1), (1_000, 7, 0.0), (81, 94, 0.5625), (1_000, 24, 0.55), (1_000, 12, 0.8)],
    )
    def test_float_dust_is_still_free(self, amount, periods, savings):
        loan = Loan(amount, 0.0, periods, compulsory_savings=savings)
        assert loan.apr == 0
        assert loan.eir == 0

    def test_more_savings_on_a_free_loan_never_lower_the_apr(self):
        # regression: 56.25% savings used to read APR 8.9% and 81.25% read 0
        assert Loan(81, 0.0, 94, compulsory_savings=0.8125).apr >= Loan(81, 0.0, 94, compulsory_savings=0.5625).apr


class TestExtremeTerms:
    def test_single_instalment(self):
        # 1,000 at 12%: one payment of 1,010; with a 2% fee 980 buys 1,010 a month later
        loan = Loan(1_000, 0.12, 1, upfront_fee=0.02)
        assert_schedule(loan, payments=[1_010], interests=[10], principals=[1_000], balances=[0])
        assert loan.apr == pytest.approx(12 * (1_010 / 980 - 1), rel=1e-9)
        assert loan.eir == pytest.approx((1_010 / 980) ** 12 - 1, rel=1e-9)

    @pytest.mark.parametrize("method", ["declining", "equal_principal", "flat"])
    def test_single_instalment_without_fee(self, method):
        # one period: flat and declining charge the same 1%
        loan = Loan(1_000, 0.12, 1, method=method)
        assert loan.schedule()[0].payment == pytest.approx(1_010)
        assert loan.apr == pytest.approx(0.12, rel=1e-9)

    def test_520_weekly_instalments(self):
        # ten years weekly at 35%: i = 0.35/52; closed-form annuity
        i = 0.35 / 52
        a = 50_000 * i / (1 - (1 + i) ** -520)
        loan = Loan(50_000, 0.35, 520, frequency="weekly")
        rows = loan.schedule()
        assert len(rows) == 520 and rows[-1].period == 520 and rows[-1].balance == 0.0
        assert loan.instalment == pytest.approx(a, rel=1e-12)
        assert sum(row.principal for row in rows) == pytest.approx(50_000, rel=1e-9)
        assert loan.apr == pytest.approx(0.35, rel=1e-9)

    def test_520_weekly_instalments_with_fee_and_savings(self):
        i = 0.35 / 52
        a = 50_000 * i / (1 - (1 + i) ** -520)
        loan = Loan(50_000, 0.35, 520, frequency="weekly", upfront_fee=0.03, compulsory_savings=0.1)
        r = irr(borrower_flows(50_000, [a] * 520, 0.03, 0.1))
        assert loan.apr == pytest.approx(52 * r, rel=1e-9)
        assert loan.eir == pytest.approx((1 + r) ** 52 - 1, rel=1e-9)

    def test_flat_300_percent_weekly_over_a_year(self):
        # interest 1,000 × 300% × 1 year = 3,000; 52 × 4,000/52 = 76.92
        loan = Loan(1_000, 3.0, 52, frequency="weekly", method="flat")
        assert loan.instalment == pytest.approx(4_000 / 52, rel=1e-12)
        r = irr([1_000.0] + [-4_000 / 52] * 52)
        assert r == pytest.approx(irr_by_polynomial_roots([1_000.0] + [-4_000 / 52] * 52), rel=1e-9)
        assert loan.apr == pytest.approx(52 * r, rel=1e-9)  # ≈ 391%
        assert loan.eir == pytest.approx((1 + r) ** 52 - 1, rel=1e-9)  # ≈ 4,228%

    def test_flat_500_percent_520_weekly_with_fee_and_savings(self):
        payments = reference_payments(1_000, 5.0, 520, "weekly", "flat")
        r = irr(borrower_flows(1_000, payments, 0.45, 0.44))
        loan = Loan(1_000, 5.0, 520, frequency="weekly", method="flat", upfront_fee=0.45, compulsory_savings=0.44)
        assert loan.apr == pytest.approx(52 * r, rel=1e-9)

    def test_extreme_flat_loan_computes_without_warnings(self):
        # regression: the NPV search raised (1 + rate)**520 past 1e308 and numpy warned on stderr
        loan = Loan(1_000, 5.0, 520, frequency="monthly", method="flat", upfront_fee=0.45, compulsory_savings=0.44)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            apr = loan.apr
        payments = reference_payments(1_000, 5.0, 520, "monthly", "flat")
        assert apr == pytest.approx(12 * irr(borrower_flows(1_000, payments, 0.45, 0.44)), rel=1e-9)


class TestLongHighRateSchedule:
    """Declining loans whose growth (1 + i)^n is huge.

    Regression: a forward recursion on the balance amplified rounding by (1 + i)^n; at 100% a year
    monthly over 520 months every principal part came out 0 and the forced final balance of 0 hid it.
    """

    @pytest.mark.parametrize(("rate", "periods", "frequency"), [(0.6, 24, "monthly"), (0.35, 520, "weekly"),
                                                                (2.0, 60, "monthly"), (1.0, 104, "weekly")])
    def test_principal_repaid_on_ordinary_terms(self, rate, periods, frequency):
        loan = Loan(100_000, rate, periods, frequency=frequency)
        assert sum(row.principal for row in loan.schedule()) == pytest.approx(100_000, rel=1e-9)

    @pytest.mark.parametrize(
        ("rate", "periods", "frequency"),
        [
            (2.0, 520, "weekly"),  # used to sum 2.3e-8 (relative) short
            (1.0, 400, "monthly"),  # used to leave 0.4% of the principal unpaid
            (1.0, 520, "monthly"),  # every principal part used to be 0
            (2.0, 520, "monthly"),  # (1 + i)^n ≈ 1e35
        ],
    )
    def test_principal_repaid_on_long_high_rate_terms(self, rate, periods, frequency):
        # principal_k = A·(1 + i)^−(n − k + 1), which sums to the amount
        loan = Loan(1_000, rate, periods, frequency=frequency)
        i = rate / PERIODS_PER_YEAR[frequency]
        a = annuity_payment(1_000, i, periods)
        expected = [a * (1 + i) ** -(periods - k + 1) for k in range(1, periods + 1)]
        principals = [row.principal for row in loan.schedule()]
        assert math.fsum(principals) == pytest.approx(1_000, rel=1e-9)
        assert principals == pytest.approx(expected, rel=1e-9, abs=1e-300)
        assert all(row.payment == pytest.approx(a, rel=1e-12) for row in loan.schedule())


class TestTinyInterestPrecision:
    """Declining loans whose whole interest is a tiny share of the amount (i·n well below 1%).

    Regression: npf.pmt divides by 1 − (1 + i)^−n, which cancels when i·n is tiny; the APR of these
    loans was off by 2.8e-9, 2.4e-9 and (EIR) 3.3e-7 relative.
    """

    @pytest.mark.parametrize(("amount", "rate", "periods", "frequency"),
                             [(10_000, 0.02, 1, "monthly"), (1_000, 0.05, 2, "monthly"), (1_000, 0.12, 1, "weekly")])
    def test_apr_exact_on_small_but_real_interest(self, amount, rate, periods, frequency):
        assert Loan(amount, rate, periods, frequency=frequency).apr == pytest.approx(rate, rel=1e-9)

    @pytest.mark.parametrize(
        ("terms", "attribute", "expected"),
        [
            ({"amount": 1, "annual_rate": 0.001953125, "periods": 1}, "apr", 0.001953125),
            ({"amount": 10_000, "annual_rate": 0.01, "periods": 1, "frequency": "weekly"}, "apr", 0.01),
            ({"amount": 1, "annual_rate": 0.0001, "periods": 2, "rate_type": "effective"}, "eir", 0.0001),
            ({"amount": 1_000, "annual_rate": 0.0001, "periods": 1, "frequency": "weekly"}, "apr", 0.0001),
        ],
    )
    def test_true_rate_to_1e_9(self, terms, attribute, expected):
        assert getattr(Loan(**terms), attribute) == pytest.approx(expected, rel=1e-9)


class TestScheduleRow:
    def test_rows_are_schedule_rows(self):
        rows = Loan(1_000, 0.12, 3).schedule()
        assert all(isinstance(row, ScheduleRow) for row in rows)
        assert isinstance(rows, tuple)

    def test_row_fields(self):
        row = Loan(1_000, 0.12, 1).schedule()[0]
        assert (row.period, row.payment, row.interest, row.principal, row.balance) == (
            1, pytest.approx(1_010), pytest.approx(10), pytest.approx(1_000), 0.0)


class TestLoanValidation:
    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"amount": 0}, "The loan amount must be more than 0 (got 0)."),
            ({"amount": -500}, "The loan amount must be more than 0 (got -500)."),
            ({"amount": float("nan")}, "The loan amount must be a finite number (got nan)."),
            ({"amount": float("inf")}, "The loan amount must be a finite number (got inf)."),
            ({"amount": "lots"}, "The loan amount must be a number (got 'lots')."),
            ({"amount": None}, "The loan amount must be a number (got None)."),
            ({"annual_rate": -0.18}, "The interest rate cannot be negative (got -0.18)."),
            ({"annual_rate": float("nan")}, "The interest rate must be a finite number (got nan)."),
            ({"annual_rate": "18%"}, "The interest rate must be a number (got '18%')."),
            ({"periods": 0}, "The number of instalments must be between 1 and 520 (got 0)."),
            ({"periods": -3}, "The number of instalments must be between 1 and 520 (got -3)."),
            ({"periods": 521}, "The number of instalments must be between 1 and 520 (got 521)."),
            ({"periods": 12.5}, "The number of instalments must be a whole number (got 12.5)."),
            ({"periods": float("nan")}, "The number of instalments must be a whole number (got nan)."),
            ({"periods": "12"}, "The number of instalments must be a whole number (got '12')."),
            ({"periods": True}, "The number of instalments must be a whole number (got True)."),
            ({"grace_periods": -1}, "The grace period must be between 0 and 520 (got -1)."),
            ({"grace_periods": 1.5}, "The grace period must be a whole number (got 1.5)."),
            ({"grace_periods": 12},
             "The grace period (12 instalments) must be shorter than the loan (12 instalments)."),
            ({"grace_periods": 13},
             "The grace period (13 instalments) must be shorter than the loan (12 instalments)."),
            ({"upfront_fee": -0.02}, "The upfront fee cannot be negative (got -0.02)."),
            ({"upfront_fee": 1}, "The upfront fee must be below 100% (got 100%)."),
            ({"upfront_fee": float("nan")}, "The upfront fee must be a finite number (got nan)."),
            ({"compulsory_savings": -0.1}, "The compulsory savings cannot be negative (got -0.1)."),
            ({"compulsory_savings": 1.5}, "The compulsory savings must be below 100% (got 150%)."),
            ({"upfront_fee": 0.5, "compulsory_savings": 0.5},
             "The fee (50%) and compulsory savings (50%) together take the whole loan: "
             "nothing would be left to receive."),
            ({"upfront_fee": 0.7, "compulsory_savings": 0.3},
             "The fee (70%) and compulsory savings (30%) together take the whole loan: "
             "nothing would be left to receive."),
            ({"upfront_fee": 0.6, "compulsory_savings": 0.6},
             "The fee (60%) and compulsory savings (60%) together take the whole loan: "
             "nothing would be left to receive."),
            ({"method": "balloon"},
             "The repayment method must be one of 'declining', 'equal_principal', 'flat' (got 'balloon')."),
            ({"method": "Declining"},
             "The repayment method must be one of 'declining', 'equal_principal', 'flat' (got 'Declining')."),
            ({"frequency": "daily"},
             "The instalment frequency must be one of 'monthly', 'fortnightly', 'weekly' (got 'daily')."),
            ({"rate_type": "apr"}, "The rate type must be one of 'nominal', 'effective' (got 'apr')."),
        ],
    )
    def test_message(self, changes, message):
        terms = {"amount": 1_000, "annual_rate": 0.18, "periods": 12} | changes
        with pytest.raises(ValueError) as error:
            Loan(**terms)
        assert str(error.value) == message

    def test_whole_number_floats_become_ints(self):
        loan = Loan(1_000, 0.18, 12.0, grace_periods=2.0)
        assert loan.periods == 12 and type(loan.periods) is int
        assert loan.grace_periods == 2 and type(loan.grace_periods) is int

    def test_numpy_integers_accepted(self):
        loan = Loan(1_000, 0.18, np.int64(12))
        assert loan.periods == 12 and type(loan.periods) is int

    def test_limits_are_accepted(self):
        assert len(Loan(0.01, 0.0, 520, frequency="weekly", grace_periods=519).schedule()) == 520
        assert Loan(1, 0, 1, upfront_fee=0.5, compulsory_savings=0.49).received == pytest.approx(0.01)

    def test_loan_is_frozen(self):
        loan = Loan(1_000, 0.18, 12)
        with pytest.raises(AttributeError):
            loan.amount = 2_000

    # Regression: a number typed as text that failed a range check crashed the message formatting
    # ({value:g} on a str): the trainee read "Unknown format code 'g' for object of type 'str'".
    @pytest.mark.parametrize(
        ("changes", "message"),
        [({"amount": "0"}, "The loan amount must be more than 0 (got 0)."),
         ({"amount": "-5"}, "The loan amount must be more than 0 (got -5)."),
         ({"annual_rate": "-0.1"}, "The interest rate cannot be negative (got -0.1).")],
    )
    def test_numeric_text_out_of_range(self, changes, message):
        terms = {"amount": 1_000, "annual_rate": 0.18, "periods": 12} | changes
        with pytest.raises(ValueError) as error:
            Loan(**terms)
        assert str(error.value) == message

    @pytest.mark.parametrize(
        "changes", [{"amount": "1000"}, {"annual_rate": "0.12", "method": "flat"}, {"upfront_fee": "0.02"}]
    )
    def test_numeric_text_is_rejected_or_used_as_a_number(self, changes):
        terms = {"amount": 1_000, "annual_rate": 0.12, "periods": 1} | changes
        try:
            loan = Loan(**terms)
        except ValueError:
            return  # rejecting text at once is fine too
        assert loan.schedule()[0].payment == pytest.approx(1_010)
        assert loan.apr >= 0.12 - 1e-12
