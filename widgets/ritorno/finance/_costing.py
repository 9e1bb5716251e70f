"""Unit cost and price: markup versus margin (module 4)."""
from __future__ import annotations

from ._validate import require_finite, require_non_negative, require_positive

__all__ = ["unit_cost", "price_from_markup", "margin_from_markup", "markup_from_margin"]


def unit_cost(materials: float, labour: float, overheads: float, units: float) -> float:
    """Full cost of one unit: materials + labour per unit + overheads shared over the units.

    Parameters
    ----------
    materials, labour : float
        Cost per unit.
    overheads : float
        Overheads for the period (rent, electricity...).
    units : float
        Units made or sold in that period (more than 0).

    Examples
    --------
    >>> unit_cost(materials=300, labour=100, overheads=60_000, units=600)
    500.0
    """
    per_unit = require_non_negative(materials, "Materials per unit") + require_non_negative(labour, "Labour per unit")
    return per_unit + require_non_negative(overheads, "Overheads") / require_positive(units, "The number of units")


def price_from_markup(cost: float, markup: float) -> float:
    """Selling price = cost × (1 + markup).

    >>> price_from_markup(500, 0.25)
    625.0
    """
    return require_positive(cost, "The unit cost") * (1 + require_non_negative(markup, "The markup"))


def margin_from_markup(markup: float) -> float:
    """Share of the price that is profit: markup ÷ (1 + markup).

    >>> margin_from_markup(0.25)
    0.2
    """
    rate = require_non_negative(markup, "The markup")
    return rate / (1 + rate)


def markup_from_margin(margin: float) -> float:
    """Markup that gives a margin: margin ÷ (1 − margin).

    >>> markup_from_margin(0.2)
    0.25
    """
    rate = require_finite(margin, "The margin")
    if not 0 <= rate < 1:
        raise ValueError(f"The margin must be at least 0% and below 100% (got {rate:.0%}).")
    return rate / (1 - rate)
