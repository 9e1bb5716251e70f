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
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "MONTHS", "CASH_IN_LINES", "CASH_OUT_LINES", "LINES", "LINE_LABELS", "CashFlowExample",
           "example", "SELF_CHECKS",
           "EXERCISE_COUNTRY", "MONTH_LABELS", "CLOSING_CASH_SCENARIO", "CLOSING_CASH_LABELS",
           "CLOSING_CASH_LOAN", "CLOSING_CASH_SALES", "CLOSING_CASH_STOCK", "CLOSING_CASH", "FIXES_GRACE",
           "FIXES_GRACE_LABELS", "FIXES", "EXERCISES"]

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


# ---------------------------------------------------------------------------------------------
# Graded exercises (solutions/07_cash_flow_plan). ILLUSTRATIVE scenario: Salma's pastry shop in
# Sfax, a made-up business. Amounts in Tunisian dinars (TND).
# ---------------------------------------------------------------------------------------------

EXERCISE_COUNTRY = "TN"
#: The exercises plan six months, not twelve.
MONTH_LABELS: dict[str, str] = {
    "m1": N_("Month 1"), "m2": N_("Month 2"), "m3": N_("Month 3"),
    "m4": N_("Month 4"), "m5": N_("Month 5"), "m6": N_("Month 6"),
}

# Her loan: 6,000 DT at 20% a year on the declining balance, 12 monthly instalments, a 1% fee.
CLOSING_CASH_LOAN: dict[str, float | int | str] = {
    "amount": 6_000, "annual_rate": 0.20, "periods": 12, "frequency": "monthly",
    "method": "declining", "upfront_fee": 0.01,
}
# Payments that happen once, and those that are the same every month (TND). The loan figures are
# the loan above: 6,000 less the 1% fee, and its instalment rounded to the dinar (555.807).
CLOSING_CASH_SCENARIO: dict[str, float] = {
    "opening": 1_000,
    "loan_in": 5_940,
    "equipment": 4_200,
    "fridge": 1_800,
    "instalment": 556,
    "rent": 400,
    "wages": 350,
    "other_out": 150,
    "drawings": 700,
}
CLOSING_CASH_LABELS: dict[str, str] = {
    "opening": N_("Cash at the start of month 1"),
    "loan_in": N_("Loan received in month 1 (after the fee)"),
    "equipment": N_("Oven and tools, paid in month 1"),
    "fridge": N_("Display fridge, paid in month 3"),
    "instalment": N_("Loan instalment, every month from month 2"),
    "rent": N_("Rent, every month"),
    "wages": N_("Wages of her helper, every month"),
    "other_out": N_("Other costs (electricity, phone, transport), every month"),
    "drawings": N_("Household drawings, every month"),
}
#: Sales paid in cash, by month (TND).
CLOSING_CASH_SALES: dict[str, float] = {"m1": 1_800, "m2": 2_200, "m3": 2_800, "m4": 3_000, "m5": 4_600, "m6": 4_800}
#: Flour, butter, sugar and other stock bought, by month (TND): a big first stock in month 1.
CLOSING_CASH_STOCK: dict[str, float] = {"m1": 1_500, "m2": 800, "m3": 1_000, "m4": 1_000, "m5": 1_600, "m6": 1_600}

CLOSING_CASH = Exercise(
    exercise_id="m07_closing_cash",
    module=7,
    title=N_("When does Salma's cash run out?"),
    country=EXERCISE_COUNTRY,
    fields=(
        ExerciseField("closing_m2", N_("Closing cash at the end of month 2"), "money"),
        ExerciseField("closing_m5", N_("Closing cash at the end of month 5"), "money"),
        ExerciseField("first_negative", N_("The first month that closes below zero"), "choice",
                      (("m1", N_("Month 1")), ("m2", N_("Month 2")), ("m3", N_("Month 3")), ("m4", N_("Month 4")),
                       ("m5", N_("Month 5")), ("m6", N_("Month 6")), ("none", N_("No month goes below zero")))),
        ExerciseField("lowest", N_("The lowest closing cash of the six months"), "money"),
        ExerciseField("change", N_("What should Salma do before she opens?"), "choice",
                      (("sales", N_("Write higher sales for the short months, until no month is negative")),
                       ("nothing", N_("Nothing: by month 6 her cash is back above zero")),
                       ("timing", N_("Find cash before the short months, or move a payment after them "
                                     "(a later purchase, a grace period on the loan)")),
                       ("skip", N_("Skip the loan instalments in the short months and pay them later")))),
    ),
)

# The lender's offer of a grace period on the same loan: interest only for the first three
# instalments (6,000 × 20% ÷ 12), then the principal over the nine instalments left (723.446,
# rounded to the dinar). The other fix, buying the display fridge in month 6, needs no figure.
FIXES_GRACE: dict[str, float] = {"interest_only": 100, "after_grace": 723}
FIXES_GRACE_LABELS: dict[str, str] = {
    "interest_only": N_("Instalment in months 2, 3 and 4 (interest only)"),
    "after_grace": N_("Instalment in months 5 and 6"),
}

FIXES = Exercise(
    exercise_id="m07_fixes",
    module=7,
    title=N_("Which change keeps Salma's cash above zero?"),
    country=EXERCISE_COUNTRY,
    fields=(
        ExerciseField("lowest_grace", N_("Lowest closing cash with the grace period (fridge still in month 3)"),
                      "money"),
        ExerciseField("lowest_later", N_("Lowest closing cash with the fridge bought in month 6 (no grace period)"),
                      "money"),
        ExerciseField("lowest_both", N_("Lowest closing cash with both changes"), "money"),
        ExerciseField("fixes", N_("Which change on its own keeps every month at zero or above?"), "choice",
                      (("grace", N_("Only the grace period")), ("later", N_("Only buying the fridge later")),
                       ("either", N_("Either of them")), ("neither", N_("Neither of them")))),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (CLOSING_CASH, FIXES)}
