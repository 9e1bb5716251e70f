"""Break-even and margin of safety (module 6)."""
from __future__ import annotations

from ._validate import readable, require_non_negative, require_positive

__all__ = ["break_even_units", "break_even_sales", "margin_of_safety"]


def break_even_units(fixed_costs: float, price: float, variable_cost: float) -> float:
    """Units to sell in a period so that sales cover all costs.

    ``fixed_costs ÷ (price − variable_cost)``; the result is not rounded (sell
    the next whole unit up to be safe).

    Raises
    ------
    ValueError
        If the price does not exceed the variable cost: each sale then loses money
        and no quantity breaks even.

    Examples
    --------
    >>> break_even_units(fixed_costs=90_000, price=500, variable_cost=200)
    300.0
    """
    fixed = require_non_negative(fixed_costs, "Fixed costs")
    selling = require_positive(price, "The price")
    variable = require_non_negative(variable_cost, "The variable cost")
    if selling <= variable:
        raise ValueError(
            f"The price ({readable(selling)}) must be higher than the variable cost per unit ({readable(variable)}): "
            "otherwise every sale loses money and the business never breaks even."
        )
    return fixed / (selling - variable)


def break_even_sales(fixed_costs: float, price: float, variable_cost: float) -> float:
    """Sales value at break-even: break-even units × price.

    >>> break_even_sales(90_000, 500, 200)
    150000.0
    """
    return break_even_units(fixed_costs, price, variable_cost) * price


def margin_of_safety(planned_units: float, break_even: float) -> float:
    """How far planned sales can fall before a loss: (planned − break-even) ÷ planned.

    Negative when the plan is below break-even.

    >>> margin_of_safety(planned_units=400, break_even=300)
    0.25
    """
    planned = require_positive(planned_units, "Planned sales")
    return (planned - require_non_negative(break_even, "Break-even sales")) / planned
