"""Module 6, Profit plan and break-even: labels, illustrative examples and self-checks.

The example figures live in ``data/m06.toml``: one small business per country,
made up for the lesson (not market data).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..countries import COUNTRY_CODES
from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "LABELS", "PRODUCTS", "BreakEvenExample", "EXAMPLES", "SELF_CHECKS",
           "BREAK_EVEN", "BREAK_EVEN_SCENARIO", "BREAK_EVEN_LABELS", "BREAK_EVEN_PLAN",
           "RENT_RISE", "RENT_RISE_SCENARIO", "RENT_RISE_LABELS", "RENT_RISE_PLAN", "EXERCISES"]

COUNTRY = "GH"  # the lesson's story: a returnee from Rome opens a bakery in Tamale

LABELS: dict[str, str] = {
    "fixed_costs": N_("Fixed costs per month"),
    "price": N_("Price of one unit"),
    "variable_cost": N_("Variable cost of one unit"),
    "planned_units": N_("Units you plan to sell per month"),
}

# What the example of each country sells (keys used in data/m06.toml).
PRODUCTS: dict[str, str] = {
    "bread": N_("loaves of bread from a bakery in Tamale"),
    "sandals": N_("pairs of leather sandals in Thiès"),
    "harissa": N_("500 g jars of harissa in Sfax"),
    "saltena": N_("salteñas in Cochabamba"),
    "ceviche": N_("plates of ceviche in Lima"),
    "bolon": N_("bolón breakfasts in Guayaquil"),
}


@dataclass(frozen=True)
class BreakEvenExample:
    """One month of a small business, illustrative."""

    product: str
    fixed_costs: float
    price: float
    variable_cost: float
    planned_units: int


def _load(path: Path) -> dict[str, BreakEvenExample]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    if set(data) != set(COUNTRY_CODES):
        raise ValueError(f"{path.name}: give one example for each of {', '.join(COUNTRY_CODES)} (got {sorted(data)}).")
    examples = {code: BreakEvenExample(**data[code]) for code in COUNTRY_CODES}
    for code, example in examples.items():
        if example.product not in PRODUCTS:
            raise ValueError(f"{path.name}: [{code}] product {example.product!r} has no label in m06.PRODUCTS.")
        if example.price <= example.variable_cost:
            raise ValueError(f"{path.name}: [{code}] the price must be above the variable cost.")
    return examples


#: Illustrative example of each country, by ISO code.
EXAMPLES: dict[str, BreakEvenExample] = _load(Path(__file__).resolve().parent / "data" / "m06.toml")

SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("Which of these is a fixed cost for a bakery?"),
        (N_("The flour for each loaf"), N_("The rent of the bakery"), N_("The paper bag each loaf is sold in")),
        1,
        (N_("No. Flour is a variable cost: the more loaves you bake, the more flour you buy."),
         N_("Right. The rent is the same whether you sell 100 loaves or 1,000."),
         N_("No. Each loaf sold needs a bag: that cost grows with sales, so it is variable.")),
    ),
    SelfCheckQuestion(
        N_("Fixed costs are 6,000 a month. A loaf sells for 25 and its variable cost is 15. How many loaves must "
           "you sell each month to break even?"),
        (N_("240"), N_("400"), N_("600")),
        2,
        (N_("No. 6,000 ÷ 25 forgets that each loaf also costs 15 to make."),
         N_("No. 6,000 ÷ 15 divides by the variable cost; divide by what each loaf leaves over instead."),
         N_("Right. Each loaf leaves 25 − 15 = 10 to pay the fixed costs: 6,000 ÷ 10 = 600 loaves.")),
    ),
    SelfCheckQuestion(
        N_("You break even at 600 loaves and plan to sell 900. What is your margin of safety?"),
        (N_("About 33%"), N_("50%"), N_("300%")),
        0,
        (N_("Right. (900 − 600) ÷ 900 = one third: your sales can fall by a third before you make a loss."),
         N_("No. The margin of safety is counted on planned sales: 300 ÷ 900, not 300 ÷ 600."),
         N_("No. The margin of safety is a share of planned sales, so it is always below 100%.")),
    ),
    SelfCheckQuestion(
        N_("You raise your price and your costs stay the same. What happens to your break-even point?"),
        (N_("It goes down: you need to sell fewer units"), N_("It goes up: you need to sell more units"),
         N_("It does not change")),
        0,
        (N_("Right. Each unit now leaves more to pay the fixed costs, so fewer units cover them. But check that "
            "customers still buy at the new price."),
         N_("No. A higher price leaves more per unit for the fixed costs, so fewer units are needed."),
         N_("No. Break-even = fixed costs ÷ (price − variable cost): a higher price makes the divisor bigger.")),
    ),
)


# ---- Graded exercises (solutions/06_profit_plan_and_break_even) ------------------------------------
# Scenario figures below are ILLUSTRATIVE (made-up businesses), not market data. Amounts are shown
# with figures_table(); units and shares are given in the notebook's text and kept here for the tests.

# Mercedes's empanadas in Quito, one month (USD). Illustrative.
BREAK_EVEN_SCENARIO: dict[str, float] = {
    "rent": 450,
    "wage": 600,
    "energy": 150,
    "phone_transport": 100,
    "price": 1.75,
    "variable_cost": 0.80,
}
BREAK_EVEN_LABELS: dict[str, str] = {
    "rent": N_("Rent of the kitchen, per month"),
    "wage": N_("Her helper's wage, per month"),
    "energy": N_("Electricity and gas, per month"),
    "phone_transport": N_("Phone and transport, per month"),
    "price": N_("Price of one empanada"),
    "variable_cost": N_("Flour, cheese, oil and paper bag for one empanada"),
}
#: Written in the notebook's text: empanadas she plans to sell per month, and how far sales fall
#: below the plan in the rainy season (a fraction).
BREAK_EVEN_PLAN: dict[str, float] = {"planned_units": 1_800, "rainy_fall": 0.30}

BREAK_EVEN = Exercise(
    exercise_id="m06_break_even",
    module=6,
    title=N_("Mercedes's break-even point"),
    country="EC",
    fields=(
        ExerciseField("units", N_("Empanadas she must sell each month to cover all costs"), "choice",
                      (("743", N_("743")), ("1368", N_("1,368")), ("1369", N_("1,369")), ("1625", N_("1,625")))),
        ExerciseField("sales", N_("Break-even sales per month"), "money"),
        ExerciseField("safety", N_("Margin of safety of her plan"), "percent"),
        ExerciseField("profit", N_("Profit per month if she sells as planned"), "money"),
        ExerciseField("safe", N_("Can her plan take the rainy season without a loss?"), "choice",
                      (("yes", N_("Yes")), ("no", N_("No")))),
    ),
)

# Sami's sandwich shop in Sousse, one month (TND). Illustrative.
RENT_RISE_SCENARIO: dict[str, float] = {
    "rent": 700,
    "other_fixed_costs": 1_400,
    "new_rent": 950,
    "price": 4.5,
    "variable_cost": 2.1,
    "new_price": 4.8,
}
RENT_RISE_LABELS: dict[str, str] = {
    "rent": N_("Rent of the shop, per month, until now"),
    "other_fixed_costs": N_("Other fixed costs per month (wages, electricity, phone)"),
    "new_rent": N_("Rent of the shop, per month, from next month"),
    "price": N_("Price of one sandwich"),
    "variable_cost": N_("Bread, filling and paper for one sandwich"),
    "new_price": N_("The price Sami thinks of asking"),
}
#: Written in the notebook's text: sandwiches Sami plans to sell per month.
RENT_RISE_PLAN: dict[str, float] = {"planned_units": 940}

RENT_RISE = Exercise(
    exercise_id="m06_rent_rise",
    module=6,
    title=N_("Sami's rent goes up"),
    country="TN",
    fields=(
        ExerciseField("new_sales", N_("Break-even sales per month with the new rent"), "money"),
        ExerciseField("profit_after_rise", N_("Profit per month at his planned sales with the new rent "
                                              "(a loss with a minus sign)"), "money"),
        ExerciseField("safety_new_price", N_("Margin of safety with the new rent and the new price"), "percent"),
        ExerciseField("decision", N_("What should Sami do?"), "choice", (
            ("change_nothing", N_("Change nothing: his planned sales still cover the new costs")),
            ("raise_price", N_("Raise the price as he thinks of doing")),
            ("close", N_("Close the shop: with the new rent it cannot make a profit")),
        )),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (BREAK_EVEN, RENT_RISE)}
