"""The trainee's workspace: a copy of the lessons and exercises where answers are saved.

Voila serves the workspace, never the repository, so solutions/ is out of reach
and trainees' answers never mix with the committed release notebooks.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import ritorno

__all__ = ["course_root", "prepare_workspace", "CourseNotFound"]


class CourseNotFound(FileNotFoundError):
    """The course's notebooks (course/ and exercises/) cannot be found."""


def course_root() -> Path:
    """Folder holding course/ and exercises/: ``$RITORNO_COURSE_ROOT``, else the checkout ritorno runs from."""
    configured = os.environ.get("RITORNO_COURSE_ROOT")
    root = Path(configured) if configured else Path(ritorno.__file__).resolve().parents[2]
    if not (root / "course").is_dir():
        raise CourseNotFound(f"No course/ folder in {root}: set RITORNO_COURSE_ROOT to the Ritorno checkout.")
    return root


def prepare_workspace(workspace: Path, source: Path | None = None) -> Path:
    """Copy the current lesson and exercise notebooks into ``workspace``; keep every saved answer.

    Notebooks are refreshed on every start (they are read-only apps); anything
    else in the workspace, above all ``answers/`` folders, is left untouched.
    """
    source = source or course_root()
    workspace = Path(workspace).resolve()
    for notebook in sorted(source.glob("course/*.ipynb")) + sorted(source.glob("exercises/*/*.ipynb")):
        target = workspace / notebook.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(notebook, target)
    return workspace
