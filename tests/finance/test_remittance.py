"""What it costs to send money home (module 8)."""
from __future__ import annotations

import pytest

from ritorno.finance import fx_margin, remittance_cost


class TestFxMargin:
    def test_course_example(self):
        # 1 − 642.84 ÷ 655.957 (XOF per EUR, fixed parity) = 2.00%
        assert fx_margin(offered_rate=642.84, market_rate=655.957) == pytest.approx(1 - 642.84 / 655.957, rel=1e-12)
        assert round(fx_margin(642.84, 655.957), 4) == 0.02

    def test_offer_at_market_costs_nothing(self):
        assert fx_margin(655.957, 655.957) == 0.0

    def test_offer_above_market_is_zero_not_negative(self):
        assert fx_margin(660, 655.957) == 0.0

    def test_half_the_market_rate(self):
        assert fx_margin(50, 100) == 0.5

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((0, 655.957), "The rate offered must be more than 0 (got 0)."),
            ((642.84, 0), "The market rate must be more than 0 (got 0)."),
            ((642.84, -1), "The market rate must be more than 0 (got -1)."),
            ((float("nan"), 655.957), "The rate offered must be a finite number (got nan)."),
            (("good", 655.957), "The rate offered must be a number (got 'good')."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            fx_margin(*arguments)
        assert str(error.value) == message


class TestRemittanceCost:
    def test_course_example(self):
        # (4 + 2% × 150) ÷ 150 = 7 ÷ 150 = 4.67%
        assert remittance_cost(150, fee=4.0, fx_margin_rate=0.02) == pytest.approx(7 / 150, rel=1e-12)

    def test_fee_only(self):
        # 4 ÷ 150
        assert remittance_cost(150, 4.0) == pytest.approx(4 / 150, rel=1e-12)

    def test_free_transfer(self):
        assert remittance_cost(150, 0) == 0.0

    def test_margin_only(self):
        assert remittance_cost(1_000, 0, 0.03) == pytest.approx(0.03, rel=1e-12)

    def test_with_a_computed_margin(self):
        # the two functions together: €150 at 642.84 instead of 655.957, and a €4 fee
        margin = 1 - 642.84 / 655.957
        assert remittance_cost(150, 4, fx_margin(642.84, 655.957)) == pytest.approx((4 + 150 * margin) / 150)

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ((0, 4), "The amount sent must be more than 0 (got 0)."),
            ((-150, 4), "The amount sent must be more than 0 (got -150)."),
            ((150, -1), "The fee cannot be negative (got -1)."),
            ((150, 4, -0.01), "The exchange margin cannot be negative (got -0.01)."),
            ((150, float("inf")), "The fee must be a finite number (got inf)."),
        ],
    )
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            remittance_cost(*arguments)
        assert str(error.value) == message
