"""Trainees of a cohort, read from a CSV file."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook

from ._cohort import TRAINEE_ID, Cohort
from ._errors import BadTraineeFile

__all__ = ["Trainee", "read_trainees", "add_trainees", "known_trainees"]

COLUMNS = ("id", "first_name", "last_name", "email")


@dataclass(frozen=True)
class Trainee:
    id: str
    first_name: str
    last_name: str
    email: str


def read_trainees(path: Path) -> list[Trainee]:
    """Trainees of a CSV file with columns id,first_name,last_name,email; every problem is reported at once.

    Ids become folder names, so only letters, digits, ``-`` and ``_`` are allowed.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as problem:
        raise BadTraineeFile(f"Cannot read {path}: {problem}") from None
    if [name.strip() for name in header] != list(COLUMNS):
        raise BadTraineeFile(f"{path} must start with the line: {','.join(COLUMNS)}")
    trainees, problems, seen = [], [], set()
    for line, row in enumerate(rows, start=2):
        trainee_id = (row.get("id") or "").strip()
        if not TRAINEE_ID.fullmatch(trainee_id):
            problems.append(f"line {line}: id {trainee_id!r} is not allowed (letters, digits, - and _ only, "
                            "at most 64, starting with a letter or digit)")
        elif trainee_id in seen:
            problems.append(f"line {line}: id {trainee_id!r} appears twice")
        email = (row.get("email") or "").strip()
        if email and "@" not in email:
            problems.append(f"line {line}: email {email!r} is not an address")
        seen.add(trainee_id)
        trainees.append(Trainee(trainee_id, (row.get("first_name") or "").strip(),
                                (row.get("last_name") or "").strip(), email))
    if problems:
        raise BadTraineeFile(f"{path}: nothing was added. " + "; ".join(problems))
    if not trainees:
        raise BadTraineeFile(f"{path} lists no trainee.")
    return trainees


def add_trainees(cohort: Cohort, path: Path) -> list[Trainee]:
    """Add (or update) the trainees of a CSV file to the cohort's gradebook."""
    trainees = read_trainees(path)
    with Gradebook(cohort.db_url, course_id="ritorno") as gradebook:
        for trainee in trainees:
            gradebook.update_or_create_student(trainee.id, first_name=trainee.first_name,
                                               last_name=trainee.last_name, email=trainee.email or None)
    return trainees


def known_trainees(cohort: Cohort) -> set[str]:
    """Ids of the trainees in the gradebook."""
    with Gradebook(cohort.db_url, course_id="ritorno") as gradebook:
        return {student.id for student in gradebook.students}
