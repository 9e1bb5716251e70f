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
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "PROFILE_LABELS", "IDEA_MAX_LENGTH", "NAME_MAX_LENGTH", "HOUSEHOLD_MAX", "SPENDING_LINES",
           "RUNWAY_LABELS", "SHORT_RUNWAY_MONTHS", "LONG_RUNWAY_MONTHS", "example_savings", "example_spending",
           "READINESS", "SELF_CHECKS",
           "RUNWAY_CHECK", "RUNWAY_CHECK_EUROS", "RUNWAY_CHECK_SPENDING", "RUNWAY_CHECK_EQUIPMENT",
           "RUNWAY_CHECK_LABELS", "RUNWAY_CHOICES", "FAMILY_NEEDS", "FAMILY_NEEDS_INCOME", "FAMILY_NEEDS_INCOME_LABELS",
           "FAMILY_NEEDS_SPENDING", "FAMILY_NEEDS_BUSINESS", "FAMILY_NEEDS_BUSINESS_LABELS", "EXERCISES"]

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


# ---- Graded exercises (solutions/01_returning_as_an_entrepreneur) ----------------------------------
# Scenario figures below are ILLUSTRATIVE (made-up families), not data about real households.
# Amounts in the local currency are shown with figures_table(); the savings in euros are not in the
# country's currency, so the notebook's text gives them and they are kept here for the tests. The
# exchange rate comes from ritorno.countries (facts_table), never from here.

#: The answers to "how long do the savings last?", as the runway calculator's verdict names them.
RUNWAY_CHOICES: tuple[tuple[str, str], ...] = (
    ("short", N_("Less than 3 months")),
    ("medium", N_("Between 3 and 6 months")),
    ("long", N_("More than 6 months")),
)

# Moussa comes back from Brescia to Kaolack, Senegal, and wants to open a cold-drinks shop. Illustrative.
#: Savings he brings home, in euros (changed into F CFA at the rate of the country's facts).
RUNWAY_CHECK_EUROS = 4_000
#: Essential monthly spending of his household (XOF), by line of the runway calculator (labels: RUNWAY_LABELS).
RUNWAY_CHECK_SPENDING: dict[str, float] = {
    "food": 160_000,
    "housing": 70_000,
    "school_health": 50_000,
    "transport_phone": 35_000,
    "family": 35_000,
}
RUNWAY_CHECK_EQUIPMENT: dict[str, float] = {"equipment": 1_800_000}
RUNWAY_CHECK_LABELS: dict[str, str] = {
    "equipment": N_("Freezer, drinks fridge and first stock he wants to buy"),
}

RUNWAY_CHECK = Exercise(
    exercise_id="m01_runway_check",
    module=1,
    title=N_("How long will Moussa's savings last?"),
    country="SN",
    fields=(
        ExerciseField("savings", N_("Moussa's savings in F CFA"), "money"),
        ExerciseField("monthly_spending", N_("Essential spending of the household each month"), "money"),
        ExerciseField("runway", N_("If the shop earns nothing, how long do all his savings last?"), "choice",
                      RUNWAY_CHOICES),
        ExerciseField("max_equipment", N_("The most he can spend on the shop and still keep 3 months of essential "
                                          "spending"), "money"),
        ExerciseField("decision", N_("What should Moussa do about the equipment?"), "choice", (
            ("buy_all", N_("Buy all of it now: his savings are larger than its price")),
            ("buy_less", N_("Spend less on it, or ask IOM's in-kind support for part of it, so that 3 months of "
                            "spending stay in reserve")),
            ("give_up", N_("Give up the shop: his savings last less than 3 months")),
        )),
    ),
)

# Ama comes back from Modena to Kumasi, Ghana, and wants to open a hair salon. Illustrative (GHS).
FAMILY_NEEDS_INCOME: dict[str, float] = {"wages": 1_800, "brother": 400}
FAMILY_NEEDS_INCOME_LABELS: dict[str, str] = {
    "wages": N_("Her husband's wages"),
    "brother": N_("Money her brother sends from Italy"),
}
#: Essential monthly spending of her household, by line of the runway calculator (labels: RUNWAY_LABELS).
FAMILY_NEEDS_SPENDING: dict[str, float] = {
    "food": 2_200,
    "housing": 900,
    "school_health": 800,
    "transport_phone": 500,
    "family": 400,
}
FAMILY_NEEDS_BUSINESS: dict[str, float] = {"profit": 2_000}
FAMILY_NEEDS_BUSINESS_LABELS: dict[str, str] = {
    "profit": N_("Profit the salon is expected to make each month in its first year"),
}

FAMILY_NEEDS = Exercise(
    exercise_id="m01_family_needs",
    module=1,
    title=N_("What must Ama's salon pay for?"),
    country="GH",
    fields=(
        ExerciseField("essential_spending", N_("Essential spending of the household each month"), "money"),
        ExerciseField("monthly_gap", N_("Money the household is short each month, before the salon earns anything"),
                      "money"),
        ExerciseField("gap_share", N_("Share of the essential spending the salon must pay for"), "percent"),
        ExerciseField("still_missing", N_("Money still missing each month once the salon makes its expected profit"),
                      "money"),
        ExerciseField("decision", N_("What should Ama and her family do?"), "choice", (
            ("start_now", N_("Start as planned: the salon's profit will pay for everything the family needs")),
            ("plan_gap", N_("Start, but first agree with the family how to cover what is still missing: spend less, "
                            "keep a reserve from the savings, or earn more")),
            ("give_up", N_("Give up: a salon can never help pay for the family")),
        )),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (RUNWAY_CHECK, FAMILY_NEEDS)}
