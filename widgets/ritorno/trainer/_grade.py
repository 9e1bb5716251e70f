"""Autograde every collected submission not yet graded, several at a time."""
from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

from ..grading.submission import restore_release_notebooks
from ._cohort import Cohort
from ._warm_execute import warm_kernel_config

__all__ = ["GradeOutcome", "pending_submissions", "grade"]


@dataclass(frozen=True)
class GradeOutcome:
    trainee: str
    module: str
    ok: bool
    problem: str = ""


def _newest_mtime(folder: Path) -> float:
    return max((path.stat().st_mtime for path in folder.rglob("*") if path.is_file()), default=0.0)


def pending_submissions(cohort: Cohort) -> list[tuple[str, str]]:
    """(trainee, module) pairs collected since they were last graded, in a stable order."""
    pending = []
    for folder in sorted((cohort.root / "submitted").glob("*/*")):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        trainee, module = folder.parent.name, folder.name
        graded = cohort.autograded_dir(trainee, module)
        if not graded.exists() or _newest_mtime(graded) < _newest_mtime(folder):
            pending.append((trainee, module))
    return pending


@functools.cache
def _worker_api(root: str, db_url: str):
    # one nbgrader API per worker process, reused for every submission it grades, running
    # notebooks on the worker's warm kernel (see _warm_execute)
    return Cohort(Path(root), db_url).api(warm_kernel_config(Config()))


def _autograde(root: str, db_url: str, trainee: str, module: str, attempts: int = 2) -> GradeOutcome:
    # runs in a worker process: the worker's nbgrader API and warm kernel, nothing shared with other
    # workers but the gradebook. A second attempt absorbs what a busy machine causes (a kernel slow to
    # start) and runs on a new kernel if the first one failed; a submission that fails twice is
    # reported and the batch goes on.
    cohort = Cohort(Path(root), db_url)
    restore_release_notebooks(cohort.submission_dir(trainee, module), cohort.release_dir(module))
    outcome = GradeOutcome(trainee, module, False, "not graded")
    for _attempt in range(attempts):
        try:
            result = _worker_api(root, db_url).autograde(module, trainee, force=True, create=False)
        except Exception as problem:  # noqa: BLE001 - one submission must never stop the batch
            outcome = GradeOutcome(trainee, module, False, f"{type(problem).__name__}: {problem}")
            continue
        if result["success"]:
            return GradeOutcome(trainee, module, True)
        lines = [line for line in (result.get("error") or result.get("log") or "").splitlines() if line.strip()]
        outcome = GradeOutcome(trainee, module, False, lines[-1] if lines else "nbgrader failed")
    return outcome


def grade(cohort: Cohort, jobs: int = 2, progress: Callable[[GradeOutcome, int, int], None] | None = None
          ) -> list[GradeOutcome]:
    """Grade what is pending with ``jobs`` worker processes; report each outcome as it comes."""
    pending = pending_submissions(cohort)
    outcomes: list[GradeOutcome] = []
    if not pending:
        return outcomes
    # spawn: kernels and zmq sockets do not survive a fork
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_autograde, str(cohort.root), cohort.db_url, trainee, module)
                   for trainee, module in pending]
        for future in as_completed(futures):
            outcome = future.result()
            outcomes.append(outcome)
            if progress:
                progress(outcome, len(outcomes), len(pending))
    return sorted(outcomes, key=lambda outcome: (outcome.trainee, outcome.module))
