"""Run nbgrader's Python API on a course folder with the course's settings."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from .nbgrader_settings import apply

__all__ = ["nbgrader_api", "course_config"]


def course_config(root: Path, db_url: str | None = None) -> Config:
    """nbgrader configuration for the course folder ``root``."""
    config = apply(Config())
    config.CourseDirectory.root = str(Path(root).resolve())
    if db_url:
        config.CourseDirectory.db_url = db_url
    return config


def nbgrader_api(root: Path, db_url: str | None = None, extra: Config | None = None) -> NbGraderAPI:
    """An ``NbGraderAPI`` for ``root``; its results are dicts with ``success`` to check.

    ``extra`` settings go over the course's (the trainer's grading workers swap the execute step).
    """
    # nbgrader runs `alembic` as a program to set up the gradebook: it must be on PATH
    scripts = os.path.dirname(sys.executable)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")
    config = course_config(root, db_url)
    if extra is not None:
        config.merge(extra)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
