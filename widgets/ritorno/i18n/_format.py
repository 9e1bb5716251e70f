r"""Locale-aware money, number and percent formatting, and amount parsing.

Babel separates thousands with the locale's own characters, which are often
non-breaking spaces (``'\xa0'``, or the narrow ``'\u202f'`` in French): the
examples below show them with ``repr`` or replace them by plain spaces.

Rounding is half-up (1234.5 XOF shows as 1 235 F CFA), the rule people use
for money, rather than Babel's default half-even.
"""

from __future__ import annotations

import copy
import decimal
import functools
import math
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    is_currency,
)

from ._catalog import translator

__all__ = [
    "CURRENCY_DIGITS",
    "InvalidAmount",
    "format_money",
    "format_number",
    "format_percent",
    "parse_amount",
]

#: Decimals shown for currencies where the course fixes them; other
#: currencies use Babel's (ISO 4217) default.
CURRENCY_DIGITS: dict[str, int] = {"XOF": 0, "TND": 3}

# Enough precision for any finite float written out in full (1.8e308).
_CONTEXT = decimal.Context(prec=400, rounding=ROUND_HALF_UP)


class InvalidAmount(ValueError):
    """A trainee typed something that is not an amount; the message says what to do."""

    def __init__(self, message: str, text: object = None) -> None:
        super().__init__(message)
        self.text = text


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

@functools.lru_cache(maxsize=64)
def _locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        raise ValueError(f"Unknown locale {locale!r}; use a code such as 'fr_SN'") from None


def _decimal(value: object, name: str = "amount") -> Decimal:
    """A finite real number as an exact Decimal (floats via their shortest repr)."""
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal)):
        raise ValueError(f"{name} must be a number (got {value!r})")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    else:
        number = Decimal(repr(float(value)))
    if not number.is_finite():
        raise ValueError(f"{name} must be a finite number (got {value!r})")
    return number


def _round(number: Decimal, digits: int) -> Decimal:
    rounded = number.quantize(Decimal(1).scaleb(-digits), context=_CONTEXT)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _check_digits(digits: int | None) -> None:
    if digits is not None and (
        isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 20
    ):
        raise ValueError(f"digits must be a whole number from 0 to 20 (got {digits!r})")


def _apply(pattern, number: Decimal, loc: Locale, **options) -> str:
    with decimal.localcontext(_CONTEXT):
        return pattern.apply(number, loc, **options)


def _with_digits(pattern, digits: int):
    pattern = copy.copy(pattern)
    pattern.frac_prec = (digits, digits)
    return pattern


def currency_digits(currency: str) -> int:
    """Decimals shown for *currency*.

    >>> currency_digits("XOF"), currency_digits("TND"), currency_digits("GHS")
    (0, 3, 2)
    """
    return CURRENCY_DIGITS.get(currency, get_currency_precision(currency))


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------

def format_money(amount: float, currency: str, locale: str) -> str:
    r"""Format *amount* in *currency* the way *locale* writes money.

    Parameters
    ----------
    amount : float
        Any finite number.
    currency : str
        ISO 4217 code, e.g. ``"XOF"``. XOF is shown without decimals, TND
        with three, other currencies with their usual number of decimals.
    locale : str
        e.g. ``"fr_SN"``.

    Raises
    ------
    ValueError
        For NaN or infinity, an unknown currency code or locale.

    Examples
    --------
    >>> print(repr(format_money(1234.5, "XOF", "fr_SN")))
    '1\u202f235\xa0F\u202fCFA'
    >>> format_money(1234.5, "TND", "fr_TN").replace("\u202f", " ").replace("\xa0", " ")
    '1 234,500 DT'
    >>> format_money(1234.5, "GHS", "en_GH")
    'GH₵1,234.50'
    """
    number = _decimal(amount)
    code = currency.upper() if isinstance(currency, str) else currency
    if not isinstance(code, str) or not is_currency(code):
        raise ValueError(f"Unknown currency code {currency!r}; use an ISO code such as 'XOF'")
    loc = _locale(locale)
    digits = currency_digits(code)
    pattern = _with_digits(loc.currency_formats["standard"], digits)
    return _apply(pattern, _round(number, digits), loc, currency=code, currency_digits=False)


