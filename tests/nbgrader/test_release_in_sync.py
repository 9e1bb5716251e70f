"""exercises/ is what nbgrader generates from solutions/, and leaks nothing of the answers."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ritorno.authoring import generate_exercises, source_assignments
from ritorno.curriculum import all_exercises


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    target = tmp_path_factory.mktemp("exercises")
    generate_exercises(repo_root, target=target)
    return target


def test_every_source_assignment_has_a_release(repo_root: Path) -> None:
    released = sorted(path.name for path in (repo_root / "exercises").iterdir() if path.is_dir())
    assert released == source_assignments(repo_root)


def test_committed_release_equals_a_fresh_generation(repo_root: Path, regenerated: Path) -> None:
    for fresh in sorted(regenerated.rglob("*.ipynb")):
        committed = repo_root / "exercises" / fresh.relative_to(regenerated)
        assert committed.is_file(), f"{committed} is missing: run `ritorno exercises generate`"
        assert _cells(committed) == _cells(fresh), f"{committed} is stale: run `ritorno exercises generate`"


def test_release_leaks_no_solution_or_hidden_test(repo_root: Path) -> None:
    markers = re.compile(r"BEGIN (HIDDEN TESTS|SOLUTION)|END (HIDDEN TESTS|SOLUTION)|Expect\(|grade_answer\(")
    for notebook in (repo_root / "exercises").rglob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        assert not markers.search(text), f"{notebook} leaks {markers.search(text).group(0)!r}"


def test_release_keeps_no_hidden_hint(repo_root: Path) -> None:
    """The feedback hints live only in hidden tests: none may appear in a release notebook."""
    hints = []
    for source in (repo_root / "solutions").rglob("*.ipynb"):
        hints += re.findall(r'hint="([^"]+)"', source.read_text(encoding="utf-8").replace('\\"', '"'))
    assert hints, "the source assignments should carry hints for the trainees"
    released = "".join(path.read_text(encoding="utf-8") for path in (repo_root / "exercises").rglob("*.ipynb"))
    assert [hint for hint in hints if hint in released] == []


def test_no_answers_folder_in_sources_or_releases(repo_root: Path) -> None:
    assert list((repo_root / "solutions").rglob("answers")) == []
    assert list((repo_root / "exercises").rglob("answers")) == []


def test_every_exercise_has_a_form_and_a_test_cell(repo_root: Path) -> None:
    cells = [cell for source in (repo_root / "solutions").rglob("*.ipynb") for cell in _cells(source)]
    for exercise in all_exercises():
        forms = [cell for cell in cells if f"exercise_form(m{exercise.module:02d}." in "".join(cell["source"])
                 and exercise.exercise_id.split("_", 1)[1].upper() in "".join(cell["source"])]
        tests = [cell for cell in cells if f'grade_answer("{exercise.exercise_id}"' in "".join(cell["source"])]
        assert len(forms) == 1 and forms[0]["metadata"]["nbgrader"]["solution"], exercise.exercise_id
        assert len(tests) == 1 and tests[0]["metadata"]["nbgrader"]["grade"], exercise.exercise_id
        assert cells.index(tests[0]) == cells.index(forms[0]) + 1, f"{exercise.exercise_id}: test cell must follow its form"
