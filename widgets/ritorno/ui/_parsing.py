"""Turn what a trainee typed into a value, or a message saying what to fix."""
from __future__ import annotations

from typing import Literal

from ..countries import COUNTRY_CODES
from ..i18n import InvalidAmount, format_number, parse_amount, translator
from ._profile import DEFAULT_COUNTRY

__all__ = ["InputKind", "parse_input", "InvalidAmount", "check_range", "parse_whole", "check_length",
           "known_country"]

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


def parse_whole(text: str, low: int, high: int, locale: str, language: str = "en", example: int = 4) -> int:
    """A whole number from ``low`` to ``high`` typed in a box, or :class:`InvalidAmount` saying what to fix.

    >>> parse_whole(" 6 ", 1, 50, "en_GH")
    6
    >>> parse_whole("2.5", 1, 5, "en_GH", example=3)
    Traceback (most recent call last):
    ...
    ritorno.i18n._format.InvalidAmount: Please type a whole number, for example 3.
    >>> parse_whole("", 1, 5, "fr_TN", example=3)
    Traceback (most recent call last):
    ...
    ritorno.i18n._format.InvalidAmount: This box is empty: please type a whole number, for example 3.
    """
    _ = translator(language).gettext
    if not text.strip():
        raise InvalidAmount(_("This box is empty: please type a whole number, for example {example}.").format(
            example=example), text)
    not_whole = InvalidAmount(_("Please type a whole number, for example {example}.").format(example=example), text)
    try:
        value = parse_amount(text, locale, language=language)
    except InvalidAmount:
        raise not_whole from None
    if value != int(value):
        raise not_whole
    check_range(value, text, low, high, locale, language)
    return int(value)


def check_length(text: str, limit: int, language: str = "en") -> None:
    """Raise :class:`InvalidAmount` when ``text`` has more than ``limit`` characters.

    >>> check_length("a" * 12, 10)
    Traceback (most recent call last):
    ...
    ritorno.i18n._format.InvalidAmount: This is too long: keep it to 10 characters or fewer (now 12).
    """
    if len(text) > limit:
        _ = translator(language).gettext
        raise InvalidAmount(_("This is too long: keep it to {limit} characters or fewer (now {count}).").format(
            limit=limit, count=len(text)), text)


def known_country(code: str) -> str:
    """``code`` as an ISO code of the course, or the default country for anything else (a damaged file).

    >>> known_country("gh"), known_country("IT")
    ('GH', 'SN')
    """
    normalised = code.strip().upper() if isinstance(code, str) else ""
    return normalised if normalised in COUNTRY_CODES else DEFAULT_COUNTRY
