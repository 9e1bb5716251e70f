"""Turn what a trainee typed into a value, or a message saying what to fix."""
from __future__ import annotations

from typing import Literal

from ..i18n import InvalidAmount, format_number, parse_amount, translator

__all__ = ["InputKind", "parse_input", "InvalidAmount", "check_range"]

InputKind = Literal["money", "percent", "count"]


def parse_input(text: str, kind: InputKind, locale: str, language: str = "en") -> float | int:
    """Parse a box's text: money as typed, a percentage to a fraction, a count to an int.

    A percent sign after a percentage is fine ("18 %").

    Raises
    ------
    InvalidAmount
        With a message for the trainee.

    Examples
    --------
    >>> parse_input("18", "percent", "en_GH")
    0.18
    >>> parse_input("26,6 %", "percent", "fr_SN")
    0.266
    >>> parse_input("12", "count", "en_GH")
    12
    """
    _ = translator(language).gettext
    if kind == "money":
        return parse_amount(text, locale, language=language)
    if not text.strip():
        raise InvalidAmount(_("This box is empty: please type a number."), text)
    if kind == "percent":
        try:
            return parse_amount(text.strip().removesuffix("%"), locale, language=language) / 100
        except InvalidAmount:
            raise InvalidAmount(_("Please type a percentage, for example {example}.").format(
                example=format_number(18.5, locale)), text) from None
    try:
        value = parse_amount(text, locale, language=language)
    except InvalidAmount:
        value = None
    if value is None or value != int(value):
        raise InvalidAmount(_("Please type a whole number, for example 12."), text)
    return int(value)


def check_range(value: float, text: str, low: float | None, high: float | None, locale: str, language: str = "en",
                low_inclusive: bool = True) -> None:
    """Raise :class:`InvalidAmount` quoting what was typed when ``value`` is out of range.

    >>> check_range(521, "521", 1, 520, "en_GH")
    Traceback (most recent call last):
    ...
    ritorno.i18n._format.InvalidAmount: 521 is too large: type at most 520.
    """
    _ = translator(language).gettext
    typed = text.strip() if len(text.strip()) <= 20 else text.strip()[:18] + "…"
    if low is not None and (value < low or (value == low and not low_inclusive)):
        if low == 0 and low_inclusive:
            raise InvalidAmount(_("{typed} is below zero: type 0 or more.").format(typed=typed), text)
        if low == 0:
            raise InvalidAmount(_("{typed} is too small: type a number above 0.").format(typed=typed), text)
        raise InvalidAmount(_("{typed} is too small: type at least {low}.").format(
            typed=typed, low=format_number(low, locale)), text)
    if high is not None and value > high:
        raise InvalidAmount(_("{typed} is too large: type at most {high}.").format(
            typed=typed, high=format_number(high, locale)), text)
