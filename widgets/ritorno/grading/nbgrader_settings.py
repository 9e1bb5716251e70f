"""nbgrader settings for a Ritorno course, shared by the repository and trainers' cohort folders."""
from __future__ import annotations

from traitlets.config import Config

from ..curriculum import MODULES, all_exercises

__all__ = ["apply", "EXECUTION_TIMEOUT"]

EXECUTION_TIMEOUT = 60  # seconds per cell: a pasted endless loop is cut off, graded 0, and the batch goes on


def apply(config: Config) -> Config:
    """Fill ``config`` with the course's nbgrader settings and return it."""
    config.CourseDirectory.course_id = "ritorno"
    config.CourseDirectory.source_directory = "solutions"
    config.CourseDirectory.release_directory = "exercises"
    # the answers/ folder of a trainee must never be overwritten by files of the source
    config.Autograde.exclude_overwriting = {
        module.name: [f"answers/{exercise.exercise_id}.json" for exercise in all_exercises() if exercise.module == module.number]
        for module in MODULES
    }
    # a solution region must not become `raise NotImplementedError()`: Voila would show an error.
    # Answers are typed into widgets, so the (empty) region above each form becomes this hint.
    config.ClearSolutions.code_stub = {"python": "# Fill in the boxes below and press Save my answers."}
    config.ClearSolutions.text_stub = "_Write your answer here._"
    # a trainee who deleted a locked test cell is still graded on the saved answers: nbgrader puts
    # the cell back after the cell before it, so every test cell follows its form (a solution cell)
    config.OverwriteCells.add_missing_cells = True
    # nbgrader scores any stderr in a test cell as 0: drop harmless warnings before grading
    config.IgnorePattern.enabled = True
    config.IgnorePattern.pattern = r"(DeprecationWarning|PendingDeprecationWarning|Matplotlib is building the font cache)"
    config.ExecutePreprocessor.timeout = EXECUTION_TIMEOUT
    config.Execute.timeout = EXECUTION_TIMEOUT
    config.Execute.interrupt_on_timeout = True
    return config
