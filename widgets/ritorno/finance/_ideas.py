"""Screening business ideas with weighted criteria (module 2)."""
from __future__ import annotations

import math
from collections.abc import Sequence

from ._validate import require_finite, require_non_negative

__all__ = ["weighted_scores", "best_ideas"]


def _sequence(value: object, what: str) -> Sequence:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise ValueError(f"{what} must be a list of numbers (got {value!r}).")
    return value


def weighted_scores(weights: Sequence[float], scores: Sequence[Sequence[float]]) -> tuple[float, ...]:
    """Weighted score of each idea: the sum, over the criteria, of weight × score.

    Parameters
    ----------
    weights : sequence of float
        How much each criterion matters to you, one weight per criterion (the course
        uses whole numbers from 1, hardly important, to 5, very important). None may be
        negative and at least one must be above 0.
    scores : sequence of sequences of float
        One row per idea, one score per criterion in the same order as ``weights``
        (the course uses 1, poor, to 5, very good). None may be negative.

    Returns
    -------
    tuple of float
        The weighted score of each idea, in the order of ``scores``.

    Raises
    ------
    ValueError
        If there is no criterion or no idea, an idea has more or fewer scores than
        there are criteria, a weight or score is negative or not a number, or every
        weight is 0.

    Notes
    -----
    For idea *j* and criteria *i*: :math:`S_j = \\sum_i w_i \\, s_{ij}`. The highest
    possible score is the top of the scale times the sum of the weights (5 × Σ w in
    the course), reached by an idea that is perfect on every criterion.

    This is a weighted decision matrix: the weights say what matters to *you*, so two
    people with the same ideas can rightly reach different choices.

    Examples
    --------
    >>> weighted_scores([5, 3], [[4, 2], [3, 5]])
    (26.0, 30.0)
    >>> weighted_scores([5, 3], [[4, 2, 1]])
    Traceback (most recent call last):
    ...
    ValueError: Idea 1 has 3 scores but there are 2 criteria: give one score per criterion.
    """
    weights = _sequence(weights, "The weights")
    scores = _sequence(scores, "The scores")
    if not weights:
        raise ValueError("There must be at least one criterion (got no weights).")
    if not scores:
        raise ValueError("There must be at least one idea to score (got no scores).")
    checked = [require_non_negative(weight, f"The weight of criterion {number}")
               for number, weight in enumerate(weights, start=1)]
    if not any(checked):
        raise ValueError("At least one criterion must have a weight above 0 (all weights are 0).")
    totals = []
    for idea, row in enumerate(scores, start=1):
        row = _sequence(row, f"The scores of idea {idea}")
        if len(row) != len(checked):
            raise ValueError(f"Idea {idea} has {len(row)} scores but there are {len(checked)} criteria: "
                             "give one score per criterion.")
        values = [require_non_negative(score, f"The score of idea {idea} on criterion {number}")
                  for number, score in enumerate(row, start=1)]
        totals.append(math.fsum(weight * value for weight, value in zip(checked, values)))
    return tuple(totals)


def best_ideas(totals: Sequence[float]) -> tuple[int, ...]:
    """Positions (from 0) of the ideas that share the highest weighted score.

    More than one position means a tie: the scores alone cannot choose.

    Parameters
    ----------
    totals : sequence of float
        Weighted scores, for example from :func:`weighted_scores`.

    Returns
    -------
    tuple of int
        In increasing order. Scores that differ by less than a billionth are equal.

    Examples
    --------
    >>> best_ideas((26.0, 30.0, 12.0))
    (1,)
    >>> best_ideas((30.0, 26.0, 30.0))
    (0, 2)
    """
    totals = _sequence(totals, "The weighted scores")
    if not totals:
        raise ValueError("There must be at least one weighted score (got none).")
    values = [require_finite(value, f"Weighted score {number}") for number, value in enumerate(totals, start=1)]
    top = max(values)
    return tuple(index for index, value in enumerate(values)
                 if math.isclose(value, top, rel_tol=1e-9, abs_tol=1e-9))

