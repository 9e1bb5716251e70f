"""Model of the loan calculator: the boxes' texts in, a Loan (or messages) out.

No ipywidgets here: the view links its boxes to these traits, and tests drive the
model directly.
"""
from __future__ import annotations

from typing import Any

import traitlets

from ..countries import Country, get_country
from ..finance import Loan
from ..i18n import InvalidAmount, format_number
from ._parsing import InputKind, check_range, parse_input
from ._persist import PersistentModel

__all__ = ["LoanModel", "NUMERIC_INPUTS"]

# trait name -> (kind of number, Loan parameter)
NUMERIC_INPUTS: dict[str, tuple[InputKind, str]] = {
    "amount": ("money", "amount"),
    "rate": ("percent", "annual_rate"),
    "periods": ("count", "periods"),
    "fee": ("percent", "upfront_fee"),
    "savings": ("percent", "compulsory_savings"),
    "grace": ("count", "grace_periods"),
}
# Allowed range of each box, in what the trainee types (percent boxes in %), and whether the
# lower bound itself is allowed. Far beyond any microloan, so only mistakes are refused.
RANGES: dict[str, tuple[float, float, bool]] = {
    "amount": (0, 1e12, False),
    "rate": (0, 1000, True),
    "periods": (1, 520, True),
    "fee": (0, 99, True),
    "savings": (0, 99, True),
    "grace": (0, 519, True),
}
# boxes a trainee may leave empty, meaning none
OPTIONAL_INPUTS = frozenset({"fee", "savings", "grace"})


class LoanModel(PersistentModel):
    """Loan terms as typed, and the loan they describe.

    ``loan`` is ``None`` while any box is invalid; ``errors`` then maps each box
    (or ``"loan"`` for a rule between boxes) to a message for the trainee.
    Built with a ``store``, the terms are kept as the trainee's chosen loan
    (module 10 puts it in the business plan).

    Examples
    --------
    >>> model = LoanModel(country="SN")
    >>> model.amount = "1 000 000"; model.rate = "18"; model.periods = "12"; model.fee = "2"
    >>> round(model.loan.apr, 3)
    0.219
    >>> model.amount = "lots"
    >>> model.loan is None, sorted(model.errors)
    (True, ['amount'])
    """

    country = traitlets.Unicode("SN")
    language = traitlets.Unicode("en")
    amount = traitlets.Unicode("")
    rate = traitlets.Unicode("")
    periods = traitlets.Unicode("")
    fee = traitlets.Unicode("0")
    savings = traitlets.Unicode("0")
    grace = traitlets.Unicode("0")
    frequency = traitlets.Unicode("monthly")
    method = traitlets.Unicode("declining")
    rate_type = traitlets.Unicode("nominal")

    loan = traitlets.Any(None, allow_none=True)

    record_id = "m09_loan"
    persisted = ("country", *NUMERIC_INPUTS, "frequency", "method", "rate_type")

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country)
        self.use_example()  # the country's typical loan, unless saved work or given terms replace it
        return remaining

    @property
    def profile(self) -> Country:
        """The country whose currency and examples are in use."""
        return get_country(self.country)

    def use_example(self) -> None:
        """Fill the boxes with the country's typical microloan."""
        example, locale = self.profile.example_loan, self.profile.locale
        with self.hold_trait_notifications():
            self.amount = format_number(example["amount"], locale)
            self.rate = format_number(example["annual_rate"] * 100, locale)
            self.periods = str(int(example["periods"]))
            self.fee = format_number(example.get("upfront_fee", 0) * 100, locale)
            self.savings = format_number(example.get("compulsory_savings", 0) * 100, locale)
            self.grace = "0"
            self.frequency = example.get("frequency", "monthly")
            self.method = example.get("method", "declining")
            self.rate_type = example.get("rate_type", "nominal")

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        if not self._restoring:
            self.use_example()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    def _recompute(self) -> None:
        locale = self.profile.locale
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, (kind, parameter) in NUMERIC_INPUTS.items():
            text = getattr(self, name)
            if name in OPTIONAL_INPUTS and not text.strip():
                text = "0"
            try:
                value = parse_input(text, kind, locale, self.language)
                low, high, low_inclusive = RANGES[name]
                check_range(value * 100 if kind == "percent" else value, text, low, high, locale, self.language,
                            low_inclusive)
                values[parameter] = value
            except InvalidAmount as problem:
                errors[name] = str(problem)
        loan = None
        if not errors:
            try:
                loan = Loan(frequency=self.frequency, method=self.method, rate_type=self.rate_type, **values)
                loan.apr  # noqa: B018 - computed now, so a cost beyond reckoning is a message, not a crash later
            except ValueError as problem:  # a rule between boxes: grace vs. instalments, fee + savings
                errors["loan"] = str(problem)
                loan = None
        self.errors = errors
        self.loan = loan
