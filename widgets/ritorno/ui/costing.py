"""Module 4, Costs and prices: the unit cost of a product, its price with a markup, and the margin it leaves.

``unit_cost_pricing()`` is the lesson's widget. Its model, :class:`CostingModel`, keeps the
typed figures as record ``m04_costing`` (fields ``country``, ``materials``, ``labour``,
``overheads``, ``units``, ``markup``, ``competitor_price``, ``wanted_margin``, as typed).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._costing_view import UnitCostPricing

__all__ = ["CostingModel", "CostingResult", "MarginTarget", "PriceSplitChart", "UnitCostPricing",
           "unit_cost_pricing"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "CostingModel": "._costing_model",
    "CostingResult": "._costing_model",
    "MarginTarget": "._costing_model",
    "PriceSplitChart": "._costing_view",
    "UnitCostPricing": "._costing_view",
})


@unless_grading
def unit_cost_pricing(country: str | None = None, language: str | None = None,
                      keep_work: bool = True) -> UnitCostPricing:
    """A :class:`UnitCostPricing` widget for a lesson cell (nothing while nbgrader grades).

    ``country`` defaults to the one in the trainee's profile (module 1). With ``keep_work``,
    the figures are saved beside the notebook as record ``m04_costing`` and come back next time.
    """
    from ._costing_view import UnitCostPricing

    store = notebook_store() if keep_work else None
    return UnitCostPricing(country or profile_country(store), language, store)
