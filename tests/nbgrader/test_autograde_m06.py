"""The real nbgrader grades module 6 (profit plan and break-even) for right, partial, wrong, blank, broken answers."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from ritorno.curriculum import m06
from ritorno.finance import break_even_sales, break_even_units, margin_of_safety, profit_at_volume

from .conftest import autograde_all, printed_by_cell

MODULE = "06_profit_plan_and_break_even"


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    month, plan = m06.BREAK_EVEN_SCENARIO, m06.BREAK_EVEN_PLAN
    fixed = month["rent"] + month["wage"] + month["energy"] + month["phone_transport"]
    units = break_even_units(fixed, month["price"], month["variable_cost"])
    safety = margin_of_safety(plan["planned_units"], units)
    shop, planned = m06.RENT_RISE_SCENARIO, m06.RENT_RISE_PLAN["planned_units"]
    new_fixed = shop["new_rent"] + shop["other_fixed_costs"]
    loss = profit_at_volume(planned, shop["price"], shop["variable_cost"], new_fixed)
    with_new_price = profit_at_volume(planned, shop["new_price"], shop["variable_cost"], new_fixed)
    return {
        "m06_break_even": {
            "units": str(math.ceil(units)),
            "sales": break_even_sales(fixed, month["price"], month["variable_cost"]),
            "safety": safety,
            "profit": profit_at_volume(plan["planned_units"], month["price"], month["variable_cost"], fixed),
            "safe": "yes" if safety >= plan["rainy_fall"] else "no",
        },
        "m06_rent_rise": {
            "new_sales": break_even_sales(new_fixed, shop["price"], shop["variable_cost"]),
            "profit_after_rise": loss,
            "safety_new_price": margin_of_safety(planned, break_even_units(new_fixed, shop["new_price"],
                                                                           shop["variable_cost"])),
            "decision": ("change_nothing" if loss >= 0 else "raise_price" if with_new_price > 0 else "close"),
        },
    }


RIGHT = _right()
PARTLY = {  # 2 of 5 (units and profit) and 2 of 4 (the loss, typed with a minus sign, and the decision)
    "m06_break_even": {"units": "1369", "sales": 1300.0, "safety": 0.32, "profit": 410.0, "safe": "yes"},
    "m06_rent_rise": {"new_sales": 3937.5, "profit_after_rise": -94.0, "decision": "raise_price"},
}
WRONG = {
    "m06_break_even": {"units": "1368", "sales": 1300.0, "safety": 0.76, "profit": 1850.0, "safe": "yes"},
    "m06_rent_rise": {"new_sales": 3937.5, "profit_after_rise": 94.0, "safety_new_price": 0.2,
                      "decision": "change_nothing"},
}

def _rounded() -> dict[str, dict]:
    """A trainee who goes on with the break-even units rounded up, as the lesson teaches."""
    month, plan = m06.BREAK_EVEN_SCENARIO, m06.BREAK_EVEN_PLAN
    shop, planned = m06.RENT_RISE_SCENARIO, m06.RENT_RISE_PLAN["planned_units"]
    units = int(RIGHT["m06_break_even"]["units"])
    new_fixed = shop["new_rent"] + shop["other_fixed_costs"]
    after_rise = math.ceil(break_even_units(new_fixed, shop["price"], shop["variable_cost"]))
    with_new_price = math.ceil(break_even_units(new_fixed, shop["new_price"], shop["variable_cost"]))
    return {
        "m06_break_even": {**RIGHT["m06_break_even"], "sales": units * month["price"],
                           "safety": (plan["planned_units"] - units) / plan["planned_units"]},
        "m06_rent_rise": {**RIGHT["m06_rent_rise"], "new_sales": after_rise * shop["price"],
                          "safety_new_price": (planned - with_new_price) / planned},
    }


EXPECTED = {"right": 9.0, "rounded": 9.0, "partly": 4.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 5.0}



@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("rounded", _rounded())
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m06_break_even": RIGHT["m06_break_even"]},
           raw_answers={"m06_rent_rise": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_answers_are_what_the_scenario_says() -> None:
    assert RIGHT["m06_break_even"]["units"] == "1369"
    assert RIGHT["m06_break_even"]["safe"] == "no"
    assert RIGHT["m06_rent_rise"]["profit_after_rise"] == pytest.approx(-94)
    assert RIGHT["m06_rent_rise"]["decision"] == "raise_price"


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 9.0)


def test_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "break_even_test"))
    assert "✔ Empanadas she must sell each month to cover all costs — 1,369 is right." in printed
    assert "is too low. Break-even sales are the break-even units times the price." in printed
    assert printed.rstrip().endswith("Score: 2 out of 5.")
    printed = "".join(printed_by_cell(notebook, "rent_rise_test"))
    assert "The new rent is part of the fixed costs" in printed
    assert printed.rstrip().endswith("Score: 2 out of 4.")


def test_corrupt_answer_file_is_reported(scores, course: Path) -> None:
    notebook = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read" in printed_by_cell(notebook, "rent_rise_test")[0]


def test_notebook_text_matches_the_scenario(repo_root: Path) -> None:
    """Planned units and the rainy season's fall are written as text: they must be the scenario's."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = {cell["metadata"]["nbgrader"]["grade_id"]: "".join(cell["source"]) for cell in cells}
    assert f"**{m06.BREAK_EVEN_PLAN['planned_units']:,.0f} empanadas**" in text["break_even_task"]
    assert f"**{m06.BREAK_EVEN_PLAN['rainy_fall']:.0%}**" in text["break_even_task"]
    assert f"**{m06.RENT_RISE_PLAN['planned_units']:,.0f} sandwiches**" in text["rent_rise_story"]
