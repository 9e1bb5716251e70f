"""Module 3, Market and sales forecast: illustrative products and seasonal patterns, labels and self-checks.

Prices, units and seasonal indexes per country are illustrative (``data/m03.toml``).
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from ..countries import COUNTRY_CODES, get_country
from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "FORECAST_LABELS", "PRODUCTS", "SEASON_NOTES", "INDEX_MAX", "example_forecast", "SELF_CHECKS",
           "MONTH_CHOICES", "SEASON_SALES", "SEASON_SALES_SCENARIO", "SEASON_SALES_LABELS", "SEASON_SALES_PLAN",
           "COMPETITOR_PRICE", "COMPETITOR_PRICE_SCENARIO", "COMPETITOR_PRICE_LABELS", "COMPETITOR_PRICE_PLAN",
           "RAINY_MONTHS", "EXERCISES"]

COUNTRY = "PE"
#: Highest seasonal index accepted: ten normal months' sales in one month.
INDEX_MAX = 10

FORECAST_LABELS: dict[str, str] = {
    "price": N_("Price of one unit"),
    "units": N_("Units sold in a normal month"),
}

#: What each country's example sells.
PRODUCTS: dict[str, str] = {
    "uniforms": N_("a tailor's shop making school uniforms and clothes (pieces)"),
    "feast_outfits": N_("a tailor's shop making outfits for the feasts (outfits)"),
    "pastries": N_("a pastry shop selling sweets by the kilo (kilos)"),
    "bread": N_("a bakery (breads)"),
    "queso_helado": N_("a queso helado stand (cups)"),
    "school_supplies": N_("a stationery shop (school supplies)"),
}
#: Why the example's sales rise and fall.
SEASON_NOTES: dict[str, str] = {
    "uniforms": N_("School uniforms sell when schools reopen (January and September) and clothes before "
                   "Easter and Christmas."),
    "feast_outfits": N_("Everybody wants a new outfit for Korité and Tabaski. These feasts follow the moon and "
                        "come about 11 days earlier each year: in this example they fall in March and May."),
    "pastries": N_("Sweets sell most for the end of Ramadan and the Eid (March in this example) and for the "
                   "summer weddings."),
    "bread": N_("Sales rise for Carnival and above all for All Saints' Day in November (t'anta wawas) and "
                "Christmas; they dip in the July school holidays."),
    "queso_helado": N_("Ice cream sells in the summer (January to March), for Arequipa's anniversary in August "
                       "and at Christmas; less in the cool, dry months of June and July."),
    "school_supplies": N_("In the highlands the school year starts in September: August and September sell "
                          "the most."),
}


@functools.cache
def _examples() -> dict[str, dict]:
    with (Path(__file__).resolve().parent / "data" / "m03.toml").open("rb") as handle:
        data = tomllib.load(handle)["countries"]
    for code in COUNTRY_CODES:
        example = data.get(code)
        if example is None or example["product"] not in PRODUCTS or len(example["indexes"]) != 12:
            raise ValueError(f"m03.toml: {code} needs a known product and 12 seasonal indexes")
    return data


def example_forecast(country: str) -> dict:
    """Illustrative forecast for ``country``: product key, price, units and 12 seasonal indexes.

    >>> example = example_forecast("PE")
    >>> example["product"], example["price"], example["units"], example["indexes"][:3]
    ('queso_helado', 3.0, 1500.0, (1.3, 1.3, 1.1))
    """
    example = _examples()[get_country(country).code]
    return {"product": example["product"], "price": float(example["price"]), "units": float(example["units"]),
            "indexes": tuple(float(index) for index in example["indexes"])}


SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("You sell 200 units in a normal month at 5 each. December's seasonal index is 1.5. "
           "What are December's sales?"),
        (N_("1,000"), N_("1,500"), N_("300")),
        1,
        (N_("No. That is a normal month: multiply by December's index too."),
         N_("Right. 200 × 5 × 1.5 = 1,500."),
         N_("No. 300 is the number of units in December: multiply by the price too.")),
    ),
    SelfCheckQuestion(
        N_("A seasonal index of 0.6 in June means:"),
        (N_("June sells 60% of a normal month"), N_("June sells 60% more than a normal month"),
         N_("You sell 6 units in June")),
        0,
        (N_("Right. 0.6 × a normal month: 40% less."),
         N_("No. 60% more would be an index of 1.6."),
         N_("No. The index multiplies a normal month's sales; it is not a number of units.")),
    ),
    SelfCheckQuestion(
        N_("In the four Ps, what is “Place”?"),
        (N_("Where and how customers buy from you: a stall, a shop, delivery, online"),
         N_("How much you charge"), N_("The posters and messages that make you known")),
        0,
        (N_("Right. Place is how your product reaches the customer."),
         N_("No. That is Price."),
         N_("No. That is Promotion.")),
    ),
    SelfCheckQuestion(
        N_("How can you learn the seasons of your trade before you open?"),
        (N_("Assume every month sells the same"),
         N_("Ask sellers and suppliers which months are busy, and watch the market across the year"),
         N_("Use the pattern you saw in Italy")),
        1,
        (N_("No. Most trades have good and bad months; planning as if they did not leaves you short of cash."),
         N_("Right. People in the trade know the busy and quiet months."),
         N_("No. Seasons, feasts and school calendars are different back home.")),
    ),
)


# ---- Graded exercises (solutions/03_market_and_sales_forecast) -------------------------------------
# Scenario figures below are ILLUSTRATIVE (made-up businesses), not market data. Prices are shown with
# figures_table(); units, shares and seasonal indexes are not money, so the notebook's text gives them
# (the *_PLAN dicts) and they are kept here for the tests.

#: The twelve months as choices, January first.
MONTH_CHOICES: tuple[tuple[str, str], ...] = (
    ("jan", N_("January")), ("feb", N_("February")), ("mar", N_("March")), ("apr", N_("April")),
    ("may", N_("May")), ("jun", N_("June")), ("jul", N_("July")), ("aug", N_("August")),
    ("sep", N_("September")), ("oct", N_("October")), ("nov", N_("November")), ("dec", N_("December")),
)

# Carmen's fruit-juice stand at a market in Guayaquil, Ecuador (USD). Illustrative: juice sells best
# in the hot, rainy months (January to April) and least in the cool, dry months (July to September).
SEASON_SALES_SCENARIO: dict[str, float] = {"price": 1.5}
SEASON_SALES_LABELS: dict[str, str] = {"price": N_("Price of one glass of juice")}
#: Not money, so written in the notebook's text: glasses sold in a normal month, indexes January first.
SEASON_SALES_PLAN: dict[str, float | tuple[float, ...]] = {
    "units": 1_200,
    "indexes": (1.3, 1.4, 1.5, 1.2, 1.0, 0.8, 0.7, 0.6, 0.7, 0.8, 0.9, 1.2),
}

SEASON_SALES = Exercise(
    exercise_id="m03_season_sales",
    module=3,
    title=N_("A year of Carmen's fruit juices"),
    country="EC",
    fields=(
        ExerciseField("feb_sales", N_("Sales in February"), "money"),
        ExerciseField("aug_sales", N_("Sales in August"), "money"),
        ExerciseField("yearly_total", N_("Sales in the whole year"), "money"),
        ExerciseField("best_month", N_("Which month sells the most?"), "choice", MONTH_CHOICES),
    ),
)

# Ibrahima's cement-block yard in Thiès, Senegal (XOF). Illustrative: builders stop work in the rainy
# season (July to October). A new yard opens nearby and sells cheaper; Ibrahima weighs two prices:
# A, keep his price and lose a share of his customers; B, match the new yard's price and keep them all.
COMPETITOR_PRICE_SCENARIO: dict[str, float] = {"price": 400, "competitor_price": 350}
COMPETITOR_PRICE_LABELS: dict[str, str] = {
    "price": N_("Ibrahima's price for one block"),
    "competitor_price": N_("The new yard's price for one block"),
}
#: Not money, so written in the notebook's text: blocks sold in a normal month today, the share of his
#: customers he expects to lose with option A, and the seasonal indexes, January first.
COMPETITOR_PRICE_PLAN: dict[str, float | tuple[float, ...]] = {
    "units": 3_500,
    "customers_lost": 0.2,
    "indexes": (1.2, 1.2, 1.3, 1.3, 1.2, 1.0, 0.7, 0.4, 0.5, 0.7, 1.1, 1.2),
}
#: The rainy season of the scenario, months counted from 0 (July to October).
RAINY_MONTHS: tuple[int, ...] = (6, 7, 8, 9)

COMPETITOR_PRICE = Exercise(
    exercise_id="m03_competitor_price",
    module=3,
    title=N_("Ibrahima's rainy season and a new competitor"),
    country="SN",
    fields=(
        ExerciseField("aug_sales_a", N_("With option A: sales in August"), "money"),
        ExerciseField("yearly_a", N_("With option A: sales in the whole year"), "money"),
        ExerciseField("yearly_b", N_("With option B: sales in the whole year"), "money"),
        ExerciseField("rainy_share", N_("Share of the year's sales made in the rainy season (July to October)"),
                      "percent"),
        ExerciseField("better", N_("Which option brings in more money from sales over the year?"), "choice",
                      (("A", N_("Option A: keep his price")), ("B", N_("Option B: match the new yard's price")))),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (SEASON_SALES, COMPETITOR_PRICE)}
