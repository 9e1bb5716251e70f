"""Module 5, Start-up capital and funding: labels, illustrative examples and self-checks.

The example figures live in ``data/m05.toml``: what one small business needs to open,
per country, made up for the lesson. They are not amounts that IOM gives: the IOM line
of each example is only the value of the goods its owner asked IOM to buy.
"""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..countries import COUNTRY_CODES
from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "LINES", "LABELS", "SOURCE_LABELS", "ITEMS", "BUSINESSES", "StartupExample", "EXAMPLES",
           "SELF_CHECKS",
           "CAPITAL", "CAPITAL_EQUIPMENT", "CAPITAL_PRE_OPENING", "CAPITAL_RUNNING", "CAPITAL_SOURCES",
           "CAPITAL_LIMITS", "CAPITAL_LABELS", "CAPITAL_MONTHS",
           "FUNDING_MIX", "FUNDING_MIX_USES", "FUNDING_MIX_SOURCES", "FUNDING_MIX_LIMITS", "FUNDING_MIX_LABELS",
           "FUNDING_MIX_RULE", "EXERCISES"]

COUNTRY = "EC"  # the lesson's story: a returnee from Genoa opens a breakfast café in Guayaquil

#: Named lines of the form, for equipment and for pre-opening costs each.
LINES = 4

LABELS: dict[str, str] = {
    "equipment": N_("Equipment and other fixed assets"),
    "pre_opening": N_("Costs before opening (paid once)"),
    "running_costs": N_("Running costs of one month"),
    "months": N_("Months of running costs to keep"),
    "item": N_("What"),
    "amount": N_("Cost"),
}

SOURCE_LABELS: dict[str, str] = {
    "iom_in_kind": N_("IOM support in goods and services"),
    "savings": N_("Your own savings"),
    "family": N_("Family contribution"),
    "loan": N_("Loan"),
}

# Lines of the examples (keys used in data/m05.toml).
ITEMS: dict[str, str] = {
    "oven": N_("Oven"),
    "dough_mixer": N_("Dough mixer"),
    "baking_tools": N_("Baking trays and tools"),
    "shelves": N_("Shelves"),
    "sewing_machine": N_("Sewing machine"),
    "sewing_machines": N_("Two sewing machines"),
    "workbench_tools": N_("Workbench and tools"),
    "cutting_table": N_("Cutting table"),
    "ironing": N_("Iron and ironing table"),
    "refrigerator": N_("Refrigerator"),
    "stove": N_("Industrial stove"),
    "kitchen_tools": N_("Pots, pans and kitchen tools"),
    "tables_chairs": N_("Tables and chairs"),
    "permits": N_("Permits and registration"),
    "first_stock": N_("First stock"),
    "rent_deposit": N_("Rent deposit"),
    "sign": N_("Sign and painting"),
}

BUSINESSES: dict[str, str] = {
    "bakery": N_("a bakery in Tamale"),
    "shoe_shop": N_("a shoe shop and repair workshop in Thiès"),
    "tailoring": N_("a tailoring workshop in Sfax"),
    "saltenas": N_("a salteña kitchen in Cochabamba"),
    "cevicheria": N_("a cevichería in Lima"),
    "cafe": N_("a breakfast café in Guayaquil"),
}


@dataclass(frozen=True)
class StartupExample:
    """What one business needs to open and how it is funded, illustrative."""

    business: str
    equipment: tuple[tuple[str, float], ...]
    pre_opening: tuple[tuple[str, float], ...]
    running_costs: float
    months: int
    iom_items: tuple[str, ...]
    iom_in_kind: float
    savings: float
    family: float
    loan: float

    @property
    def capital(self) -> float:
        """Equipment + pre-opening costs + months × running costs."""
        return (math.fsum(amount for _, amount in self.equipment + self.pre_opening)
                + self.running_costs * self.months)


