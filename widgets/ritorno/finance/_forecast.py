"""Sales forecast across the seasons (module 3)."""
from __future__ import annotations

from collections.abc import Sequence

from ._validate import require_non_negative, require_positive

__all__ = ["MONTHS", "seasonal_sales"]

#: Months in a forecast year.
MONTHS = 12


def seasonal_sales(units_per_month: float, price: float, seasonal_indexes: Sequence[float]) -> tuple[float, ...]:
    """Sales of each month of a year: units in a normal month × price × the month's seasonal index.

    Parameters
    ----------
    units_per_month : float
        Units sold in a normal month (cups, kilos, pieces…); not negative.
    price : float
        Price of one unit, in local currency; above 0.
    seasonal_indexes : sequence of 12 float
        One index per month, January first: 1 is a normal month, 1.3 sells 30% more,
        0.7 sells 30% less. None may be negative.

    Returns
    -------
    tuple of 12 float
        Sales value of each month, January first, in the price's currency.

    Raises
    ------
    ValueError
        If there are not exactly 12 indexes, an index or the units are negative, the
        price is not above 0, or any of them is not a number.

    Notes
    -----
    :math:`\\text{sales}_m = u \\times p \\times k_m`. If the indexes average 1, the
    yearly total is 12 normal months; a pattern that averages more than 1 forecasts a
    better year than the "normal" month suggests.

    Examples
    --------
    >>> sales = seasonal_sales(1500, 3, [1.3, 1.3, 1.1, 0.9, 0.8, 0.7, 0.8, 1.2, 0.9, 0.9, 0.9, 1.2])
    >>> round(sales[0], 2), round(sales[5], 2), round(sum(sales), 2)
    (5850.0, 3150.0, 54000.0)
    >>> seasonal_sales(100, 2, [1.0] * 11)
    Traceback (most recent call last):
    ...
    ValueError: There must be 12 seasonal indexes, one per month (got 11).
    """
    units = require_non_negative(units_per_month, "Units sold in a normal month")
    unit_price = require_positive(price, "The price of one unit")
    if isinstance(seasonal_indexes, (str, bytes)) or not isinstance(seasonal_indexes, Sequence):
        raise ValueError(f"The seasonal indexes must be a list of 12 numbers (got {seasonal_indexes!r}).")
    if len(seasonal_indexes) != MONTHS:
        raise ValueError(f"There must be {MONTHS} seasonal indexes, one per month (got {len(seasonal_indexes)}).")
    indexes = [require_non_negative(index, f"The seasonal index of month {month}")
               for month, index in enumerate(seasonal_indexes, start=1)]
    return tuple(units * unit_price * index for index in indexes)
