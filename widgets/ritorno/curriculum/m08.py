"""Module 8, Household money, savings and remittances: lines, examples and self-checks.

The household's main lines come from the country data (``household_example``); the
extra lines, the savings goal and the ways of sending money (``data/m08.toml``) are
illustrative. Module 8's story is set in Peru.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..countries import COUNTRY_CODES, get_country
from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "INCOME_LINES", "SPENDING_LINES", "LINE_LABELS", "HOUSEHOLD_KEYS", "WAYS", "WAY_LABELS",
           "WAY_SHORT_LABELS",
           "HouseholdExample", "RemittanceExample", "household_example", "remittance_example", "SELF_CHECKS",
           "FAMILY_BUDGET_INCOME", "FAMILY_BUDGET_SPENDING", "FAMILY_BUDGET_GOAL", "FAMILY_BUDGET_GOAL_LABELS",
           "FAMILY_BUDGET", "SEND_HOME_COUNTRY", "SEND_HOME_AMOUNT", "SEND_HOME_OFFERS", "SEND_HOME", "EXERCISES"]

COUNTRY = "PE"

#: Monthly income of the household: (line id, label).
INCOME_LINES: tuple[tuple[str, str], ...] = (
    ("pay", N_("Pay you take from the business")),
    ("partner_wages", N_("Partner's wages")),
    ("from_abroad", N_("Money sent by family in Italy")),
    ("other_income", N_("Other income")),
)
#: Monthly spending of the household: (line id, label).
SPENDING_LINES: tuple[tuple[str, str], ...] = (
    ("food", N_("Food")),
    ("rent", N_("Rent")),
    ("transport", N_("Transport")),
    ("school", N_("School fees")),
    ("health", N_("Health")),
    ("utilities", N_("Electricity, water and gas")),
    ("phone", N_("Phone and mobile data")),
    ("other_spending", N_("Other spending")),
)
LINE_LABELS: dict[str, str] = dict(INCOME_LINES + SPENDING_LINES)

#: Names used in the country data's ``household_example`` -> line id here.
HOUSEHOLD_KEYS: dict[str, str] = {
    "business profit": "pay", "partner's wages": "partner_wages",
    "food": "food", "rent": "rent", "transport": "transport", "school fees": "school", "health": "health",
    "electricity and water": "utilities", "electricity, water and gas": "utilities",
    "phone and mobile data": "phone",
}

#: Ways of sending money from Italy, in the order they are shown.
WAYS: tuple[str, ...] = ("bank", "agency", "online", "mobile")
WAY_LABELS: dict[str, str] = {
    "bank": N_("Bank transfer"),
    "agency": N_("Money-transfer agency"),
    "online": N_("Online service (app or website)"),
    "mobile": N_("To a mobile money wallet ({providers})"),
}
#: Short names under the bars of the chart.
WAY_SHORT_LABELS: dict[str, str] = {
    "bank": N_("Bank"), "agency": N_("Agency"), "online": N_("Online"), "mobile": N_("Mobile money"),
}

_DATA = Path(__file__).resolve().parent / "data" / "m08.toml"


@dataclass(frozen=True)
class HouseholdExample:
    """One country's illustrative household: monthly amounts by line id, a savings goal and monthly saving."""

    lines: dict[str, float]
    goal: float
    saving: float


@dataclass(frozen=True)
class RemittanceExample:
    """Illustrative transfer: amount in euros; per way, its fee in euros and its margin on the exchange rate."""

    amount: float
    fees: dict[str, float]
    margins: dict[str, float]


@functools.cache
def _data() -> dict:
    with _DATA.open("rb") as handle:
        return tomllib.load(handle)


def household_example(country: str) -> HouseholdExample:
    """The illustrative household of ``country``: the country data's lines plus this module's.

    >>> example = household_example("PE")
    >>> example.lines["food"], example.lines["from_abroad"], example.goal
    (1200.0, 1200.0, 5000.0)
    """
    code = country.upper()
    if code not in COUNTRY_CODES:
        raise ValueError(f"Unknown country {country!r}.")
    lines = {line: 0.0 for line in LINE_LABELS}
    data = get_country(code).household_example
    for kind, other in (("income", "other_income"), ("spending", "other_spending")):
        for key, amount in data[kind].items():
            lines[HOUSEHOLD_KEYS.get(key, other)] += amount
    extra = _data()[code]["household"]
    lines["from_abroad"] += float(extra["from_abroad"])
    lines["other_spending"] += float(extra["other_spending"])
    return HouseholdExample(lines, float(extra["goal"]), float(extra["saving"]))


def remittance_example(country: str) -> RemittanceExample:
    """The illustrative ways of sending money to ``country``.

    >>> example = remittance_example("PE")
    >>> example.amount, example.fees["online"], example.margins["agency"]
    (300.0, 2.99, 0.035)
    """
    entry = _data()[country.upper()]["remittance"]
    return RemittanceExample(float(entry["amount"]), {way: float(entry[way]["fee"]) for way in WAYS},
                             {way: float(entry[way]["margin"]) for way in WAYS})


SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("Your shop had a good day. Your child needs new shoes. What do you do?"),
        (N_("Take the money from the shop's cash box: it is your shop"),
         N_("Pay for the shoes from your own pay, the fixed amount you take from the business each month"),
         N_("Buy them with the money set aside for next week's stock")),
        1,
        (N_("No. If the family takes from the till whenever it needs, you no longer know whether the business "
            "makes money, and the stock money disappears."),
         N_("Right. Pay yourself a fixed amount each month and let the family live on it: the business's money "
            "stays in the business."),
         N_("No. Stock money keeps the business running: without it, next week there is nothing to sell.")),
    ),
    SelfCheckQuestion(
        N_("A service sends 200 euros with no fee, but gives a lower exchange rate than the market. Is it free?"),
        (N_("Yes: there is no fee"),
         N_("No: the cost is hidden in the exchange rate"),
         N_("It depends on the day of the week")),
        1,
        (N_("No. If your family receives less than the market rate gives, the difference is a cost, even "
            "without a fee."),
         N_("Right. The real cost is the fee plus what you lose on the exchange rate: compare both."),
         N_("No. Compare the rate offered with the market rate on the day you send.")),
    ),
    SelfCheckQuestion(
        N_("Your household earns 3,000 a month and spends 3,200. What is the first thing to do?"),
        (N_("Borrow to cover the gap"),
         N_("Look at each spending line and find where to cut, or how to earn more"),
         N_("Take the difference from the business each month")),
        1,
        (N_("No. A loan does not close a gap that comes back every month: it makes it bigger, with interest."),
         N_("Right. A deficit that comes back every month must be closed at home: spend less or earn more."),
         N_("No. Taking more from the business than it can pay you empties its cash and its stock.")),
    ),
    SelfCheckQuestion(
        N_("You want to save 1,200 for a second fridge and can put aside 150 a month. How long will it take?"),
        (N_("6 months"), N_("8 months"), N_("12 months")),
        1,
        (N_("No. 6 months × 150 is 900: not enough yet."),
         N_("Right. 1,200 ÷ 150 = 8 months."),
         N_("No. 12 months × 150 is 1,800: you reach the goal before that.")),
    ),
)


# ---------------------------------------------------------------------------------------------
# Graded exercises (solutions/08_household_money_and_remittances). ILLUSTRATIVE scenarios:
# a made-up family and made-up offers, no real bank or money-transfer service.
# ---------------------------------------------------------------------------------------------

# Rosa and Luis's household in Arequipa, one month (PEN). Line ids and labels are LINE_LABELS'.
FAMILY_BUDGET_INCOME: dict[str, float] = {"pay": 1_600, "partner_wages": 1_300, "from_abroad": 200}
FAMILY_BUDGET_SPENDING: dict[str, float] = {
    "food": 1_150, "rent": 600, "transport": 220, "school": 180, "health": 120, "utilities": 160,
    "phone": 90, "other_spending": 230,
}
# Their savings goal: a second-hand motorbike for deliveries (PEN).
FAMILY_BUDGET_GOAL: dict[str, float] = {"goal": 3_000, "saved": 600}
FAMILY_BUDGET_GOAL_LABELS: dict[str, str] = {
    "goal": N_("Price of the motorbike they save for"),
    "saved": N_("Already saved"),
}

FAMILY_BUDGET = Exercise(
    exercise_id="m08_family_budget",
    module=8,
    title=N_("Rosa's household budget and the motorbike"),
    country=COUNTRY,
    fields=(
        ExerciseField("total_spending", N_("Total spending of the household each month"), "money"),
        ExerciseField("surplus", N_("Money left each month (surplus; type a minus sign for a deficit)"), "money"),
        ExerciseField("months", N_("Putting the whole surplus aside, in how many months can they buy the motorbike?"),
                      "choice", (("6", N_("6 months")), ("7", N_("7 months")), ("8", N_("8 months")),
                                 ("9", N_("9 months")))),
        ExerciseField("separate", N_("Rosa's shop had a very good week: there is more cash in the till than usual. "
                                     "What should she do?"), "choice",
                      (("home", N_("Take the extra home and put it towards the motorbike")),
                       ("keep", N_("Leave it in the business: the family lives on her fixed monthly pay")),
                       ("bills", N_("Pay this month's household bills with it")))),
    ),
)

# Sending money from Italy to Tunisia: the amount (EUR) and three offers, each with its fee (EUR)
# and the exchange rate it gives (dinars for 1 euro). Compare with the market rate, the country's
# eur_exchange_rate fact.
SEND_HOME_COUNTRY = "TN"
SEND_HOME_AMOUNT: float = 250
SEND_HOME_OFFERS: dict[str, dict[str, float]] = {
    "bank": {"fee": 9.00, "rate": 3.331},
    "agency": {"fee": 0.00, "rate": 3.200},
    "online": {"fee": 3.50, "rate": 3.318},
}

SEND_HOME = Exercise(
    exercise_id="m08_send_home",
    module=8,
    title=N_("Which way of sending money home costs least?"),
    country=SEND_HOME_COUNTRY,
    fields=(
        ExerciseField("cost_bank", N_("Cost of the bank transfer, as a share of the amount sent"), "percent"),
        ExerciseField("cost_agency", N_("Cost of the money-transfer agency, as a share of the amount sent"), "percent"),
        ExerciseField("cost_online", N_("Cost of the online service, as a share of the amount sent"), "percent"),
        ExerciseField("cheapest", N_("Which way costs least?"), "choice",
                      (("bank", WAY_LABELS["bank"]), ("agency", WAY_LABELS["agency"]),
                       ("online", WAY_LABELS["online"]))),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (FAMILY_BUDGET, SEND_HOME)}
