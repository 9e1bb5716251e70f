"""Module 10: write the plan's own words, check it, and save it as a PDF or an HTML page.

``plan_builder()`` is the lesson's widget. Its model, :class:`PlanBuilderModel`, reads the
work kept in modules 1-10, keeps the narrative as record ``m10_narrative`` and writes
``business_plan.pdf`` / ``business_plan.html`` beside the notebook; the same file is offered
as a download link, which works in Voila too.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import course_language, unless_grading
from ._lazy import lazy_exports
from ._session import current_session, notebook_store

if TYPE_CHECKING:
    from ._plan_builder_view import PlanBuilder

__all__ = ["PlanBuilder", "PlanBuilderModel", "NarrativeModel", "plan_builder"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "PlanBuilder": "._plan_builder_view",
    "PlanBuilderModel": "._plan_builder_model",
    "NarrativeModel": "._plan_builder_model",
    "check_html": "._plan_builder_view",
    "download_html": "._plan_builder_view",
})


@unless_grading
def plan_builder(language: str | None = None, keep_work: bool = True) -> PlanBuilder:
    """Module 10's plan builder over the work kept beside the lessons (nothing while nbgrader grades)."""
    from ._plan_builder_model import PlanBuilderModel
    from ._plan_builder_view import PlanBuilder

    model = PlanBuilderModel(notebook_store(), language or course_language(), keep_work=keep_work,
                             download_only=current_session().at_kiosk)
    return PlanBuilder(model)
