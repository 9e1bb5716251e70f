"""Model of the household budget: monthly income and spending lines typed as text, and what is left.

No ipywidgets here: the view links its boxes to these traits.
"""
from __future__ import annotations

from typing import Any

import traitlets

from ..countries import COUNTRY_CODES, Country, get_country
from ..curriculum import m08
from ..finance import budget_surplus
from ..finance import months_to_goal
from ..i18n import InvalidAmount, format_number
from ..i18n._format import currency_digits
from ._parsing import check_range, parse_input
from ._persist import PersistentModel

__all__ = ["HouseholdBudgetModel", "INCOME", "SPENDING"]

INCOME = tuple(line for line, _ in m08.INCOME_LINES)
SPENDING = tuple(line for line, _ in m08.SPENDING_LINES)
_HIGH = 1e12  # far beyond any household: only mistakes are refused

_LineTraits = type("_LineTraits", (PersistentModel,), {line: traitlets.Unicode("") for line in INCOME + SPENDING})


class HouseholdBudgetModel(_LineTraits):
    """A household's month: income and spending lines as typed, the surplus, and a savings goal.

    Empty line boxes count as nothing. ``surplus`` is ``None`` while a box is invalid,
    ``errors`` then maps each bad box to a message. ``months`` is the number of months to
    reach ``goal`` saving ``saving`` a month (``None`` without a goal, ``inf`` when
    nothing is put aside).

    Examples
    --------
    >>> model = HouseholdBudgetModel(country="PE")
    >>> model.total_income, model.total_spending, model.surplus, model.months
    (5000.0, 2730.0, 2270.0, 12.0)
    >>> model.food = "lots"
    >>> model.surplus is None, sorted(model.errors)
    (True, ['food'])
    """

    country = traitlets.Unicode(m08.COUNTRY)
    language = traitlets.Unicode("en")
    goal = traitlets.Unicode("")
    saving = traitlets.Unicode("")

    amounts = traitlets.Dict()
    total_income = traitlets.Float(None, allow_none=True)
    total_spending = traitlets.Float(None, allow_none=True)
    surplus = traitlets.Float(None, allow_none=True)
    goal_amount = traitlets.Float(None, allow_none=True)
    saving_amount = traitlets.Float(None, allow_none=True)
    months = traitlets.Float(None, allow_none=True)

    record_id = "m08_budget"
    persisted = ("country", *INCOME, *SPENDING, "goal", "saving")

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country) or self.country
        self.use_example()
        return remaining

    @traitlets.validate("country")
    def _known_country(self, proposal: dict) -> str:
        """A code from a hand-edited answer file that is no country of the course keeps the country in use."""
        value = proposal["value"]
        code = value.strip().upper() if isinstance(value, str) else value
        return code if code in COUNTRY_CODES else self.country

    @property
    def profile(self) -> Country:
        """The country whose currency and example are in use."""
        return get_country(self.country)

    def use_example(self) -> None:
        """Fill the boxes with the country's illustrative household."""
        example = m08.household_example(self.country)
        locale, digits = self.profile.locale, currency_digits(self.profile.currency)
        texts = {line: format_number(round(amount, digits), locale) for line, amount in example.lines.items()}
        texts["goal"] = format_number(example.goal, locale)
        texts["saving"] = format_number(example.saving, locale)
        self.fill(texts)

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        if not self._restoring:
            self.use_example()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    def _parse(self, name: str, errors: dict[str, str]) -> float | None:
        """The box's amount; an empty box is ``None`` without a message."""
        text = getattr(self, name)
        if not text.strip():
            return None
        try:
            value = parse_input(text, "money", self.profile.locale, self.language)
            check_range(value, text, 0, _HIGH, self.profile.locale, self.language)
        except InvalidAmount as problem:
            errors[name] = str(problem)
            return None
        return float(value)

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        amounts = {line: self._parse(line, errors) or 0.0 for line in INCOME + SPENDING}
        goal, saving = self._parse("goal", errors), self._parse("saving", errors)
        with self.hold_trait_notifications():  # views see the new results all together
            self.errors = errors
            if errors:
                self.amounts = {}
                self.total_income = self.total_spending = self.surplus = self.goal_amount = self.saving_amount = None
                self.months = None
                return
            income = {line: amounts[line] for line in INCOME}
            spending = {line: amounts[line] for line in SPENDING}
            self.amounts = amounts
            self.total_income = sum(income.values())
            self.total_spending = sum(spending.values())
            self.goal_amount, self.saving_amount = goal, saving or 0.0
            self.months = months_to_goal(goal, saving or 0.0) if goal else None
            self.surplus = budget_surplus(income, spending)
