"""The real nbgrader grades module 9 for trainees who answered right, partly, wrongly, not at all, or broke things."""
from __future__ import annotations

from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from ritorno.grading.nbgrader_runtime import nbgrader_api
from ritorno.grading.submission import restore_release_notebooks

from .conftest import MODULE, printed_by_cell

RIGHT = {
    "m09_afford": {"net_income": 270_000.0, "instalment": 91_680.0, "income_share": 0.34,
                   "stressed_surplus": 60_000.0, "decision": "no"},
    "m09_true_cost": {"apr_a": 0.266, "apr_b": 0.286, "cheaper": "A", "above_cap": "both"},
}
PARTLY = {  # 2 of 5 and 1 of 4
    "m09_afford": {"net_income": 270_000.0, "instalment": 91_700.0, "income_share": 0.30,
                   "stressed_surplus": 120_000.0, "decision": "yes"},
    "m09_true_cost": {"apr_a": 0.265},
}
WRONG = {
    "m09_afford": {"net_income": 650_000.0, "instalment": 98_333.0, "income_share": 0.10,
                   "stressed_surplus": 0.0, "decision": "yes"},
    "m09_true_cost": {"apr_a": 0.18, "apr_b": 0.15, "cheaper": "B", "above_cap": "none"},
}


def _without_cell(grade_id: str):
    def edit(notebook):
        notebook.cells = [cell for cell in notebook.cells
                          if cell.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return edit


def _with_cell_text(grade_id: str, source: str):
    def edit(notebook):
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
                cell.source = source
    return edit


EXPECTED_SCORES = {
    "right": 9.0,
    "partly": 3.0,
    "wrong": 0.0,
    "blank": 0.0,
    "deleted_test_cell": 9.0,      # nbgrader puts the locked test cell back and grades it
    "faked_test_cell": 4.0,        # a test cell edited to print 5.0 is overwritten: only exercise 2 was answered
    "corrupt_answer_file": 4.0,    # the unreadable exercise scores 0, the other one still counts
    "deleted_form_and_test": 9.0,
}


@pytest.fixture(scope="module")
def graded(course: Path, submit) -> Path:
    submit("right", RIGHT)
    submit("partly", PARTLY)
    submit("wrong", WRONG)
    submit("blank")
    submit("deleted_test_cell", RIGHT, edit=_without_cell("afford_test"))
    submit("faked_test_cell", {"m09_true_cost": RIGHT["m09_true_cost"]},
           edit=_with_cell_text("afford_test", "5.0"))
    broken = submit("deleted_form_and_test", RIGHT,
                    edit=lambda nb: (_without_cell("afford_test")(nb), _without_cell("afford_form")(nb)))
    # nbgrader alone fails on this one (its add_missing_cells raises KeyError): restore the release first
    assert restore_release_notebooks(broken, course / "exercises" / MODULE) == [f"{MODULE}.ipynb"]
    submit("corrupt_answer_file", {"m09_true_cost": RIGHT["m09_true_cost"]}, raw_answers={"m09_afford": "{not json"})
    api = nbgrader_api(course)
    for trainee in EXPECTED_SCORES:
        result = api.autograde(MODULE, trainee)
        assert result["success"], f"{trainee}: {result.get('error')}"
    return course


def _score(course: Path, trainee: str) -> tuple[float, float]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="ritorno") as gradebook:
        submission = gradebook.find_submission(MODULE, trainee)
        return submission.score, submission.max_score


@pytest.mark.parametrize("trainee", sorted(EXPECTED_SCORES))
def test_score(graded: Path, trainee: str) -> None:
    assert _score(graded, trainee) == (EXPECTED_SCORES[trainee], 9.0)


def test_partial_credit_feedback_names_what_to_look_at(graded: Path) -> None:
    notebook = graded / "autograded" / "partly" / MODULE / f"{MODULE}.ipynb"
    printed = "".join(printed_by_cell(notebook, "afford_test"))
    assert "✔ Net monthly income of the household (before the loan)" in printed
    assert "✔ Monthly instalment of the loan" in printed  # 91,700 is within 0.5% of 91,680
    assert "Divide the instalment by the net income, then multiply by 100." in printed
    assert "is too high. Take 80% of (sales − variable costs)" in printed
    assert printed.rstrip().endswith("Score: 2 out of 5.")


def test_blank_submission_is_told_to_save(graded: Path) -> None:
    notebook = graded / "autograded" / "blank" / MODULE / f"{MODULE}.ipynb"
    assert printed_by_cell(notebook, "afford_test")[0].startswith(
        "No answer is saved for “Can Aminata's family afford this instalment?”")


def test_corrupt_answer_file_is_reported_not_crashed(graded: Path) -> None:
    notebook = graded / "autograded" / "corrupt_answer_file" / MODULE / f"{MODULE}.ipynb"
    assert "could not be read: The answer file 'm09_afford.json' is not valid JSON" in printed_by_cell(notebook, "afford_test")[0]


def test_feedback_html_for_trainee(graded: Path) -> None:
    result = nbgrader_api(graded).generate_feedback(MODULE, "partly")
    assert result["success"], result["error"]
    html = (graded / "feedback" / "partly" / MODULE / f"{MODULE}.html").read_text(encoding="utf-8")
    assert "Score: 1 out of 4." in html
    assert "Offer B is flat: choose the flat method and enter its 1% fee." in html
    assert "3.0" in html and "9.0" in html  # total score shown to the trainee


def test_source_answers_never_overwrite_a_trainees(graded: Path) -> None:
    """The course config excludes answers/ from nbgrader's overwrite step, and the source has none."""
    assert not list((graded / "solutions").rglob("answers"))
    kept = graded / "autograded" / "partly" / MODULE / "answers" / "m09_afford.json"
    assert '"decision": "yes"' in kept.read_text(encoding="utf-8")
