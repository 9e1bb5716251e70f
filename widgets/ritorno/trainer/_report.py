"""A cohort report for the trainer: score distribution, hardest exercises, who is behind."""
from __future__ import annotations

import base64
from collections import defaultdict
from datetime import date
from html import escape
from pathlib import Path

from matplotlib.figure import Figure
from nbgrader.api import Gradebook

from ..ui._charts import figure_png
from ._cohort import Cohort
from ._errors import TrainerError
from ._results import scores

__all__ = ["exercise_averages", "write_report"]

BEHIND_BELOW = 0.5  # share of the points: under half, or nothing graded, counts as behind


def exercise_averages(cohort: Cohort) -> list[tuple[str, str, float]]:
    """(module, graded cell, average share of its points) over all submissions, hardest first."""
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    with Gradebook(cohort.db_url, course_id="ritorno") as gradebook:
        for assignment in gradebook.assignments:
            for submission in assignment.submissions:
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.max_score:
                            totals[(assignment.name, grade.name)].append((grade.score or 0) / grade.max_score)
    averages = [(module, cell, sum(shares) / len(shares)) for (module, cell), shares in totals.items()]
    return sorted(averages, key=lambda row: (row[2], row[0], row[1]))


def _img(figure: Figure) -> str:
    return f"<img alt='' src='data:image/png;base64,{base64.b64encode(figure_png(figure)).decode()}'>"


def write_report(cohort: Cohort, out: Path) -> Path:
    """Write a self-contained HTML report (charts inline) to ``out``."""
    rows = scores(cohort)
    by_module: dict[str, list[float]] = defaultdict(list)
    behind: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.score is not None:
            by_module[row.module].append(row.score / row.max_score if row.max_score else 0.0)
        if row.score is None or (row.max_score and row.score / row.max_score < BEHIND_BELOW):
            behind[row.trainee].append(row.module)

    distribution = Figure(figsize=(7, 3), layout="constrained")
    axes = distribution.add_subplot()
    modules = sorted(by_module)
    if modules:
        axes.boxplot([by_module[name] for name in modules], tick_labels=[name[:2] for name in modules])
    axes.set_ylim(-0.05, 1.05)
    axes.set_ylabel("share of points")
    axes.set_xlabel("module")
    axes.set_title("Scores per module")

    hardest = exercise_averages(cohort)[:10]
    difficulty = Figure(figsize=(7, 3), layout="constrained")
    bars = difficulty.add_subplot()
    bars.barh([f"{module[:2]} {cell}" for module, cell, _ in hardest], [share for *_, share in hardest], color="#e59866")
    bars.set_xlim(0, 1)
    bars.invert_yaxis()
    bars.set_title("Hardest exercises (average share of points)")

    behind_rows = "".join(f"<tr><td>{escape(trainee)}</td><td>{escape(', '.join(sorted(missing)))}</td></tr>"
                          for trainee, missing in sorted(behind.items()))
    html = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ritorno cohort report</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2em}td,th{padding:.2em .8em;text-align:left}</style>"
            f"</head><body><h1>Cohort report</h1><p>{escape(str(cohort.root))}, {date.today().isoformat()}: "
            f"{len({row.trainee for row in rows})} trainees, {len(cohort.modules)} modules.</p>"
            f"<h2>Scores per module</h2>{_img(distribution)}<h2>Hardest exercises</h2>{_img(difficulty)}"
            f"<h2>Who is behind</h2><p>Below half of the points, or nothing graded yet.</p>"
            f"<table><tr><th>trainee</th><th>modules</th></tr>{behind_rows}</table></body></html>")
    try:
        Path(out).write_text(html, encoding="utf-8")
    except OSError as problem:
        raise TrainerError(f"Cannot write {out}: {problem.strerror}") from None
    return Path(out)
