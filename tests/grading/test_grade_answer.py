"""grade_answer and feedback_lines: the score of a saved answer and the feedback a trainee reads.

nbgrader reads a test cell's returned number as partial credit and scores any stderr as 0,
so every test here also checks that nothing reaches stderr and no warning is raised. The
expectations repeat the hidden test of exercise 1 in ``solutions/09_understanding_microcredit``;
the figures come from ``m09.AFFORD_SCENARIO`` and ``m09.AFFORD_LOAN``.
"""
from __future__ import annotations

import json
import warnings

import pytest

from ritorno.answers import AnswerStore
from ritorno.curriculum import m09
from ritorno.grading import Expect, feedback_lines, grade_answer

AFFORD_TITLE = "Can Aminata's family afford this instalment?"


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No answers-folder override from the developer's shell."""
    monkeypatch.delenv("RITORNO_ANSWERS_DIR", raising=False)


@pytest.fixture
def store(tmp_path) -> AnswerStore:
    """An empty answer store beside a temporary notebook."""
    return AnswerStore(tmp_path / "answers")


@pytest.fixture
def afford_expectations() -> list[Expect]:
    """Exercise 1 of module 9, 5 points."""
    return [
        # 600,000 − 300,000 − 80,000 + 50,000 (sales − variable − fixed + other income)
        Expect("net_income", 270_000, relative=0.005,
               hint="Net income = sales − variable costs − fixed costs + other income."),
        # annuity 1,000,000 × 0.015 / (1 − 1.015^−12) = 91,679.99
        Expect("instalment", 91_680, relative=0.005, hint="Type the loan's terms in the calculator."),
        # 91,680 / 270,000
        Expect("income_share", 0.3396, tolerance=0.005, hint="Divide the instalment by the net income."),
        # 0.8 × (600,000 − 300,000) − 80,000 + 50,000 − 150,000
        Expect("stressed_surplus", 60_000, relative=0.01, hint="Take 80% of (sales − variable costs)."),
        # 60,000 < 91,680
        Expect("decision", "no", hint="Is the surplus still larger than the instalment?"),
    ]


@pytest.fixture
def right_afford_answer() -> dict[str, float | str]:
    return {"net_income": 270_000, "instalment": 91_680, "income_share": 0.3396, "stressed_surplus": 60_000,
            "decision": "no"}


def plain(text: str) -> str:
    """Babel's non-breaking spaces (fr_SN groups with U+202F) as ordinary spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def graded(capsys, *args, **kwargs) -> tuple[float, list[str]]:
    """Run grade_answer as a test cell would: its return value and the printed lines.

    Fails if anything goes to stderr or any warning is raised.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        score = grade_answer(*args, **kwargs)
    out, err = capsys.readouterr()
    assert err == "", "nbgrader would score this cell 0: stderr must stay empty"
    assert [str(warning.message) for warning in caught] == []
    return score, plain(out).splitlines()


class TestAllRight:
    def test_full_score_and_a_tick_per_field(self, capsys, store, afford_expectations, right_afford_answer):
        store.save("m09_afford", right_afford_answer, m09.AFFORD.schema)
        score, lines = graded(capsys, "m09_afford", afford_expectations, store)
        assert score == 5.0
        assert lines == [
            "✔ Net monthly income of the household (before the loan) — 270 000 F CFA is right.",
            "✔ Monthly instalment of the loan — 91 680 F CFA is right.",
            "✔ Instalment as a share of net income — 34,0 % is right.",
            "✔ Surplus left each month if sales fall by 20% (before the instalment) — 60 000 F CFA is right.",
            "✔ Can the family safely take this loan? — No is right.",
            "Score: 5 out of 5.",
        ]

    def test_answers_within_the_tolerance_are_right(self, capsys, store, afford_expectations):
        store.save("m09_afford", {"net_income": 271_350,  # 270,000 × 1.005
                                  "instalment": 91_220,  # below 91,680 × 0.995 = 91,221.6: just outside
                                  "income_share": 0.3446,  # 0.3396 + 0.005
                                  "stressed_surplus": 59_400,  # 60,000 × 0.99
                                  "decision": "no"}, m09.AFFORD.schema)
        score, lines = graded(capsys, "m09_afford", afford_expectations, store)
        assert score == 4.0
        assert [line[0] for line in lines[:-1]] == ["✔", "✘", "✔", "✔", "✔"]
        assert lines[1] == ("✘ Monthly instalment of the loan — 91 220 F CFA is too low. "
                            "Type the loan's terms in the calculator.")

    def test_the_score_is_returned_as_a_float(self, capsys, store, afford_expectations, right_afford_answer):
        store.save("m09_afford", right_afford_answer, m09.AFFORD.schema)
        score, _ = graded(capsys, "m09_afford", afford_expectations, store)
        assert isinstance(score, float)


