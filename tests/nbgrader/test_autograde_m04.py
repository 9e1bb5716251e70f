"""The real nbgrader grades module 4 (costs and prices) for trainees who answered right, partly, wrongly, not at all."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ritorno.curriculum import m04
from ritorno.finance import margin_from_markup, markup_from_margin, price_from_markup, unit_cost

from .conftest import autograde_all, printed_by_cell

MODULE = "04_costs_and_prices"


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    bags, plan = m04.PRICE_SCENARIO, m04.PRICE_PLAN
    cost = unit_cost(bags["materials"], bags["labour"], bags["overheads"], plan["units"])
    price = price_from_markup(cost, plan["markup"])
    competitor = bags["competitor_price"]
    compared = "cheaper" if price < competitor else "dearer" if price > competitor else "same"
    boxes, wanted = m04.COST_RISE_SCENARIO, m04.COST_RISE_PLAN
    markup = markup_from_margin(wanted["wanted_margin"])
    old_price = price_from_markup(unit_cost(boxes["materials"], boxes["labour"], boxes["overheads"], wanted["units"]),
                                  markup)
    new_cost = unit_cost(boxes["new_materials"], boxes["labour"], boxes["overheads"], wanted["units"])
    new_price = price_from_markup(new_cost, markup)
    return {
        "m04_price": {"unit_cost": cost, "price": price, "margin": margin_from_markup(plan["markup"]),
                      "compared": compared},
        "m04_cost_rise": {"markup": markup, "price": old_price, "new_price": new_price,
                          "old_price_margin": (old_price - new_cost) / old_price,
                          "decision": "cut_costs" if new_price > boxes["competitor_price"] else "raise_price"},
    }


RIGHT = _right()
# As a trainee types them: money to the cent, percentages with one decimal.
ROUNDED = {exercise: {field: (value if isinstance(value, str) else round(value, 3 if abs(value) < 1 else 2))
                      for field, value in values.items()} for exercise, values in RIGHT.items()}
PARTLY = {  # 2 of 4 (unit cost and comparison) and 1 of 5 (the markup only)
    "m04_price": {"unit_cost": 72.0, "price": 51.30, "margin": 0.35, "compared": "dearer"},
    "m04_cost_rise": {"markup": 0.667},
}
WRONG = {
    "m04_price": {"unit_cost": 60.0, "price": 81.0, "margin": 0.35, "compared": "cheaper"},
    "m04_cost_rise": {"markup": 0.40, "price": 17.50, "new_price": 26.0, "old_price_margin": 0.40,
                      "decision": "change_nothing"},
}
EXPECTED = {"right": 9.0, "rounded": 9.0, "partly": 3.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 5.0}



@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("rounded", ROUNDED)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m04_cost_rise": RIGHT["m04_cost_rise"]},
           raw_answers={"m04_price": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_answers_are_what_the_scenario_says() -> None:
    assert RIGHT["m04_price"]["unit_cost"] == pytest.approx(72.0)
    assert RIGHT["m04_price"]["compared"] == "dearer"
    assert RIGHT["m04_cost_rise"]["decision"] == "cut_costs"


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 9.0)


def test_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "price_test"))
    assert "✔ Unit cost of one bag" in printed
    assert "A margin is counted on the price, not on the cost" in printed
    assert printed.rstrip().endswith("Score: 2 out of 4.")
    assert "✘ Her price before the rise — no answer." in "".join(printed_by_cell(notebook, "cost_rise_test"))


def test_corrupt_answer_file_is_reported(scores, course: Path) -> None:
    notebook = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read" in printed_by_cell(notebook, "price_test")[0]


def test_notebook_text_gives_the_figures_that_are_not_money(repo_root: Path) -> None:
    """Units, markup and margin are written in the text: they must be the scenario's."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = {cell["metadata"]["nbgrader"]["grade_id"]: "".join(cell["source"]) for cell in cells}
    assert f"**{m04.PRICE_PLAN['units']:,.0f} bags**" in text["price_task"]
    assert f"**markup of {m04.PRICE_PLAN['markup']:.0%}**" in text["price_task"]
    assert f"**{m04.COST_RISE_PLAN['units']:,.0f} boxes**" in text["cost_rise_task"]
    assert f"**{m04.COST_RISE_PLAN['wanted_margin']:.0%}**" in text["cost_rise_task"]
