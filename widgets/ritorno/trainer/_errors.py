"""What can go wrong in a trainer's command, each with a message that says what to do."""
from __future__ import annotations

__all__ = ["TrainerError", "NotACohort", "BadTraineeFile", "UnknownModule"]


class TrainerError(Exception):
    """A trainer command could not do its job; the message says why in one line."""


class NotACohort(TrainerError, FileNotFoundError):
    """The folder is not a cohort made by `ritorno trainer init`."""


class BadTraineeFile(TrainerError, ValueError):
    """The trainees' CSV file cannot be used."""


class UnknownModule(TrainerError, ValueError):
    """A module name that is not one of the course's assignments."""
