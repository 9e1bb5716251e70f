"""Country profiles loaded from the TOML files in ``countries/data/``.

Every figure that comes from the world (a rate cap, an average rate, an
exchange rate) is a :class:`Fact` carrying its source and year. Example
loans, prices and households are *illustrative*: they are there to make the
lessons concrete, not to describe a real market, and are plain numbers
without a source.

Conventions used in the data files
----------------------------------
* Rates are fractions: ``0.18`` means 18 %.
* ``example_loan`` uses the vocabulary of :class:`ritorno.finance.Loan`:
  ``method`` is ``"declining"`` (declining balance, equal instalments),
  ``"equal_principal"`` (declining balance, equal principal) or ``"flat"``
  (interest on the original amount: ``annual_rate`` is then the flat yearly
  rate, 0.48 for 4 % a month); ``rate_type`` is ``"nominal"`` (yearly rate
  ÷ periods per year) or ``"effective"`` (an effective yearly rate such as
  Peru's TEA).
* ``example_loan.frequency`` is ``"weekly"``, ``"fortnightly"`` or
  ``"monthly"``; ``upfront_fee`` and ``compulsory_savings`` are fractions of
  the amount.
"""

from __future__ import annotations

import functools
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "COUNTRY_CODES",
    "FACT_UNITS",
    "ITALY_REMITTANCE_FACTS",
    "Country",
    "Fact",
    "all_countries",
    "get_country",
]

#: The six countries of the course, in the order menus show them.
COUNTRY_CODES: tuple[str, ...] = ("GH", "SN", "TN", "BO", "PE", "EC")

#: Allowed values of :attr:`Fact.unit`.
FACT_UNITS: tuple[str, ...] = (
    "annual_rate",
    "fraction",
    "currency_per_eur",
    "currency",
    "count",
    "text",
)

# Same vocabulary as ritorno.finance (METHODS, RATE_TYPES, PERIODS_PER_YEAR);
# kept here so that this package does not depend on finance (a test checks
# that they agree).
LOAN_METHODS: tuple[str, ...] = ("declining", "equal_principal", "flat")
RATE_TYPES: tuple[str, ...] = ("nominal", "effective")
FREQUENCIES: tuple[str, ...] = ("weekly", "fortnightly", "monthly")

_DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Fact:
    """A dated, sourced figure shown to trainees.

    Parameters
    ----------
    value : float or None
        The figure; rates as fractions (0.24 for 24 %). ``None`` only for
        ``unit="text"`` facts, whose content is the label.
    unit : str
        One of ``FACT_UNITS``: ``"annual_rate"``, ``"fraction"``,
        ``"currency_per_eur"`` (local currency units for 1 EUR),
        ``"currency"``, ``"count"`` or ``"text"``.
    label : str
        Short English text a trainee reads.
    source : str
        Who published the figure.
    year : int
        Year the figure refers to (or was published).
    url : str or None
        Where to check it.
    note : str or None
        Caveats, e.g. what is unverified about it.
    verified : bool
        True when the figure was read in the named source; False when it is
        approximate, second-hand or possibly out of date.

    Examples
    --------
    >>> cap = Fact(0.24, "annual_rate", "MFI rate cap", "BCEAO", 2014)
    >>> cap.value, cap.verified
    (0.24, False)
    >>> Fact(0.24, "percent", "MFI rate cap", "BCEAO", 2014)
    Traceback (most recent call last):
    ...
    ValueError: unit must be one of annual_rate, fraction, currency_per_eur, currency, count, text (got 'percent')
    """

    value: float | None
    unit: str
    label: str
    source: str
    year: int
    url: str | None = None
    note: str | None = None
    verified: bool = False

    def __post_init__(self) -> None:
        if self.unit not in FACT_UNITS:
            raise ValueError(
                f"unit must be one of {', '.join(FACT_UNITS)} (got {self.unit!r})"
            )
        if self.unit == "text":
            if self.value is not None:
                raise ValueError(f"a text fact has no value (got {self.value!r})")
        elif (
            isinstance(self.value, bool)
            or not isinstance(self.value, (int, float))
            or not math.isfinite(self.value)
        ):
            raise ValueError(
                f"value must be a finite number for unit {self.unit!r} "
                f"(got {self.value!r})"
            )
        else:
            object.__setattr__(self, "value", float(self.value))
        if not isinstance(self.year, int) or isinstance(self.year, bool):
            raise ValueError(f"year must be an integer (got {self.year!r})")
        for name in ("label", "source"):
            if not str(getattr(self, name)).strip():
                raise ValueError(f"{name} must not be empty")


