"""The loan calculator and the offer comparison as lesson and exercise cells build them.

Nothing is built while nbgrader grades, and the views (:mod:`._loan_views`) are imported
only when a widget is.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import unless_grading
from ._session import notebook_store

if TYPE_CHECKING:
    from ._loan_views import LoanCalculator, LoanComparison

__all__ = ["loan_calculator", "loan_comparison"]


@unless_grading
def loan_calculator(country: str = "SN", language: str | None = None, keep_work: bool = False) -> LoanCalculator:
    """A :class:`LoanCalculator` for a lesson or exercise cell (nothing while nbgrader grades).

    With ``keep_work``, the terms are saved beside the notebook as the trainee's chosen loan
    and come back next time; later modules read them.
    """
    from ._loan_views import LoanCalculator

    return LoanCalculator(country, language, notebook_store() if keep_work else None)


@unless_grading
def loan_comparison(country: str = "SN", language: str | None = None) -> LoanComparison:
    """A :class:`LoanComparison` for a lesson or exercise cell (nothing while nbgrader grades)."""
    from ._loan_views import LoanComparison

    return LoanComparison(country, language)
