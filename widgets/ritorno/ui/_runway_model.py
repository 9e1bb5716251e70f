"""Model of module 1's runway calculator: savings and essential spending as typed, and how long the savings last.

No ipywidgets here: :mod:`ritorno.ui.runway` holds the views.
"""
from __future__ import annotations

import math
from typing import Any

import traitlets

from ..countries import Country, get_country
from ..curriculum import m01
from ..finance import runway_months, total
from ..i18n import InvalidAmount, format_number, translator
from ._parsing import check_range, parse_input
from ._persist import PersistentModel
from ._profile import DEFAULT_COUNTRY
from ._parsing import known_country

__all__ = ["RunwayModel", "MAX_AMOUNT", "MONTHS_SHOWN"]

#: Largest amount accepted in a box: far beyond any household, so only mistakes are refused.
MAX_AMOUNT = 1e12
#: The chart follows the savings for at most this many months.
MONTHS_SHOWN = 24


class RunwayModel(PersistentModel):
    """Savings and essential monthly spending as typed; months the savings last and a verdict.

    ``months`` is ``None`` while a box is invalid; ``errors`` then maps each box
    (or ``"spending"`` when the lines add up to nothing) to a message.
    ``balances`` is the money left today and after each month, down to 0 (at most
    :data:`MONTHS_SHOWN` months); ``verdict`` is ``"short"`` (under 3 months),
    ``"medium"`` (3 to 6) or ``"long"`` (above 6).

    Examples
    --------
    >>> model = RunwayModel(country="GH")
    >>> model.total_spending, round(model.months, 2), model.verdict
    (4500.0, 4.44, 'medium')
    >>> model.savings = "9,000"
    >>> model.months, model.balances, model.verdict
    (2.0, [9000.0, 4500.0, 0.0], 'short')
    """

    record_id = "m01_runway"
    persisted = ("country", "savings", *m01.SPENDING_LINES)

    country = traitlets.Unicode(DEFAULT_COUNTRY)
    language = traitlets.Unicode("en")
    savings = traitlets.Unicode("")
    food = traitlets.Unicode("")
    housing = traitlets.Unicode("")
    school_health = traitlets.Unicode("")
    transport_phone = traitlets.Unicode("")
    family = traitlets.Unicode("")

    total_spending = traitlets.Any(None, allow_none=True)
    months = traitlets.Any(None, allow_none=True)
    balances = traitlets.List()
    verdict = traitlets.Unicode("")
    updates = traitlets.Int(0)  # counts recomputations: views redraw once per change, on this

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country)
        self.use_example()  # the country's illustrative household, unless saved work or given texts replace it
        return remaining

    @traitlets.validate("country")
    def _known_country(self, proposal: dict) -> str:
        return known_country(proposal["value"])

    @property
    def profile(self) -> Country:
        """The country whose currency and example are in use."""
        return get_country(self.country)

    def use_example(self) -> None:
        """Fill the boxes with the country's illustrative savings and household spending."""
        locale = self.profile.locale
        texts = {"savings": format_number(m01.example_savings(self.country), locale)}
        texts.update({line: format_number(amount, locale) for line, amount in m01.example_spending(self.country).items()})
        self.fill(texts)

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        if not self._restoring:
            self.use_example()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    def _amount(self, name: str) -> float:
        text = getattr(self, name)
        if name != "savings" and not text.strip():
            _ = translator(self.language).gettext
            raise InvalidAmount(_("This box is empty: type 0 if your household spends nothing on this."), text)
        value = parse_input(text, "money", self.profile.locale, self.language)
        check_range(value, text, 0, MAX_AMOUNT, self.profile.locale, self.language)
        return value

    def _recompute(self) -> None:
        _ = translator(self.language).gettext
        values: dict[str, float] = {}
        errors: dict[str, str] = {}
        for name in ("savings", *m01.SPENDING_LINES):
            try:
                values[name] = self._amount(name)
            except InvalidAmount as problem:
                errors[name] = str(problem)
        spending = months = None
        balances: list[float] = []
        if not errors:
            spending = total({line: values[line] for line in m01.SPENDING_LINES})
            if spending == 0:
                errors["spending"] = _("Your essential spending adds up to 0: type what your household spends "
                                       "each month.")
                spending = None
            else:
                months = runway_months(values["savings"], spending)
                shown = min(math.ceil(months - 1e-9), MONTHS_SHOWN)
                balances = [max(values["savings"] - spending * month, 0.0) for month in range(shown + 1)]
        self.errors = errors
        self.total_spending = spending
        self.balances = balances
        self.months = months
        self.verdict = "" if months is None else (
            "short" if months < m01.SHORT_RUNWAY_MONTHS else "medium" if months <= m01.LONG_RUNWAY_MONTHS else "long")
        self.updates += 1