def _load(path: Path) -> dict[str, StartupExample]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    if set(data) != set(COUNTRY_CODES):
        raise ValueError(f"{path.name}: give one example for each of {', '.join(COUNTRY_CODES)} (got {sorted(data)}).")
    examples = {}
    for code in COUNTRY_CODES:
        entry = dict(data[code])
        lines = {kind: tuple(entry.pop(kind).items()) for kind in ("equipment", "pre_opening")}
        example = StartupExample(**{**entry, "iom_items": tuple(entry["iom_items"])}, **lines)
        for kind, items in lines.items():
            if len(items) > LINES or any(key not in ITEMS for key, _ in items):
                raise ValueError(f"{path.name}: [{code}.{kind}] use at most {LINES} lines, each labelled in m05.ITEMS.")
        if example.business not in BUSINESSES:
            raise ValueError(f"{path.name}: [{code}] business {example.business!r} has no label in m05.BUSINESSES.")
        priced = dict(example.equipment + example.pre_opening)
        if example.iom_in_kind != math.fsum(priced[item] for item in example.iom_items):
            raise ValueError(f"{path.name}: [{code}] iom_in_kind must be the value of the iom_items.")
        examples[code] = example
    return examples


#: Illustrative example of each country, by ISO code.
EXAMPLES: dict[str, StartupExample] = _load(Path(__file__).resolve().parent / "data" / "m05.toml")

SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("How does IOM's reintegration support usually help a returnee who starts a business?"),
        (N_("It gives cash that you spend as you like"),
         N_("It provides goods and services for the business, such as equipment, stock or training"),
         N_("It lends you money that you pay back with interest")),
        1,
        (N_("No. The support is given in kind: IOM buys the agreed goods or pays for the services, it does not "
            "hand over cash."),
         N_("Right. The support is in kind: what you need is agreed in your plan, and IOM buys it or pays the "
            "supplier."),
         N_("No. IOM's support is not a loan. If you also need a loan, it comes from a bank or a microfinance "
            "institution.")),
    ),
    SelfCheckQuestion(
        N_("Why does the start-up capital include some months of running costs?"),
        (N_("Because sales take time to grow, and rent, wages and stock must be paid meanwhile"),
         N_("Because a lender asks for it, even if it is not needed"),
         N_("It should not: running costs are paid from sales")),
        0,
        (N_("Right. In the first months sales are often low. Money kept aside pays the bills until sales do."),
         N_("No. It is needed: many new businesses close because they run out of cash, not because the idea was bad."),
         N_("Not at the start. Sales come slowly, and the bills come from the first day.")),
    ),
    SelfCheckQuestion(
        N_("Your plan needs 5,000. Your sources add up to 4,600. What does it mean?"),
        (N_("The plan is funded: 400 is a small difference"),
         N_("400 is still missing: find more money, or cut some costs, until sources equal uses"),
         N_("You have 400 more than you need")),
        1,
        (N_("No. A plan is funded only when sources equal uses. A missing 400 can stop the opening."),
         N_("Right. Sources must equal uses: ask family, save a little longer, borrow a little more, or buy "
            "second-hand."),
         N_("No. The sources are smaller than the uses, so money is missing.")),
    ),
    SelfCheckQuestion(
        N_("Which of these is a cost before opening, paid once?"),
        (N_("The rent deposit for the shop"), N_("The electricity bill of each month"), N_("The oven")),
        0,
        (N_("Right. The deposit is paid once, before you open."),
         N_("No. Electricity comes back every month: it is a running cost."),
         N_("No. The oven is equipment, a fixed asset that you use for years.")),
    ),
)


# ---- Graded exercises (solutions/05_startup_capital_and_funding) -----------------------------------
# Scenario figures below are ILLUSTRATIVE (made-up businesses), not prices quoted by anyone and NOT
# amounts that IOM gives: an IOM line is only the value of the goods and services IOM agreed to
# provide in kind for that business. Amounts are shown with figures_table(); months and shares are
# given in the notebook's text and kept here for the tests.

