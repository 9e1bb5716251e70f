"""Saving towards a goal (module 8)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .loan_strategies import FAST
from ritorno.finance import months_to_goal


class TestMonthsToGoal:
    def test_course_example(self):
        # 1,200 for a fridge at 150 a month: 1,200 ÷ 150 = 8 months (module 8's self-check)
        assert months_to_goal(1200, 150) == 8

    def test_a_part_month_counts_as_a_whole_month(self):
        # 1,500 at 200 a month: 7.5 → 8 months
        assert months_to_goal(1500, 200) == 8

    def test_exact_division_is_not_rounded_up_by_float_dust(self):
        # 0.3 ÷ 0.1 is 2.9999999999999996 in floats, 0.7 ÷ 0.1 is 6.999999999999999: ceil is right already
        assert months_to_goal(0.3, 0.1) == 3
        assert months_to_goal(0.7, 0.1) == 7
        assert months_to_goal(1500, 300) == 5
        assert months_to_goal(1.05, 0.15) == 7  # 1.05 ÷ 0.15 is 7.000000000000001 in floats

    def test_already_saved_counts(self):
        assert months_to_goal(1500, 200, already_saved=300) == 6

    def test_goal_reached(self):
        assert months_to_goal(1000, 0, already_saved=1000) == 0
        assert months_to_goal(0, 100) == 0

    def test_nothing_put_aside_never_reaches(self):
        assert months_to_goal(1500, 0) == math.inf

    @pytest.mark.parametrize(("arguments", "message"), [
        ((-1, 100), "The savings goal cannot be negative (got -1)."),
        ((100, -5), "The amount saved each month cannot be negative (got -5)."),
        ((100, 5, -1), "The amount already saved cannot be negative (got -1)."),
        ((float("nan"), 5), "The savings goal must be a finite number (got nan)."),
        (("lots", 5), "The savings goal must be a number (got 'lots')."),
    ])
    def test_invalid(self, arguments, message):
        with pytest.raises(ValueError) as error:
            months_to_goal(*arguments)
        assert str(error.value) == message

    @FAST
    @given(goal=st.floats(0.01, 1e9), saving=st.floats(0.01, 1e9))
    def test_enough_months_and_not_one_too_many(self, goal, saving):
        months = months_to_goal(goal, saving)
        assert months == int(months) >= 1
        assert months * saving >= goal * (1 - 1e-9)
        assert (months - 1) * saving < goal
