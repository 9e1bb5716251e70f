"""Grading on a warm kernel gives exactly what nbgrader gives with a fresh kernel per notebook."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from traitlets.config import Config

from ritorno.grading.nbgrader_runtime import nbgrader_api
from ritorno.trainer._warm_execute import warm_kernel_config, worker_kernel

from .conftest import MODULE
from .test_autograde_module09 import PARTLY, RIGHT, WRONG

# right before blank and wrong after right: a trainee graded after another must not see their answers
SUBMISSIONS = {"right": RIGHT, "blank": {}, "partly": PARTLY, "wrong": WRONG}
EXPECTED_SCORES = {"right": 9.0, "blank": 0.0, "partly": 3.0, "wrong": 0.0}


def _as_read(outputs: list[dict]) -> tuple[dict[str, str], list[dict]]:
    """What a reader sees of a cell's outputs: each stream's whole text (how the kernel happened to cut it
    into messages depends on timing) and every other output as it is."""
    streams: dict[str, str] = {}
    others = []
    for output in outputs:
        if output["output_type"] == "stream":
            streams[output["name"]] = streams.get(output["name"], "") + "".join(output["text"])
        else:
            others.append(output)
    return streams, others


def _grade_all(course: Path, extra: Config | None) -> dict[str, tuple[float, list]]:
    """Autograde every submission in order; each trainee's score and every code cell's outputs and number."""
    api = nbgrader_api(course, extra=extra)
    graded = {}
    for trainee in SUBMISSIONS:
        result = api.autograde(MODULE, trainee, force=True)
        assert result["success"], f"{trainee}: {result.get('error')}"
        notebook = json.loads((course / "autograded" / trainee / MODULE / f"{MODULE}.ipynb").read_text(encoding="utf-8"))
        cells = [(cell["execution_count"], _as_read(cell["outputs"]))
                 for cell in notebook["cells"] if cell["cell_type"] == "code"]
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="ritorno") as gradebook:
            graded[trainee] = (gradebook.find_submission(MODULE, trainee).score, cells)
    return graded


@pytest.fixture(scope="module")
def fresh_and_warm(course: Path, submit) -> tuple[dict, dict, int]:
    for trainee, answers in SUBMISSIONS.items():
        submit(trainee, answers)
    fresh = _grade_all(course, None)
    worker_kernel.cache_clear()
    try:
        warm = _grade_all(course, warm_kernel_config(Config()))
        starts = worker_kernel().starts
    finally:
        worker_kernel().retire()
        worker_kernel.cache_clear()
    return fresh, warm, starts


def test_fresh_kernels_give_the_expected_scores(fresh_and_warm) -> None:
    fresh, _warm, _starts = fresh_and_warm
    assert {trainee: score for trainee, (score, _cells) in fresh.items()} == EXPECTED_SCORES


def test_a_warm_kernel_gives_the_same_scores(fresh_and_warm) -> None:
    _fresh, warm, starts = fresh_and_warm
    assert {trainee: score for trainee, (score, _cells) in warm.items()} == EXPECTED_SCORES
    assert starts == 1, "all four trainees were graded on one kernel"


@pytest.mark.parametrize("trainee", list(SUBMISSIONS))
def test_a_warm_kernel_gives_the_same_outputs(fresh_and_warm, trainee: str) -> None:
    """Feedback printed by every test cell, and cell numbers, as with a fresh kernel."""
    fresh, warm, _starts = fresh_and_warm
    assert warm[trainee][1] == fresh[trainee][1]
