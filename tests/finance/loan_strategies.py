"""Hypothesis strategies for loans, bounded to what the course can meet.

Amounts 1 to 1e9; rates 0 to 5 (flat) or 0 to 2 (declining, equal principal); 1 to 520
instalments; fee + savings below 90%; grace shorter than the loan.
"""
from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

FAST = settings(max_examples=60, deadline=None, database=None)  # no example files outside this folder

FREQUENCIES = ("monthly", "fortnightly", "weekly")
PER_YEAR = {"monthly": 12, "fortnightly": 26, "weekly": 52}
MAX_RATE = {"flat": 5.0, "declining": 2.0, "equal_principal": 2.0}

# Positive rates start at 0.01% a year. Below that, the float 1 + i itself holds the periodic
# rate to only ~1e-16 ÷ i relative (1.3e-9 at 0.0001% a year), so no discounting solver can
# promise 1e-9; and the loan's whole interest nears the float dust rate_from_cash_flows
# treats as a free loan.
MIN_POSITIVE_RATE = 1e-4

amounts = st.floats(min_value=1.0, max_value=1e9, allow_nan=False, allow_infinity=False)
frequencies = st.sampled_from(FREQUENCIES)
periods = st.integers(min_value=1, max_value=520)


def rates(max_rate: float) -> st.SearchStrategy[float]:
    """0, or a rate between MIN_POSITIVE_RATE and ``max_rate``."""
    return st.one_of(st.just(0.0), st.floats(min_value=MIN_POSITIVE_RATE, max_value=max_rate))


@st.composite
def fees_and_savings(draw, allow: bool = True) -> tuple[float, float]:
    """An upfront fee and compulsory savings (fractions, 0 or at least 0.01%) below 90% together."""
    if not allow:
        return 0.0, 0.0
    fee = draw(st.one_of(st.just(0.0), st.floats(min_value=1e-4, max_value=0.6)))
    savings = draw(st.one_of(st.just(0.0), st.floats(min_value=1e-4, max_value=0.89 - fee)))
    assert fee + savings < 0.9
    return fee, savings


@st.composite
def loan_terms(draw, methods=("declining", "equal_principal", "flat"), fees: bool = True,
               grace: bool = True, rate_types=("nominal", "effective")) -> dict:
    """Keyword arguments for ``Loan``; tests vary one of them to compare two loans."""
    method = draw(st.sampled_from(methods))
    n = draw(periods)
    fee, savings = draw(fees_and_savings(fees))
    return {
        "amount": draw(amounts),
        "annual_rate": draw(rates(MAX_RATE[method])),
        "periods": n,
        "frequency": draw(frequencies),
        "method": method,
        "rate_type": draw(st.sampled_from(rate_types)),
        "upfront_fee": fee,
        "compulsory_savings": savings,
        "grace_periods": draw(st.integers(min_value=0, max_value=n - 1)) if grace else 0,
    }
