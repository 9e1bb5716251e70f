"""Expect.matches: when a saved value earns the points."""
from __future__ import annotations

import math

import pytest

from ritorno.grading import Expect


class TestNumbers:
    def test_exact_without_tolerance(self):
        expect = Expect("instalment", 91_680)
        assert expect.matches(91_680)
        assert expect.matches(91_680.0)
        assert not expect.matches(91_681)

    def test_float_dust_is_forgiven(self):
        assert Expect("share", 0.3).matches(0.1 + 0.2)

    @pytest.mark.parametrize(("answer", "right"), [(95, True), (105, True), (105.01, False), (94.99, False)])
    def test_absolute_tolerance(self, answer, right):
        assert Expect("x", 100, tolerance=5).matches(answer) is right

    @pytest.mark.parametrize(("answer", "right"), [(1010, True), (990, True), (1010.5, False), (989, False)])
    def test_relative_tolerance(self, answer, right):
        assert Expect("x", 1000, relative=0.01).matches(answer) is right

    def test_the_larger_allowance_wins(self):
        both = Expect("x", 1000, tolerance=5, relative=0.01)  # 1 % of 1000 = 10 > 5
        assert both.matches(1009)
        small = Expect("x", 100, tolerance=5, relative=0.01)  # 5 > 1 % of 100
        assert small.matches(104.5) and not small.matches(106)

    def test_relative_of_a_negative_value(self):
        expect = Expect("surplus", -20_000, relative=0.05)
        assert expect.matches(-21_000) and expect.matches(-19_000)
        assert not expect.matches(-22_000)

    def test_relative_of_zero_needs_exactness(self):
        assert not Expect("surplus", 0, relative=0.05).matches(1)
        assert Expect("surplus", 0, relative=0.05).matches(0)

    @pytest.mark.parametrize("answer", [True, False])
    def test_a_bool_is_not_a_number(self, answer):
        assert not Expect("x", 1).matches(answer)
        assert not Expect("x", 0, tolerance=5).matches(answer)

    @pytest.mark.parametrize("answer", ["270000", "270 000", ""])
    def test_text_is_not_a_number(self, answer):
        assert not Expect("net_income", 270_000, relative=0.01).matches(answer)

    @pytest.mark.parametrize("answer", [math.nan, math.inf, -math.inf])
    def test_non_finite_answers_never_match(self, answer):
        assert not Expect("x", 100, tolerance=1e308).matches(answer)


class TestStrings:
    def test_same_text_matches(self):
        assert Expect("decision", "no").matches("no")

    @pytest.mark.parametrize("answer", ["No", "no ", " no", "non", ""])
    def test_text_is_compared_exactly(self, answer):
        assert not Expect("decision", "no").matches(answer)

    @pytest.mark.parametrize("answer", [0, 1.0, True])
    def test_a_number_never_matches_a_choice(self, answer):
        assert not Expect("cheaper", "A").matches(answer)

    def test_tolerance_does_not_apply_to_text(self):
        assert not Expect("cheaper", "A", tolerance=1, relative=1).matches("B")


def test_defaults():
    expect = Expect("x", 1)
    assert (expect.points, expect.tolerance, expect.relative, expect.hint) == (1.0, 0.0, 0.0, "")
