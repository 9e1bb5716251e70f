"""Shared set-up for the widget tests.

Every test starts outside nbgrader, in English, with no answers-folder override, so
that a variable set in the developer's shell cannot change what a widget shows.
The borrower's APR is recomputed here from first principles (annuity formula and
bisection on the net present value), independently of :mod:`ritorno.finance`.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from ritorno.answers import AnswerStore


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the (temporary) notebook."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def store(tmp_path) -> AnswerStore:
    """An empty answer store in a temporary notebook folder."""
    return AnswerStore(tmp_path / "answers")


def _annuity_payment(amount: float, rate: float, periods: int) -> float:
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
                  fee: float = 0.0, method: str = "declining") -> float:
    """MFTransparency APR (periodic IRR × periods per year) of a loan without savings or grace."""
    if method == "flat":
        payment = (amount + amount * annual_rate * periods / per_year) / periods
    else:
        payment = _annuity_payment(amount, annual_rate / per_year, periods)
    flows = [amount * (1 - fee)] + [-payment] * periods
    return _periodic_irr(flows) * per_year


@pytest.fixture
def apr_of() -> Callable[..., float]:
    """``apr_of(amount, annual_rate, periods, per_year=12, fee=0, method="declining")``."""
    return reference_apr


@pytest.fixture
def instalment_of() -> Callable[[float, float, int], float]:
    """``instalment_of(amount, periodic_rate, periods)``: the annuity payment."""
    return _annuity_payment
