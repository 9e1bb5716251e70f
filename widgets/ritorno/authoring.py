"""For course authors: generate the release notebooks in exercises/ from solutions/ with nbgrader."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .grading.nbgrader_runtime import nbgrader_api

__all__ = ["ReleaseFailed", "generate_exercises", "source_assignments"]


class ReleaseFailed(RuntimeError):
    """nbgrader could not turn a source assignment into its release version."""


def source_assignments(root: Path) -> list[str]:
    """Names of the source assignments in ``root/solutions``, in module order."""
    return sorted(path.name for path in (root / "solutions").iterdir() if path.is_dir() and not path.name.startswith("."))


def generate_exercises(root: Path, assignments: Sequence[str] | None = None, target: Path | None = None) -> list[Path]:
    """Run nbgrader's generate step on a scratch copy and put the release notebooks in ``target``.

    ``target`` defaults to ``root/exercises``. A scratch copy keeps nbgrader's
    gradebook out of the repository. Files other than the release notebooks in
    the target (a trainee's answers/) are left alone.
    """
    root = Path(root).resolve()
    target = Path(target or root / "exercises").resolve()
    names = list(assignments or source_assignments(root))
    written = []
    with tempfile.TemporaryDirectory(prefix="ritorno-release-") as scratch:
        shutil.copytree(root / "solutions", Path(scratch) / "solutions",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "answers"))
        api = nbgrader_api(Path(scratch))
        for name in names:
            result = api.generate_assignment(name, force=True, create=True)
            if not result["success"]:
                raise ReleaseFailed(f"nbgrader could not generate {name}: {result['error'].strip().splitlines()[-1]}")
            for notebook in sorted((Path(scratch) / "exercises" / name).glob("*.ipynb")):
                destination = target / name / notebook.name
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(notebook, destination)
                written.append(destination)
    return written
