"""A monthly loan laid out over the months of a cash-flow plan (module 7)."""
from __future__ import annotations

from dataclasses import dataclass

from ._loans import Loan

__all__ = ["LoanMonths", "loan_by_month"]

_MAX_MONTHS = 120


@dataclass(frozen=True)
class LoanMonths:
    """What a loan puts into and takes out of each month of a plan.

    ``received`` is the money in hand (amount − fee − blocked savings) in the month
    the loan is paid out, ``repaid`` each instalment in the month it falls due,
    ``savings_back`` the blocked savings returned with the last instalment. Each
    holds one amount per month of the plan; the parts of the loan that fall
    after the plan's last month are left out.
    """

    received: tuple[float, ...]
    repaid: tuple[float, ...]
    savings_back: tuple[float, ...]


def loan_by_month(loan: Loan, months: int = 12, paid_out_in: int = 1) -> LoanMonths:
    """Spread a monthly loan over a plan of ``months`` months.

    Parameters
    ----------
    loan : Loan
        A loan repaid monthly (``frequency="monthly"``).
    months : int
        Length of the plan, 1 to 120 months.
    paid_out_in : int
        Month of the plan in which the loan is paid out, 1 to ``months``. The
        first instalment falls one month later, as in the loan's schedule.

    Returns
    -------
    LoanMonths

    Raises
    ------
    ValueError
        If the loan is not repaid monthly, or a month is out of range.

    Notes
    -----
    Instalment ``k`` of the schedule (grace periods included) is paid in month
    ``paid_out_in + k``; the blocked savings come back in the month of the last
    instalment.

    Examples
    --------
    >>> loan = Loan(1200, 0.0, 3, compulsory_savings=0.1)
    >>> flows = loan_by_month(loan, months=5)
    >>> flows.received, flows.repaid, flows.savings_back
    ((1080.0, 0.0, 0.0, 0.0, 0.0), (0.0, 400.0, 400.0, 400.0, 0.0), (0.0, 0.0, 0.0, 120.0, 0.0))
    >>> loan_by_month(Loan(1000, 0.2, 26, frequency="weekly"))
    Traceback (most recent call last):
    ...
    ValueError: A monthly plan needs a loan repaid monthly (this one is repaid weekly).
    """
    if loan.frequency != "monthly":
        raise ValueError(f"A monthly plan needs a loan repaid monthly (this one is repaid {loan.frequency}).")
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= _MAX_MONTHS:
        raise ValueError(f"A plan covers 1 to {_MAX_MONTHS} months (got {months!r}).")
    if isinstance(paid_out_in, bool) or not isinstance(paid_out_in, int) or not 1 <= paid_out_in <= months:
        raise ValueError(f"The loan must be paid out in month 1 to {months} (got {paid_out_in!r}).")
    received, repaid, savings_back = [0.0] * months, [0.0] * months, [0.0] * months
    received[paid_out_in - 1] = loan.received
    for row in loan.schedule():
        index = paid_out_in - 1 + row.period
        if index < months:
            repaid[index] = row.payment
    last = paid_out_in - 1 + loan.periods
    if last < months:
        savings_back[last] = loan.savings_amount
    return LoanMonths(tuple(received), tuple(repaid), tuple(savings_back))
