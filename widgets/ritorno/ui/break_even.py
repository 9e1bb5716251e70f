"""Module 6, Profit plan and break-even: how many units cover all costs, and how far sales may fall.

``break_even_chart()`` is the lesson's widget. Its model, :class:`BreakEvenModel`, keeps the
typed figures as record ``m06_breakeven`` (fields ``country``, ``fixed_costs``, ``price``,
``variable_cost``, ``planned_units``, as typed).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._break_even_view import BreakEvenChart

__all__ = ["BreakEvenModel", "BreakEvenResult", "BreakEvenPicture", "BreakEvenChart", "break_even_chart"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "BreakEvenModel": "._break_even_model",
    "BreakEvenResult": "._break_even_model",
    "BreakEvenPicture": "._break_even_view",
    "BreakEvenChart": "._break_even_view",
})


@unless_grading
def break_even_chart(country: str | None = None, language: str | None = None, keep_work: bool = True) -> BreakEvenChart:
    """A :class:`BreakEvenChart` for a lesson cell (nothing while nbgrader grades).

    ``country`` defaults to the one in the trainee's profile (module 1). With ``keep_work``,
    the figures are saved beside the notebook as record ``m06_breakeven`` and come back next time.
    """
    from ._break_even_view import BreakEvenChart

    store = notebook_store() if keep_work else None
    return BreakEvenChart(country or profile_country(store), language, store)
