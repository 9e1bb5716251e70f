"""Model of module 10's repayment check: a month of the business and the household, and the loan's instalment.

No ipywidgets here: :mod:`ritorno.ui.repayment_check` holds the view, and the plan export reads the model.
"""
from __future__ import annotations

from typing import Any

import traitlets

from ..answers import AnswerStatus, AnswerStore
from ..countries import get_country
from ..finance import RepaymentCapacity, repayment_capacity
from ..i18n import InvalidAmount, format_number, translator
from ._loan_model import LoanModel
from ._parsing import InputKind, check_range, parse_input
from ._persist import PersistentModel

__all__ = ["RepaymentModel"]

# box -> (kind, low, high, low allowed): generous bounds, only mistakes are refused
_INPUTS: dict[str, tuple[InputKind, float, float, bool]] = {
    "monthly_sales": ("money", 0, 1e12, True),
    "variable_costs": ("money", 0, 1e12, True),
    "fixed_costs": ("money", 0, 1e12, True),
    "other_income": ("money", 0, 1e12, True),
    "household_spending": ("money", 0, 1e12, True),
    "instalment": ("money", 0, 1e12, False),
    "sales_drop": ("percent", 0, 99, True),
    "max_income_share": ("percent", 1, 99, True),
}


class RepaymentModel(PersistentModel):
    """A month of the business and the household, and the instalment they must carry.

    The instalment starts from the loan kept in module 9 when there is one.

    Examples
    --------
    >>> model = RepaymentModel(country="SN", monthly_sales="600 000", variable_costs="300 000",
    ...     fixed_costs="80 000", other_income="50 000", household_spending="150 000", instalment="91 680")
    >>> model.check.stressed_surplus, model.check.affordable
    (60000.0, False)
    """

    record_id = "m10_capacity"
    persisted = ("country", *_INPUTS)

    country = traitlets.Unicode("SN")
    language = traitlets.Unicode("en")
    monthly_sales = traitlets.Unicode("")
    variable_costs = traitlets.Unicode("")
    fixed_costs = traitlets.Unicode("")
    other_income = traitlets.Unicode("0")
    household_spending = traitlets.Unicode("")
    instalment = traitlets.Unicode("")
    sales_drop = traitlets.Unicode("20")
    max_income_share = traitlets.Unicode("35")

    check = traitlets.Instance(RepaymentCapacity, allow_none=True)
    instalment_source = traitlets.Unicode("")

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country)
        if self._store is not None:
            self._instalment_from_saved_loan(self._store)
        return remaining

    def _instalment_from_saved_loan(self, store: AnswerStore) -> None:
        if store.load(LoanModel.record_id, LoanModel.schema()).status is not AnswerStatus.SAVED:
            return
        loan = LoanModel(store=store).loan
        if loan is not None and loan.frequency == "monthly":
            self.instalment = format_number(round(loan.instalment), get_country(self.country).locale)
            self.instalment_source = translator(self.language).gettext("the loan you kept in module 9")

    def _recompute(self) -> None:
        locale, values, errors = get_country(self.country).locale, {}, {}
        for name, (kind, low, high, low_allowed) in _INPUTS.items():
            text = getattr(self, name)
            try:
                value = parse_input(text, kind, locale, self.language)
                check_range(value * 100 if kind == "percent" else value, text, low, high, locale, self.language,
                            low_allowed)
                values[name] = value
            except InvalidAmount as problem:
                errors[name] = str(problem)
        self.errors = errors
        self.check = None if errors else repayment_capacity(**values)
