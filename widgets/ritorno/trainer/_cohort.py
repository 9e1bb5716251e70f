"""A cohort: one course folder per group of trainees, with its gradebook and nbgrader settings."""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

from ..grading.nbgrader_runtime import nbgrader_api
from ._errors import NotACohort, TrainerError, UnknownModule

__all__ = ["Cohort", "init_cohort", "TRAINEE_ID"]

MARKER = "ritorno-cohort.json"
TRAINEE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")  # ids become folder names: no dots, no slashes

_CONFIG = '''"""nbgrader settings of this Ritorno cohort (written by `ritorno trainer init`)."""
from ritorno.grading.nbgrader_settings import apply

c = get_config()  # noqa: F821 - injected by traitlets
apply(c)
c.CourseDirectory.db_url = {db_url!r}
'''


@dataclass(frozen=True)
class Cohort:
    """A cohort folder: ``solutions/`` (sources), ``exercises/`` (releases), ``submitted/``,
    ``autograded/``, ``feedback/`` and the gradebook, laid out as nbgrader expects."""

    root: Path
    db_url: str

    @classmethod
    def open(cls, root: Path) -> "Cohort":
        """The cohort in ``root``; :class:`NotACohort` if `ritorno trainer init` did not make it."""
        marker = Path(root) / MARKER
        try:
            settings = json.loads(marker.read_text(encoding="utf-8"))
            return cls(Path(root).resolve(), settings["db_url"])
        except (OSError, ValueError, KeyError):
            raise NotACohort(f"{root} is not a cohort folder: create one with `ritorno trainer init {root}`.") from None

    def api(self, extra: Config | None = None):
        """nbgrader's API on this cohort (check each result's ``success``), with ``extra`` settings."""
        return nbgrader_api(self.root, self.db_url, extra)

    @property
    def modules(self) -> list[str]:
        """The source assignments, in module order."""
        return sorted(path.name for path in (self.root / "solutions").iterdir() if path.is_dir())

    def check_modules(self, names: list[str] | tuple[str, ...]) -> list[str]:
        """``names`` if all are modules of the course (all modules when empty)."""
        unknown = sorted(set(names) - set(self.modules))
        if unknown:
            raise UnknownModule(f"Unknown module {', '.join(unknown)}: choose among {', '.join(self.modules)}.")
        return list(names) or self.modules

    def submission_dir(self, trainee: str, module: str) -> Path:
        return self.root / "submitted" / trainee / module

    def autograded_dir(self, trainee: str, module: str) -> Path:
        return self.root / "autograded" / trainee / module

    def release_dir(self, module: str) -> Path:
        return self.root / "exercises" / module


def init_cohort(root: Path, course_root: Path, db_url: str | None = None) -> Cohort:
    """Create a cohort in ``root`` from the course's ``solutions/``, and its gradebook with every module.

    ``db_url`` is an SQLAlchemy URL (``postgresql://...``); by default an SQLite
    gradebook in the folder, which waits for a busy writer rather than failing
    when grading runs in parallel.
    """
    root = Path(root).resolve()
    if (root / MARKER).exists():
        raise TrainerError(f"{root} is already a cohort: nothing was changed.")
    if root.exists() and any(root.iterdir()):
        raise TrainerError(f"{root} is not empty: choose a new folder for the cohort.")
    sources = Path(course_root) / "solutions"
    if not sources.is_dir():
        raise TrainerError(f"No solutions/ folder in {course_root}: cannot find the course's assignments.")
    url = db_url or f"sqlite:///{root / 'gradebook.db'}?timeout=60"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(sources, root / "solutions", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "answers"))
    (root / "nbgrader_config.py").write_text(_CONFIG.format(db_url=url), encoding="utf-8")
    cohort = Cohort(root, url)
    api = cohort.api()
    for module in cohort.modules:
        result = api.generate_assignment(module, force=True, create=True)
        if not result["success"]:
            raise TrainerError(f"nbgrader could not prepare {module}: {result['error'].strip().splitlines()[-1]}")
    (root / MARKER).write_text(json.dumps({"db_url": url, "version": 1}, indent=2), encoding="utf-8")
    return cohort
