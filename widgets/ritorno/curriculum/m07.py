"""Module 7, Cash-flow plan: the plan's lines, the countries' examples and self-checks.

The examples (``data/m07.toml``) are illustrative: a made-up snack bar per country,
not market data. Module 7's story is set in Tunisia.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..countries import COUNTRY_CODES
from ..i18n import N_
from ._exercise import SelfCheckQuestion

__all__ = ["COUNTRY", "MONTHS", "CASH_IN_LINES", "CASH_OUT_LINES", "LINES", "LINE_LABELS", "CashFlowExample",
           "example", "SELF_CHECKS"]

COUNTRY = "TN"
MONTHS = 12

#: Money coming in: (line id, label).
CASH_IN_LINES: tuple[tuple[str, str], ...] = (
    ("sales", N_("Sales")),
    ("loan_in", N_("Loan received")),
    ("other_in", N_("Other money in")),
)
#: Money going out: (line id, label). Loan instalments are cash out, like any other payment.
CASH_OUT_LINES: tuple[tuple[str, str], ...] = (
    ("stock", N_("Stock and materials")),
    ("rent", N_("Rent")),
    ("wages", N_("Wages")),
    ("other_out", N_("Other costs (electricity, phone, transport)")),
    ("instalments", N_("Loan instalments")),
    ("drawings", N_("Household drawings")),
)
LINES: tuple[str, ...] = tuple(line for line, _ in CASH_IN_LINES + CASH_OUT_LINES)
LINE_LABELS: dict[str, str] = dict(CASH_IN_LINES + CASH_OUT_LINES)

_DATA = Path(__file__).resolve().parent / "data" / "m07.toml"
_LOAN_TERMS = ("amount", "annual_rate", "periods", "method", "rate_type", "upfront_fee", "compulsory_savings")


@dataclass(frozen=True)
class CashFlowExample:
    """One country's illustrative plan: opening cash, 12 amounts per line (loan lines empty), loan terms.

    ``loan`` holds :class:`ritorno.finance.Loan` keyword arguments for a monthly loan paid
    out in month 1; the lines ``loan_in`` and ``instalments`` are worked out from it.
    """

    opening: float
    lines: dict[str, tuple[float, ...]]
    loan: dict[str, Any]


def _months(value: Any, where: str) -> tuple[float, ...]:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return (float(value),) * MONTHS
    if (isinstance(value, list) and len(value) == MONTHS
            and all(isinstance(item, (int, float)) and not isinstance(item, bool) and item >= 0 for item in value)):
        return tuple(float(item) for item in value)
    raise ValueError(f"m07.toml: {where} must be an amount of 0 or more, or a list of {MONTHS} (got {value!r})")


@functools.cache
def _examples() -> dict[str, CashFlowExample]:
    with _DATA.open("rb") as handle:
        data = tomllib.load(handle)
    examples = {}
    for code in COUNTRY_CODES:
        entry = data[code]
        lines = {line: _months(entry.get(line, 0), f"{code}.{line}") for line in LINES
                 if line not in ("loan_in", "instalments")}
        loan = {term: entry["loan"][term] for term in _LOAN_TERMS}
        examples[code] = CashFlowExample(float(entry["opening"]), lines, loan)
    return examples


def example(country: str) -> CashFlowExample:
    """The illustrative cash-flow plan of ``country`` (ISO code).

    >>> plan = example("TN")
    >>> plan.opening, plan.lines["rent"][0], plan.loan["amount"]
    (1000.0, 450.0, 5000)
    """
    return _examples()[country.upper()]


SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("Your business makes a profit over the year, but month 4 closes below zero. What does that mean?"),
        (N_("Nothing: the year is profitable, so all is well"),
         N_("In month 4 you cannot pay what is due unless you find cash before then"),
         N_("The business is losing money")),
        1,
        (N_("No. A yearly profit does not pay April's rent: if the cash is not there that month, you cannot pay."),
         N_("Right. Plan now: a little more savings, a loan paid out earlier, a grace period, less stock "
            "that month or smaller household drawings."),
         N_("Not necessarily. A profitable business can still run short of cash in some months, for example "
            "while it buys stock before the high season.")),
    ),
    SelfCheckQuestion(
        N_("Where do the loan and its instalments go in a cash-flow plan?"),
        (N_("The loan received is money in; each instalment is money out"),
         N_("Only the interest is money out"),
         N_("Loans are left out: they are not sales")),
        0,
        (N_("Right. The whole instalment (principal and interest) leaves your cash box, so it is money out."),
         N_("No. In a cash-flow plan the whole instalment goes out, principal too: it is cash that leaves."),
         N_("No. The loan is cash that comes in and the instalments are cash that goes out: leave them out "
            "and the plan misses the months that go short.")),
    ),
    SelfCheckQuestion(
        N_("Closing cash at the end of month 2 is 800. What is the opening cash of month 3?"),
        (N_("0: every month starts again from zero"), N_("800"), N_("It depends on sales in month 3")),
        1,
        (N_("No. Cash does not disappear at the end of the month: what is left is there the next morning."),
         N_("Right. Each month opens with the cash the month before closed with."),
         N_("No. Sales in month 3 change the closing cash of month 3, not its opening cash.")),
    ),
    SelfCheckQuestion(
        N_("Why do household drawings belong in the business's cash-flow plan?"),
        (N_("Because the family lives on money taken out of the business"),
         N_("They do not: household money has nothing to do with the business"),
         N_("To pay less tax")),
        0,
        (N_("Right. Money you take home leaves the business's cash: plan a fixed, realistic amount each month."),
         N_("No. If you take money from the till for the family, it is cash out of the business, planned or not."),
         N_("No. Drawings are in the plan because the cash really leaves the business.")),
    ),
)
