"""The real nbgrader grades module 10 (the bankable business plan) for right, partial, wrong, blank, broken answers."""
from __future__ import annotations

from pathlib import Path

import pytest

from ritorno.curriculum import m10
from ritorno.finance import FundingMix, Loan, cash_flow_plan, debt_service_cover, negative_months, repayment_capacity, total

from .conftest import autograde_all, printed_by_cell

MODULE = "10_bankable_business_plan"


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    check = repayment_capacity(**m10.REPAYMENT_SCENARIO)
    cover = debt_service_cover(check.stressed_surplus, check.instalment)
    # the share of income passes, the bad month does not: the loan must change, not be refused for ever
    decision = "yes" if check.affordable else "change"
    uses = total(m10.BANKABLE_USES)
    missing = FundingMix(**m10.BANKABLE_SOURCES).gap(uses)
    plan = cash_flow_plan(m10.BANKABLE_OPENING, list(m10.BANKABLE_CASH_IN.values()),
                          list(m10.BANKABLE_CASH_OUT.values()))
    negatives = negative_months(plan)
    verdict = {(False, False): "yes", (True, False): "gap", (False, True): "cash", (True, True): "both"}[
        (missing > 0, bool(negatives))]
    return {
        "m10_repayment": {"net_income": check.net_income, "income_share": check.income_share,
                          "stressed_surplus": check.stressed_surplus, "stressed_cover": cover, "decision": decision},
        "m10_bankable": {"uses": uses, "missing": missing,
                         "negative_month": f"m{negatives[0]}" if negatives else "none",
                         "lowest": min(month.closing for month in plan), "bankable": verdict},
    }


RIGHT = _right()
PARTLY = {  # 3 of 5 (household spending taken off the net income; the share follows from it) and 2 of 5
    "m10_repayment": {"net_income": 2_200.0, "income_share": 0.66, "stressed_surplus": 800.0,
                      "stressed_cover": 0.551, "decision": "change"},
    "m10_bankable": {"uses": 36_000.0, "missing": 18_000.0, "negative_month": "m3", "lowest": 900.0,
                     "bankable": "cash"},
}
WRONG = {
    "m10_repayment": {"net_income": 8_200.0, "income_share": 0.10, "stressed_surplus": 2_200.0,
                      "stressed_cover": 1.52, "decision": "yes"},
    "m10_bankable": {"uses": 30_000.0, "missing": 0.0, "negative_month": "none", "lowest": 2_600.0,
                     "bankable": "yes"},
}
EXPECTED = {"right": 10.0, "partly": 5.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 5.0}



@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m10_bankable": RIGHT["m10_bankable"]},
           raw_answers={"m10_repayment": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_instalment_is_the_loans() -> None:
    assert m10.REPAYMENT_SCENARIO["instalment"] == round(Loan(**m10.REPAYMENT_LOAN).instalment)


def test_the_answers_are_what_the_scenario_says() -> None:
    repayment, bankable = RIGHT["m10_repayment"], RIGHT["m10_bankable"]
    assert (repayment["net_income"], repayment["stressed_surplus"]) == (5_600, 800)
    assert (repayment["income_share"], repayment["stressed_cover"]) == pytest.approx((0.2593, 0.5510), abs=0.0005)
    check = repayment_capacity(**m10.REPAYMENT_SCENARIO)
    assert check.within_income_share and not check.survives_stress and repayment["decision"] == "change"
    assert (bankable["uses"], bankable["missing"], bankable["lowest"]) == (36_000, 3_000, -400)
    assert (bankable["negative_month"], bankable["bankable"]) == ("m3", "both")


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 10.0)


def test_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "repayment_test"))
    assert "is too low. Net income = sales − variable costs − fixed costs + other income" in printed
    assert "✔ Debt-service cover in a bad month" in printed
    assert printed.rstrip().endswith("Score: 3 out of 5.")
    printed = "".join(printed_by_cell(notebook, "bankable_test"))
    assert "is too high. Add up all the sources (IOM's support in kind counts too)" in printed
    assert "A lender checks two things: do the sources cover the uses" in printed
    assert printed.rstrip().endswith("Score: 2 out of 5.")


def test_blank_and_corrupt_answers_are_reported(scores, course: Path) -> None:
    blank = course / "autograded" / "blank" / MODULE / f"{MODULE}.ipynb"
    assert printed_by_cell(blank, "bankable_test")[0].startswith(
        "No answer is saved for “Is Lucía's plan ready for the lender?”")
    corrupt = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read" in printed_by_cell(corrupt, "repayment_test")[0]