@dataclass(frozen=True)
class Country:
    """Profile of one country of the course.

    Build it with :func:`get_country`. The dictionaries returned by
    ``facts``, ``example_loan``, ``example_prices`` and ``household_example``
    are fresh copies: changing them does not change the shared profile.

    Examples
    --------
    >>> sn = get_country("sn")
    >>> sn.name, sn.currency, sn.locale, sn.language
    ('Senegal', 'XOF', 'fr_SN', 'fr')
    >>> sn.fact("mfi_rate_cap").value
    0.24
    >>> sn.example_loan["periods"]
    12
    """

    code: str
    name: str
    currency: str
    locale: str
    language: str
    mobile_money: tuple[str, ...]
    _facts: dict[str, Fact] = field(repr=False, compare=False)
    _example_loan: dict[str, Any] = field(repr=False, compare=False)
    _example_prices: dict[str, float] = field(repr=False, compare=False)
    _household_example: dict[str, dict[str, float]] = field(repr=False, compare=False)

    @property
    def facts(self) -> dict[str, Fact]:
        """Sourced figures by key (a copy)."""
        return dict(self._facts)

    @property
    def example_loan(self) -> dict[str, Any]:
        """A typical local microloan, illustrative (a copy)."""
        return dict(self._example_loan)

    @property
    def example_prices(self) -> dict[str, float]:
        """A few illustrative local prices in local currency (a copy)."""
        return dict(self._example_prices)

    @property
    def household_example(self) -> dict[str, dict[str, float]]:
        """An illustrative household's monthly ``income`` and ``spending`` (a copy)."""
        return {kind: dict(items) for kind, items in self._household_example.items()}

    def fact(self, key: str) -> Fact:
        """Return the fact called *key*.

        Raises
        ------
        ValueError
            If this country has no such fact; the message lists the known keys.

        Examples
        --------
        >>> get_country("PE").fact("micro_tea_average").year
        2025
        >>> get_country("PE").fact("usury")
        Traceback (most recent call last):
        ...
        ValueError: Peru (PE) has no fact 'usury'. Known facts: eur_exchange_rate, legal_rate_cap, micro_tea_average
        """
        try:
            return self._facts[key]
        except KeyError:
            known = ", ".join(sorted(self._facts))
            raise ValueError(
                f"{self.name} ({self.code}) has no fact {key!r}. Known facts: {known}"
            ) from None


def get_country(code: str) -> Country:
    """Return the profile of the country with ISO code *code*.

    Parameters
    ----------
    code : str
        Two-letter code, any case: ``"GH"``, ``"sn"``…

    Raises
    ------
    ValueError
        For a code outside ``COUNTRY_CODES``.

    Examples
    --------
    >>> get_country("gh").currency
    'GHS'
    >>> get_country("IT")
    Traceback (most recent call last):
    ...
    ValueError: Unknown country 'IT'. Choose one of: GH, SN, TN, BO, PE, EC
    """
    normalised = code.strip().upper() if isinstance(code, str) else code
    if normalised not in COUNTRY_CODES:
        shown = normalised if isinstance(normalised, str) else repr(code)
        raise ValueError(
            f"Unknown country '{shown}'. Choose one of: {', '.join(COUNTRY_CODES)}"
        )
    return _load_country(normalised)


def all_countries() -> tuple[Country, ...]:
    """Return every country profile, in ``COUNTRY_CODES`` order.

    Examples
    --------
    >>> [c.code for c in all_countries()]
    ['GH', 'SN', 'TN', 'BO', 'PE', 'EC']
    """
    return tuple(get_country(code) for code in COUNTRY_CODES)


# --------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------

_MISSING = object()


