"""The real nbgrader grades module 3 (market and sales forecast): right, partly, wrong, blank, corrupt answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ritorno.curriculum import m03
from ritorno.finance import seasonal_sales

from .conftest import autograde_all, printed_by_cell

MODULE = "03_market_and_sales_forecast"


def _right() -> dict[str, dict]:
    """What the finance core gives for the scenarios: a trainee typing these must score full marks."""
    juice = m03.SEASON_SALES_PLAN
    year = seasonal_sales(juice["units"], m03.SEASON_SALES_SCENARIO["price"], juice["indexes"])
    best = max(range(len(year)), key=year.__getitem__)
    blocks, prices = m03.COMPETITOR_PRICE_PLAN, m03.COMPETITOR_PRICE_SCENARIO
    option_a = seasonal_sales(blocks["units"] * (1 - blocks["customers_lost"]), prices["price"], blocks["indexes"])
    option_b = seasonal_sales(blocks["units"], prices["competitor_price"], blocks["indexes"])
    return {
        "m03_season_sales": {"feb_sales": year[1], "aug_sales": year[7], "yearly_total": sum(year),
                             "best_month": m03.MONTH_CHOICES[best][0]},
        "m03_competitor_price": {"aug_sales_a": option_a[7], "yearly_a": sum(option_a), "yearly_b": sum(option_b),
                                 "rainy_share": sum(option_a[month] for month in m03.RAINY_MONTHS) / sum(option_a),
                                 "better": "A" if sum(option_a) > sum(option_b) else "B"},
    }


RIGHT = _right()
PARTLY = {  # 2 of 4 (February and August) and 1 of 5 (option B's year only)
    "m03_season_sales": {"feb_sales": 2_520.0, "aug_sales": 1_080.0, "yearly_total": 21_600.0, "best_month": "feb"},
    "m03_competitor_price": {"yearly_b": 14_455_000.0},
}
WRONG = {  # no seasons, and option A without the lost customers
    "m03_season_sales": {"feb_sales": 1_800.0, "aug_sales": 1_800.0, "yearly_total": 21_600.0, "best_month": "jan"},
    "m03_competitor_price": {"aug_sales_a": 560_000.0, "yearly_a": 16_520_000.0, "yearly_b": 14_700_000.0,
                             "rainy_share": 0.3333, "better": "A"},
}
EXPECTED = {"right": 9.0, "partly": 3.0, "wrong": 0.0, "blank": 0.0, "corrupt_answer_file": 5.0}


@pytest.fixture(scope="module")
def scores(course: Path, submit) -> dict[str, tuple[float, float]]:
    submit("right", RIGHT)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("corrupt_answer_file", {"m03_competitor_price": RIGHT["m03_competitor_price"]},
           raw_answers={"m03_season_sales": "{not json"})
    return autograde_all(course, MODULE, list(EXPECTED))


def test_the_answers_are_what_the_scenario_says() -> None:
    """The scenario still asks the questions the exercise was written for (the hidden tests' literals)."""
    season, competitor = RIGHT["m03_season_sales"], RIGHT["m03_competitor_price"]
    assert (season["yearly_total"], season["best_month"]) == (pytest.approx(21_780), "mar")
    assert (competitor["yearly_a"], competitor["yearly_b"]) == (pytest.approx(13_216_000), pytest.approx(14_455_000))
    assert (competitor["rainy_share"], competitor["better"]) == (pytest.approx(0.1949, abs=5e-4), "B")
    assert sorted(m03.SEASON_SALES_PLAN["indexes"]).count(max(m03.SEASON_SALES_PLAN["indexes"])) == 1  # no tie


def _table(indexes) -> str:
    return "| Seasonal index | " + " | ".join(f"{index:.1f}" for index in indexes) + " |"


def test_the_notebook_shows_the_units_and_seasons_of_the_scenario(repo_root: Path) -> None:
    """Units, shares and indexes are not money, so the story gives them: it must say what the scenario says."""
    cells = json.loads((repo_root / "solutions" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    assert f"**{m03.SEASON_SALES_PLAN['units']:,} glasses**" in text
    assert _table(m03.SEASON_SALES_PLAN["indexes"]) in text
    assert f"**{m03.COMPETITOR_PRICE_PLAN['units']:,} blocks**" in text
    assert _table(m03.COMPETITOR_PRICE_PLAN["indexes"]) in text
    assert f"**{m03.COMPETITOR_PRICE_PLAN['customers_lost']:.0%}** of his customers" in text


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_score(scores: dict[str, tuple[float, float]], trainee: str) -> None:
    assert scores[trainee] == (EXPECTED[trainee], 9.0)


def test_partial_credit_feedback_names_what_to_look_at(scores, course: Path) -> None:
    notebook = course / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "season_test"))
    assert "✔ Sales in February" in printed and "✔ Sales in August" in printed
    assert "is too low. Add the sales of all twelve months; the indexes do not add up to exactly 12." in printed
    assert ("✘ Which month sells the most? — February is not right. "
            "Look for the month with the highest seasonal index.") in printed
    assert printed.rstrip().endswith("Score: 2 out of 4.")
    competitor = "".join(printed_by_cell(notebook, "competitor_test"))
    assert "✔ With option B: sales in the whole year" in competitor
    assert competitor.rstrip().endswith("Score: 1 out of 5.")


def test_wrong_option_a_is_pointed_out(scores, course: Path) -> None:
    notebook = course / "autograded" / "wrong" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "competitor_test"))
    assert "With option A he sells fewer blocks: take the lost customers away" in printed
    assert printed.rstrip().endswith("Score: 0 out of 5.")


def test_corrupt_answer_file_is_reported_not_crashed(scores, course: Path) -> None:
    notebook = course / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read: The answer file 'm03_season_sales.json' is not valid JSON" in \
        printed_by_cell(notebook, "season_test")[0]
    assert "".join(printed_by_cell(notebook, "competitor_test")).rstrip().endswith("Score: 5 out of 5.")
