"""Make a trainee's submission safe to grade.

Trainees answer in widgets, and their answers live in ``answers/*.json``; the
notebook itself carries nothing of theirs that is graded. So a submitted
notebook is replaced with the release version before grading: deleted,
duplicated or edited cells, pasted endless loops and broken JSON then cannot
change a grade or stop a batch.
"""
from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["restore_release_notebooks"]


def restore_release_notebooks(submission: Path, release: Path) -> list[str]:
    """Copy every release notebook of an assignment over the submitted one; return the names replaced.

    Only ``*.ipynb`` files at the top of the assignment folder are touched;
    ``answers/`` and anything else the trainee submitted stay as they are.
    """
    replaced = []
    for notebook in sorted(Path(release).glob("*.ipynb")):
        shutil.copyfile(notebook, Path(submission) / notebook.name)
        replaced.append(notebook.name)
    return replaced
