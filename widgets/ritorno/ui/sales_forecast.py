"""Module 3: a year of sales with the seasons, from a price, a normal month and twelve seasonal indexes.

A thin view over :class:`SalesForecastModel`; :func:`sales_forecast` is what lesson cells call.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._sales_forecast_view import SalesForecast

__all__ = ["SalesForecastModel", "SalesChart", "SalesForecast", "sales_forecast", "month_names"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "SalesForecastModel": "._sales_forecast_model",
    "SalesChart": "._sales_forecast_view",
    "SalesForecast": "._sales_forecast_view",
    "month_names": "._sales_forecast_view",
})


@unless_grading
def sales_forecast(country: str | None = None, language: str | None = None, keep_work: bool = True) -> SalesForecast:
    """A :class:`SalesForecast` for a lesson cell (nothing while nbgrader grades).

    ``country`` None uses the trainee's profile (module 1). With ``keep_work`` the
    figures are saved beside the notebook as ``m03_forecast`` and come back next time.
    """
    from ._sales_forecast_view import SalesForecast

    store = notebook_store() if keep_work else None
    return SalesForecast(country if country is not None else profile_country(store), language, store)
