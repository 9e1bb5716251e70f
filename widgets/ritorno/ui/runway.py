"""Module 1: how long the savings a returnee brings home keep the household going.

A thin view over :class:`RunwayModel`; :func:`runway_calculator` is what lesson cells call.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._runway_view import RunwayCalculator

__all__ = ["RunwayModel", "RunwayChart", "RunwayCalculator", "runway_calculator"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "RunwayModel": "._runway_model",
    "RunwayChart": "._runway_view",
    "RunwayCalculator": "._runway_view",
    "months_shown": "._runway_view",
})


@unless_grading
def runway_calculator(country: str | None = None, language: str | None = None,
                      keep_work: bool = True) -> RunwayCalculator:
    """A :class:`RunwayCalculator` for a lesson cell (nothing while nbgrader grades).

    ``country`` None uses the trainee's profile (module 1). With ``keep_work`` the
    figures are saved beside the notebook as ``m01_runway`` and come back next time.
    """
    from ._runway_view import RunwayCalculator

    store = notebook_store() if keep_work else None
    return RunwayCalculator(country if country is not None else profile_country(store), language, store)
