"""What it costs to send money home (module 8)."""
from __future__ import annotations

from ._validate import require_non_negative, require_positive

__all__ = ["fx_margin", "remittance_cost"]


def fx_margin(offered_rate: float, market_rate: float) -> float:
    """Share lost on the exchange rate: 1 − offered ÷ market (0 if the offer is at or above market).

    Rates are units of the receiving currency per unit sent (XOF per EUR).

    >>> round(fx_margin(offered_rate=642.84, market_rate=655.957), 4)
    0.02
    """
    offered = require_positive(offered_rate, "The rate offered")
    market = require_positive(market_rate, "The market rate")
    return max(0.0, 1.0 - offered / market)


def remittance_cost(amount: float, fee: float, fx_margin_rate: float = 0.0) -> float:
    """Total cost of a transfer as a fraction of the amount sent.

    cost % = (fee + FX margin × amount) ÷ amount, as the World Bank's Remittance
    Prices Worldwide counts it.

    Parameters
    ----------
    amount : float
        Amount sent, in the sending currency (more than 0).
    fee : float
        Fee charged, in the sending currency.
    fx_margin_rate : float
        Exchange-rate margin as a fraction (see :func:`fx_margin`).

    Examples
    --------
    >>> round(remittance_cost(150, fee=4.0, fx_margin_rate=0.02), 4)
    0.0467
    """
    sent = require_positive(amount, "The amount sent")
    return (require_non_negative(fee, "The fee") + require_non_negative(fx_margin_rate, "The exchange margin") * sent) / sent
