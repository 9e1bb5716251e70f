"""Module 4, Costs and prices: labels, illustrative examples and self-checks.

The example figures live in ``data/m04.toml``: one small product per country,
made up for the lesson (not market data).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..countries import COUNTRY_CODES
from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "LABELS", "PRODUCTS", "CostingExample", "EXAMPLES", "SELF_CHECKS",
           "PRICE", "PRICE_SCENARIO", "PRICE_LABELS", "PRICE_PLAN",
           "COST_RISE", "COST_RISE_SCENARIO", "COST_RISE_LABELS", "COST_RISE_PLAN", "EXERCISES"]

COUNTRY = "BO"  # the lesson's story: a returnee from Bergamo makes salteñas in Cochabamba

LABELS: dict[str, str] = {
    "materials": N_("Materials per unit"),
    "labour": N_("Labour per unit"),
    "overheads": N_("Overheads per month (rent, electricity…)"),
    "units": N_("Units made and sold per month"),
    "markup": N_("Markup on the unit cost (%)"),
    "competitor_price": N_("A competitor's price for one unit"),
    "wanted_margin": N_("Margin you want (% of the price)"),
}

# What the example of each country makes (keys used in data/m04.toml).
PRODUCTS: dict[str, str] = {
    "shirt": N_("a made-to-measure shirt in Accra"),
    "sandals": N_("a pair of leather sandals in Thiès"),
    "harissa": N_("a 500 g jar of harissa in Sfax"),
    "saltena": N_("one salteña in Cochabamba"),
    "ceviche": N_("a plate of ceviche in Lima"),
    "bolon": N_("a bolón breakfast in Guayaquil"),
}


@dataclass(frozen=True)
class CostingExample:
    """One product's costs and price, illustrative; markup and margin as fractions."""

    product: str
    materials: float
    labour: float
    overheads: float
    units: int
    markup: float
    competitor_price: float
    wanted_margin: float


def _load(path: Path) -> dict[str, CostingExample]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    if set(data) != set(COUNTRY_CODES):
        raise ValueError(f"{path.name}: give one example for each of {', '.join(COUNTRY_CODES)} (got {sorted(data)}).")
    examples = {code: CostingExample(**data[code]) for code in COUNTRY_CODES}
    for code, example in examples.items():
        if example.product not in PRODUCTS:
            raise ValueError(f"{path.name}: [{code}] product {example.product!r} has no label in m04.PRODUCTS.")
    return examples


#: Illustrative example of each country, by ISO code.
EXAMPLES: dict[str, CostingExample] = _load(Path(__file__).resolve().parent / "data" / "m04.toml")

SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("One unit costs you 100. You add a markup of 25% and sell at 125. What share of the price is profit "
           "(your margin)?"),
        (N_("25%"), N_("20%"), N_("125%")),
        1,
        (N_("No. 25% is the markup, counted on the cost. The profit of 25 is 20% of the price of 125."),
         N_("Right. The margin is counted on the price: 25 ÷ 125 = 20%. A margin is always smaller than its markup."),
         N_("No. 125 is the whole price; the profit is only 25 of it.")),
    ),
    SelfCheckQuestion(
        N_("Your overheads stay the same, and you make and sell twice as many units. What happens to the cost of "
           "one unit?"),
        (N_("It stays the same"), N_("It goes down, because the overheads are shared over more units"),
         N_("It doubles")),
        1,
        (N_("No. Materials and labour per unit stay the same, but each unit now carries a smaller share of the "
            "overheads."),
         N_("Right. The same rent and electricity are shared over twice as many units, so each unit costs less."),
         N_("No. The cost of all units together grows, but the cost of one unit goes down.")),
    ),
    SelfCheckQuestion(
        N_("You want to keep 40% of the price as profit. Which markup on the cost do you need?"),
        (N_("40%"), N_("About 28.6%"), N_("About 66.7%")),
        2,
        (N_("No. A 40% markup gives a margin of only 40 ÷ 140, about 28.6%."),
         N_("No. That is the margin a 40% markup gives, not the markup you need."),
         N_("Right. Markup = margin ÷ (1 − margin) = 0.4 ÷ 0.6, about 66.7%: cost 100, price 166.7, profit 66.7.")),
    ),
    SelfCheckQuestion(
        N_("A competitor sells a similar product for less than it costs you to make it. What is the best first step?"),
        (N_("Sell at his price, even below your cost, to keep the customers"),
         N_("Check your costs, and find what makes your product worth more to customers"),
         N_("Raise your price to show that your product is better")),
        1,
        (N_("No. Below your unit cost, every unit you sell loses money: the more you sell, the more you lose."),
         N_("Right. Look for costs you can cut (buying in bulk, less waste) and for what customers value: quality, "
            "place, service."),
         N_("Not as a first step. A higher price can work only if customers see why your product is worth more.")),
    ),
)


