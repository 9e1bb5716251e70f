"""The trainer's cohort workflow over nbgrader's API (the `ritorno trainer` commands)."""
from ._cohort import TRAINEE_ID, Cohort, init_cohort
from ._collect import CollectReport, collect
from ._errors import BadTraineeFile, NotACohort, TrainerError, UnknownModule
from ._grade import GradeOutcome, grade, pending_submissions
from ._report import exercise_averages, write_report
from ._results import Score, export_csv, generate_feedback, scores
from ._trainees import Trainee, add_trainees, read_trainees

__all__ = [
    "TRAINEE_ID", "Cohort", "init_cohort", "CollectReport", "collect", "GradeOutcome", "grade", "pending_submissions",
    "Score", "scores", "exercise_averages", "write_report", "export_csv", "generate_feedback", "Trainee", "add_trainees", "read_trainees",
    "TrainerError", "NotACohort", "BadTraineeFile", "UnknownModule",
]
