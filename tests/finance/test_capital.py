"""Start-up capital and how it is funded (module 5)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import FundingMix, startup_capital

money = st.floats(min_value=0, max_value=1e9)


class TestStartupCapital:
    def test_course_example(self):
        # 900,000 + 50,000 + 3 × 200,000 = 1,550,000
        assert startup_capital({"oven": 900_000}, {"permit": 50_000}, monthly_running_costs=200_000,
                               months_of_working_capital=3) == 1_550_000.0

    def test_several_items(self):
        # (400,000 + 250,000) + (30,000 + 20,000) + 1.5 × 100,000 = 850,000
        assert startup_capital({"fridge": 400_000, "counter": 250_000}, {"permit": 30_000, "sign": 20_000},
                               100_000, 1.5) == 850_000.0

    def test_single_amounts(self):
        assert startup_capital(900_000, 50_000, 200_000, 0) == 950_000.0

    def test_no_working_capital(self):
        assert startup_capital({}, {}, 200_000, 0) == 0.0

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            (({"oven": -1}, {}, 0, 0), "Equipment (oven) cannot be negative (got -1)."),
            (({}, {"permit": -50}, 0, 0), "Pre-opening costs (permit) cannot be negative (got -50)."),
            (({}, {}, -5, 3), "Monthly running costs cannot be negative (got -5)."),
            (({}, {}, 200_000, -1), "Months of working capital cannot be negative (got -1)."),
            (({}, {}, 200_000, "three"), "Months of working capital must be a number (got 'three')."),
            (({}, {}, float("nan"), 3), "Monthly running costs must be a finite number (got nan)."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            startup_capital(*arguments)
        assert str(error.value) == message

    @FAST
    @given(st.dictionaries(st.text(max_size=5), money, max_size=5),
           st.dictionaries(st.text(max_size=5), money, max_size=5), money, st.floats(min_value=0, max_value=24))
    def test_uses_add_up(self, assets, pre_opening, running, months):
        expected = math.fsum(assets.values()) + math.fsum(pre_opening.values()) + running * months
        assert startup_capital(assets, pre_opening, running, months) == pytest.approx(expected, rel=1e-12, abs=1e-6)


class TestFundingMix:
    MIX = {"iom_in_kind": 800_000, "savings": 300_000, "family": 100_000, "loan": 350_000}

    def test_total(self):
        # 800,000 + 300,000 + 100,000 + 350,000
        assert FundingMix(**self.MIX).total == 1_550_000.0

    def test_no_gap_when_sources_equal_uses(self):
        assert FundingMix(**self.MIX).gap(1_550_000) == 0.0

    def test_money_missing(self):
        assert FundingMix(**self.MIX).gap(1_700_000) == 150_000.0

    def test_surplus_is_negative(self):
        assert FundingMix(**self.MIX).gap(1_500_000) == -50_000.0

    def test_shares(self):
        # each source ÷ 1,550,000
        shares = FundingMix(**self.MIX).shares()
        assert shares == pytest.approx({"iom_in_kind": 800 / 1_550, "savings": 300 / 1_550,
                                        "family": 100 / 1_550, "loan": 350 / 1_550}, rel=1e-12)
        assert round(shares["loan"], 3) == 0.226

    def test_zero_total_has_zero_shares(self):
        assert FundingMix().total == 0.0
        assert FundingMix().shares() == {"iom_in_kind": 0.0, "savings": 0.0, "family": 0.0, "loan": 0.0}

    def test_zero_total_gap_is_the_whole_need(self):
        assert FundingMix().gap(1_000) == 1_000.0

    def test_values_become_floats(self):
        mix = FundingMix(loan=350_000)
        assert mix.loan == 350_000.0 and isinstance(mix.loan, float)

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("iom_in_kind", -1, "IOM support in kind cannot be negative (got -1)."),
            ("savings", -300, "Own savings cannot be negative (got -300)."),
            ("family", float("nan"), "Family contribution must be a finite number (got nan)."),
            ("loan", "big", "The loan must be a number (got 'big')."),
        ],
    )
    def test_invalid_source(self, field, value, message):
        with pytest.raises(ValueError) as error:
            FundingMix(**{field: value})
        assert str(error.value) == message

    def test_negative_need(self):
        with pytest.raises(ValueError) as error:
            FundingMix(**self.MIX).gap(-1)
        assert str(error.value) == "Capital needed cannot be negative (got -1)."

    @FAST
    @given(money, money, money, money)
    def test_shares_sum_to_one(self, iom, savings, family, loan):
        mix = FundingMix(iom, savings, family, loan)
        expected = 1.0 if iom + savings + family + loan > 0 else 0.0
        assert math.fsum(mix.shares().values()) == pytest.approx(expected, rel=1e-12)
