"""The real nbgrader grades module 1 (returning as an entrepreneur): right, partly, wrong, blank, corrupt answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ritorno.countries import get_country
from ritorno.curriculum import m01
from ritorno.finance import budget_surplus, runway_months, total

from .conftest import autograde_all, printed_by_cell

MODULE = "01_returning_as_an_entrepreneur"


def _band(months: float) -> str:
    if months < m01.SHORT_RUNWAY_MONTHS:
        return "short"
    return "medium" if months <= m01.LONG_RUNWAY_MONTHS else "long"


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    exercise = m01.RUNWAY_CHECK
    savings = m01.RUNWAY_CHECK_EUROS * get_country(exercise.country).fact("eur_exchange_rate").value
    spending = total(m01.RUNWAY_CHECK_SPENDING)
    months = runway_months(savings, spending)
    most = savings - m01.SHORT_RUNWAY_MONTHS * spending
    equipment = total(m01.RUNWAY_CHECK_EQUIPMENT)
    decision = "give_up" if months < m01.SHORT_RUNWAY_MONTHS else "buy_all" if equipment <= most else "buy_less"
    essential = total(m01.FAMILY_NEEDS_SPENDING)
    gap = -budget_surplus(m01.FAMILY_NEEDS_INCOME, m01.FAMILY_NEEDS_SPENDING)
    missing = gap - m01.FAMILY_NEEDS_BUSINESS["profit"]
    return {
        "m01_runway_check": {"savings": savings, "monthly_spending": spending, "runway": _band(months),
                             "max_equipment": most, "decision": decision},
        "m01_family_needs": {"essential_spending": essential, "monthly_gap": gap, "gap_share": gap / essential,
                             "still_missing": missing, "decision": "start_now" if missing <= 0 else "plan_gap"},
    }


RIGHT = _right()
PARTLY = {  # 2 of 5 (savings and runway) and 1 of 5 (the essential spending only)
    "m01_runway_check": {"savings": 2_624_000.0, "monthly_spending": 300_000.0, "runway": "long",
                         "max_equipment": 1_724_000.0, "decision": "buy_all"},
    "m01_family_needs": {"essential_spending": 4_800.0, "monthly_gap": 3_000.0},
}
WRONG = {
    "m01_runway_check": {"savings": 4_000.0, "monthly_spending": 160_000.0, "runway": "short",
                         "max_equipment": 0.0, "decision": "give_up"},
    "m01_family_needs": {"essential_spending": 2_200.0, "monthly_gap": 4_800.0, "gap_share": 1.0,
                         "still_missing": 2_800.0, "decision": "start_now"},
}
EXPECTED = {"right": 10.0, "partly": 3.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 5.0}


@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m01_family_needs": RIGHT["m01_family_needs"]},
           raw_answers={"m01_runway_check": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_answers_are_what_the_scenario_says() -> None:
    """The scenario still asks the questions the exercise was written for (the hidden tests' literals)."""
    runway, family = RIGHT["m01_runway_check"], RIGHT["m01_family_needs"]
    assert runway["savings"] == pytest.approx(2_623_828)
    assert runway["runway"] == "long" and runway["decision"] == "buy_less"
    assert runway["max_equipment"] == pytest.approx(1_573_828)
    assert (family["monthly_gap"], family["still_missing"], family["decision"]) == (2_600, 600, "plan_gap")


def test_the_notebook_tells_the_savings_of_the_scenario(repo_root: Path) -> None:
    """The euros are not local money, so the story gives them: it must say what the scenario says."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    assert f"**€{m01.RUNWAY_CHECK_EUROS:,}**" in text


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 10.0)


def test_partial_credit_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "runway_test"))
    assert "✔ Moussa's savings in F CFA" in printed  # 2,624,000 is within 0.5% of 2,623,828
    assert "is too low. Add up every line of the household's essential spending for one month." in printed
    assert "Compare the price of the equipment with what he can spend while keeping his reserve." in printed
    assert printed.rstrip().endswith("Score: 2 out of 5.")
    family = "".join(printed_by_cell(notebook, "family_test"))
    assert "✘ Share of the essential spending the salon must pay for — no answer." in family
    assert family.rstrip().endswith("Score: 1 out of 5.")


def test_blank_and_corrupt_submissions_are_told_why(scores, course: Path) -> None:
    blank = course / "autograded" / "blank" / MODULE / f"{MODULE}.ipynb"
    assert printed_by_cell(blank, "family_test")[0].startswith(
        "No answer is saved for “What must Ama's salon pay for?”")
    corrupt = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read: The answer file 'm01_runway_check.json' is not valid JSON" in \
        printed_by_cell(corrupt, "runway_test")[0]
    assert "".join(printed_by_cell(corrupt, "family_test")).rstrip().endswith("Score: 5 out of 5.")
