"""Widgets of the course: thin ipywidgets views over models that call :mod:`ritorno.finance`."""
from ._boxes import BoundBox, choice_dropdown, country_dropdown, heading
from ._env import course_language, grading_mode, unless_grading
from ._exercise_form import ExerciseForm, exercise_form
from ._exercise_model import ExerciseFormModel
from ._loan_model import LoanModel
from ._persist import PersistentModel
from ._profile import DEFAULT_COUNTRY, PROFILE_RECORD, profile_country
from ._loan_views import (LoanCalculator, LoanComparison, LoanForm, LoanSummary, ScheduleTable, loan_calculator,
                          loan_comparison)
from ._self_check import SelfCheck, self_checks
from ._session import SESSION_HEADER, NotebookSession, current_session, notebook_store
from ._tables import facts_table, figures_table, loan_terms_table

__all__ = [
    "BoundBox", "choice_dropdown", "country_dropdown", "heading",
    "PersistentModel", "DEFAULT_COUNTRY", "PROFILE_RECORD", "profile_country",
    "course_language", "grading_mode", "unless_grading", "loan_calculator", "loan_comparison",
    "ExerciseForm", "ExerciseFormModel", "exercise_form",
    "LoanModel", "LoanCalculator", "LoanComparison", "LoanForm", "LoanSummary", "ScheduleTable",
    "SelfCheck", "self_checks",
    "SESSION_HEADER", "NotebookSession", "current_session", "notebook_store",
    "facts_table", "figures_table", "loan_terms_table",
]
