"""Model of the unit-cost and pricing widget (module 4): the boxes' texts in, a priced unit (or messages) out.

No ipywidgets here: the view links its boxes to these traits, and tests drive the model directly.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import traitlets

from ..curriculum import m04
from ..finance import margin_from_markup, markup_from_margin, price_from_markup
from ..finance import PriceSplit, price_split
from ..i18n import N_
from ._plan_model import MAX_UNITS, CountryPlanModel

__all__ = ["CostingModel", "CostingResult", "MarginTarget", "COSTING_INPUTS", "MAX_MARKUP_PERCENT"]

#: The boxes of the widget, in the order of the form.
COSTING_INPUTS: tuple[str, ...] = ("materials", "labour", "overheads", "units", "markup", "competitor_price",
                                   "wanted_margin")
_PRICING_INPUTS = COSTING_INPUTS[:-1]  # the wanted margin has its own result, ``target``
#: Highest markup accepted, in percent: ten times the cost.
MAX_MARKUP_PERCENT = 1000

_NEGATIVE_MARKUP = N_("{typed} is below zero: a negative markup sells below cost and loses money on every unit. "
                      "Type 0 or more.")
_MARGIN_TOO_HIGH = N_("{typed} is too large: the margin is a share of the price, so it must stay below 100.")
_NO_COST = N_("Materials, labour and overheads are all 0: type what one unit really costs you.")


@dataclass(frozen=True)
class CostingResult:
    """One unit priced with a markup, and how it compares with a competitor's price."""

    split: PriceSplit
    markup: float
    competitor_price: float | None = None

    @property
    def unit_cost(self) -> float:
        """Materials + labour + the unit's share of the overheads."""
        return self.split.unit_cost

    @property
    def price(self) -> float:
        """Unit cost × (1 + markup)."""
        return price_from_markup(self.split.unit_cost, self.markup)

    @property
    def margin(self) -> float:
        """Profit as a share of the price: markup ÷ (1 + markup)."""
        return margin_from_markup(self.markup)

    @property
    def competitor_difference(self) -> float | None:
        """Our price minus the competitor's: negative when we are cheaper; ``None`` without a competitor."""
        return None if self.competitor_price is None else self.price - self.competitor_price


@dataclass(frozen=True)
class MarginTarget:
    """The markup that gives a wanted margin, and the price it sets when the unit cost is known."""

    margin: float
    markup: float
    price: float | None = None


class CostingModel(CountryPlanModel):
    """Costs of one unit and a markup as typed; the unit cost, price, margin and comparison they give.

    ``result`` is ``None`` while a cost, the markup or the competitor's price is invalid;
    ``errors`` maps each invalid box (or ``"costs"`` when all the costs are 0) to a message for
    the trainee. The competitor's
    price and the wanted margin may be left empty. ``target`` converts the wanted margin
    into the markup needed, even while the cost boxes are being corrected.

    Examples
    --------
    >>> model = CostingModel(country="BO")
    >>> model.materials, model.overheads, model.units, model.markup
    ('3,2', '1.800', '3000', '50')
    >>> round(model.result.unit_cost, 2), round(model.result.price, 2), round(model.result.margin, 4)
    (4.8, 7.2, 0.3333)
    >>> round(model.target.markup, 4)
    0.6667
    >>> model.units = "0"
    >>> model.result is None, sorted(model.errors)
    (True, ['units'])
    """

    materials = traitlets.Unicode("")
    labour = traitlets.Unicode("")
    overheads = traitlets.Unicode("")
    units = traitlets.Unicode("")
    markup = traitlets.Unicode("")
    competitor_price = traitlets.Unicode("")
    wanted_margin = traitlets.Unicode("")

    result = traitlets.Any(None, allow_none=True)
    target = traitlets.Any(None, allow_none=True)

    record_id = "m04_costing"
    persisted = ("country", *COSTING_INPUTS)

    @property
    def example(self) -> m04.CostingExample:
        """The illustrative product of the country in use."""
        return m04.EXAMPLES[self.country]

    def use_example(self) -> None:
        """Fill the boxes with the country's example product."""
        example = self.example
        with self.hold_trait_notifications():
            self.materials = self.typed(example.materials)
            self.labour = self.typed(example.labour)
            self.overheads = self.typed(example.overheads)
            self.units = str(example.units)
            self.markup = self.typed(example.markup * 100)
            self.competitor_price = self.typed(example.competitor_price)
            self.wanted_margin = self.typed(example.wanted_margin * 100)

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        costs = {name: self.read(name, "money", errors) for name in ("materials", "labour", "overheads")}
        units = self.read("units", "count", errors, low=1, high=MAX_UNITS)
        markup = self._read_markup(errors)
        competitor = self.read("competitor_price", "money", errors, low_inclusive=False, optional=True)
        wanted = self._read_wanted_margin(errors)
        result = None
        if not any(name in errors for name in _PRICING_INPUTS):
            if costs["materials"] + costs["labour"] + costs["overheads"] / units <= 0:
                errors["costs"] = self.gettext(_NO_COST)
            else:
                split = price_split(costs["materials"], costs["labour"], costs["overheads"], units, markup)
                result = CostingResult(split, markup, competitor)
        target = None
        if wanted is not None:
            needed = markup_from_margin(wanted)
            cost = result.unit_cost if result is not None else None
            target = MarginTarget(wanted, needed, None if cost is None else price_from_markup(cost, needed))
        self.errors = errors
        self.result = result
        self.target = target

    def _read_markup(self, errors: dict[str, str]) -> float | None:
        value = self.read("markup", "percent", errors, low=None, high=MAX_MARKUP_PERCENT)
        if value is not None and value < 0:
            self.refuse("markup", _NEGATIVE_MARKUP, errors)
            return None
        return value

    def _read_wanted_margin(self, errors: dict[str, str]) -> float | None:
        value = self.read("wanted_margin", "percent", errors, high=None, optional=True)
        if value is not None and value >= 1:
            self.refuse("wanted_margin", _MARGIN_TOO_HIGH, errors)
            return None
        return value

    def summary_values(self) -> dict[str, Any]:
        """The figures a later module may show: unit cost, price, markup and margin (``{}`` while invalid)."""
        if self.result is None:
            return {}
        return {"unit_cost": self.result.unit_cost, "price": self.result.price, "markup": self.result.markup,
                "margin": self.result.margin}
