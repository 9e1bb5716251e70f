"""Microloans: repayment schedules and their true cost (APR and EIR).

Rates are fractions throughout (0.18 means 18%). Amounts are unrounded floats in
the loan's currency; rounding to the currency's minor unit is presentation.
Cash flows are seen from the borrower: money received is positive, money paid
is negative.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np
import numpy_financial as npf

from ._validate import require_fraction, require_non_negative, require_positive

__all__ = [
    "PERIODS_PER_YEAR",
    "METHODS",
    "RATE_TYPES",
    "Loan",
    "ScheduleRow",
    "periodic_rate",
    "annuity_payment",
    "rate_from_cash_flows",
]

PERIODS_PER_YEAR: dict[str, int] = {"monthly": 12, "fortnightly": 26, "weekly": 52}
METHODS: tuple[str, ...] = ("declining", "equal_principal", "flat")
RATE_TYPES: tuple[str, ...] = ("nominal", "effective")

Frequency = Literal["monthly", "fortnightly", "weekly"]
Method = Literal["declining", "equal_principal", "flat"]
RateType = Literal["nominal", "effective"]

_MAX_PERIODS = 520  # ten years of weekly instalments: longer is not a microloan


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        options = ", ".join(repr(option) for option in allowed)
        raise ValueError(f"{what} must be one of {options} (got {value!r}).")
    return value


def periodic_rate(annual_rate: float, frequency: str = "monthly", rate_type: str = "nominal") -> float:
    """Interest rate for one instalment period.

    Parameters
    ----------
    annual_rate : float
        Quoted yearly rate as a fraction (0.18 for 18%).
    frequency : {"monthly", "fortnightly", "weekly"}
        How often instalments fall due.
    rate_type : {"nominal", "effective"}
        ``"nominal"`` divides the yearly rate by the periods in a year;
        ``"effective"`` compounds back from it, as Peru's TEA:
        ``(1 + annual_rate) ** (1 / m) - 1``.

    Examples
    --------
    >>> round(periodic_rate(0.18), 6)
    0.015
    >>> round(periodic_rate(0.45, rate_type="effective"), 6)  # Peru, TEA 45%
    0.031448
    """
    rate = require_non_negative(annual_rate, "The interest rate")
    per_year = PERIODS_PER_YEAR[_choice(frequency, tuple(PERIODS_PER_YEAR), "The instalment frequency")]
    if _choice(rate_type, RATE_TYPES, "The rate type") == "effective":
        return (1.0 + rate) ** (1.0 / per_year) - 1.0
    return rate / per_year


def annuity_payment(amount: float, rate: float, periods: int) -> float:
    """Equal instalment that repays ``amount`` over ``periods`` at periodic ``rate``.

    ``A = P·i ÷ (1 − (1 + i)^−n)``, same as ``-npf.pmt(i, n, P)``, but written with
    ``expm1``/``log1p`` so it stays exact when ``i·n`` is tiny, where numpy-financial
    loses digits to cancellation.

    >>> round(annuity_payment(1_000_000, 0.015, 12), 2)
    91679.99
    >>> annuity_payment(1200, 0.0, 12)
    100.0
    """
    principal = require_positive(amount, "The loan amount")
    rate = require_non_negative(rate, "The interest rate")
    count = _require_count(periods, "The number of instalments", low=1, high=_MAX_PERIODS)
    if rate == 0:
        return principal / count
    return float(principal * rate / -np.expm1(-count * np.log1p(rate)))


def rate_from_cash_flows(cash_flows: np.ndarray) -> float:
    """Periodic rate that makes a borrower's cash flows net to zero.

    The first flow is what the borrower receives (positive), the later ones are
    what they pay (negative) or get back. The net present value is negative at
    rate 0 for any loan that costs something; the rate returned is its first
    crossing of zero, found by scanning a geometric grid and then bisecting.
    Unlike polynomial roots (``npf.irr``), this stays exact for 520 periods, for
    rates of several hundred percent, and picks the economically meaningful root
    when large blocked savings make the cash flows change sign twice.

    Examples
    --------
    >>> round(rate_from_cash_flows(np.array([100.0, -110.0])), 10)
    0.1
    """
    flows = np.asarray(cash_flows, dtype=float)
    if flows[0] <= 0:
        raise ValueError("The first cash flow must be the money received.")
    # float dust: instalments of a free loan can sum a hair above the amount
    if flows.sum() >= -1e-12 * np.abs(flows).sum():
        return 0.0

    def npv(rate: float) -> float:
        with np.errstate(over="ignore"):  # far-off flows discount to 0 at huge trial rates
            return float(npf.npv(rate, flows))

    low, high = 0.0, 1e-6
    while npv(high) < 0:
        low, high = high, high * 2
        if high > 1e6:
            raise ValueError("This loan's cost is too high to calculate.")
    for _ in range(200):
        middle = (low + high) / 2
        if npv(middle) < 0:
            low = middle
        else:
            high = middle
        if high - low <= 1e-15 * high:
            break
    return (low + high) / 2


@dataclass(frozen=True)
class ScheduleRow:
    """One instalment of a repayment schedule (what is paid to the lender)."""

    period: int
    payment: float
    interest: float
    principal: float
    balance: float


@dataclass(frozen=True)
class Loan:
    """A microloan as a lender offers it, with its schedule and true cost.

    Parameters
    ----------
    amount : float
        Amount lent, in the loan's currency (must be more than 0).
    annual_rate : float
        Quoted yearly interest rate as a fraction: 0.18 for 18%.
    periods : int
        Number of instalments, from 1 to 520.
    frequency : {"monthly", "fortnightly", "weekly"}
        Instalments per year: 12, 26 or 52.
    method : {"declining", "equal_principal", "flat"}
        ``"declining"``: equal instalments, interest on the remaining balance
        (annuity). ``"equal_principal"``: the same principal each time plus
        interest on the balance. ``"flat"``: interest is
        ``amount × annual_rate × periods ÷ periods-per-year``, spread equally.
    rate_type : {"nominal", "effective"}
        How the yearly rate turns into a periodic one (see :func:`periodic_rate`).
    upfront_fee : float
        Fraction of the amount withheld at disbursement (0.02 for 2%).
    compulsory_savings : float
        Fraction of the amount blocked at disbursement and handed back, without
        interest, with the last instalment.
    grace_periods : int
        Interest-only instalments at the start; the principal is then repaid
        over the remaining instalments.

    Notes
    -----
    APR and EIR follow MFTransparency: take the periodic rate ``r`` at which the
    borrower's real cash flows (received after fee and blocked savings; every
    instalment; savings returned) net to zero; then ``APR = r × m`` and
    ``EIR = (1 + r) ** m - 1``, with ``m`` instalments a year.

    References
    ----------
    MFTransparency, "Calculating Transparent Prices" (2011).

    Examples
    --------
    Senegal: 1,000,000 XOF over 12 months at 18% on the declining balance,
    with a 2% fee withheld at disbursement.

    >>> loan = Loan(1_000_000, 0.18, 12, upfront_fee=0.02)
    >>> round(loan.instalment)
    91680
    >>> round(loan.apr * 100, 1), round(loan.eir * 100, 1)
    (21.9, 24.2)
    >>> loan.schedule()[-1].balance == 0
    True
    """

    amount: float
    annual_rate: float
    periods: int
    frequency: Frequency = "monthly"
    method: Method = "declining"
    rate_type: RateType = "nominal"
    upfront_fee: float = 0.0
    compulsory_savings: float = 0.0
    grace_periods: int = 0

    def __post_init__(self) -> None:
        # frozen: store the checked numbers, so "1000" or 12.0 from a widget behave as numbers
        object.__setattr__(self, "amount", require_positive(self.amount, "The loan amount"))
        object.__setattr__(self, "annual_rate", require_non_negative(self.annual_rate, "The interest rate"))
        _choice(self.frequency, tuple(PERIODS_PER_YEAR), "The instalment frequency")
        _choice(self.method, METHODS, "The repayment method")
        _choice(self.rate_type, RATE_TYPES, "The rate type")
        object.__setattr__(
            self, "periods", _require_count(self.periods, "The number of instalments", low=1, high=_MAX_PERIODS)
        )
        object.__setattr__(
            self, "grace_periods", _require_count(self.grace_periods, "The grace period", low=0, high=_MAX_PERIODS)
        )
        if self.grace_periods >= self.periods:
            raise ValueError(
                f"The grace period ({self.grace_periods} instalments) must be shorter than "
                f"the loan ({self.periods} instalments)."
            )
        fee = require_fraction(self.upfront_fee, "The upfront fee")
        savings = require_fraction(self.compulsory_savings, "The compulsory savings")
        object.__setattr__(self, "upfront_fee", fee)
        object.__setattr__(self, "compulsory_savings", savings)
        if fee + savings >= 1:
            raise ValueError(
                f"The fee ({fee:.0%}) and compulsory savings ({savings:.0%}) together "
                "take the whole loan: nothing would be left to receive."
            )

    @property
    def periods_per_year(self) -> int:
        """Instalments in one year: 12, 26 or 52."""
        return PERIODS_PER_YEAR[self.frequency]

    @property
    def periodic_rate(self) -> float:
        """Quoted rate for one period (for flat loans, the flat rate per period)."""
        if self.method == "flat":
            return self.annual_rate / self.periods_per_year
        return periodic_rate(self.annual_rate, self.frequency, self.rate_type)

    @property
    def fee_amount(self) -> float:
        """Money withheld at disbursement as a fee."""
        return self.amount * self.upfront_fee

    @property
    def savings_amount(self) -> float:
        """Money blocked at disbursement and given back with the last instalment."""
        return self.amount * self.compulsory_savings

    @property
    def received(self) -> float:
        """What the borrower really has in hand at disbursement."""
        return self.amount - self.fee_amount - self.savings_amount

    @cached_property
    def _rows(self) -> tuple[ScheduleRow, ...]:
        principals = self._principal_parts()
        interests = self._interest_parts(principals)
        rows = []
        balance = self.amount
        for period, (principal, interest) in enumerate(zip(principals, interests), start=1):
            balance -= principal
            if period == self.periods:
                balance = 0.0  # absorb float dust so the loan visibly ends at zero
            rows.append(ScheduleRow(period, interest + principal, interest, principal, balance))
        return tuple(rows)

    def _principal_parts(self) -> list[float]:
        grace, repaying = self.grace_periods, self.periods - self.grace_periods
        if self.method != "declining":
            return [0.0] * grace + [self.amount / repaying] * repaying
        rate = self.periodic_rate
        if rate == 0:
            return [0.0] * grace + [self.amount / repaying] * repaying
        # closed form, k-th principal = A / (1 + i)^(n − k + 1): a forward recursion would amplify
        # rounding by (1 + i)^n over 520 weekly instalments
        payment = annuity_payment(self.amount, rate, repaying)
        discount = np.exp(-np.arange(repaying, 0, -1) * np.log1p(rate))
        return [0.0] * grace + (payment * discount).tolist()

    def _interest_parts(self, principals: list[float]) -> list[float]:
        if self.method == "flat":
            total = self.amount * self.annual_rate * self.periods / self.periods_per_year
            return [total / self.periods] * self.periods
        rate, balance, parts = self.periodic_rate, self.amount, []
        for principal in principals:
            parts.append(balance * rate)
            balance -= principal
        return parts

    def schedule(self) -> tuple[ScheduleRow, ...]:
        """Every instalment: period (1..n), payment, interest, principal, balance after it."""
        return self._rows

    @property
    def instalment(self) -> float:
        """The first instalment that repays principal (the regular one, except for equal principal)."""
        return self._rows[self.grace_periods].payment

    @property
    def total_interest(self) -> float:
        """Sum of the interest parts of all instalments."""
        return sum(row.interest for row in self._rows)

    @property
    def total_paid(self) -> float:
        """Sum of all instalments."""
        return sum(row.payment for row in self._rows)

    @property
    def total_cost(self) -> float:
        """Interest plus fee: what the loan costs beyond the amount borrowed."""
        return self.total_interest + self.fee_amount

    def cash_flows(self) -> np.ndarray:
        """The borrower's cash flows: received at start, then each instalment (negative).

        Blocked savings come back with the last instalment.

        >>> Loan(1000, 0.12, 2, compulsory_savings=0.1).cash_flows().round(2).tolist()
        [900.0, -507.51, -407.51]
        """
        flows = np.empty(self.periods + 1)
        flows[0] = self.received
        flows[1:] = [-row.payment for row in self._rows]
        flows[-1] += self.savings_amount
        return flows

    @cached_property
    def _true_periodic_rate(self) -> float:
        return rate_from_cash_flows(self.cash_flows())

    @property
    def apr(self) -> float:
        """Annual percentage rate: true periodic rate × periods per year (fraction)."""
        return self._true_periodic_rate * self.periods_per_year

    @property
    def eir(self) -> float:
        """Effective interest rate: the true periodic rate compounded over a year (fraction)."""
        return (1.0 + self._true_periodic_rate) ** self.periods_per_year - 1.0


def _require_count(value: int, what: str, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ValueError(f"{what} must be a whole number (got {value!r}).")
    if not low <= value <= high:
        raise ValueError(f"{what} must be between {low} and {high} (got {value}).")
    return int(value)
