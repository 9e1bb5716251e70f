"""The real nbgrader grades module 2 (from idea to choice): right, partly, wrong, blank and corrupt answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ritorno.curriculum import m02
from ritorno.finance import best_ideas, weighted_scores

from .conftest import autograde_all, printed_by_cell

MODULE = "02_from_idea_to_choice"
IDEAS = m02.SCREENING_IDEAS


def _screen(weights: tuple[int, ...]) -> dict[str, float | str]:
    """Scores out of 100 (stored as fractions, like every percent) and the best idea for these weights."""
    top = max(m02.SCALE) * sum(weights)
    totals = weighted_scores(weights, [m02.SCREENING_SCORES[idea] for idea in IDEAS])
    (best,) = best_ideas(totals)  # the scenario has no tie
    return {**{idea: total / top for idea, total in zip(IDEAS, totals)}, "best": IDEAS[best]}


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    alone, family = _screen(m02.SCREENING_WEIGHTS["alone"]), _screen(m02.SCREENING_WEIGHTS["family"])
    return {"m02_idea_scores": alone,
            "m02_family_weights": {**family, "changed": "yes" if family["best"] != alone["best"] else "no"}}


RIGHT = _right()
PARTLY = {  # 2 of 4 (phone repair and soap) and 1 of 5 (the best idea only)
    "m02_idea_scores": {"phone_repair": 0.75, "laundry": 0.69, "olive_oil_soap": 0.58, "best": "laundry"},
    "m02_family_weights": {"best": "laundry"},
}
WRONG = {  # plain sums of the scores, then the old weights kept
    "m02_idea_scores": {"phone_repair": 0.17, "laundry": 0.18, "olive_oil_soap": 0.15, "best": "laundry"},
    "m02_family_weights": {"phone_repair": 0.75, "laundry": 0.68, "olive_oil_soap": 0.58, "best": "phone_repair",
                           "changed": "no"},
}
EXPECTED = {"right": 9.0, "partly": 3.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 4.0}


@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m02_idea_scores": RIGHT["m02_idea_scores"]},
           raw_answers={"m02_family_weights": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_answers_are_what_the_scenario_says() -> None:
    """The scenario still asks the questions the exercise was written for (the hidden tests' literals)."""
    assert all(sum(weights) == m02.WEIGHT_POINTS for weights in m02.SCREENING_WEIGHTS.values())
    assert RIGHT["m02_idea_scores"] == pytest.approx({"phone_repair": 0.75, "laundry": 0.68, "olive_oil_soap": 0.58,
                                                      "best": "phone_repair"})
    assert RIGHT["m02_family_weights"] == pytest.approx({"phone_repair": 0.66, "laundry": 0.76, "olive_oil_soap": 0.60,
                                                         "best": "laundry", "changed": "yes"})
    plain_sums = {idea: sum(m02.SCREENING_SCORES[idea]) for idea in IDEAS}
    assert max(plain_sums, key=plain_sums.get) != RIGHT["m02_idea_scores"]["best"]  # the trap the hint names


def test_the_notebook_shows_the_scores_and_weights_of_the_scenario(repo_root: Path) -> None:
    """Scores and weights are not money, so the story's tables give them: they must say what the scenario says."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    alone, family = m02.SCREENING_WEIGHTS["alone"], m02.SCREENING_WEIGHTS["family"]
    for criterion, (_key, label) in enumerate(m02.CRITERIA):
        scores = " | ".join(str(m02.SCREENING_SCORES[idea][criterion]) for idea in IDEAS)
        assert f"| {label} | {alone[criterion]} | {scores} |" in text
        assert f"| {label} | {alone[criterion]} | {family[criterion]} |" in text
    assert "| " + " | ".join(m02.IDEA_NAMES[idea] for idea in IDEAS) + " |" in text


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 9.0)


def test_partial_credit_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "scores_test"))
    assert "✔ Weighted score of phone repair (out of 100)" in printed
    assert ("is too high. Multiply each score of laundry and ironing by the weight of its criterion, "
            "then add the five results.") in printed
    assert "Compare the weighted scores, not the plain sums of the scores." in printed
    assert printed.rstrip().endswith("Score: 2 out of 4.")
    family = "".join(printed_by_cell(notebook, "family_test"))
    assert "✘ Does the best idea change? — no answer." in family
    assert family.rstrip().endswith("Score: 1 out of 5.")


def test_wrong_weights_are_pointed_out(scores, course: Path) -> None:
    notebook = course / "autograded" / "wrong" / MODULE / f"{MODULE}.ipynb"
    family = "".join(printed_by_cell(notebook, "family_test"))
    assert "Use the weights he chose with his family, not the ones he chose on his own." in family
    assert family.rstrip().endswith("Score: 0 out of 5.")


def test_corrupt_answer_file_is_reported_not_crashed(scores, course: Path) -> None:
    notebook = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read: The answer file 'm02_family_weights.json' is not valid JSON" in \
        printed_by_cell(notebook, "family_test")[0]
    assert "".join(printed_by_cell(notebook, "scores_test")).rstrip().endswith("Score: 4 out of 4.")
