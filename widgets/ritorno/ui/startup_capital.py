"""Module 5, Start-up capital and funding: what you need to open, and who pays for it.

``startup_capital_planner()`` is the lesson's widget. Its model, :class:`StartupCapitalModel`,
keeps the typed figures as record ``m05_capital``: ``country``; for n = 1 to 4
``equipment_n_name``, ``equipment_n``, ``pre_opening_n_name``, ``pre_opening_n``;
``running_costs``, ``months``; ``iom_in_kind``, ``savings``, ``family``, ``loan`` (all as typed).
Later modules read it with :func:`saved_startup_capital`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._startup_capital_view import StartupCapitalPlanner

__all__ = ["StartupCapitalModel", "CapitalPlan", "saved_startup_capital", "FundingChart", "StartupCapitalPlanner",
           "startup_capital_planner"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "StartupCapitalModel": "._startup_capital_model",
    "CapitalPlan": "._startup_capital_model",
    "saved_startup_capital": "._startup_capital_model",
    "FundingChart": "._startup_capital_view",
    "StartupCapitalPlanner": "._startup_capital_view",
    "USES": "._startup_capital_view",
})


@unless_grading
def startup_capital_planner(country: str | None = None, language: str | None = None,
                            keep_work: bool = True) -> StartupCapitalPlanner:
    """A :class:`StartupCapitalPlanner` for a lesson cell (nothing while nbgrader grades).

    ``country`` defaults to the one in the trainee's profile (module 1). With ``keep_work``,
    the plan is saved beside the notebook as record ``m05_capital``; module 7 starts from it.
    """
    from ._startup_capital_view import StartupCapitalPlanner

    store = notebook_store() if keep_work else None
    return StartupCapitalPlanner(country or profile_country(store), language, store)
