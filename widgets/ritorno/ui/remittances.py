"""Module 8's remittance comparison: what each way of sending money home really costs.

The model (:class:`~ritorno.ui._remittance_model.RemittanceModel`) keeps the typed boxes in
the answer store as record ``m08_remittance``; this module holds the factory, :mod:`._remittances_view` the views.
The market rate and the Italian averages come from :mod:`ritorno.countries`, with source and year.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..curriculum import m08
from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._remittances_view import RemittanceComparison

__all__ = ["RemittanceModel", "Offer", "RemittanceChart", "RemittanceComparison", "remittance_comparison",
           "ITALY_AVERAGE", "ITALY_FACTS_SHOWN"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "RemittanceModel": "._remittance_model",
    "Offer": "._remittance_model",
    "RemittanceChart": "._remittances_view",
    "RemittanceComparison": "._remittances_view",
    "ITALY_AVERAGE": "._remittances_view",
    "ITALY_FACTS_SHOWN": "._remittances_view",
    "CHEAPEST_COLOUR": "._remittances_view",
    "OTHER_COLOUR": "._remittances_view",
    "way_label": "._remittances_view",
    "euros": "._remittances_view",
})


@unless_grading
def remittance_comparison(country: str | None = None, language: str | None = None,
                          keep_work: bool = True) -> RemittanceComparison:
    """A :class:`RemittanceComparison` for a lesson cell (nothing while nbgrader grades).

    ``country`` defaults to the trainee's profile (module 1), else Peru, the lesson's
    country. With ``keep_work`` the comparison is saved beside the notebook as ``m08_remittance``.
    """
    from ._remittances_view import RemittanceComparison

    store = notebook_store() if keep_work else None
    if country is None:
        country = profile_country(store, fallback=m08.COUNTRY)
    return RemittanceComparison(country, language, store)
