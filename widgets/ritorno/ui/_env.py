"""Where a widget runs: under nbgrader's autograder, and in which language."""
from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["grading_mode", "course_language", "unless_grading"]

P = ParamSpec("P")
R = TypeVar("R")


def grading_mode() -> bool:
    """True while nbgrader autogrades or validates: no widget or chart needs building then."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def course_language() -> str:
    """Language of widget text: the kiosk visitor's choice, else ``$RITORNO_LANGUAGE``, else English."""
    from ._session import current_session  # late: grading kernels never ask for a language

    return current_session().language


def unless_grading(factory: Callable[P, R]) -> Callable[P, R | None]:
    """Wrap a widget factory so that it builds nothing while nbgrader grades.

    The autograder reads saved answers only; building widgets and charts there
    would cost time for every trainee in a cohort.
    """

    @functools.wraps(factory)
    def build_unless_grading(*args: P.args, **kwargs: P.kwargs) -> R | None:
        return None if grading_mode() else factory(*args, **kwargs)

    return build_unless_grading
