"""The cohort workflow end to end, and submissions that must not break anything."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from .conftest import MODULE, RIGHT, answer_json, run_trainer, write_answers, zip_folder


def _scores(cohort: Path) -> dict[str, float]:
    with Gradebook(f"sqlite:///{cohort / 'gradebook.db'}", course_id="ritorno") as gradebook:
        return {submission.student.id: submission.score for submission in gradebook.find_assignment(MODULE).submissions}


@pytest.mark.parametrize("command", ["init", "add-trainees", "release", "collect", "grade", "feedback", "export",
                                     "report"])
def test_every_command_has_help(command: str) -> None:
    assert "Usage: main trainer " + command in run_trainer([command, "--help"]).output


@pytest.mark.parametrize("command", ["init", "add-trainees", "collect", "grade", "feedback", "export", "report"])
def test_a_missing_argument_is_an_error(command: str) -> None:
    assert "Missing argument" in run_trainer([command], retcode=2).output or \
        "Missing option" in run_trainer([command], retcode=2).output


def test_not_a_cohort(tmp_path: Path) -> None:
    output = run_trainer(["grade", str(tmp_path)], retcode=1).output
    assert output.strip() == f"Error: {tmp_path} is not a cohort folder: create one with `ritorno trainer init {tmp_path}`."


def test_init_refuses_a_folder_in_use(cohort: Path) -> None:
    assert "is already a cohort: nothing was changed." in run_trainer(["init", str(cohort)], retcode=1).output


def test_bad_trainee_ids_are_rejected_and_nothing_added(cohort: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,first_name,last_name,email\n../evil,E,Vil,\nok_1,O,K,\nok_1,O,K,\n", encoding="utf-8")
    output = run_trainer(["add-trainees", str(cohort), str(bad)], retcode=1).output
    assert "line 2: id '../evil' is not allowed" in output and "line 4: id 'ok_1' appears twice" in output
    with Gradebook(f"sqlite:///{cohort / 'gradebook.db'}", course_id="ritorno") as gradebook:
        assert sorted(student.id for student in gradebook.students) == ["ada", "bob", "cleo", "dan"]


def test_full_round(cohort: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_answers(inbox, "ada", RIGHT)
    write_answers(inbox, "bob", {"m09_true_cost": RIGHT["m09_true_cost"]})
    write_answers(inbox, "cleo", {"m09_afford": {**RIGHT["m09_afford"], "decision": "yes", "net_income": 1.0}})
    collected = run_trainer(["collect", str(cohort), str(inbox)]).output
    assert "3 submission(s) collected, 0 file(s) rejected." in collected
    graded = run_trainer(["grade", str(cohort), "--jobs", "2"]).output
    assert "[3/3]" in graded
    assert _scores(cohort) == {"ada": 9.0, "bob": 4.0, "cleo": 3.0}
    again = run_trainer(["grade", str(cohort)]).output
    assert "Nothing new to grade." in again and _scores(cohort) == {"ada": 9.0, "bob": 4.0, "cleo": 3.0}

    run_trainer(["feedback", str(cohort)])
    feedback = (cohort / "feedback" / "cleo" / MODULE / f"{MODULE}.html").read_text(encoding="utf-8")
    assert "Net income = sales − variable costs − fixed costs + other income." in feedback

    run_trainer(["export", str(cohort), "--csv", str(tmp_path / "scores.csv")])
    rows = list(csv.DictReader(open(tmp_path / "scores.csv", encoding="utf-8")))
    assert len(rows) == 4 * len(list((cohort / "solutions").iterdir()))  # every trainee × every module
    assert {(row["trainee"], row["score"], row["max_score"]) for row in rows if row["module"] == MODULE} == {
        ("ada", "9", "9"), ("bob", "4", "9"), ("cleo", "3", "9"), ("dan", "", "9")}

    run_trainer(["report", str(cohort), "--out", str(tmp_path / "report.html")])
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report.count("data:image/png;base64,") == 2
    behind = dict(re.findall(r"<tr><td>(\w+)</td><td>([^<]*)</td></tr>", report))
    assert MODULE in behind["dan"] and MODULE in behind["cleo"] and MODULE in behind["bob"]  # none; 3 and 4 of 9
    assert MODULE not in behind["ada"]  # 9 of 9


def test_a_new_collection_is_graded_again(cohort: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_answers(inbox, "ada", {"m09_true_cost": RIGHT["m09_true_cost"]})
    run_trainer(["collect", str(cohort), str(inbox)])
    run_trainer(["grade", str(cohort)])
    write_answers(inbox, "ada", RIGHT)
    run_trainer(["collect", str(cohort), str(inbox)])
    assert "[1/1] ada" in run_trainer(["grade", str(cohort)]).output
    assert _scores(cohort) == {"ada": 9.0}


def test_lesson_work_kept_by_the_kiosk_is_not_a_submission(cohort: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "kiosk-data"
    write_answers(inbox, "ada", {"m09_true_cost": RIGHT["m09_true_cost"]})
    write_answers(inbox, "ada", {"m09_loan": {"amount": 1_000_000.0}}, module="course")
    output = run_trainer(["collect", str(cohort), str(inbox)]).output
    assert "0 file(s) rejected" in output
    assert not (cohort / "submitted" / "ada" / "course").exists()
    assert (cohort / "submitted" / "ada" / MODULE / "answers" / "m09_true_cost.json").is_file()


def test_submissions_that_must_not_break_anything(cohort: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    module = inbox / "ada" / MODULE
    write_answers(inbox, "ada", RIGHT)
    (module / f"{MODULE}.ipynb").write_text("{ not a notebook", encoding="utf-8")  # broken notebook: replaced
    # bob pasted an endless loop and deleted cells: the release notebook replaces his
    write_answers(inbox, "bob", {"m09_true_cost": RIGHT["m09_true_cost"]})
    (inbox / "bob" / MODULE / f"{MODULE}.ipynb").write_text(
        '{"cells":[{"cell_type":"code","source":"while True: pass","metadata":{},"outputs":[],'
        '"execution_count":null}],"metadata":{},"nbformat":4,"nbformat_minor":5}', encoding="utf-8")
    answers = write_answers(inbox, "cleo", {"m09_true_cost": RIGHT["m09_true_cost"]})
    (answers / "m09_afford.json").write_text("{ not json", encoding="utf-8")
    release = json.loads((cohort / "exercises" / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))
    release["cells"] = release["cells"] + release["cells"]  # every cell twice, test cells included
    (answers.parent / f"{MODULE}.ipynb").write_text(json.dumps(release), encoding="utf-8")
    (answers / "m09_nothing.json").write_text(answer_json("m09_nothing", {}), encoding="utf-8")
    answers = write_answers(inbox, "dan", {"m09_afford": {**RIGHT["m09_afford"], "instalment": "lots"}})
    (answers / "m09_true_cost.json").write_bytes(b" " * (50 * 1024 * 1024))
    write_answers(inbox, "zoe", RIGHT)  # not in the cohort
    zip_folder(inbox / "ada", tmp_path / "escape.zip", extra={"../../outside.json": b"{}",
                                                             f"ada/{MODULE}/answers/../../../x.json": b"{}"})
    (inbox / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    (tmp_path / "escape.zip").rename(inbox / "escape.zip")

    output = run_trainer(["collect", str(cohort), str(inbox)]).output
    assert "rejected: cleo/09_understanding_microcredit/answers/m09_afford.json: The answer file 'm09_afford.json' " \
           "is not valid JSON" in output
    assert "rejected: cleo/09_understanding_microcredit/answers/m09_nothing.json: there is no exercise " \
           "'m09_nothing' in 09_understanding_microcredit" in output
    assert "rejected: dan/09_understanding_microcredit/answers/m09_afford.json: The answer file 'm09_afford.json' " \
           "cannot be used" in output
    assert "rejected: dan/09_understanding_microcredit/answers/m09_true_cost.json: 52,428,800 bytes, more than an " \
           "answer can hold" in output
    assert "rejected: zoe/09_understanding_microcredit/answers/m09_afford.json: unknown trainee 'zoe'" in output
    assert "rejected: escape.zip:../../outside.json: unsafe path, outside the module folder" in output
    assert "rejected: broken.zip: not a readable zip file" in output
    assert not (tmp_path / "outside.json").exists() and not (cohort.parent / "x.json").exists()

    graded = run_trainer(["grade", str(cohort), "--jobs", "2"]).output
    assert "FAILED" not in graded
    assert _scores(cohort) == {"ada": 9.0, "bob": 4.0, "cleo": 4.0, "dan": 0.0}
    assert "Nothing new to grade." in run_trainer(["grade", str(cohort)]).output


def test_one_failing_submission_never_stops_the_batch(cohort: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_answers(inbox, "ada", RIGHT)
    run_trainer(["collect", str(cohort), str(inbox)])
    # a folder laid out by hand for someone who is not in the gradebook: nbgrader refuses it
    ghost = cohort / "submitted" / "ghost" / MODULE
    ghost.mkdir(parents=True)
    output = run_trainer(["grade", str(cohort), "--jobs", "2"], retcode=1).output
    assert "ghost 09_understanding_microcredit: FAILED:" in output and "ada 09_understanding_microcredit: graded" in output
    assert output.strip().endswith("Error: 1 of 2 submission(s) could not be graded (see above).")
    assert _scores(cohort) == {"ada": 9.0}
