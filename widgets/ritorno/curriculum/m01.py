"""Module 1, Returning as an entrepreneur: labels, illustrative examples, readiness and self-checks.

The example savings and family support per country are illustrative (``data/m01.toml``);
the other household spending comes from the country's illustrative household
(:attr:`ritorno.countries.Country.household_example`).
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from ..countries import COUNTRY_CODES, get_country
from ..i18n import N_
from ._exercise import SelfCheckQuestion

__all__ = ["COUNTRY", "PROFILE_LABELS", "IDEA_MAX_LENGTH", "NAME_MAX_LENGTH", "HOUSEHOLD_MAX", "SPENDING_LINES",
           "RUNWAY_LABELS", "SHORT_RUNWAY_MONTHS", "LONG_RUNWAY_MONTHS", "example_savings", "example_spending",
           "READINESS", "SELF_CHECKS"]

COUNTRY = "GH"

PROFILE_LABELS: dict[str, str] = {
    "first_name": N_("Your first name"),
    "household_size": N_("People in your household (you included)"),
    "business_idea": N_("Your business idea, in a sentence"),
}
NAME_MAX_LENGTH = 40
IDEA_MAX_LENGTH = 200
HOUSEHOLD_MAX = 50

#: Lines of essential monthly spending in the runway calculator, in the order shown.
SPENDING_LINES: tuple[str, ...] = ("food", "housing", "school_health", "transport_phone", "family")
RUNWAY_LABELS: dict[str, str] = {
    "savings": N_("Savings you bring home"),
    "food": N_("Food"),
    "housing": N_("Rent, electricity and water"),
    "school_health": N_("School fees and health"),
    "transport_phone": N_("Transport and phone"),
    "family": N_("Family support and other essentials"),
}
#: Runway thresholds of the lesson's verdict, in months.
SHORT_RUNWAY_MONTHS = 3
LONG_RUNWAY_MONTHS = 6

# Which runway line a line of a country's household_example belongs to: first keyword found wins;
# anything else counts as "family".
_LINE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("food", "food"), ("rent", "housing"), ("electricity", "housing"), ("water", "housing"),
    ("school", "school_health"), ("health", "school_health"), ("transport", "transport_phone"),
    ("phone", "transport_phone"),
)


@functools.cache
def _examples() -> dict[str, dict[str, float]]:
    with (Path(__file__).resolve().parent / "data" / "m01.toml").open("rb") as handle:
        data = tomllib.load(handle)["countries"]
    missing = set(COUNTRY_CODES) - set(data)
    if missing:
        raise ValueError(f"m01.toml has no example for {', '.join(sorted(missing))}")
    return {code: {key: float(value) for key, value in values.items()} for code, values in data.items()}


def example_savings(country: str) -> float:
    """Illustrative savings a returnee brings home to ``country``, in its currency.

    >>> example_savings("GH")
    20000.0
    """
    return _examples()[get_country(country).code]["savings"]


def example_spending(country: str) -> dict[str, float]:
    """Illustrative essential monthly spending of a household in ``country``, by runway line.

    >>> example_spending("GH")
    {'food': 2000.0, 'housing': 900.0, 'school_health': 700.0, 'transport_phone': 550.0, 'family': 350.0}
    """
    profile = get_country(country)
    lines = dict.fromkeys(SPENDING_LINES, 0.0)
    for item, amount in profile.household_example["spending"].items():
        line = next((line for keyword, line in _LINE_KEYWORDS if keyword in item.lower()), "family")
        lines[line] += amount
    lines["family"] += _examples()[profile.code]["family_support"]
    return lines


#: Statements of the readiness check: the trainee answers yes or no to each.
READINESS: tuple[str, ...] = (
    N_("My family knows my plan, and we agreed what the business can and cannot pay for."),
    N_("I know how my household will live in the first months, before the business earns money."),
    N_("I have worked in this trade, or someone who knows it will teach me."),
    N_("I know who my first customers will be and where to find them."),
    N_("I keep part of my savings apart as a reserve for emergencies."),
    N_("I know which papers I need to open a business (identity card, tax number, licence)."),
)

SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("You bring home savings of 20,000. Your household's essential spending is 5,000 a month. "
           "If the business earns nothing yet, how long do the savings last?"),
        (N_("4 months"), N_("25 months"), N_("15 months")),
        0,
        (N_("Right. 20,000 ÷ 5,000 = 4 months."),
         N_("No. Divide the savings by the monthly spending: 20,000 ÷ 5,000."),
         N_("No. 15,000 is what is left after one month of spending, not a number of months.")),
    ),
    SelfCheckQuestion(
        N_("Which of these belongs in your essential household spending?"),
        (N_("Food, rent, school fees and health"), N_("A new television"),
         N_("The sewing machine for your business")),
        0,
        (N_("Right. These are what the family cannot go without, whatever the business does."),
         N_("No. It can wait: essential spending is what the family cannot go without."),
         N_("No. Equipment belongs to the business's start-up capital (module 5), not to the household's spending.")),
    ),
    SelfCheckQuestion(
        N_("Your savings cover only 2 months of essential spending. What is the wisest first step?"),
        (N_("Put all the savings into the business at once"),
         N_("Keep a reserve for the household, and start smaller or earn some income first"),
         N_("Borrow money to pay for the household's food and rent")),
        1,
        (N_("No. If sales start slowly, the family would have nothing left to live on."),
         N_("Right. A business needs months to earn enough; the household must live meanwhile."),
         N_("No. A loan for daily spending must be repaid from a business that does not earn yet.")),
    ),
    SelfCheckQuestion(
        N_("Why talk with your family before you start?"),
        (N_("It is not needed if the money is yours"),
         N_("To agree together what the business can and cannot pay for"),
         N_("Only to ask them for a loan")),
        1,
        (N_("Not quite. Relatives often expect help from someone who comes back: agree on it before the money is spent."),
         N_("Right. Clear agreements protect both the family and the business's money."),
         N_("No. Their support and their expectations matter as much as their money.")),
    ),
)
