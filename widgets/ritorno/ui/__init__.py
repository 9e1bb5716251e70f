"""Widgets of the course: thin ipywidgets views over models that call :mod:`ritorno.finance`.

Notebook cells call the factories (``exercise_form``, ``loan_calculator``, the tables,
``self_checks``), which build nothing while nbgrader grades. Views and models are imported
on first use, so a grading kernel never loads ipywidgets or matplotlib.
"""
from ._env import course_language, grading_mode, unless_grading
from ._exercise_form import exercise_form
from ._lazy import lazy_exports
from ._loan_calculator import loan_calculator, loan_comparison
from ._self_check import self_checks
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

__getattr__, __dir__ = lazy_exports(__name__, {
    "BoundBox": "._boxes", "choice_dropdown": "._boxes", "country_dropdown": "._boxes", "heading": "._boxes",
    "PersistentModel": "._persist",
    "DEFAULT_COUNTRY": "._profile", "PROFILE_RECORD": "._profile", "profile_country": "._profile",
    "ExerciseForm": "._exercise_form_view", "ExerciseFormModel": "._exercise_model",
    "LoanModel": "._loan_model",
    "LoanCalculator": "._loan_views", "LoanComparison": "._loan_views", "LoanForm": "._loan_views",
    "LoanSummary": "._loan_views", "ScheduleTable": "._loan_views",
    "SelfCheck": "._self_check_view",
})