# Awa's hair salon in Dakar (XOF). Illustrative.
CAPITAL_EQUIPMENT: dict[str, float] = {
    "salon_chairs": 240_000,
    "hair_dryers": 180_000,
    "water_heater": 90_000,
    "mirrors_shelves": 110_000,
}
CAPITAL_PRE_OPENING: dict[str, float] = {
    "permits": 40_000,
    "first_stock": 150_000,
    "rent_deposit": 200_000,
    "sign": 35_000,
}
CAPITAL_RUNNING: dict[str, float] = {"running_costs": 230_000}
CAPITAL_SOURCES: dict[str, float] = {
    "iom_in_kind": 510_000,  # the chairs, the dryers and the water heater, bought by IOM
    "savings": 450_000,
    "family": 150_000,
    "loan": 400_000,
}
CAPITAL_LIMITS: dict[str, float] = {"family_more": 100_000, "loan_limit": 700_000}
CAPITAL_LABELS: dict[str, str] = {
    "salon_chairs": N_("Two salon chairs"),
    "hair_dryers": N_("Two hood hair dryers"),
    "water_heater": N_("Water heater"),
    "mirrors_shelves": N_("Mirrors and shelves"),
    "permits": N_("Permits and registration"),
    "first_stock": N_("First stock of hair products"),
    "rent_deposit": N_("Rent deposit"),
    "sign": N_("Sign and painting"),
    "running_costs": N_("Running costs of one month (rent, electricity, water, products, her helper)"),
    "iom_in_kind": N_("IOM support in goods: the chairs, the dryers and the water heater"),
    "savings": N_("Her own savings"),
    "family": N_("Her sister's contribution"),
    "loan": N_("Loan from a microfinance institution"),
    "family_more": N_("The most her sister can still add"),
    "loan_limit": N_("The most the microfinance institution would lend her in all"),
}
#: Months of running costs Awa keeps aside (written in the notebook's text).
CAPITAL_MONTHS = 3

CAPITAL = Exercise(
    exercise_id="m05_capital",
    module=5,
    title=N_("How much does Awa need to open her salon?"),
    country="SN",
    fields=(
        ExerciseField("working_capital", N_("Running costs kept aside until sales come in"), "money"),
        ExerciseField("capital", N_("Start-up capital needed"), "money"),
        ExerciseField("gap", N_("Still missing: uses − sources"), "money"),
        ExerciseField("close_gap", N_("How should Awa close the gap?"), "choice", (
            ("iom_cash", N_("Ask IOM to pay the missing amount in cash")),
            ("family", N_("Ask her sister for the missing amount")),
            ("loan", N_("Borrow the missing amount from the microfinance institution")),
            ("open_anyway", N_("Open anyway, and pay the rest from the first sales")),
        )),
    ),
)

# Carmen's juice bar in La Paz (BOB). Illustrative.
FUNDING_MIX_USES: dict[str, float] = {"equipment": 18_000, "pre_opening": 6_000, "running_costs": 6_000}
FUNDING_MIX_SOURCES: dict[str, float] = {
    "iom_in_kind": 10_500,  # a refrigerator and an industrial juicer, bought by IOM
    "savings": 8_000,
    "family": 3_500,
    "loan": 20_000,
}
FUNDING_MIX_LIMITS: dict[str, float] = {"family_more": 4_000}
FUNDING_MIX_LABELS: dict[str, str] = {
    "equipment": N_("Equipment (refrigerator, juicer, blenders, counter, stools)"),
    "pre_opening": N_("Costs before opening (permits, first stock, rent deposit, sign)"),
    "running_costs": N_("Running costs of one month"),
    "iom_in_kind": N_("IOM support in goods: the refrigerator and the juicer"),
    "savings": N_("Her own savings"),
    "family": N_("Her brother's contribution"),
    "loan": N_("Loan she asks for"),
    "family_more": N_("The most her brother can still add"),
}
#: Written in the notebook's text: months of running costs kept aside, and the lender's condition
#: (illustrative): the loan may be at most this share of the start-up capital.
FUNDING_MIX_RULE: dict[str, float] = {"months": 3, "loan_share_limit": 0.40}

FUNDING_MIX = Exercise(
    exercise_id="m05_funding_mix",
    module=5,
    title=N_("Is Carmen's loan too big?"),
    country="BO",
    fields=(
        ExerciseField("capital", N_("Start-up capital needed"), "money"),
        ExerciseField("iom_share", N_("Share of the capital paid by IOM's goods"), "percent"),
        ExerciseField("loan_share", N_("Share of the capital paid by the loan"), "percent"),
        ExerciseField("max_loan", N_("The largest loan the lender accepts for this plan"), "money"),
        ExerciseField("change", N_("Which change makes the plan acceptable, with sources still equal to uses?"),
                      "choice", (
            ("a", N_("Borrow Bs 18,000 and ask her brother for Bs 2,000 more")),
            ("b", N_("Borrow Bs 16,800 and ask her brother for Bs 3,200 more")),
            ("c", N_("Borrow Bs 15,000 and ask her brother for Bs 5,000 more")),
            ("d", N_("Borrow Bs 16,800 and ask IOM for the other Bs 3,200 in cash")),
        )),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (CAPITAL, FUNDING_MIX)}
