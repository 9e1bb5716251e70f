"""Repayment capacity under stress, debt-service cover and the CGAP sustainable rate (modules 9, 10)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import RepaymentCapacity, debt_service_cover, repayment_capacity, sustainable_rate

HOUSEHOLD = {"monthly_sales": 600_000, "variable_costs": 300_000, "fixed_costs": 80_000,
             "other_income": 50_000, "household_spending": 150_000}


class TestDebtServiceCover:
    def test_course_example(self):
        # 150,000 ÷ 100,000
        assert debt_service_cover(150_000, 100_000) == 1.5

    def test_exactly_covered(self):
        assert debt_service_cover(91_680, 91_680) == 1.0

    def test_nothing_available(self):
        assert debt_service_cover(0, 91_680) == 0.0

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((150_000, 0), "The instalment must be more than 0 (got 0)."),
            ((-1, 100_000), "Cash available cannot be negative (got -1)."),
            ((150_000, float("nan")), "The instalment must be a finite number (got nan)."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            debt_service_cover(*arguments)
        assert str(error.value) == message


class TestRepaymentCapacity:
    def test_course_example_by_hand(self):
        # net income 600,000 − 300,000 − 80,000 + 50,000 = 270,000; surplus 270,000 − 150,000 = 120,000;
        # stressed: (600,000 − 300,000) × 0.8 − 80,000 + 50,000 − 150,000 = 60,000;
        # share 91,680 ÷ 270,000 = 33.96% <= 35%, but 60,000 < 91,680: not affordable
        check = repayment_capacity(**HOUSEHOLD, instalment=91_680)
        assert isinstance(check, RepaymentCapacity)
        assert check.instalment == 91_680.0
        assert check.net_income == 270_000.0
        assert check.surplus == 120_000.0
        assert check.stressed_surplus == pytest.approx(60_000.0)
        assert check.income_share == pytest.approx(91_680 / 270_000, rel=1e-12)
        assert check.max_income_share == 0.35
        assert check.cover == pytest.approx(120_000 / 91_680, rel=1e-12)
        assert check.stressed_cover == pytest.approx(60_000 / 91_680, rel=1e-12)
        assert check.within_income_share is True
        assert check.survives_stress is False
        assert check.affordable is False

    def test_affordable(self):
        # 50,000 ÷ 270,000 = 18.5%; 60,000 >= 50,000 after the stress
        check = repayment_capacity(**HOUSEHOLD, instalment=50_000)
        assert (check.within_income_share, check.survives_stress, check.affordable) == (True, True, True)

    def test_too_large_a_share_of_income(self):
        # 100,000 ÷ 270,000 = 37% > 35%
        check = repayment_capacity(**HOUSEHOLD, instalment=100_000)
        assert check.within_income_share is False
        assert check.affordable is False

    def test_share_exactly_at_the_cap_passes(self):
        # 35 ÷ 100 = 35%
        check = repayment_capacity(100, 0, 0, 0, 0, instalment=35, sales_drop=0)
        assert check.within_income_share is True

    def test_stressed_surplus_exactly_the_instalment_passes(self):
        # (100 − 0) × 0.5 = 50 = instalment
        check = repayment_capacity(100, 0, 0, 0, 0, instalment=50, sales_drop=0.5, max_income_share=0.5)
        assert check.survives_stress is True and check.affordable is True

    def test_custom_stress_and_cap(self):
        # 30% drop: (300,000 × 0.7) − 80,000 + 50,000 − 150,000 = 30,000
        check = repayment_capacity(**HOUSEHOLD, instalment=20_000, sales_drop=0.3, max_income_share=0.05)
        assert check.stressed_surplus == pytest.approx(30_000)
        assert check.income_share == pytest.approx(20_000 / 270_000)
        assert check.within_income_share is False and check.survives_stress is True

    def test_no_stress(self):
        check = repayment_capacity(**HOUSEHOLD, instalment=91_680, sales_drop=0)
        assert check.stressed_surplus == check.surplus

    @pytest.mark.parametrize(("sales", "variable", "fixed"), [(100_000, 100_000, 50_000), (100_000, 50_000, 50_000)])
    def test_no_net_income_takes_an_infinite_share(self, sales, variable, fixed):
        # net income −50,000 or exactly 0: any instalment is too much
        check = repayment_capacity(sales, variable, fixed, 0, 0, instalment=10_000)
        assert check.net_income <= 0
        assert check.income_share == math.inf
        assert check.within_income_share is False
        assert check.affordable is False

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"monthly_sales": -1}, "Monthly sales cannot be negative (got -1)."),
            ({"variable_costs": -1}, "Variable costs cannot be negative (got -1)."),
            ({"fixed_costs": -1}, "Fixed costs cannot be negative (got -1)."),
            ({"other_income": -1}, "Other income cannot be negative (got -1)."),
            ({"household_spending": -1}, "Household spending cannot be negative (got -1)."),
            ({"instalment": 0}, "The instalment must be more than 0 (got 0)."),
            ({"sales_drop": 1}, "The sales drop must be below 100% (got 100%)."),
            ({"sales_drop": -0.2}, "The sales drop cannot be negative (got -0.2)."),
            ({"max_income_share": 1.2}, "The maximum share of income must be below 100% (got 120%)."),
            ({"monthly_sales": float("nan")}, "Monthly sales must be a finite number (got nan)."),
            ({"instalment": "91680 XOF"}, "The instalment must be a number (got '91680 XOF')."),
        ],
    )
    def test_invalid(self, changes, message):
        arguments = HOUSEHOLD | {"instalment": 91_680} | changes
        with pytest.raises(ValueError) as error:
            repayment_capacity(**arguments)
        assert str(error.value) == message

    @FAST
    @given(st.floats(0, 1e7), st.floats(0, 1e7), st.floats(0, 1e6), st.floats(0, 1e6), st.floats(0, 1e6),
           st.floats(1, 1e6), st.floats(0, 0.99))
    def test_formulas(self, sales, variable, fixed, other, spending, instalment, drop):
        check = repayment_capacity(sales, variable, fixed, other, spending, instalment, sales_drop=drop)
        net = sales - variable - fixed + other
        scale = 1e-9 * (sales + variable + fixed + other + spending) + 1e-6
        assert check.net_income == pytest.approx(net, abs=scale)
        assert check.surplus == pytest.approx(net - spending, abs=scale)
        assert check.stressed_surplus == pytest.approx((sales - variable) * (1 - drop) - fixed + other - spending,
                                                       abs=scale)
        assert check.affordable == (check.within_income_share and check.survives_stress)


class TestSustainableRate:
    def test_cgap_example_by_hand(self):
        # (0.15 + 0.02 + 0.08 + 0.05 − 0.01) ÷ (1 − 0.02) = 0.29 ÷ 0.98 = 29.59%
        assert sustainable_rate(0.15, 0.02, 0.08, 0.05, 0.01) == pytest.approx(0.29 / 0.98, rel=1e-12)
        assert round(sustainable_rate(0.15, 0.02, 0.08, 0.05, 0.01), 4) == 0.2959

    def test_no_loan_losses(self):
        # 0.20 + 0 + 0.10 + 0.02 − 0.02
        assert sustainable_rate(0.20, 0.0, 0.10, 0.02, 0.02) == pytest.approx(0.30, rel=1e-12)

    def test_high_losses(self):
        # (0.10 + 0.5 + 0 + 0 − 0) ÷ 0.5 = 1.2
        assert sustainable_rate(0.10, 0.5, 0, 0, 0) == pytest.approx(1.2, rel=1e-12)

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((0.15, 1.0, 0.08, 0.05, 0.01), "Loan losses must be below 100% (got 100%)."),
            ((0.15, -0.02, 0.08, 0.05, 0.01), "Loan losses cannot be negative (got -0.02)."),
            ((-0.15, 0.02, 0.08, 0.05, 0.01), "Administrative expenses cannot be negative (got -0.15)."),
            ((0.15, 0.02, -0.08, 0.05, 0.01), "Cost of funds cannot be negative (got -0.08)."),
            ((0.15, 0.02, 0.08, -0.05, 0.01), "Capitalisation cannot be negative (got -0.05)."),
            ((0.15, 0.02, 0.08, 0.05, -0.01), "Investment income cannot be negative (got -0.01)."),
            ((0.15, 0.02, 0.08, 0.05, float("nan")), "Investment income must be a finite number (got nan)."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            sustainable_rate(*arguments)
        assert str(error.value) == message

    @FAST
    @given(st.floats(0, 1), st.floats(0, 0.9), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
    def test_rate_covers_costs_after_losses(self, ae, ll, cf, k, ii):
        # R·(1 − LL) = AE + LL + CF + K − II
        assert sustainable_rate(ae, ll, cf, k, ii) * (1 - ll) == pytest.approx(ae + ll + cf + k - ii, abs=1e-12)
