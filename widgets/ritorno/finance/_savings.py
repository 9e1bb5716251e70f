"""Saving towards a goal (module 8)."""
from __future__ import annotations

import math

from ._validate import require_non_negative

__all__ = ["months_to_goal"]


def months_to_goal(goal: float, saved_per_month: float, already_saved: float = 0.0) -> float:
    """Whole months of saving needed to reach ``goal``.

    Parameters
    ----------
    goal : float
        Amount to reach, in one currency (0 or more).
    saved_per_month : float
        Amount put aside every month (0 or more).
    already_saved : float
        Amount saved so far (0 or more).

    Returns
    -------
    float
        ``ceil((goal − already_saved) ÷ saved_per_month)`` as a whole number;
        0 when the goal is already reached; ``math.inf`` when nothing is put
        aside and the goal is not reached yet.

    Examples
    --------
    >>> months_to_goal(1_500, 200)
    8.0
    >>> months_to_goal(1_500, 200, already_saved=300)
    6.0
    >>> months_to_goal(1_500, 0)
    inf
    """
    target = require_non_negative(goal, "The savings goal")
    monthly = require_non_negative(saved_per_month, "The amount saved each month")
    missing = target - require_non_negative(already_saved, "The amount already saved")
    if missing <= 0:
        return 0.0
    if monthly == 0:
        return math.inf
    months = missing / monthly
    # a quotient a hair above a whole number (float dust) is that whole number, not one month more
    return float(max(1, math.ceil(months * (1 - 1e-12))))
