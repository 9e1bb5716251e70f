"""The course's structure: the modules and, per module, its exercises and self-checks."""
from . import m01, m02, m03, m04, m05, m06, m07, m08, m09, m10
from ._catalog import LESSONS_FOLDER, MODULES, ModuleInfo, module_by_number
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["LESSONS_FOLDER", "MODULES", "ModuleInfo", "module_by_number", "Exercise", "ExerciseField", "SelfCheckQuestion",
           "exercise_by_id", "all_exercises",
           "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10"]

_EXERCISES: dict[str, Exercise] = {
    exercise_id: exercise
    for module in (m01, m02, m03, m04, m05, m06, m07, m08, m09, m10)
    for exercise_id, exercise in getattr(module, "EXERCISES", {}).items()
}


def exercise_by_id(exercise_id: str) -> Exercise:
    """The exercise with this id, e.g. ``"m09_afford"``."""
    try:
        return _EXERCISES[exercise_id]
    except KeyError:
        raise ValueError(f"There is no exercise called {exercise_id!r}.") from None


def all_exercises() -> tuple[Exercise, ...]:
    """Every graded exercise of the course, in module order."""
    return tuple(sorted(_EXERCISES.values(), key=lambda exercise: (exercise.module, exercise.exercise_id)))