class _Reader:
    """Typed access to a parsed TOML document, with errors naming file and key."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def error(self, key: str, problem: str) -> ValueError:
        return ValueError(f"{self.path.name}: key '{key}' {problem}")

    def get(self, table: dict[str, Any], key: str, prefix: str, kinds: tuple[type, ...],
            kind_name: str, required: bool = True) -> Any:
        full = f"{prefix}{key}"
        value = table.get(key, _MISSING)
        if value is _MISSING:
            if required:
                raise self.error(full, "is missing")
            return None
        if isinstance(value, bool) and bool not in kinds:
            raise self.error(full, f"must be {kind_name} (got {value!r})")
        if not isinstance(value, kinds):
            raise self.error(full, f"must be {kind_name} (got {value!r})")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.error(full, f"must be a finite number (got {value!r})")
        return value

    def text(self, table: dict[str, Any], key: str, prefix: str = "",
             required: bool = True) -> str | None:
        value = self.get(table, key, prefix, (str,), "a string", required)
        if value is not None and not value.strip():
            raise self.error(f"{prefix}{key}", "must not be empty")
        return value

    def number(self, table: dict[str, Any], key: str, prefix: str = "",
               required: bool = True) -> float | None:
        value = self.get(table, key, prefix, (int, float), "a number", required)
        return None if value is None else float(value)

    def integer(self, table: dict[str, Any], key: str, prefix: str = "") -> int:
        return self.get(table, key, prefix, (int,), "an integer")

    def table(self, table: dict[str, Any], key: str, prefix: str = "") -> dict[str, Any]:
        return self.get(table, key, prefix, (dict,), "a table")

    def choice(self, table: dict[str, Any], key: str, prefix: str,
               allowed: tuple[str, ...]) -> str:
        value = self.text(table, key, prefix)
        if value not in allowed:
            raise self.error(f"{prefix}{key}", f"must be one of {', '.join(allowed)} (got {value!r})")
        return value

    def amounts(self, table: dict[str, Any], prefix: str) -> dict[str, float]:
        result = {}
        for name in table:
            amount = self.number(table, name, prefix)
            if amount < 0:
                raise self.error(f"{prefix}{name}", f"must not be negative (got {amount!r})")
            result[name] = amount
        if not result:
            raise self.error(prefix.rstrip("."), "must not be empty")
        return result


def _read_toml(path: Path) -> _Reader:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ValueError(f"{path.name}: country data file not found at {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: not valid TOML ({exc})") from None
    return _Reader(path, data)


def _read_facts(reader: _Reader, facts_table: dict[str, Any], prefix: str) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for key in facts_table:
        p = f"{prefix}{key}."
        entry = reader.table(facts_table, key, prefix)
        unit = reader.choice(entry, "unit", p, FACT_UNITS)
        value = reader.number(entry, "value", p, required=unit != "text")
        if unit == "text" and value is not None:
            raise reader.error(f"{p}value", "must be left out for a text fact")
        year = reader.integer(entry, "year", p)
        if not 1900 <= year <= 2100:
            raise reader.error(f"{p}year", f"must be a plausible year (got {year})")
        verified = reader.get(entry, "verified", p, (bool,), "true or false")
        unknown = set(entry) - {"value", "unit", "label", "source", "year", "url", "note", "verified"}
        if unknown:
            raise reader.error(f"{p}{sorted(unknown)[0]}", "is not a fact field")
        facts[key] = Fact(
            value=value,
            unit=unit,
            label=reader.text(entry, "label", p),
            source=reader.text(entry, "source", p),
            year=year,
            url=reader.text(entry, "url", p, required=False),
            note=reader.text(entry, "note", p, required=False),
            verified=verified,
        )
    return facts


def _read_loan(reader: _Reader, data: dict[str, Any]) -> dict[str, Any]:
    loan = reader.table(data, "example_loan")
    p = "example_loan."
    result: dict[str, Any] = {
        "amount": reader.number(loan, "amount", p),
        "annual_rate": reader.number(loan, "annual_rate", p),
        "periods": reader.integer(loan, "periods", p),
        "frequency": reader.choice(loan, "frequency", p, FREQUENCIES),
        "method": reader.choice(loan, "method", p, LOAN_METHODS),
        "rate_type": reader.choice(loan, "rate_type", p, RATE_TYPES),
        "upfront_fee": reader.number(loan, "upfront_fee", p),
        "compulsory_savings": reader.number(loan, "compulsory_savings", p),
    }
    if result["amount"] <= 0:
        raise reader.error(f"{p}amount", f"must be positive (got {result['amount']!r})")
    if result["periods"] < 1:
        raise reader.error(f"{p}periods", f"must be at least 1 (got {result['periods']!r})")
    for key in ("annual_rate", "upfront_fee", "compulsory_savings"):
        if not 0 <= result[key] < 5:
            raise reader.error(f"{p}{key}", f"must be a fraction such as 0.18 (got {result[key]!r})")
    return result


@functools.cache
def _load_country(code: str) -> Country:
    path = _DATA_DIR / f"{code.lower()}.toml"
    reader = _read_toml(path)
    data = reader.data
    file_code = reader.text(data, "code")
    if file_code != code:
        raise reader.error("code", f"must be {code!r} (got {file_code!r})")
    mobile = reader.get(data, "mobile_money", "", (list,), "a list of names")
    for index, provider in enumerate(mobile):
        if not isinstance(provider, str) or not provider.strip():
            raise reader.error(f"mobile_money[{index}]", f"must be a name (got {provider!r})")
    household = reader.table(data, "household_example")
    return Country(
        code=code,
        name=reader.text(data, "name"),
        currency=reader.text(data, "currency"),
        locale=reader.text(data, "locale"),
        language=reader.text(data, "language"),
        mobile_money=tuple(mobile),
        _facts=_read_facts(reader, reader.table(data, "facts"), "facts."),
        _example_loan=_read_loan(reader, data),
        _example_prices=reader.amounts(reader.table(data, "example_prices"), "example_prices."),
        _household_example={
            kind: reader.amounts(reader.table(household, kind, "household_example."),
                                 f"household_example.{kind}.")
            for kind in ("income", "spending")
        },
    )


def _load_italy_facts() -> dict[str, Fact]:
    reader = _read_toml(_DATA_DIR / "italy.toml")
    return _read_facts(reader, reader.table(reader.data, "facts"), "facts.")


#: Sourced facts about sending money home from Italy (cost of remittances).
ITALY_REMITTANCE_FACTS: dict[str, Fact] = _load_italy_facts()
