"""Collect trainees' saved answers into the cohort, from folders or zip files, safely.

Only ``<trainee>/<module>/answers/<exercise>.json`` files are taken (a trainee's lesson
work, ``<trainee>/course/...`` as the kiosk keeps it, is skipped: it is not graded); the notebook
a trainee used carries nothing graded (answers are typed in widgets), so each
submission gets a fresh copy of the release notebook. Nothing is ever written
outside the cohort, and every file not taken is reported with the reason.
"""
from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from ..answers import MAX_ANSWER_BYTES, AnswerStatus, AnswerStore, check_exercise_id
from ..curriculum import LESSONS_FOLDER, all_exercises
from ..grading.submission import restore_release_notebooks
from ._cohort import TRAINEE_ID, Cohort
from ._errors import TrainerError
from ._trainees import known_trainees

__all__ = ["CollectReport", "collect"]

_MAX_MEMBERS = 10_000  # a zip of a whole cohort holds a few hundred files


@dataclass
class CollectReport:
    """What `collect` took and what it refused."""

    collected: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)

    def reject(self, where: str, reason: str) -> None:
        self.rejected.append(f"rejected: {where}: {reason}")


def _exercise_modules() -> dict[str, int]:
    return {exercise.exercise_id: exercise.module for exercise in all_exercises()}


def _candidates_in_folder(source: Path, report: CollectReport) -> Iterator[tuple[PurePosixPath, callable]]:
    for path in sorted(source.rglob("*")):
        relative = PurePosixPath(path.relative_to(source).as_posix())
        if path.is_symlink():
            report.reject(str(relative), "symbolic links are not followed")
        elif path.is_file() and path.suffix == ".zip":
            yield from _candidates_in_zip(path, report)
        elif path.is_file():
            size = path.stat().st_size
            yield relative, (lambda path=path, size=size: (size, path.read_bytes))


def _candidates_in_zip(archive: Path, report: CollectReport) -> Iterator[tuple[PurePosixPath, callable]]:
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = bundle.infolist()
            if len(members) > _MAX_MEMBERS:
                report.reject(archive.name, f"holds {len(members)} files, more than {_MAX_MEMBERS}")
                return
            for member in members:
                if member.is_dir():
                    continue
                name = PurePosixPath(member.filename.replace("\\", "/"))
                if name.is_absolute() or ".." in name.parts:
                    report.reject(f"{archive.name}:{member.filename}", "unsafe path, outside the module folder")
                    continue
                yield name, (lambda member=member, bundle=bundle: (member.file_size, lambda: bundle.read(member)))
    except (zipfile.BadZipFile, OSError, RuntimeError) as problem:
        report.reject(archive.name, f"not a readable zip file ({problem})")


def collect(cohort: Cohort, source: Path) -> CollectReport:
    """Take every trainee's answers under ``source`` into ``submitted/``; report what was refused."""
    source = Path(source)
    if not source.exists():
        raise TrainerError(f"{source} does not exist.")
    trainees, modules, owners = known_trainees(cohort), set(cohort.modules), _exercise_modules()
    module_numbers = {name: int(name.split("_", 1)[0]) for name in modules}
    report = CollectReport()
    candidates = _candidates_in_zip(source, report) if source.is_file() else _candidates_in_folder(source, report)
    staged: dict[tuple[str, str], dict[str, bytes]] = {}
    for relative, opener in candidates:
        parts = relative.parts
        where = relative.as_posix()
        if len(parts) < 4 or parts[-2] != "answers" or not parts[-1].endswith(".json"):
            if relative.suffix != ".ipynb":  # notebooks are replaced by the release anyway
                report.reject(where, "not an answer file (expected <trainee>/<module>/answers/<exercise>.json)")
            continue
        trainee, module, exercise = parts[-4], parts[-3], parts[-1][:-5]
        if module == LESSONS_FOLDER:
            continue
        if not TRAINEE_ID.fullmatch(trainee) or trainee not in trainees:
            report.reject(where, f"unknown trainee {trainee!r}: add them with `ritorno trainer add-trainees`")
            continue
        if module not in modules:
            report.reject(where, f"unknown module {module!r}")
            continue
        try:
            check_exercise_id(exercise)
        except ValueError:
            report.reject(where, "not an exercise's answer file name")
            continue
        if owners.get(exercise) != module_numbers[module]:
            report.reject(where, f"there is no exercise {exercise!r} in {module}")
            continue
        size, read = opener()
        if size > MAX_ANSWER_BYTES:
            report.reject(where, f"{size:,} bytes, more than an answer can hold ({MAX_ANSWER_BYTES:,})")
            continue
        staged.setdefault((trainee, module), {})[exercise] = read()
    for (trainee, module), answers in sorted(staged.items()):
        _write_submission(cohort, trainee, module, answers, report)
    return report


def _write_submission(cohort: Cohort, trainee: str, module: str, answers: dict[str, bytes],
                      report: CollectReport) -> None:
    folder = cohort.submission_dir(trainee, module)
    scratch = folder.with_name(f".{module}.collecting")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    store = AnswerStore(scratch / "answers")
    kept = []
    for exercise, content in sorted(answers.items()):
        store.path_for(exercise).parent.mkdir(parents=True, exist_ok=True)
        store.path_for(exercise).write_bytes(content)
        exercise_schema = next(item for item in all_exercises() if item.exercise_id == exercise).schema
        loaded = store.load(exercise, exercise_schema)
        if loaded.status is AnswerStatus.CORRUPT:
            store.path_for(exercise).unlink()
            report.reject(f"{trainee}/{module}/answers/{exercise}.json", loaded.problem or "unreadable")
        else:
            kept.append(exercise)
    restore_release_notebooks(scratch, cohort.release_dir(module))
    (scratch / "timestamp.txt").write_text(datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f %Z"))
    # replace the previous submission only once the new one is complete
    if folder.exists():
        shutil.rmtree(folder)
    scratch.rename(folder)
    report.collected[(trainee, module)] = kept
