"""Trainee codes typed at the kiosk: they name a folder, so only safe ones pass."""
from __future__ import annotations

from pathlib import Path

from ..i18n import N_
from ..trainer import TRAINEE_ID, read_trainees

__all__ = ["TraineeCodeRefused", "check_trainee_code", "read_roster"]


class TraineeCodeRefused(ValueError):
    """A code that cannot be used; ``message`` is an untranslated sentence for the visitor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_trainee_code(code: str, roster: frozenset[str] | None = None) -> str:
    """Return the code, trimmed, if it can name the trainee's folder (and is on the roster, if any).

    >>> check_trainee_code("  amina-07 ")
    'amina-07'
    >>> check_trainee_code("../etc")
    Traceback (most recent call last):
    ...
    ritorno.kiosk._codes.TraineeCodeRefused: A code has only letters, digits, - and _ (like amina-07).
    """
    code = (code or "").strip()
    if not code:
        raise TraineeCodeRefused(N_("Please type the code your trainer gave you."))
    if not TRAINEE_ID.fullmatch(code):
        raise TraineeCodeRefused(N_("A code has only letters, digits, - and _ (like amina-07)."))
    if roster is not None and code not in roster:
        raise TraineeCodeRefused(N_("This code is not on the list of this training centre. Check it with your trainer."))
    return code


def read_roster(path: Path) -> frozenset[str]:
    """Trainee ids of a cohort CSV (the file given to ``ritorno trainer add-trainees``).

    Raises ``BadTraineeFile`` with every problem of the file, as ``add-trainees`` does.
    """
    return frozenset(trainee.id for trainee in read_trainees(Path(path)))
