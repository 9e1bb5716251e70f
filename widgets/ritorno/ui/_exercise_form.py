"""The graded exercise form as exercise cells build it: nothing while nbgrader grades."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..answers import AnswerStore
from ._env import course_language, grading_mode
from ._session import notebook_store

if TYPE_CHECKING:
    from ..curriculum import Exercise
    from ._exercise_form_view import ExerciseForm

__all__ = ["exercise_form"]


def exercise_form(exercise: Exercise, store: AnswerStore | None = None, language: str | None = None) -> ExerciseForm | None:
    """The form for ``exercise``, saving beside the notebook; nothing while nbgrader grades.

    The autograder never sees widgets: it reads the saved answer file instead, so the
    view (and ipywidgets) is imported only when a form is built.
    """
    if grading_mode():
        return None
    from ._exercise_form_view import ExerciseForm
    from ._exercise_model import ExerciseFormModel

    model = ExerciseFormModel(exercise, store or notebook_store(), language or course_language())
    return ExerciseForm(model)
