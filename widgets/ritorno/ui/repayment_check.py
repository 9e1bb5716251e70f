"""Module 10: can the business and the household carry the loan, also in a bad month?"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import course_language, unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._repayment_check_view import RepaymentCheck

__all__ = ["RepaymentModel", "RepaymentCheck", "repayment_check"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "RepaymentModel": "._repayment_model",
    "RepaymentCheck": "._repayment_check_view",
})


@unless_grading
def repayment_check(country: str | None = None, language: str | None = None, keep_work: bool = True) -> RepaymentCheck:
    """The repayment-capacity check of module 10 (nothing while nbgrader grades)."""
    from ._repayment_check_view import RepaymentCheck
    from ._repayment_model import RepaymentModel

    store = notebook_store() if keep_work else None
    model = RepaymentModel(store=store, country=country or profile_country(store),
                           language=language or course_language())
    return RepaymentCheck(model)
