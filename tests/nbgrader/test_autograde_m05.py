"""The real nbgrader grades module 5 (start-up capital and funding) for right, partial, wrong, blank, broken answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ritorno.curriculum import m05
from ritorno.finance import FundingMix, startup_capital

from .conftest import autograde_all, printed_by_cell

MODULE = "05_startup_capital_and_funding"

# Option → (loan, extra from the brother) of exercise 2's choices; "d" asks IOM for cash.
FUNDING_OPTIONS = {"a": (18_000, 2_000), "b": (16_800, 3_200), "c": (15_000, 5_000)}


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    running = m05.CAPITAL_RUNNING["running_costs"]
    capital = startup_capital(m05.CAPITAL_EQUIPMENT, m05.CAPITAL_PRE_OPENING, running, m05.CAPITAL_MONTHS)
    gap = FundingMix(**m05.CAPITAL_SOURCES).gap(capital)
    limits, sources = m05.CAPITAL_LIMITS, m05.CAPITAL_SOURCES
    # IOM's support is in kind, so never cash; opening with a gap is never the answer
    close = ("family" if gap <= limits["family_more"]
             else "loan" if gap <= limits["loan_limit"] - sources["loan"] else "open_anyway")
    uses, rule = m05.FUNDING_MIX_USES, m05.FUNDING_MIX_RULE
    mix_capital = startup_capital({"equipment": uses["equipment"]}, {"pre_opening": uses["pre_opening"]},
                                  uses["running_costs"], rule["months"])
    mix = FundingMix(**m05.FUNDING_MIX_SOURCES)
    max_loan = rule["loan_share_limit"] * mix_capital
    acceptable = [option for option, (loan, extra) in FUNDING_OPTIONS.items()
                  if loan <= max_loan and extra <= m05.FUNDING_MIX_LIMITS["family_more"]
                  and FundingMix(**{**m05.FUNDING_MIX_SOURCES, "loan": loan,
                                    "family": m05.FUNDING_MIX_SOURCES["family"] + extra}).gap(mix_capital) == 0]
    assert len(acceptable) == 1
    return {
        "m05_capital": {"working_capital": running * m05.CAPITAL_MONTHS, "capital": capital, "gap": gap,
                        "close_gap": close},
        "m05_funding_mix": {"capital": mix_capital, "iom_share": mix.shares()["iom_in_kind"],
                            "loan_share": mix.shares()["loan"], "max_loan": max_loan, "change": acceptable[0]},
    }


RIGHT = _right()
# As a trainee types them: money to the cent, percentages with one decimal.
ROUNDED = {exercise: {field: (value if isinstance(value, str) else round(value, 3 if abs(value) < 1 else 2))
                      for field, value in values.items()} for exercise, values in RIGHT.items()}
PARTLY = {  # 3 of 4 (the gap forgets the running costs) and 2 of 5 (capital and IOM share)
    "m05_capital": {"working_capital": 690_000, "capital": 1_735_000, "gap": -465_000, "close_gap": "loan"},
    "m05_funding_mix": {"capital": 42_000, "iom_share": 0.25, "loan_share": 0.40, "change": "d"},
}
WRONG = {
    "m05_capital": {"working_capital": 230_000, "capital": 1_045_000, "gap": 0, "close_gap": "iom_cash"},
    "m05_funding_mix": {"capital": 30_000, "iom_share": 0.35, "loan_share": 0.667, "max_loan": 20_000,
                        "change": "a"},
}
EXPECTED = {"right": 9.0, "rounded": 9.0, "partly": 5.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 4.0}



@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("rounded", ROUNDED)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m05_capital": RIGHT["m05_capital"]},
           raw_answers={"m05_funding_mix": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_answers_are_what_the_scenario_says() -> None:
    assert RIGHT["m05_capital"]["gap"] == pytest.approx(225_000)
    assert RIGHT["m05_capital"]["close_gap"] == "loan"
    assert RIGHT["m05_funding_mix"]["change"] == "b"


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 9.0)


def test_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "capital_test"))
    assert "is too low. Add the four sources together and take them away from the start-up capital." in printed
    assert printed.rstrip().endswith("Score: 3 out of 4.")
    printed = "".join(printed_by_cell(notebook, "funding_mix_test"))
    assert "✘ The largest loan the lender accepts for this plan — no answer." in printed
    assert "that IOM gives no cash" in printed


def test_corrupt_answer_file_is_reported(scores, course: Path) -> None:
    notebook = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read" in printed_by_cell(notebook, "funding_mix_test")[0]


def test_notebook_text_matches_the_scenario(repo_root: Path) -> None:
    """Months, the lender's rule and the choices' amounts are written as text: they must be the scenario's."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = {cell["metadata"]["nbgrader"]["grade_id"]: "".join(cell["source"]) for cell in cells}
    assert f"**{m05.CAPITAL_MONTHS} months**" in text["capital_running_text"]
    assert "**in kind**" in text["capital_sources_text"] and "never as cash" in text["capital_sources_text"]
    assert f"**{m05.FUNDING_MIX_RULE['months']:.0f} months**" in text["funding_mix_story"]
    assert f"at most {m05.FUNDING_MIX_RULE['loan_share_limit']:.0%} of the start-up capital" in text["funding_mix_rule"]
    choices = dict(m05.FUNDING_MIX.field("change").choices)
    for option, (loan, extra) in FUNDING_OPTIONS.items():
        assert f"Borrow Bs {loan:,} and ask her brother for Bs {extra:,} more" == choices[option]
    assert "IOM" in choices["d"] and "cash" in choices["d"]
