"""Where the money of one selling price goes: materials, labour, overheads and profit (module 4)."""
from __future__ import annotations

from dataclasses import dataclass

from ._costing import price_from_markup, unit_cost
from ._validate import require_non_negative, require_positive

__all__ = ["PriceSplit", "price_split"]


@dataclass(frozen=True)
class PriceSplit:
    """One unit's selling price in four parts, all amounts per unit.

    Attributes
    ----------
    materials, labour : float
        Cost of materials and of labour for one unit.
    overheads : float
        The period's overheads shared over the units of that period.
    profit : float
        What is left of the price once the unit cost is paid: unit cost × markup.
    """

    materials: float
    labour: float
    overheads: float
    profit: float

    @property
    def unit_cost(self) -> float:
        """Materials + labour + overheads of one unit."""
        return self.materials + self.labour + self.overheads

    @property
    def price(self) -> float:
        """Unit cost + profit."""
        return self.unit_cost + self.profit

    @property
    def margin(self) -> float:
        """Profit as a share of the price (0 when the price is 0)."""
        return self.profit / self.price if self.price else 0.0


def price_split(materials: float, labour: float, overheads: float, units: float, markup: float) -> PriceSplit:
    """Split the price of one unit into materials, labour, overheads and profit.

    Parameters
    ----------
    materials, labour : float
        Cost per unit, in the currency of the business.
    overheads : float
        Overheads of the period (rent, electricity, phone...), same currency.
    units : float
        Units made and sold in that period (more than 0).
    markup : float
        Markup on the unit cost as a fraction: 0.25 for 25%.

    Returns
    -------
    PriceSplit

    Raises
    ------
    ValueError
        If a cost or the markup is negative, ``units`` is not above 0, or the
        unit cost is 0 (nothing to put a markup on).

    Notes
    -----
    unit cost = materials + labour + overheads ÷ units; price = unit cost × (1 + markup);
    profit per unit = unit cost × markup, so the four parts add up to the price.

    Examples
    --------
    >>> split = price_split(materials=300, labour=100, overheads=60_000, units=600, markup=0.25)
    >>> split.overheads, split.profit, split.price
    (100.0, 125.0, 625.0)
    >>> round(split.margin, 3)
    0.2
    """
    cost = unit_cost(materials, labour, overheads, units)
    price_from_markup(cost, markup)  # checks that there is a cost to mark up and that the markup is not negative
    return PriceSplit(
        materials=require_non_negative(materials, "Materials per unit"),
        labour=require_non_negative(labour, "Labour per unit"),
        overheads=require_non_negative(overheads, "Overheads") / require_positive(units, "The number of units"),
        profit=cost * float(markup),
    )
