"""Scores out of the gradebook: the summary table, feedback files and the CSV export."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from ._cohort import Cohort
from ._errors import TrainerError

__all__ = ["Score", "scores", "export_csv", "generate_feedback"]


@dataclass(frozen=True)
class Score:
    trainee: str
    module: str
    score: float | None  # None: nothing graded yet
    max_score: float


def scores(cohort: Cohort) -> list[Score]:
    """One row per trainee and module, graded or not."""
    rows = []
    with Gradebook(cohort.db_url, course_id="ritorno") as gradebook:
        for trainee in sorted(student.id for student in gradebook.students):
            for assignment in sorted(gradebook.assignments, key=lambda item: item.name):
                try:
                    submission = gradebook.find_submission(assignment.name, trainee)
                    rows.append(Score(trainee, assignment.name, submission.score, submission.max_score))
                except MissingEntry:
                    rows.append(Score(trainee, assignment.name, None, assignment.max_score))
    return rows


def export_csv(cohort: Cohort, path: Path) -> int:
    """Write trainee,module,score,max_score rows; return how many."""
    rows = scores(cohort)
    try:
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["trainee", "module", "score", "max_score"])
            for row in rows:
                writer.writerow([row.trainee, row.module, "" if row.score is None else f"{row.score:g}", f"{row.max_score:g}"])
    except OSError as problem:
        raise TrainerError(f"Cannot write {path}: {problem.strerror}") from None
    return len(rows)


def generate_feedback(cohort: Cohort) -> list[Path]:
    """HTML feedback for every graded submission; return the files written."""
    api, written = cohort.api(), []
    for folder in sorted((cohort.root / "autograded").glob("*/*")):
        trainee, module = folder.parent.name, folder.name
        result = api.generate_feedback(module, trainee, force=True)
        if not result["success"]:
            raise TrainerError(f"Feedback for {trainee}/{module} failed: {result['error'].strip().splitlines()[-1]}")
        written += sorted((cohort.root / "feedback" / trainee / module).glob("*.html"))
    return written
