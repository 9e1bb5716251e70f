"""Module 10: the plan so far, gathered from modules 1-9, with what is missing and what to fix."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import course_language, unless_grading
from ._lazy import lazy_exports
from ._session import notebook_store

if TYPE_CHECKING:
    from ._plan_overview_view import PlanOverview

__all__ = ["PlanOverview", "plan_overview"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "PlanOverview": "._plan_overview_view",
})


@unless_grading
def plan_overview(language: str | None = None) -> PlanOverview:
    """Module 10's overview of the work kept beside the lessons (nothing while nbgrader grades)."""
    from ._plan_overview_view import PlanOverview

    return PlanOverview(notebook_store(), language or course_language())