class TestPartlyRight:
    @pytest.fixture
    def lines_and_score(self, capsys, store, afford_expectations):
        store.save("m09_afford", {"net_income": 120_000, "instalment": 150_000, "income_share": 0.3396,
                                  "decision": "yes"}, m09.AFFORD.schema)
        return graded(capsys, "m09_afford", afford_expectations, store)

    def test_partial_points(self, lines_and_score):
        score, lines = lines_and_score
        assert score == 1.0
        assert lines[-1] == "Score: 1 out of 5."

    def test_too_low_with_the_hint(self, lines_and_score):
        assert lines_and_score[1][0] == (
            "✘ Net monthly income of the household (before the loan) — 120 000 F CFA is too low. "
            "Net income = sales − variable costs − fixed costs + other income.")

    def test_too_high_with_the_hint(self, lines_and_score):
        assert lines_and_score[1][1] == ("✘ Monthly instalment of the loan — 150 000 F CFA is too high. "
                                         "Type the loan's terms in the calculator.")

    def test_a_right_answer_gets_no_hint(self, lines_and_score):
        assert lines_and_score[1][2] == "✔ Instalment as a share of net income — 34,0 % is right."

    def test_a_missing_field_says_no_answer(self, lines_and_score):
        assert lines_and_score[1][3] == ("✘ Surplus left each month if sales fall by 20% (before the instalment) — "
                                         "no answer. Take 80% of (sales − variable costs).")

    def test_a_wrong_choice_is_not_right(self, lines_and_score):
        assert lines_and_score[1][4] == ("✘ Can the family safely take this loan? — Yes is not right. "
                                         "Is the surplus still larger than the instalment?")

    def test_a_wrong_percent_shows_as_a_percent(self, capsys, store):
        store.save("m09_true_cost", {"apr_a": 0.18, "apr_b": 0.40, "cheaper": "B"}, m09.TRUE_COST.schema)
        score, lines = graded(capsys, "m09_true_cost", [
            Expect("apr_a", 0.2658, tolerance=0.002, hint="Enter the fee and the savings."),
            Expect("apr_b", 0.2860, tolerance=0.002),
            Expect("cheaper", "A"),
            Expect("above_cap", "both"),
        ], store)
        assert score == 0.0
        assert lines == [
            "✘ APR of offer A — 18,0 % is too low. Enter the fee and the savings.",
            "✘ APR of offer B — 40,0 % is too high.",
            "✘ Which offer is cheaper? — Offer B is not right.",
            "✘ Which offers cost more than the legal cap for microfinance in Senegal? — no answer.",
            "Score: 0 out of 4.",
        ]

    def test_points_are_weighted(self, capsys, store):
        store.save("m09_true_cost", {"apr_a": 0.2658, "cheaper": "A"}, m09.TRUE_COST.schema)
        score, lines = graded(capsys, "m09_true_cost", [
            Expect("apr_a", 0.2658, points=1.5, tolerance=0.002),
            Expect("apr_b", 0.2860, points=2, tolerance=0.002),
            Expect("cheaper", "A", points=0.5),
        ], store)
        assert score == 2.0
        assert lines[-1] == "Score: 2 out of 4."


