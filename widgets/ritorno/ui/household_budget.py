"""Module 8's household budget: income, spending, what is left each month, and a savings goal.

The model (:class:`~ritorno.ui._household_model.HouseholdBudgetModel`) keeps the typed
boxes in the answer store as record ``m08_budget``; this module holds the factory,
:mod:`._household_budget_view` the views.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..curriculum import m08
from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._household_budget_view import HouseholdBudget

__all__ = ["HouseholdBudgetModel", "SpendingChart", "HouseholdBudget", "household_budget"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "HouseholdBudgetModel": "._household_model",
    "SpendingChart": "._household_budget_view",
    "HouseholdBudget": "._household_budget_view",
})


@unless_grading
def household_budget(country: str | None = None, language: str | None = None,
                     keep_work: bool = True) -> HouseholdBudget:
    """A :class:`HouseholdBudget` for a lesson cell (nothing while nbgrader grades).

    ``country`` defaults to the trainee's profile (module 1), else Peru, the lesson's
    country. With ``keep_work`` the budget is saved beside the notebook as ``m08_budget``.
    """
    from ._household_budget_view import HouseholdBudget

    store = notebook_store() if keep_work else None
    if country is None:
        country = profile_country(store, fallback=m08.COUNTRY)
    return HouseholdBudget(country, language, store)
