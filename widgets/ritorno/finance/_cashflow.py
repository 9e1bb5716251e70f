"""Month-by-month cash-flow plan (module 7)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._validate import require_finite, require_non_negative

__all__ = ["CashFlowMonth", "cash_flow_plan", "negative_months"]

_MAX_MONTHS = 120


@dataclass(frozen=True)
class CashFlowMonth:
    """One month of the plan: closing = opening + cash in − cash out."""

    month: int
    opening: float
    cash_in: float
    cash_out: float
    closing: float


def cash_flow_plan(opening_cash: float, cash_in: Sequence[float], cash_out: Sequence[float]) -> tuple[CashFlowMonth, ...]:
    """Roll cash forward month by month.

    Parameters
    ----------
    opening_cash : float
        Cash at the start of month 1 (may be negative: an overdraft).
    cash_in, cash_out : sequences of float
        Money coming in and going out each month (loan instalments belong in
        cash out, a loan received in cash in). Same length, 1 to 120 months.

    Examples
    --------
    >>> plan = cash_flow_plan(100, [50, 0, 80], [60, 120, 30])
    >>> [month.closing for month in plan]
    [90.0, -30.0, 20.0]
    >>> negative_months(plan)
    [2]
    """
    if len(cash_in) != len(cash_out):
        raise ValueError(f"Cash in has {len(cash_in)} months but cash out has {len(cash_out)}: give both for every month.")
    if not 1 <= len(cash_in) <= _MAX_MONTHS:
        raise ValueError(f"A cash-flow plan covers 1 to {_MAX_MONTHS} months (got {len(cash_in)}).")
    balance = require_finite(opening_cash, "Opening cash")
    months = []
    for number, (money_in, money_out) in enumerate(zip(cash_in, cash_out), start=1):
        received = require_non_negative(money_in, f"Cash in for month {number}")
        paid = require_non_negative(money_out, f"Cash out for month {number}")
        closing = balance + received - paid
        months.append(CashFlowMonth(number, balance, received, paid, closing))
        balance = closing
    return tuple(months)


def negative_months(plan: Sequence[CashFlowMonth]) -> list[int]:
    """Numbers of the months that close below zero."""
    return [month.month for month in plan if month.closing < 0]
