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
from ._exercise import SelfCheckQuestion

__all__ = ["COUNTRY", "LINES", "LABELS", "SOURCE_LABELS", "ITEMS", "BUSINESSES", "StartupExample", "EXAMPLES",
           "SELF_CHECKS"]

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
