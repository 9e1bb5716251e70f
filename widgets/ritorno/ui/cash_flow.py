"""Module 7's cash-flow planner: twelve months of money in and out, and the months that go below zero.

The model (:class:`~ritorno.ui._cash_flow_model.CashFlowModel`) keeps the typed boxes in
the answer store as record ``m07_cashflow``; this module holds the factory, :mod:`._cash_flow_view` the views.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..curriculum import m07
from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._cash_flow_view import CashFlowPlanner

__all__ = ["CashFlowModel", "CashFlowGrid", "CashFlowChart", "CashFlowPlanner", "cash_flow_planner"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "CashFlowModel": "._cash_flow_model",
    "CashFlowGrid": "._cash_flow_view",
    "CashFlowChart": "._cash_flow_view",
    "CashFlowPlanner": "._cash_flow_view",
    "NEGATIVE_COLOUR": "._cash_flow_view",
    "POSITIVE_COLOUR": "._cash_flow_view",
})


@unless_grading
def cash_flow_planner(country: str | None = None, language: str | None = None,
                      keep_work: bool = True) -> CashFlowPlanner:
    """A :class:`CashFlowPlanner` for a lesson cell (nothing while nbgrader grades).

    ``country`` defaults to the trainee's profile (module 1), else Tunisia, the lesson's
    country. With ``keep_work`` the plan is saved beside the notebook as ``m07_cashflow``
    and comes back next time; it starts from modules 5 and 9 when they were saved there.
    """
    from ._cash_flow_view import CashFlowPlanner

    store = notebook_store() if keep_work else None
    if country is None:
        country = profile_country(store, fallback=m07.COUNTRY)
    return CashFlowPlanner(country, language, store)
