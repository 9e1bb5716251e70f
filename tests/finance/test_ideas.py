"""Weighted screening of business ideas (module 2)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.finance import best_ideas, weighted_scores

FAST = settings(max_examples=60, deadline=None, database=None)

scale = st.integers(min_value=1, max_value=5)


class TestWeightedScores:
    def test_course_example(self):
        # Leila's ideas in Sfax (curriculum/data/m02.toml), weights 5, 4, 4, 2, 3:
        # pastries 5·5 + 4·4 + 4·4 + 2·2 + 3·4 = 73; laundry 5·2 + 4·4 + 4·2 + 2·4 + 3·4 = 54;
        # soap 5·3 + 4·3 + 4·4 + 2·3 + 3·3 = 58
        weights = [5, 4, 4, 2, 3]
        scores = [[5, 4, 4, 2, 4], [2, 4, 2, 4, 4], [3, 3, 4, 3, 3]]
        assert weighted_scores(weights, scores) == (73.0, 54.0, 58.0)

    def test_self_check_example(self):
        # module 2's self-check: weights 5 and 1, scores 2 and 5 -> 5·2 + 1·5 = 15
        assert weighted_scores([5, 1], [[2, 5]]) == (15.0,)

    def test_single_criterion(self):
        assert weighted_scores([3], [[4], [2]]) == (12.0, 6.0)

    def test_zero_weight_ignores_a_criterion(self):
        assert weighted_scores([0, 2], [[5, 1], [1, 1]]) == (2.0, 2.0)

    def test_fractional_weights(self):
        assert weighted_scores([0.5, 1.5], [[2, 2]]) == (4.0,)

    def test_returns_floats_in_order(self):
        result = weighted_scores((1, 1), ((1, 2), (3, 4), (5, 6)))
        assert result == (3.0, 7.0, 11.0)
        assert all(isinstance(value, float) for value in result)

    @pytest.mark.parametrize(
        ("weights", "scores", "message"),
        [
            ([], [[1]], "There must be at least one criterion (got no weights)."),
            ([1], [], "There must be at least one idea to score (got no scores)."),
            ([0, 0], [[1, 2]], "At least one criterion must have a weight above 0 (all weights are 0)."),
            ([5, 3], [[4, 2, 1]], "Idea 1 has 3 scores but there are 2 criteria: give one score per criterion."),
            ([5, 3], [[4, 2], [1]], "Idea 2 has 1 scores but there are 2 criteria: give one score per criterion."),
            ([5, -1], [[1, 1]], "The weight of criterion 2 cannot be negative (got -1)."),
            ([5, 1], [[1, -2]], "The score of idea 1 on criterion 2 cannot be negative (got -2)."),
            ([5, "high"], [[1, 1]], "The weight of criterion 2 must be a number (got 'high')."),
            ([5, 1], [[1, float("nan")]], "The score of idea 1 on criterion 2 must be a finite number (got nan)."),
            ("53", [[1, 1]], "The weights must be a list of numbers (got '53')."),
            ([5, 1], [[1, 1], "11"], "The scores of idea 2 must be a list of numbers (got '11')."),
        ],
    )
    def test_invalid_input_is_explained(self, weights, scores, message):
        with pytest.raises(ValueError) as error:
            weighted_scores(weights, scores)
        assert str(error.value) == message

    @FAST
    @given(st.lists(scale, min_size=1, max_size=8).flatmap(
        lambda weights: st.tuples(st.just(weights), st.lists(st.lists(scale, min_size=len(weights),
                                                                       max_size=len(weights)), min_size=1, max_size=4))))
    def test_between_the_weakest_and_a_perfect_idea(self, case):
        weights, scores = case
        for total in weighted_scores(weights, scores):
            assert sum(weights) <= total <= 5 * sum(weights)

    @FAST
    @given(st.lists(scale, min_size=2, max_size=6), st.data())
    def test_raising_one_score_never_lowers_the_total(self, weights, data):
        row = data.draw(st.lists(st.integers(1, 4), min_size=len(weights), max_size=len(weights)))
        criterion = data.draw(st.integers(0, len(weights) - 1))
        better = list(row)
        better[criterion] += 1
        before, after = weighted_scores(weights, [row, better])
        assert after - before == pytest.approx(weights[criterion])


class TestBestIdeas:
    def test_one_winner(self):
        assert best_ideas((26.0, 30.0, 12.0)) == (1,)

    def test_tie_lists_every_winner(self):
        assert best_ideas((30.0, 26.0, 30.0)) == (0, 2)

    def test_all_equal(self):
        assert best_ideas((5.0, 5.0)) == (0, 1)

    def test_single_idea(self):
        assert best_ideas([7]) == (0,)

    def test_float_dust_is_a_tie(self):
        # 0.1 + 0.2 is 0.30000000000000004 in floating point
        assert best_ideas((0.1 + 0.2, 0.3)) == (0, 1)

    @pytest.mark.parametrize(
        ("totals", "message"),
        [
            ((), "There must be at least one weighted score (got none)."),
            ((1, math.inf), "Weighted score 2 must be a finite number (got inf)."),
            ("12", "The weighted scores must be a list of numbers (got '12')."),
        ],
    )
    def test_invalid_input_is_explained(self, totals, message):
        with pytest.raises(ValueError) as error:
            best_ideas(totals)
        assert str(error.value) == message

    @FAST
    @given(st.lists(st.floats(0, 1e6), min_size=1, max_size=6))
    def test_winners_have_the_maximum(self, totals):
        winners = best_ideas(totals)
        assert winners and all(totals[index] == pytest.approx(max(totals)) for index in winners)
        assert list(winners) == sorted(winners)