def format_number(number: float, locale: str, digits: int | None = None) -> str:
    r"""Format *number* with the grouping and decimal mark of *locale*.

    Parameters
    ----------
    number : float
        Any finite number.
    locale : str
        e.g. ``"es_PE"``.
    digits : int, optional
        Exact number of decimals to show. By default up to three decimals
        are shown and trailing zeros are dropped.

    Examples
    --------
    >>> format_number(1234.5, "en")
    '1,234.5'
    >>> format_number(1234.5, "es_BO", digits=2)
    '1.234,50'
    >>> format_number(1234.5, "fr_SN").replace("\u202f", " ")
    '1 234,5'
    """
    value = _decimal(number, "number")
    _check_digits(digits)
    loc = _locale(locale)
    pattern = loc.decimal_formats[None]
    if digits is None:
        value = _round(value, pattern.frac_prec[1])
    else:
        pattern = _with_digits(pattern, digits)
        value = _round(value, digits)
    return _apply(pattern, value, loc)


def format_percent(fraction: float, locale: str, digits: int = 1) -> str:
    r"""Format a *fraction* as a percentage: 0.219 -> 21.9 %.

    Parameters
    ----------
    fraction : float
        The rate as a fraction (0.18 for 18 %).
    locale : str
        e.g. ``"fr_SN"``.
    digits : int
        Decimals shown after the percent value (default 1).

    Examples
    --------
    >>> format_percent(0.219, "fr_SN", digits=1).replace("\xa0", " ")
    '21,9 %'
    >>> format_percent(0.18, "en", digits=0)
    '18%'
    >>> format_percent(0.5593, "es_PE", digits=2)
    '55.93%'
    """
    value = _decimal(fraction, "fraction")
    _check_digits(digits)
    loc = _locale(locale)
    pattern = _with_digits(loc.percent_formats[None], digits)
    percent = _round(_CONTEXT.multiply(value, 100), digits)
    return _apply(pattern, _CONTEXT.divide(percent, 100), loc)


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------

_MINUS_SIGNS = "-\u2212\u2012\u2013\ufe63\uff0d"
_SPACES = " \t\xa0\u2009\u202f\u2007\u200a\u00b7'\u2019"
_CURRENCY_CODES = ("XOF", "GHS", "TND", "BOB", "PEN", "USD", "EUR")
_EXTRA_SYMBOLS = (
    "F CFA", "FCFA", "CFA", "F", "francs", "GH¢", "GH₵", "¢", "₵", "cedis",
    "DT", "TD", "dinars", "Bs", "Bs.", "S/", "S/.", "soles", "$", "US$", "€",
)


def _squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in _SPACES).casefold()


@functools.lru_cache(maxsize=64)
def _currency_words(locale: str) -> frozenset[str]:
    words = set(_EXTRA_SYMBOLS) | set(_CURRENCY_CODES)
    for code in _CURRENCY_CODES:
        for loc in (locale, "en", "fr", "es"):
            words.add(get_currency_symbol(code, loc))
    return frozenset(_squash(word) for word in words)


def _is_money_text(text: str, locale: str) -> bool:
    """True for text around a number that is only a currency mark (or nothing)."""
    squashed = _squash(text)
    return squashed == "" or squashed in _currency_words(locale)


def _grouped(integer: str, mark: str) -> str | None:
    """Remove grouping *mark* from *integer* if every group has 3 digits."""
    groups = integer.split(mark)
    if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        return None
    return "".join(groups)


def _split_number(core: str, decimal_mark: str, spaced: bool = False) -> tuple[str, str] | None:
    """Split digits and '.'/',' marks into integer and fraction digits.

    *spaced* tells that spaces grouped the digits: a single mark is then the
    decimal mark whatever the locale ("1 234,5" or "1 234.5").
    """
    marks = [ch for ch in core if ch in ".,"]
    if not marks:
        return core, ""
    kinds = set(marks)
    if len(kinds) == 2:
        point = marks[-1]
        if marks.count(point) != 1:
            return None
        group = (kinds - {point}).pop()
    else:
        mark = marks[0]
        count = len(marks)
        after = core.rsplit(mark, 1)[1]
        if count > 1:
            point, group = None, mark
        elif mark == decimal_mark or spaced:
            point, group = mark, None
        elif len(after) == 3 and core.index(mark) > 0:
            point, group = None, mark  # "1,000" in English, "1.000" in Bolivia
        else:
            point, group = mark, None  # "1.5" typed in a French locale
    if point is not None:
        integer, _, fraction = core.rpartition(point)
    else:
        integer, fraction = core, ""
    if group is not None:
        integer = _grouped(integer, group)
        if integer is None:
            return None
    if not integer and not fraction:
        return None
    if any(ch in ".," for ch in integer + fraction):
        return None
    return integer or "0", fraction


