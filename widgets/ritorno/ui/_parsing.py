"""Turn what a trainee typed into a value, or a message saying what to fix."""
from __future__ import annotations

from typing import Literal

from ..i18n import InvalidAmount, parse_amount, translator

__all__ = ["InputKind", "parse_input", "InvalidAmount"]

InputKind = Literal["money", "percent", "count"]


def parse_input(text: str, kind: InputKind, locale: str, language: str = "en") -> float | int:
    """Parse a box's text: money as typed, a percentage to a fraction, a count to an int.

    Raises
    ------
    InvalidAmount
        With a message for the trainee.

    Examples
    --------
    >>> parse_input("18", "percent", "en_GH")
    0.18
    >>> parse_input("12", "count", "en_GH")
    12
    """
    _ = translator(language).gettext
    value = parse_amount(text, locale, language=language)
    if kind == "percent":
        return value / 100
    if kind == "count":
        if value != int(value):
            raise InvalidAmount(_("Please type a whole number, for example 12."))
        return int(value)
    return value
