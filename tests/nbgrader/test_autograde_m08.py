"""The real nbgrader grades module 8 (household money and remittances) for right, partial, wrong, blank, broken answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ritorno.countries import get_country
from ritorno.curriculum import m08
from ritorno.finance import budget_surplus, fx_margin, months_to_goal, remittance_cost, total
from ritorno.i18n import format_number

from .conftest import autograde_all, printed_by_cell

MODULE = "08_household_money_and_remittances"


def _costs() -> dict[str, float]:
    market = get_country(m08.SEND_HOME_COUNTRY).fact("eur_exchange_rate").value
    return {way: remittance_cost(m08.SEND_HOME_AMOUNT, offer["fee"], fx_margin(offer["rate"], market))
            for way, offer in m08.SEND_HOME_OFFERS.items()}


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    surplus = budget_surplus(m08.FAMILY_BUDGET_INCOME, m08.FAMILY_BUDGET_SPENDING)
    goal = m08.FAMILY_BUDGET_GOAL
    months = months_to_goal(goal["goal"], surplus, already_saved=goal["saved"])
    costs = _costs()
    return {
        "m08_family_budget": {"total_spending": total(m08.FAMILY_BUDGET_SPENDING), "surplus": surplus,
                              "months": f"{months:.0f}", "separate": "keep"},
        "m08_send_home": {"cost_bank": costs["bank"], "cost_agency": costs["agency"], "cost_online": costs["online"],
                          "cheapest": min(costs, key=costs.get)},
    }


RIGHT = _right()
PARTLY = {  # 2 of 4 (the goal forgets what is saved; the family's money from the till) and 2 of 4 (fees only)
    "m08_family_budget": {"total_spending": 2_750.0, "surplus": 350.0, "months": "9", "separate": "home"},
    "m08_send_home": {"cost_bank": 0.036, "cost_agency": 0.049, "cost_online": 0.014, "cheapest": "online"},
}
WRONG = {
    "m08_family_budget": {"total_spending": 2_520.0, "surplus": 580.0, "months": "6", "separate": "bills"},
    "m08_send_home": {"cost_bank": 0.036, "cost_agency": 0.0, "cost_online": 0.014, "cheapest": "agency"},
}
EXPECTED = {"right": 8.0, "partly": 4.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 4.0}



@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m08_family_budget": RIGHT["m08_family_budget"]},
           raw_answers={"m08_send_home": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_answers_are_what_the_scenario_says() -> None:
    budget, sending = RIGHT["m08_family_budget"], RIGHT["m08_send_home"]
    assert (budget["total_spending"], budget["surplus"], budget["months"]) == (2_750, 350, "7")
    assert (sending["cost_bank"], sending["cost_agency"], sending["cost_online"]) == pytest.approx(
        (0.0461, 0.0490, 0.0280), abs=0.0005)
    assert sending["cheapest"] == "online"
    # the way with no fee is not the cheapest: the lesson of the exercise
    assert m08.SEND_HOME_OFFERS["agency"]["fee"] == 0 and sending["cheapest"] != "agency"


def test_offers_are_below_the_market_rate() -> None:
    """An offer above the market rate would make a negative margin: the scenario must follow the country data."""
    market = get_country(m08.SEND_HOME_COUNTRY).fact("eur_exchange_rate").value
    assert all(0 < offer["rate"] < market for offer in m08.SEND_HOME_OFFERS.values())


def test_notebook_table_matches_the_scenario(repo_root: Path) -> None:
    """Fees in euros cannot go through figures_table: the markdown table must still be the scenario's."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    story = next("".join(cell["source"]) for cell in cells
                 if cell["metadata"]["nbgrader"]["grade_id"] == "send_home_story")
    locale = get_country(m08.SEND_HOME_COUNTRY).locale
    assert f"**€{m08.SEND_HOME_AMOUNT:.0f}**" in story
    for way, offer in m08.SEND_HOME_OFFERS.items():
        row = (f"| {m08.WAY_LABELS[way]} | {format_number(offer['fee'], locale, digits=2)} | "
               f"{format_number(offer['rate'], locale, digits=3)} |")
        assert row in story, row
    assert story.count("\n| ") == len(m08.SEND_HOME_OFFERS) + 1  # header and one row per way, no stale row


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 8.0)


def test_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "family_budget_test"))
    assert "✔ Money left each month (surplus; type a minus sign for a deficit)" in printed
    assert ("is not right. Divide what is still missing (the price less what is already saved) by the surplus, "
            "and round up to a whole month.") in printed
    assert "The family lives on Rosa's fixed pay; the cash in the till belongs to the business." in printed
    assert printed.rstrip().endswith("Score: 2 out of 4.")
    printed = "".join(printed_by_cell(notebook, "send_home_test"))
    assert "is too low. Add the fee to what is lost on the rate" in printed
    assert "is too low. Count both the fee and the exchange margin of the online service." in printed
    assert printed.rstrip().endswith("Score: 2 out of 4.")


def test_blank_and_corrupt_answers_are_reported(scores, course: Path) -> None:
    blank = course / "autograded" / "blank" / MODULE / f"{MODULE}.ipynb"
    assert printed_by_cell(blank, "family_budget_test")[0].startswith(
        "No answer is saved for “Rosa's household budget and the motorbike”")
    corrupt = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read" in printed_by_cell(corrupt, "send_home_test")[0]