def _example(locale: str) -> str:
    return format_number(1500, locale)


def parse_amount(text: str, locale: str, language: str = "en") -> float:
    r"""Read an amount typed by a trainee.

    Accepts the locale's grouping and decimal marks ("1 000 000,50" in
    French), plain digits ("1000000"), English-style "1,000,000.50", spaces
    around, a minus sign, and a currency symbol or code before or after the
    number ("F CFA", "S/", "GHS"...).

    Parameters
    ----------
    text : str
        What was typed.
    locale : str
        The trainee's locale, e.g. ``"fr_SN"``; it decides whether a single
        ``,`` or ``.`` is the decimal mark.
    language : str
        Language of the error messages (default English).

    Returns
    -------
    float

    Raises
    ------
    InvalidAmount
        With a short sentence the trainee can act on.
    ValueError
        For an unknown *locale* (a programming error, not the trainee's).

    Examples
    --------
    >>> parse_amount("1 000 000", "fr_SN")
    1000000.0
    >>> parse_amount("1,000,000.50", "en")
    1000000.5
    >>> parse_amount("S/ 810,66", "es_BO")
    810.66
    >>> parse_amount("", "en")
    Traceback (most recent call last):
    ...
    ritorno.i18n._format.InvalidAmount: This box is empty: please type an amount.
    >>> parse_amount("ten", "en")
    Traceback (most recent call last):
    ...
    ritorno.i18n._format.InvalidAmount: Please type a number, for example 1,500.
    """
    loc = _locale(locale)  # a wrong locale is a programming error: ValueError
    locale = str(loc)
    t = translator(language)

    def invalid() -> InvalidAmount:
        message = t.gettext("Please type a number, for example {example}.")
        return InvalidAmount(message.format(example=_example(locale)), text)

    if text is None or (isinstance(text, str) and not text.strip()):
        raise InvalidAmount(t.gettext("This box is empty: please type an amount."), text)
    if isinstance(text, (Real, Decimal)) and not isinstance(text, bool):
        number = float(text)  # already a number (e.g. from a numeric widget)
        if not math.isfinite(number):
            raise invalid()
        return number + 0.0
    if not isinstance(text, str):
        raise invalid()
    decimal_mark = get_decimal_symbol(loc)
    cleaned = unicodedata.normalize("NFKC", text).strip()
    digit_positions = [i for i, ch in enumerate(cleaned) if ch.isdecimal()]
    if not digit_positions:
        raise invalid()
    first, last = digit_positions[0], digit_positions[-1]
    if first > 0 and cleaned[first - 1] in ".,":
        first -= 1  # ".5"
    prefix, core, suffix = cleaned[:first], cleaned[first:last + 1], cleaned[last + 1:]
    negative = False
    sign_positions = [i for i, ch in enumerate(prefix) if ch in _MINUS_SIGNS + "+"]
    if len(sign_positions) > 1:
        raise invalid()
    if sign_positions:
        negative = prefix[sign_positions[0]] != "+"
        prefix = prefix[:sign_positions[0]] + prefix[sign_positions[0] + 1:]
    if suffix and suffix[0] in ".,":
        suffix = suffix[1:]  # "100." or "1 000,"
    if not _is_money_text(prefix, locale) or not _is_money_text(suffix, locale):
        raise invalid()
    squeezed = "".join(ch for ch in core if not (ch.isspace() or ch in _SPACES))
    if any(not (ch.isdecimal() or ch in ".,") for ch in squeezed):
        raise invalid()
    parts = _split_number(squeezed, decimal_mark, spaced=squeezed != core)
    if parts is None:
        raise invalid()
    integer, fraction = parts
    value = float(Decimal(f"{integer}.{fraction or '0'}"))
    if not math.isfinite(value):
        raise invalid()
    value = -value if negative else value
    return value + 0.0  # turns -0.0 into 0.0
