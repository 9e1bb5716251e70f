"""Model of module 3's sales forecast: price, normal units and seasonal indexes as typed; twelve months of sales.

No ipywidgets here: :mod:`ritorno.ui.sales_forecast` holds the views.
"""
from __future__ import annotations

import math
from typing import Any

import traitlets

from ..countries import Country, get_country
from ..curriculum import m03
from ..finance import MONTHS, seasonal_sales
from ..i18n import InvalidAmount, format_number, parse_amount, translator
from ._parsing import check_range, parse_input
from ._persist import PersistentModel
from ._profile import DEFAULT_COUNTRY
from ._parsing import known_country

__all__ = ["SalesForecastModel", "INDEXES", "MAX_PRICE", "MAX_UNITS"]

INDEXES: tuple[str, ...] = tuple(f"index_{month}" for month in range(1, MONTHS + 1))
#: Largest price and number of units accepted: far beyond a microenterprise, so only mistakes are refused.
MAX_PRICE = 1e9
MAX_UNITS = 1e9


class SalesForecastModel(PersistentModel):
    """A year of sales: units in a normal month × price × each month's seasonal index.

    While every box is valid, ``monthly`` holds the 12 months' sales (January
    first), ``yearly_total`` their sum, ``normal_month`` the sales of a month with
    index 1, and ``best_months`` / ``worst_months`` the positions (0 = January) of
    the months that sell most and least. ``average_index`` is the mean of the indexes.

    Examples
    --------
    >>> model = SalesForecastModel(country="PE")
    >>> model.monthly[0], model.yearly_total, model.best_months, model.worst_months
    (5850.0, 54000.0, [0, 1], [5])
    >>> model.index_6 = "-1"
    >>> model.monthly, model.errors
    ([], {'index_6': '-1 is below zero: type 0 or more.'})
    """

    record_id = "m03_forecast"
    persisted = ("country", "price", "units", *INDEXES)

    country = traitlets.Unicode(DEFAULT_COUNTRY)
    language = traitlets.Unicode("en")
    price = traitlets.Unicode("")
    units = traitlets.Unicode("")
    # one Unicode trait per month, as typed: index_1 (January) … index_12 (December)
    vars().update({name: traitlets.Unicode("") for name in INDEXES})

    product = traitlets.Unicode("")  # the country example's product (a key of m03.PRODUCTS)
    monthly = traitlets.List()
    yearly_total = traitlets.Any(None, allow_none=True)
    normal_month = traitlets.Any(None, allow_none=True)
    average_index = traitlets.Any(None, allow_none=True)
    best_months = traitlets.List()
    worst_months = traitlets.List()
    updates = traitlets.Int(0)  # counts recomputations: views redraw once per change, on this

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country)
        self.use_example()
        return remaining

    @traitlets.validate("country")
    def _known_country(self, proposal: dict) -> str:
        return known_country(proposal["value"])

    @property
    def profile(self) -> Country:
        """The country whose currency and example are in use."""
        return get_country(self.country)

    def use_example(self) -> None:
        """Fill the boxes with the country's illustrative product, price, units and seasons."""
        example, locale = m03.example_forecast(self.country), self.profile.locale
        self.product = example["product"]
        texts = {"price": format_number(example["price"], locale), "units": format_number(example["units"], locale)}
        texts.update({name: format_number(index, locale) for name, index in zip(INDEXES, example["indexes"])})
        self.fill(texts)

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        self.product = m03.example_forecast(self.country)["product"]
        if not self._restoring:
            self.use_example()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    def _positive(self, name: str, high: float) -> float:
        text = getattr(self, name)
        value = parse_input(text, "money", self.profile.locale, self.language)
        check_range(value, text, 0, high, self.profile.locale, self.language, low_inclusive=False)
        return value

    def _index(self, name: str) -> float:
        _ = translator(self.language).gettext
        text, locale = getattr(self, name), self.profile.locale
        if not text.strip():
            raise InvalidAmount(_("This box is empty: type 1 for a normal month."), text)
        try:
            value = parse_amount(text, locale, language=self.language)
        except InvalidAmount:
            raise InvalidAmount(_("Please type a number such as {example} (1 = a normal month).").format(
                example=format_number(1.2, locale)), text) from None
        check_range(value, text, 0, m03.INDEX_MAX, locale, self.language)
        return value

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        values: dict[str, float] = {}
        for name, check in (("price", lambda: self._positive("price", MAX_PRICE)),
                            ("units", lambda: self._positive("units", MAX_UNITS)),
                            *((name, lambda name=name: self._index(name)) for name in INDEXES)):
            try:
                values[name] = check()
            except InvalidAmount as problem:
                errors[name] = str(problem)
        monthly: list[float] = []
        if not errors:
            indexes = [values[name] for name in INDEXES]
            monthly = list(seasonal_sales(values["units"], values["price"], indexes))
        self.errors = errors
        self.monthly = monthly
        self.yearly_total = math.fsum(monthly) if monthly else None
        self.normal_month = values["units"] * values["price"] if monthly else None
        self.average_index = math.fsum(values[name] for name in INDEXES) / MONTHS if monthly else None
        self.best_months = _months_at(monthly, max(monthly)) if monthly else []
        self.worst_months = _months_at(monthly, min(monthly)) if monthly else []
        self.updates += 1


def _months_at(monthly: list[float], level: float) -> list[int]:
    return [month for month, sales in enumerate(monthly) if math.isclose(sales, level, rel_tol=1e-9, abs_tol=1e-9)]