class TestNothingToGrade:
    def test_missing_answer_file(self, capsys, store, afford_expectations):
        score, lines = graded(capsys, "m09_afford", afford_expectations, store)
        assert score == 0.0
        assert lines == [f"No answer is saved for “{AFFORD_TITLE}”. Fill in the boxes and press Save."]

    @pytest.mark.parametrize("content", [
        "not JSON at all",
        '{"schema_version": 1, "exercise_id": "m09_afford"',
        json.dumps({"schema_version": 1, "exercise_id": "m09_true_cost", "saved_at": "2025-01-01T00:00:00+00:00",
                    "values": {}}),
        json.dumps({"schema_version": 1, "exercise_id": "m09_afford", "saved_at": "2025-01-01T00:00:00+00:00",
                    "values": {"decision": "maybe"}}),
    ], ids=["text", "cut-short", "other-exercise", "not-a-choice"])
    def test_corrupt_answer_file(self, capsys, store, afford_expectations, content):
        path = store.path_for("m09_afford")
        path.parent.mkdir(parents=True)
        path.write_text(content, encoding="utf-8")
        score, lines = graded(capsys, "m09_afford", afford_expectations, store)
        assert score == 0.0
        assert len(lines) == 1
        assert lines[0].startswith(f"Your saved answer for “{AFFORD_TITLE}” could not be read: The answer file "
                                   "'m09_afford.json' ")

    def test_undecodable_bytes(self, capsys, store, afford_expectations):
        path = store.path_for("m09_afford")
        path.parent.mkdir(parents=True)
        path.write_bytes(b"\xff\xfe\x00garbage")
        score, lines = graded(capsys, "m09_afford", afford_expectations, store)
        assert score == 0.0
        assert "could not be read" in lines[0]


class TestWhereAnswersAre:
    def test_beside_the_notebook_by_default(self, capsys, tmp_path, monkeypatch, store, afford_expectations,
                                            right_afford_answer):
        monkeypatch.chdir(tmp_path)  # the store fixture is tmp_path/answers, where a notebook saves
        store.save("m09_afford", right_afford_answer, m09.AFFORD.schema)
        assert graded(capsys, "m09_afford", afford_expectations)[0] == 5.0

    def test_the_answers_folder_can_be_overridden(self, capsys, tmp_path, monkeypatch, afford_expectations,
                                                  right_afford_answer):
        AnswerStore(tmp_path / "kiosk" / "trainee7").save("m09_afford", right_afford_answer, m09.AFFORD.schema)
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path / "kiosk" / "trainee7"))
        assert graded(capsys, "m09_afford", afford_expectations)[0] == 5.0

    def test_an_unknown_exercise_is_a_programming_error(self, store):
        with pytest.raises(ValueError, match="There is no exercise called 'm09_nope'."):
            grade_answer("m09_nope", [], store)


class TestFeedbackLines:
    def test_returns_the_lines_without_printing(self, capsys, store, afford_expectations, right_afford_answer):
        store.save("m09_afford", right_afford_answer, m09.AFFORD.schema)
        earned, lines = feedback_lines("m09_afford", afford_expectations, store)
        assert capsys.readouterr() == ("", "")
        assert earned == 5.0
        assert len(lines) == 6 and lines[-1] == "Score: 5 out of 5."

    def test_grade_answer_prints_exactly_the_feedback_lines(self, capsys, store, afford_expectations):
        store.save("m09_afford", {"net_income": 1}, m09.AFFORD.schema)
        expected_score, expected_lines = feedback_lines("m09_afford", afford_expectations, store)
        score = grade_answer("m09_afford", afford_expectations, store)
        assert (score, capsys.readouterr().out) == (expected_score, "\n".join(expected_lines) + "\n")
