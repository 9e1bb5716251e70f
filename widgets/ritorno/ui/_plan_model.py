"""Shared ground of the planning models (modules 4 to 6): a country, its example, and boxes read one by one.

No ipywidgets here: views link their boxes to these traits, and tests drive the models directly.
"""
from __future__ import annotations

from typing import Any

import traitlets

from ..countries import Country, get_country
from ..i18n import InvalidAmount, format_number, translator
from ._parsing import InputKind, check_range, parse_input
from ._persist import PersistentModel

__all__ = ["CountryPlanModel", "MAX_AMOUNT", "MAX_UNITS", "quoted"]

#: Largest amount a money box takes: far beyond any small business, so only mistakes are refused.
MAX_AMOUNT = 1e12
#: Largest number of units a month.
MAX_UNITS = 1_000_000_000


class CountryPlanModel(PersistentModel):
    """A persistent model that starts from its country's example and reads its boxes with messages.

    Subclasses set ``record_id`` and ``persisted`` (``"country"`` included), and implement
    ``use_example`` and ``_recompute``. Changing ``country`` fills the boxes with that
    country's example; changing ``language`` rewrites the messages.
    """

    country = traitlets.Unicode("SN")
    language = traitlets.Unicode("en")

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", None) or self.language
        self.country = get_country(remaining.pop("country", None) or self.country).code
        self.use_example()  # the country's example, unless saved work or given texts replace it
        return remaining

    @property
    def profile(self) -> Country:
        """The country whose currency and example are in use."""
        return get_country(self.country)

    def use_example(self) -> None:
        """Fill the boxes with the country's illustrative example."""
        raise NotImplementedError

    @traitlets.validate("country")
    def _known_country(self, proposal: dict) -> str:
        try:
            return get_country(proposal["value"]).code
        except ValueError:  # a saved file edited by hand: keep the country in use
            return self.country

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        if self._restoring:
            return
        self._restoring = True  # one recomputation for the whole example, not one per box
        try:
            self.use_example()
        finally:
            self._restoring = False
        self._recompute()
        self.save()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    # -- helpers for use_example and _recompute -------------------------------------------------

    def gettext(self, message: str) -> str:
        """``message`` in the model's language."""
        return translator(self.language).gettext(message)

    def typed(self, value: float) -> str:
        """A number as the trainee would type it in this country (``1.800`` in Bolivia)."""
        return format_number(value, self.profile.locale)

    def read(self, name: str, kind: InputKind, errors: dict[str, str], *, low: float | None = 0,
             high: float | None = MAX_AMOUNT, low_inclusive: bool = True, optional: bool = False) -> Any:
        """The value typed in box ``name``, or ``None`` with a message put in ``errors[name]``.

        Percent boxes are compared with ``low``/``high`` in percent, as typed. An ``optional``
        box left empty gives ``None`` without a message.
        """
        text = getattr(self, name)
        if optional and not text.strip():
            return None
        try:
            value = parse_input(text, kind, self.profile.locale, self.language)
            check_range(value * 100 if kind == "percent" else value, text, low, high, self.profile.locale,
                        self.language, low_inclusive)
        except InvalidAmount as problem:
            errors[name] = str(problem)
            return None
        return value

    def refuse(self, name: str, message: str, errors: dict[str, str]) -> None:
        """Put ``message`` (marked with ``N_``; ``{typed}`` quotes the box) under box ``name``."""
        errors[name] = self.gettext(message).format(typed=quoted(getattr(self, name)))


def quoted(text: str) -> str:
    """What was typed, as a message quotes it: 20 characters whole, longer texts cut to 18 and "…".

    >>> quoted(" -15 "), quoted("1" * 25)
    ('-15', '111111111111111111…')
    """
    typed = text.strip()
    return typed if len(typed) <= 20 else typed[:18] + "…"
