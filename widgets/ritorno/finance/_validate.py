"""Argument checks shared by the finance functions.

Every message names the quantity in words a trainee knows and quotes the value,
because these messages reach trainees' widgets unchanged.
"""
from __future__ import annotations

import math

__all__ = ["require_finite", "require_positive", "require_non_negative", "require_fraction", "readable"]


def readable(number: float) -> str:
    """A number as a trainee would write it: ``-1500000`` → ``-1,500,000``, ``0.125`` → ``0.125``.

    >>> readable(-1_500_000.0), readable(0.125), readable(12.0)
    ('-1,500,000', '0.125', '12')
    """
    text = f"{number:,.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def require_finite(value: float, what: str) -> float:
    """Return ``value`` as a float, or raise ValueError if it is not a finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number (got {value!r}).") from None
    if not math.isfinite(number):
        raise ValueError(f"{what} must be a finite number (got {value!r}).")
    return number


def require_positive(value: float, what: str) -> float:
    """Return ``value`` if it is a finite number above zero."""
    number = require_finite(value, what)
    if number <= 0:
        raise ValueError(f"{what} must be more than 0 (got {readable(number)}).")
    return number


def require_non_negative(value: float, what: str) -> float:
    """Return ``value`` if it is a finite number of at least zero."""
    number = require_finite(value, what)
    if number < 0:
        raise ValueError(f"{what} cannot be negative (got {readable(number)}).")
    return number


def require_fraction(value: float, what: str) -> float:
    """Return ``value`` if it lies in [0, 1)."""
    number = require_non_negative(value, what)
    if number >= 1:
        raise ValueError(f"{what} must be below 100% (got {readable(number * 100)}%).")
    return number
