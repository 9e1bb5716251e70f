"""Helpers shared by the widget tests, independent of :mod:`ritorno.finance`.

The borrower's APR is recomputed from first principles (annuity formula and bisection on
the net present value), and Babel's non-breaking spaces are made plain for comparisons.
No ``conftest.py`` here: with ``--doctest-modules`` every ``conftest.py`` is also imported
as a module named ``conftest``, and two of them given on one command line clash.
"""
from __future__ import annotations

from collections.abc import Sequence

__all__ = ["plain", "annuity_payment", "reference_apr"]


def plain(text: str) -> str:
    """Babel's non-breaking spaces (fr_SN groups with U+202F) as ordinary spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def annuity_payment(amount: float, rate: float, periods: int) -> float:
    """Equal instalment of a declining-balance loan: P·r / (1 − (1 + r)^−n)."""
    if rate == 0:
        return amount / periods
    return amount * rate / (1 - (1 + rate) ** -periods)


def _periodic_irr(flows: Sequence[float]) -> float:
    """Rate at which the borrower's flows (received first, then paid) net to zero, by bisection."""

    def npv(rate: float) -> float:
        return sum(flow / (1 + rate) ** t for t, flow in enumerate(flows))

    low, high = 0.0, 1.0
    assert npv(low) < 0 < npv(high), "the reference bisection needs a bracket"
    for _ in range(200):
        middle = (low + high) / 2
        if npv(middle) < 0:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def reference_apr(amount: float, annual_rate: float, periods: int, per_year: int = 12, *,
                  fee: float = 0.0, savings: float = 0.0, method: str = "declining") -> float:
    """MFTransparency APR (periodic IRR × periods per year) of a loan without grace period.

    >>> round(reference_apr(1_000_000, 0.18, 12, fee=0.02), 3)  # Senegal's worked example
    0.219
    """
    if method == "flat":
        payment = (amount + amount * annual_rate * periods / per_year) / periods
    else:
        payment = annuity_payment(amount, annual_rate / per_year, periods)
    flows = [amount * (1 - fee - savings)] + [-payment] * periods
    flows[-1] += amount * savings
    return _periodic_irr(flows) * per_year
