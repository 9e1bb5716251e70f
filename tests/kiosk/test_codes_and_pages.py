"""Trainee codes, the roster, the kiosk's pages and its command line."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ritorno.cli import main
from ritorno.curriculum import MODULES
from ritorno.kiosk import Kiosk, SessionRegistry, TraineeCodeRefused, check_trainee_code, read_roster
from ritorno.kiosk._pages import render_busy, render_home
from ritorno.trainer import BadTraineeFile


@pytest.mark.parametrize("code", ["amina-07", "A1", "ko_fi", "x" * 64])
def test_good_codes_pass(code) -> None:
    assert check_trainee_code(f" {code} ") == code


@pytest.mark.parametrize("code", ["", "   ", "../x", "a/b", "a\\b", "a.b", "-lead", "x" * 65, "amina 07", "é"])
def test_unsafe_codes_are_refused_with_a_sentence(code) -> None:
    with pytest.raises(TraineeCodeRefused) as refused:
        check_trainee_code(code)
    assert refused.value.message.endswith(".")


def test_the_roster_limits_codes(tmp_path) -> None:
    roster = tmp_path / "cohort.csv"
    roster.write_text("id,first_name,last_name,email\namina-07,Amina,Diop,\nkofi,Kofi,Mensah,\n", encoding="utf-8")
    codes = read_roster(roster)
    assert codes == frozenset({"amina-07", "kofi"})
    assert check_trainee_code("kofi", codes) == "kofi"
    with pytest.raises(TraineeCodeRefused, match="not on the list"):
        check_trainee_code("kwame", codes)


def test_a_bad_roster_says_what_is_wrong(tmp_path) -> None:
    roster = tmp_path / "cohort.csv"
    roster.write_text("id,first_name,last_name,email\n../x,A,B,\n", encoding="utf-8")
    with pytest.raises(BadTraineeFile, match="line 2"):
        read_roster(roster)


@pytest.fixture
def workspace(repo_root: Path) -> Path:
    return repo_root


def test_home_for_a_signed_in_french_visitor(workspace) -> None:
    registry = SessionRegistry(3, 300)
    visitor = registry.new("fr")
    visitor.trainee, visitor.country = "amina-07", "TN"
    html = render_home(workspace, visitor, "en")
    assert "<html lang='fr'>" in html and "Connecté avec le code amina-07" in html
    assert "aria-pressed='true'>Tunisie" in html and "aria-pressed='true' lang" not in html
    assert html.count("class='tile'") == len(MODULES) and "<input id='code'" not in html


def test_a_message_is_escaped(workspace) -> None:
    html = render_home(workspace, None, "en", message="<script>alert(1)</script>")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_the_busy_page_retries_by_itself() -> None:
    html = render_busy("es")
    assert "Todos los puestos están ocupados" in html and "http-equiv='refresh' content='60'" in html


def test_answers_go_under_the_code_in_the_collect_layout(tmp_path) -> None:
    kiosk = Kiosk(workspace=tmp_path, data_dir=tmp_path / "data", registry=SessionRegistry(2, 60))
    visitor = kiosk.registry.new("en")
    assert kiosk.answers_dir(visitor, "exercises/09_x/09_x.ipynb") is None
    visitor.trainee = "kofi"
    assert kiosk.answers_dir(visitor, "exercises/09_x/09_x.ipynb") == tmp_path / "data" / "kofi" / "09_x" / "answers"
    assert kiosk.answers_dir(visitor, "course/09_x.ipynb") == tmp_path / "data" / "kofi" / "course" / "answers"
    assert not kiosk.fits_preheated(visitor)


def test_the_app_list_is_the_course_and_the_exercises(repo_root) -> None:
    apps = Kiosk.app_paths(repo_root)
    assert {module.lesson_path for module in MODULES} | {module.exercise_path for module in MODULES} == apps


@pytest.mark.parametrize("args, message", [
    (["--language", "de"], "choose one of en, es, fr"),
    (["--max-sessions", "0"], "0 is not in the range"),
    (["--roster", "missing.csv"], "does not exist"),
])
def test_the_command_refuses_bad_settings(args, message) -> None:
    result = CliRunner().invoke(main, ["kiosk", *args])
    assert result.exit_code == 2 and message in result.output


def test_the_command_reports_a_bad_roster(tmp_path) -> None:
    roster = tmp_path / "cohort.csv"
    roster.write_text("name\nAmina\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["kiosk", "--roster", str(roster), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 1 and "must start with the line: id,first_name,last_name,email" in result.output
