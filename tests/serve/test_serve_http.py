"""`ritorno serve` serves a home page and module 9's lesson and exercise as Voila apps."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests

from ritorno.curriculum import MODULES

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
LESSON = "/voila/render/course/09_understanding_microcredit.ipynb"
EXERCISE = "/voila/render/exercises/09_understanding_microcredit/09_understanding_microcredit.ipynb"


def test_home_lists_every_module_and_links_module_9(server: tuple[str, Path]) -> None:
    url, _ = server
    page = requests.get(url + "/", timeout=10).text
    for module in MODULES:
        assert f"id='module-{module.number}'" in page, f"module {module.number} is missing from the home page"
        assert module.title in page
    assert f"href='{LESSON}'" in page and f"href='{EXERCISE}'" in page


def test_lesson_renders_with_its_widgets(server: tuple[str, Path]) -> None:
    url, _ = server
    response = requests.get(url + LESSON, timeout=120)
    assert response.status_code == 200
    page = response.text
    assert "Module 9 &#183; Understanding microcredit" in page
    assert page.count(WIDGET_VIEW) == 4, "calculator, comparison, facts and self-checks must all render"
    assert "Traceback" not in page
    assert "loan_calculator(country=" not in page, "sources must be stripped in the apps"


def test_exercise_renders_with_its_forms_and_no_answers(server: tuple[str, Path]) -> None:
    url, _ = server
    page = requests.get(url + EXERCISE, timeout=120).text
    assert page.count(WIDGET_VIEW) >= 8
    assert "Traceback" not in page and "NotImplementedError" not in page
    assert not re.search(r"HIDDEN TESTS|Expect\(|grade_answer", page), "no hidden test may reach the app"


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.name)
def test_every_lesson_renders_as_an_app(server: tuple[str, Path], module) -> None:
    url, _ = server
    page = requests.get(f"{url}/voila/render/{module.lesson_path}", timeout=120)
    assert page.status_code == 200, f"{module.lesson_path}: {page.status_code}"
    assert page.text.count(WIDGET_VIEW) >= 2, f"{module.lesson_path} shows no live widget"
    assert "Traceback" not in page.text and "Error" not in re.sub(r"(mirror-editor-error|makeMermaidError|\.err)", "",
                                                                  page.text).replace("/* Error */", "")


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.name)
def test_every_exercise_renders_as_an_app_without_answers(server: tuple[str, Path], module) -> None:
    url, _ = server
    page = requests.get(f"{url}/voila/render/{module.exercise_path}", timeout=120)
    assert page.status_code == 200, f"{module.exercise_path}: {page.status_code}"
    assert page.text.count(WIDGET_VIEW) >= 2, f"{module.exercise_path} shows no form"
    assert "Traceback" not in page.text and "NotImplementedError" not in page.text
    assert not re.search(r"HIDDEN TESTS|Expect\(|grade_answer", page.text), "no hidden test may reach the app"


def test_home_links_every_lesson(server: tuple[str, Path]) -> None:
    url, _ = server
    page = requests.get(url + "/", timeout=10).text
    assert [module.number for module in MODULES if f"href='/voila/render/{module.lesson_path}'" in page] == list(range(1, 11))
    assert [module.number for module in MODULES if f"href='/voila/render/{module.exercise_path}'" in page] == list(range(1, 11))


def test_solutions_are_not_served(server: tuple[str, Path]) -> None:
    url, workspace = server
    assert not (workspace / "solutions").exists()
    response = requests.get(url + "/voila/render/solutions/09_understanding_microcredit/09_understanding_microcredit.ipynb",
                            timeout=30)
    assert response.status_code == 404
