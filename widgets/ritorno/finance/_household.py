"""Household money: monthly surplus and how long savings last (modules 1 and 8)."""
from __future__ import annotations

import math
from collections.abc import Mapping

from ._validate import require_non_negative

__all__ = ["total", "budget_surplus", "runway_months"]

Amounts = float | Mapping[str, float]


def total(amounts: Amounts, what: str = "Each amount") -> float:
    """Sum of a single amount or of named amounts, none of them negative.

    >>> total({"rent": 50_000, "food": 120_000})
    170000.0
    """
    if isinstance(amounts, Mapping):
        return sum(require_non_negative(value, f"{what} ({name})") for name, value in amounts.items())
    return require_non_negative(amounts, what)


def budget_surplus(income: Amounts, spending: Amounts) -> float:
    """Money left each month: income − spending (negative means a deficit).

    Parameters
    ----------
    income, spending : float or mapping of name to amount
        Monthly amounts in one currency; a mapping is summed.

    Examples
    --------
    >>> budget_surplus({"shop": 300_000, "wife's salary": 90_000}, {"rent": 60_000, "food": 150_000})
    180000.0
    """
    return total(income, "Income") - total(spending, "Spending")


def runway_months(savings: float, essential_monthly_spending: float) -> float:
    """How many months savings cover the household's essential spending.

    Returns ``math.inf`` when there is no essential spending to cover.

    >>> runway_months(1_200_000, 300_000)
    4.0
    """
    money = require_non_negative(savings, "Savings")
    spending = require_non_negative(essential_monthly_spending, "Essential monthly spending")
    if spending == 0:
        return math.inf
    return money / spending
