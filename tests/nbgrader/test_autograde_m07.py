"""The real nbgrader grades module 7 (cash-flow plan) for right, partial, wrong, blank and broken answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ritorno.curriculum import m07
from ritorno.finance import Loan, cash_flow_plan, negative_months

from .conftest import autograde_all, printed_by_cell

MODULE = "07_cash_flow_plan"
MONTHS = list(m07.CLOSING_CASH_SALES)  # "m1" … "m6"
FRIDGE_MONTH, LATER_MONTH, GRACE_MONTHS = "m3", "m6", 3  # as the labels and the story say


def _closings(instalments: list[float], fridge_month: str) -> list[float]:
    """Closing cash of Salma's six months with these instalments and the fridge paid in ``fridge_month``."""
    scenario = m07.CLOSING_CASH_SCENARIO
    every_month = scenario["rent"] + scenario["wages"] + scenario["other_out"] + scenario["drawings"]
    cash_in = [m07.CLOSING_CASH_SALES[month] + (scenario["loan_in"] if month == "m1" else 0) for month in MONTHS]
    cash_out = [m07.CLOSING_CASH_STOCK[month] + every_month + instalment
                + (scenario["equipment"] if month == "m1" else 0) + (scenario["fridge"] if month == fridge_month else 0)
                for month, instalment in zip(MONTHS, instalments)]
    plan = cash_flow_plan(scenario["opening"], cash_in, cash_out)
    assert [month.closing < 0 for month in plan] == [number in negative_months(plan) for number in range(1, 7)]
    return [month.closing for month in plan]


NORMAL = [0.0] + [m07.CLOSING_CASH_SCENARIO["instalment"]] * 5
GRACE = [0.0] + [m07.FIXES_GRACE["interest_only"]] * GRACE_MONTHS + [m07.FIXES_GRACE["after_grace"]] * 2


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    base = _closings(NORMAL, FRIDGE_MONTH)
    first = next((MONTHS[index] for index, closing in enumerate(base) if closing < 0), "none")
    lowest = {"grace": min(_closings(GRACE, FRIDGE_MONTH)), "later": min(_closings(NORMAL, LATER_MONTH)),
              "both": min(_closings(GRACE, LATER_MONTH))}
    works = {name for name in ("grace", "later") if lowest[name] >= 0}
    fixes = {frozenset(): "neither", frozenset({"grace"}): "grace", frozenset({"later"}): "later",
             frozenset({"grace", "later"}): "either"}[frozenset(works)]
    return {
        "m07_closing_cash": {"closing_m2": base[1], "closing_m5": base[4], "first_negative": first,
                             "lowest": min(base), "change": "timing"},
        "m07_fixes": {"lowest_grace": lowest["grace"], "lowest_later": lowest["later"], "lowest_both": lowest["both"],
                      "fixes": fixes},
    }


RIGHT = _right()
PARTLY = {  # 2 of 5 (month 2 right, month 5 forgets the fridge, lowest taken as month 3) and 1 of 4
    "m07_closing_cash": {"closing_m2": 684.0, "closing_m5": 1_016.0, "first_negative": "m3", "lowest": -1_472.0,
                         "change": "nothing"},
    "m07_fixes": {"lowest_grace": -560.0, "lowest_later": 260.0, "fixes": "either"},
}
WRONG = {
    "m07_closing_cash": {"closing_m2": 400.0, "closing_m5": 784.0, "first_negative": "m4", "lowest": 0.0,
                         "change": "sales"},
    "m07_fixes": {"lowest_grace": 560.0, "lowest_later": -172.0, "lowest_both": 0.0, "fixes": "neither"},
}
EXPECTED = {"right": 9.0, "partly": 3.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 4.0}



@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m07_fixes": RIGHT["m07_fixes"]},
           raw_answers={"m07_closing_cash": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_scenario_follows_its_loan() -> None:
    """The loan figures in the tables are the loan's own, rounded to the dinar."""
    loan = Loan(**m07.CLOSING_CASH_LOAN)
    assert m07.CLOSING_CASH_SCENARIO["loan_in"] == pytest.approx(loan.received)
    assert m07.CLOSING_CASH_SCENARIO["instalment"] == round(loan.instalment)
    grace = Loan(**m07.CLOSING_CASH_LOAN, grace_periods=GRACE_MONTHS).schedule()
    assert m07.FIXES_GRACE["interest_only"] == round(grace[0].payment)
    assert m07.FIXES_GRACE["after_grace"] == round(grace[GRACE_MONTHS].payment)


def test_the_answers_are_what_the_scenario_says() -> None:
    closing, fixes = RIGHT["m07_closing_cash"], RIGHT["m07_fixes"]
    assert (closing["closing_m2"], closing["closing_m5"], closing["lowest"]) == pytest.approx((684, -784, -1_628))
    assert closing["first_negative"] == "m3"
    assert (fixes["lowest_grace"], fixes["lowest_later"], fixes["lowest_both"]) == pytest.approx((-560, 172, 1_140))
    assert fixes["fixes"] == "later"


def test_notebook_text_matches_the_scenario(repo_root: Path) -> None:
    """The story tells which month the fridge moves to and how long the grace lasts: they must be the scenario's."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = {cell["metadata"]["nbgrader"]["grade_id"]: "".join(cell["source"]) for cell in cells}
    assert "first three instalments" in text["fixes_story"] and "nine instalments left" in text["fixes_story"]
    assert "in **month 6** instead of month 3" in text["fixes_task"]
    assert "paid in month 3" in m07.CLOSING_CASH_LABELS["fridge"]


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 9.0)


def test_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "closing_cash_test"))
    assert "✔ Closing cash at the end of month 2" in printed
    assert "is too high. Roll the cash forward one month at a time, and remember the display fridge in month 3." in printed
    assert "is too high. Compare the closing cash of all six months and take the smallest" in printed
    assert printed.rstrip().endswith("Score: 2 out of 5.")
    printed = "".join(printed_by_cell(notebook, "fixes_test"))
    assert "✘ Lowest closing cash with both changes — no answer." in printed
    assert "An idea fixes the plan only if the lowest closing cash it gives is zero or more." in printed
    assert printed.rstrip().endswith("Score: 1 out of 4.")


def test_blank_and_corrupt_answers_are_reported(scores, course: Path) -> None:
    blank = course / "autograded" / "blank" / MODULE / f"{MODULE}.ipynb"
    assert printed_by_cell(blank, "fixes_test")[0].startswith("No answer is saved for “Which change keeps Salma's cash")
    corrupt = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read" in printed_by_cell(corrupt, "closing_cash_test")[0]
