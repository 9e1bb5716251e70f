"""Profit of a month at a planned volume of sales (module 6)."""
from __future__ import annotations

from ._validate import require_non_negative, require_positive

__all__ = ["profit_at_volume"]


def profit_at_volume(units: float, price: float, variable_cost: float, fixed_costs: float) -> float:
    """Profit of a period in which ``units`` are sold.

    Parameters
    ----------
    units : float
        Units sold in the period (0 or more).
    price : float
        Selling price of one unit (more than 0).
    variable_cost : float
        Cost that comes with each unit sold (materials, packaging...), 0 or more.
    fixed_costs : float
        Costs of the period that do not change with sales (rent, wages, loan interest), 0 or more.

    Returns
    -------
    float
        Negative for a loss.

    Notes
    -----
    profit = units × (price − variable cost) − fixed costs. It is 0 at the break-even
    volume, fixed costs ÷ (price − variable cost).

    Examples
    --------
    >>> profit_at_volume(units=400, price=500, variable_cost=200, fixed_costs=90_000)
    30000.0
    >>> profit_at_volume(units=250, price=500, variable_cost=200, fixed_costs=90_000)
    -15000.0
    """
    sold = require_non_negative(units, "Units sold")
    selling = require_positive(price, "The price")
    variable = require_non_negative(variable_cost, "The variable cost")
    fixed = require_non_negative(fixed_costs, "Fixed costs")
    return sold * (selling - variable) - fixed
