"""Reference formulas for the finance tests, written independently of ``ritorno.finance``.

Nothing here imports the code under test or numpy-financial: expected figures in the
tests come from these closed forms (CONTENT.md, "Loans") and from our own root finder.
"""
from __future__ import annotations

import decimal
import math

import numpy as np

PER_YEAR = {"monthly": 12, "fortnightly": 26, "weekly": 52}

# 50 significant digits: the closed forms below lose nothing to cancellation when i·n is tiny
_EXACT = decimal.Context(prec=50)


def annuity_payment(principal: float, rate: float, periods: int) -> float:
    """A = P·i ÷ (1 − (1 + i)^−n); P ÷ n when i = 0 (CONTENT.md, declining balance).

    Evaluated in 50-digit decimal arithmetic from the exact values of the float inputs.
    """
    if rate == 0:
        return principal / periods
    p, i = decimal.Decimal(principal), decimal.Decimal(rate)
    discount = _EXACT.power(_EXACT.add(1, i), -periods)
    return float(_EXACT.divide(_EXACT.multiply(p, i), _EXACT.subtract(1, discount)))


def nominal_periodic(annual_rate: float, frequency: str) -> float:
    """Nominal yearly rate ÷ periods per year."""
    return annual_rate / PER_YEAR[frequency]


def effective_periodic(annual_rate: float, frequency: str) -> float:
    """Peru's TEA: i = (1 + TEA)^(1/m) − 1 (CONTENT.md), in 50-digit decimal arithmetic."""
    root = _EXACT.power(_EXACT.add(1, decimal.Decimal(annual_rate)), _EXACT.divide(1, PER_YEAR[frequency]))
    return float(_EXACT.subtract(root, 1))


def reference_payments(amount, annual_rate, periods, frequency="monthly", method="declining",
                       rate_type="nominal", grace_periods=0):
    """Every instalment of a loan, from the closed forms in CONTENT.md.

    declining: g interest-only instalments P·i, then the annuity over n − g;
    equal_principal: P ÷ (n − g) plus interest on the balance;
    flat: (P × rate × n ÷ m) ÷ n interest every time, principal P ÷ (n − g) after the grace.
    """
    m = PER_YEAR[frequency]
    repaying = periods - grace_periods
    if method == "flat":
        interest = amount * annual_rate * periods / m / periods
        return [interest] * grace_periods + [interest + amount / repaying] * repaying
    i = effective_periodic(annual_rate, frequency) if rate_type == "effective" else annual_rate / m
    if method == "declining":
        return [amount * i] * grace_periods + [annuity_payment(amount, i, repaying)] * repaying
    payments = [amount * i] * grace_periods
    for k in range(repaying):  # balance before instalment k+1 of the repayment phase
        balance = amount * (repaying - k) / repaying
        payments.append(amount / repaying + balance * i)
    return payments


def borrower_flows(amount, payments, upfront_fee=0.0, compulsory_savings=0.0):
    """MFTransparency cash flows: received after fee and blocked savings, then every
    instalment paid, savings handed back with the last one."""
    flows = [amount * (1.0 - upfront_fee - compulsory_savings)] + [-p for p in payments]
    flows[-1] += amount * compulsory_savings
    return flows


def _npv_and_slope(rate: float, flows) -> tuple[float, float]:
    v = 1.0 / (1.0 + rate)
    npv = math.fsum(c * v**k for k, c in enumerate(flows))
    slope = math.fsum(-k * c * v ** (k + 1) for k, c in enumerate(flows))
    return npv, slope


def irr(flows) -> float:
    """Periodic rate at which ``flows`` net to zero: safeguarded Newton iteration.

    Newton steps on the NPV, falling back to halving the bracket whenever a step
    would leave it. Returns 0 when the borrower pays back no more than received, up to
    rounding (a free loan with blocked savings nets to zero only within float dust).
    """
    if math.fsum(flows) >= -1e-13 * math.fsum(abs(c) for c in flows):
        return 0.0
    low, high = 0.0, 1.0
    while _npv_and_slope(high, flows)[0] < 0:  # NPV rises with the rate for a borrower
        low, high = high, 2.0 * high
    rate = (low + high) / 2.0
    for _ in range(500):
        npv, slope = _npv_and_slope(rate, flows)
        if npv < 0:
            low = rate
        else:
            high = rate
        step = npv / slope if slope else math.inf
        candidate = rate - step
        if not low < candidate < high:
            candidate = (low + high) / 2.0
        if abs(candidate - rate) <= 1e-16 * max(rate, 1e-300) or high - low <= 4e-16 * high:
            return candidate
        rate = candidate
    return rate


def irr_by_polynomial_roots(flows) -> float:
    """Periodic rate from numpy.roots of Σ c_k·x^k with x = 1 ÷ (1 + r): the real root in (0, 1]."""
    roots = np.roots(list(reversed(flows)))
    candidates = [root.real for root in roots if abs(root.imag) < 1e-9 and 0 < root.real <= 1]
    assert len(candidates) == 1, f"expected one discount factor in (0, 1], got {roots}"
    return 1.0 / candidates[0] - 1.0
