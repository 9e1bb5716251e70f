"""Module 2: screen up to three business ideas on weighted criteria, then a SWOT of the chosen one.

Thin views over :class:`IdeaScreeningModel` and :class:`SwotModel`; :func:`idea_screening`
and :func:`swot_analysis` are what lesson cells call.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import course_language, unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._idea_screening_view import IdeaScreening, SwotForm

__all__ = ["IdeaScreeningModel", "SwotModel", "IdeaChart", "IdeaScreening", "SwotForm", "idea_screening",
           "swot_analysis", "chosen_idea"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "IdeaScreeningModel": "._idea_screening_model",
    "SwotModel": "._idea_screening_model",
    "IdeaChart": "._idea_screening_view",
    "IdeaScreening": "._idea_screening_view",
    "SwotForm": "._idea_screening_view",
    "chosen_idea": "._idea_screening_view",
})


@unless_grading
def idea_screening(country: str | None = None, language: str | None = None, keep_work: bool = True) -> IdeaScreening:
    """An :class:`IdeaScreening` for a lesson cell (nothing while nbgrader grades).

    ``country`` None uses the trainee's profile (module 1) for the example ideas. With
    ``keep_work`` the ideas, weights and scores are saved beside the notebook as ``m02_ideas``.
    """
    from ._idea_screening_view import IdeaScreening

    store = notebook_store() if keep_work else None
    return IdeaScreening(country if country is not None else profile_country(store), language, store)


@unless_grading
def swot_analysis(country: str | None = None, language: str | None = None, keep_work: bool = True) -> SwotForm:
    """A :class:`SwotForm` for a lesson cell, starting from the best idea of the screening.

    With ``keep_work`` the SWOT is saved beside the notebook as ``m02_swot``.
    """
    from ._idea_screening_view import SwotForm, chosen_idea

    store = notebook_store() if keep_work else None
    language = language or course_language()
    idea = chosen_idea(store, country if country is not None else profile_country(store), language)
    return SwotForm(idea, language, store)
