"""Model of the break-even chart (module 6): a month's costs, price and plan in; break-even and safety out.

No ipywidgets here: the view links its boxes to these traits, and tests drive the model directly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import traitlets

from ..curriculum import m06
from ..finance import break_even_sales, break_even_units, margin_of_safety
from ..finance import profit_at_volume
from ..i18n import N_, format_money
from ._plan_model import MAX_UNITS, CountryPlanModel

__all__ = ["BreakEvenModel", "BreakEvenResult", "BREAK_EVEN_INPUTS"]

#: The boxes of the widget, in the order of the form.
BREAK_EVEN_INPUTS: tuple[str, ...] = ("fixed_costs", "price", "variable_cost", "planned_units")

# The rule checked by ritorno.finance.break_even_units, in the catalog and with the country's money.
_PRICE_NOT_ABOVE_VARIABLE = N_("The price ({price}) must be higher than the variable cost per unit ({variable}): "
                               "otherwise every sale loses money and the business never breaks even.")


@dataclass(frozen=True)
class BreakEvenResult:
    """A month at the planned volume, and the volume at which sales just cover all costs."""

    fixed_costs: float
    price: float
    variable_cost: float
    planned_units: int
    break_even_units: float
    break_even_sales: float
    margin_of_safety: float
    profit: float

    @property
    def units_to_sell(self) -> int:
        """Break-even units rounded up: the whole number of units to sell to cover all costs."""
        return math.ceil(round(self.break_even_units, 9))  # 600.0000000001 from float division is 600

    @property
    def contribution(self) -> float:
        """What each unit sold leaves to pay the fixed costs: price − variable cost."""
        return self.price - self.variable_cost


class BreakEvenModel(CountryPlanModel):
    """A month's fixed costs, price, variable cost and planned units as typed; break-even and safety.

    ``result`` is ``None`` while a box is invalid or the price does not exceed the variable
    cost; ``errors`` then maps the box to a message for the trainee (the price box for the rule
    between price and variable cost).

    Examples
    --------
    >>> model = BreakEvenModel(country="GH")
    >>> model.fixed_costs, model.price, model.variable_cost, model.planned_units
    ('6,000', '25', '15', '900')
    >>> model.result.break_even_units, model.result.profit, round(model.result.margin_of_safety, 4)
    (600.0, 3000.0, 0.3333)
    >>> model.price = "15"
    >>> model.result is None, list(model.errors)
    (True, ['price'])
    """

    fixed_costs = traitlets.Unicode("")
    price = traitlets.Unicode("")
    variable_cost = traitlets.Unicode("")
    planned_units = traitlets.Unicode("")

    result = traitlets.Any(None, allow_none=True)

    record_id = "m06_breakeven"
    persisted = ("country", *BREAK_EVEN_INPUTS)

    @property
    def example(self) -> m06.BreakEvenExample:
        """The illustrative business of the country in use."""
        return m06.EXAMPLES[self.country]

    def use_example(self) -> None:
        """Fill the boxes with the country's example business."""
        example = self.example
        with self.hold_trait_notifications():
            self.fixed_costs = self.typed(example.fixed_costs)
            self.price = self.typed(example.price)
            self.variable_cost = self.typed(example.variable_cost)
            self.planned_units = str(example.planned_units)

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        fixed = self.read("fixed_costs", "money", errors)
        price = self.read("price", "money", errors, low_inclusive=False)
        variable = self.read("variable_cost", "money", errors)
        planned = self.read("planned_units", "count", errors, low=1, high=MAX_UNITS)
        result = None
        if not errors:
            try:
                units = break_even_units(fixed, price, variable)
            except ValueError:  # the price does not exceed the variable cost
                profile = self.profile
                errors["price"] = self.gettext(_PRICE_NOT_ABOVE_VARIABLE).format(
                    price=format_money(price, profile.currency, profile.locale),
                    variable=format_money(variable, profile.currency, profile.locale))
            else:
                result = BreakEvenResult(fixed, price, variable, planned, units, break_even_sales(fixed, price, variable),
                                         margin_of_safety(planned, units), profit_at_volume(planned, price, variable, fixed))
        self.errors = errors
        self.result = result