# ---- Graded exercises (solutions/04_costs_and_prices) ----------------------------------------------
# Scenario figures below are ILLUSTRATIVE (made-up businesses), not market data. Amounts are shown
# with figures_table(); the figures that are not money (units, markup, margin) are given in the
# notebook's text and kept here for the tests.

# Efua's batik tote bags in Kumasi, one month (GHS). Illustrative.
PRICE_SCENARIO: dict[str, float] = {
    "materials": 38,
    "labour": 22,
    "overheads": 1_800,
    "competitor_price": 90,
}
PRICE_LABELS: dict[str, str] = {
    "materials": N_("Materials for one bag (cloth, dye, thread, handles)"),
    "labour": N_("Labour for one bag (her helper is paid per bag)"),
    "overheads": N_("Overheads of one month (workshop rent, electricity, phone)"),
    "competitor_price": N_("Price of a similar bag at the stall next to hers"),
}
#: Not money, so written in the notebook's text: bags made and sold per month, markup as a fraction.
PRICE_PLAN: dict[str, float] = {"units": 150, "markup": 0.35}

PRICE = Exercise(
    exercise_id="m04_price",
    module=4,
    title=N_("Price Efua's tote bags"),
    country="GH",
    fields=(
        ExerciseField("unit_cost", N_("Unit cost of one bag"), "money"),
        ExerciseField("price", N_("Price of one bag with Efua's markup"), "money"),
        ExerciseField("margin", N_("Margin: the profit as a share of the price"), "percent"),
        ExerciseField("compared", N_("Compared with the stall next to hers, Efua's price is…"), "choice",
                      (("cheaper", N_("Cheaper")), ("dearer", N_("Dearer")), ("same", N_("The same")))),
    ),
)

# Lucía's boxes of alfajores in Arequipa, one month (PEN). Illustrative.
COST_RISE_SCENARIO: dict[str, float] = {
    "materials": 9.5,
    "labour": 3,
    "overheads": 2_400,
    "new_materials": 10.8,
    "competitor_price": 27,
}
COST_RISE_LABELS: dict[str, str] = {
    "materials": N_("Materials for one box (flour, butter, sugar, manjar blanco, the box)"),
    "labour": N_("Labour for one box"),
    "overheads": N_("Overheads of one month (rent, gas, electricity)"),
    "new_materials": N_("Materials for one box after butter and sugar went up"),
    "competitor_price": N_("Price of a similar box at the shop on her street"),
}
#: Not money, so written in the notebook's text: boxes per month, the margin she wants (a fraction).
COST_RISE_PLAN: dict[str, float] = {"units": 800, "wanted_margin": 0.40}

COST_RISE = Exercise(
    exercise_id="m04_cost_rise",
    module=4,
    title=N_("Lucía's costs go up"),
    country="PE",
    fields=(
        ExerciseField("markup", N_("Markup she needs on her unit cost to keep the margin she wants"), "percent"),
        ExerciseField("price", N_("Her price before the rise"), "money"),
        ExerciseField("new_price", N_("Price that keeps the same margin after the rise"), "money"),
        ExerciseField("old_price_margin", N_("Her margin if she keeps her old price after the rise"), "percent"),
        ExerciseField("decision", N_("What does the rise mean for Lucía?"), "choice", (
            ("raise_price", N_("She raises her price to keep her margin, and is still cheaper than the shop")),
            ("cut_costs", N_("Her margin would put her above the shop's price: she must cut costs or accept a "
                             "smaller margin")),
            ("change_nothing", N_("Nothing changes: if she keeps her price, her margin stays the same")),
        )),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (PRICE, COST_RISE)}
