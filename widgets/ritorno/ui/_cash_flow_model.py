"""Model of the cash-flow planner: an opening cash box and a grid of monthly lines, typed as text.

Each line has an "every month" box and twelve month boxes; an empty month box means
"same as every month". No ipywidgets here: the view links its boxes to these traits.
The plan starts from the country's example, then from what the trainee saved in
module 5 (start-up capital: the cash left on the opening day, the loan) and module 9
(the chosen loan), and says where each prefilled figure came from.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import traitlets

from ..answers import AnswerStatus, AnswerStore
from ..countries import COUNTRY_CODES, Country, get_country
from ..curriculum import m07
from ..finance import CashFlowMonth, Loan, cash_flow_plan, negative_months
from ..finance import loan_by_month
from ..i18n import InvalidAmount, format_money, format_number, format_percent, parse_amount, translator
from ..i18n._format import currency_digits
from ._loan_model import LoanModel
from ._parsing import check_range, parse_input
from ._persist import PersistentModel

__all__ = ["CashFlowModel", "MONTHS", "LINES", "CASH_IN", "CASH_OUT", "month_trait", "CAPITAL_RECORD", "LOAN_RECORD"]

MONTHS = m07.MONTHS
LINES = m07.LINES
CASH_IN = tuple(line for line, _ in m07.CASH_IN_LINES)
CASH_OUT = tuple(line for line, _ in m07.CASH_OUT_LINES)
CAPITAL_RECORD = "m05_capital"  # module 5's start-up capital, written by its own widget
LOAN_RECORD = LoanModel.record_id  # module 9's chosen loan
_HIGH = 1e12  # far beyond any small business: only mistakes are refused


def month_trait(line: str, month: int) -> str:
    """Name of the box of ``line`` in ``month`` (1 to 12): ``"sales_m3"``."""
    return f"{line}_m{month}"


_GRID_TRAITS = tuple(name for line in LINES for name in (line, *(month_trait(line, m) for m in range(1, MONTHS + 1))))

# The grid's boxes as traits, built from the lines of the module (one "every month" box + 12 per line).
_GridTraits = type("_GridTraits", (PersistentModel,), {name: traitlets.Unicode("") for name in _GRID_TRAITS})


def _every_and_overrides(values: Sequence[float]) -> tuple[float, dict[int, float]]:
    """The value most months share (the earliest on a tie), and the months that differ."""
    counts = Counter(values)
    every = max(values, key=lambda value: (counts[value], -values.index(value)))
    return every, {month: value for month, value in enumerate(values, start=1) if value != every}


@dataclass(frozen=True)
class _Capital:
    """Figures a plan takes from module 5: opening cash, the loan (already in the opening cash or not), family money."""

    opening: float | None = None
    loan: float | None = None
    family: float | None = None
    loan_in_opening: bool = False


class CashFlowModel(_GridTraits):
    """Twelve months of money in and out, as typed, and the closing cash they give.

    ``plan`` (a tuple of :class:`~ritorno.finance.CashFlowMonth`) is ``None`` while a box
    is invalid; ``errors`` then maps each bad box (``"opening"``, ``"sales"``,
    ``"sales_m3"``…) to a message. ``negatives`` lists the months that close below zero.

    Examples
    --------
    >>> model = CashFlowModel(country="TN")
    >>> model.negatives
    [4, 5]
    >>> model.sales_m4 = "9 000"
    >>> model.negatives, round(model.plan[3].closing, 3)
    ([], 5546.084)
    """

    country = traitlets.Unicode(m07.COUNTRY)
    language = traitlets.Unicode("en")
    opening = traitlets.Unicode("")

    plan = traitlets.Any(None, allow_none=True)
    monthly = traitlets.Dict()
    negatives = traitlets.List()
    #: where prefilled figures came from: "example", "opening" or a line id (shown while that line is as
    #: prefilled), "module_5" or "module_9" (why that module's work is not used) -> a sentence
    sources = traitlets.Dict()

    record_id = "m07_cashflow"
    persisted = ("country", "opening", *_GRID_TRAITS)

    def __init__(self, store: AnswerStore | None = None, **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        if self._prefilled_for != self.country:  # saved work for another country came back
            self._prefilled, sources = self._example_texts()
            self._prefilled_for, self.sources = self.country, sources

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country) or self.country
        self._prefilled: dict[str, str] = {}
        self._prefilled_for = ""
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

    # ------------------------------------------------------------------ prefill
    def _text(self, value: float) -> str:
        """An amount as a box shows it: the currency's decimals at most, no trailing zeros."""
        profile = self.profile
        return format_number(round(value, currency_digits(profile.currency)), profile.locale)

    def amount_text(self, value: float) -> str:
        """An amount for a table: always the currency's decimals, so columns line up."""
        profile = self.profile
        return format_number(value, profile.locale, digits=currency_digits(profile.currency))

    def _money(self, value: float) -> str:
        return format_money(value, self.profile.currency, self.profile.locale)

    def use_example(self) -> None:
        """Fill the plan with the country's example, then with the trainee's modules 5 and 9 if saved."""
        texts, sources = self._example_texts()
        self._set_all(texts)
        self._prefilled, self._prefilled_for = dict(texts), self.country
        self.sources = sources

    def _example_texts(self) -> tuple[dict[str, str], dict[str, str]]:
        """Texts of every box, and where they come from, for the country's example and modules 5 and 9."""
        _ = translator(self.language).gettext
        example = m07.example(self.country)
        values: dict[str, list[float]] = {line: list(amounts) for line, amounts in example.lines.items()}
        opening = example.opening
        sources: dict[str, str] = {}
        capital = self._saved_capital()
        chosen = self._saved_loan()

        example_loan = Loan(frequency="monthly", **example.loan)
        loan_months = loan_by_month(example_loan, MONTHS)
        values["loan_in"] = list(loan_months.received)
        values["instalments"] = list(loan_months.repaid)
        locale = self.profile.locale
        sources["example"] = _("Figures you have not changed come from an illustrative example for {country}: "
                               "replace them with your own.").format(country=_(self.profile.name))
        sources["loan_in"] = _("Loan received in month 1: the example's loan of {amount}, less its fee "
                               "(illustrative).").format(amount=self._money(example_loan.amount))
        sources["instalments"] = _("Loan instalments from month 2: the example's loan, {periods} months at {rate} a "
                                   "year (illustrative).").format(
                                       periods=example_loan.periods,
                                       rate=format_percent(example_loan.annual_rate, locale, digits=1))

        if isinstance(capital, str):
            sources["module_5"] = capital  # why module 5's plan is not used: shown while the plan is open
            capital = _Capital()
        if capital.opening is not None:
            opening = max(capital.opening, 0.0)
            if capital.opening < 0:
                sources["opening"] = _("Opening cash 0: your start-up capital plan (module 5) is short of {missing} "
                                       "even for the equipment and start-up costs. Find that money before you "
                                       "open.").format(missing=self._money(-capital.opening))
            elif capital.loan_in_opening:
                sources["opening"] = _("Opening cash: what your start-up capital plan (module 5) leaves once the "
                                       "equipment and start-up costs are paid.")
            else:
                sources["opening"] = _("Opening cash: your own savings, from your start-up capital plan (module 5).")
        if capital.family:
            values["other_in"][0] += capital.family
            sources["other_in"] = _("Other money in, month 1: the family's contribution, from your start-up "
                                    "capital plan (module 5).")
        if capital.loan is not None:
            if capital.loan_in_opening:
                values["loan_in"] = [0.0] * MONTHS
                sources["loan_in"] = _("Loan received: nothing in these months, because the loan of your start-up "
                                       "capital plan (module 5) is already in the opening cash.")
            else:
                values["loan_in"] = [capital.loan] + [0.0] * (MONTHS - 1)
                sources["loan_in"] = _("Loan received in month 1: the loan in your start-up capital plan (module 5).")
            if capital.loan == 0:
                values["instalments"] = [0.0] * MONTHS
                sources["instalments"] = _("No loan instalments: your start-up capital plan (module 5) has no loan.")
            elif not isinstance(chosen, Loan):
                terms = dict(example.loan, amount=capital.loan, upfront_fee=0.0, compulsory_savings=0.0)
                values["instalments"] = list(loan_by_month(Loan(frequency="monthly", **terms), MONTHS).repaid)
                sources["instalments"] = _(
                    "Loan instalments from month 2: the loan of your start-up capital plan, repaid on this example's "
                    "terms ({periods} months, {rate} a year). Type your lender's instalments if they differ.").format(
                        periods=terms["periods"], rate=format_percent(terms["annual_rate"], locale, digits=1))
        if isinstance(chosen, Loan):
            months = loan_by_month(chosen, MONTHS)
            values["instalments"] = list(months.repaid)
            sources["instalments"] = _("Loan instalments from month 2: the loan you saved in module 9 "
                                       "({instalment} a month).").format(instalment=self._money(chosen.instalment))
            if capital.loan is None:
                values["loan_in"] = list(months.received)
                sources["loan_in"] = _("Loan received in month 1: what you receive in hand from the loan you "
                                       "saved in module 9.")
            if any(months.savings_back):
                month = next(m for m, amount in enumerate(months.savings_back, start=1) if amount)
                values["other_in"] = [a + b for a, b in zip(values["other_in"], months.savings_back)]
                back = _("Other money in, month {month}: your compulsory savings come back with the last "
                         "instalment (module 9).").format(month=month)
                sources["other_in"] = f"{sources['other_in']} {back}" if "other_in" in sources else back
        elif isinstance(chosen, str):
            sources["module_9"] = chosen  # why module 9's loan is not used: shown while the plan is open

        texts = {"opening": self._text(opening)}
        digits = currency_digits(self.profile.currency)
        for line, amounts in values.items():
            # rounded as the boxes show them, so instalments equal but for float dust share one box
            every, overrides = _every_and_overrides([round(float(amount), digits) for amount in amounts])
            texts[line] = self._text(every)
            for month in range(1, MONTHS + 1):
                texts[month_trait(line, month)] = self._text(overrides[month]) if month in overrides else ""
        return texts, sources

    def _set_all(self, texts: Mapping[str, str]) -> None:
        """Set many boxes at once, recomputing and saving once, not once per box."""
        self.fill(texts)

    def _saved_capital(self) -> _Capital | str:
        """What module 5's saved plan brings to this one (nothing if there is none; a sentence if it does not fit).

        Module 5's own model reads its record: its opening cash is what the sources leave once
        equipment and start-up costs are paid, the loan included. Without that model, the
        record's fields are read one by one: own savings, family money, loan.
        """
        if self._store is None:
            return _Capital()
        try:
            from ._startup_capital_model import saved_startup_capital
        except ImportError:  # module 5's widget is not there: read its record directly
            return self._capital_from_record()
        capital = saved_startup_capital(self._store, self.language)
        if capital is None or capital.plan is None:
            return _Capital()
        if capital.country != self.country:
            return translator(self.language).gettext(
                "Your start-up capital plan (module 5) is for another country: this plan uses the example.")
        plan = capital.plan
        return _Capital(opening=plan.opening_cash, loan=plan.funding.loan, loan_in_opening=True)

    def _capital_from_record(self) -> _Capital:
        """Own savings, family money and loan read from module 5's record, where readable."""
        saved = self._store.load(CAPITAL_RECORD)
        if saved.status is not AnswerStatus.SAVED:
            return _Capital()
        values = dict(saved.values)
        country = values.get("country")
        if isinstance(country, str) and country.strip().upper() != self.country:
            return _Capital()
        locale = self.profile.locale
        found: dict[str, float] = {}
        for wanted in ("savings", "loan", "family"):
            keys = sorted((key for key in values if wanted in key.lower()
                           and not any(word in key.lower() for word in ("rate", "period", "month", "fee", "instal"))),
                          key=lambda key: (key.lower() != wanted, key))
            for key in keys:
                amount = _amount(values[key], locale)
                if amount is not None:
                    found[wanted] = amount
                    break
        return _Capital(opening=found.get("savings"), loan=found.get("loan"), family=found.get("family"))

    def _saved_loan(self) -> Loan | str | None:
        """Module 9's saved loan if it fits this plan; a sentence saying why not if it does not."""
        if self._store is None:
            return None
        saved = self._store.load(LOAN_RECORD, LoanModel.schema())
        if saved.status is not AnswerStatus.SAVED:
            return None
        _ = translator(self.language).gettext
        terms = {name: saved.get(name) for name in LoanModel.persisted if isinstance(saved.get(name), str)}
        if terms.get("country", "").upper() != self.country:
            return _("Your loan from module 9 is in another country's currency: this plan uses the example's "
                     "instalments.")
        loan = LoanModel(language=self.language, **terms).loan
        if loan is None:
            return None
        if loan.frequency != "monthly":
            return _("Your loan from module 9 is not repaid monthly: add up the instalments that fall in each month "
                     "and type them in the Loan instalments line.")
        return loan

    def prefilled_sources(self) -> list[str]:
        """Where prefilled figures came from, for the lines still as prefilled."""
        shown = []
        for line, sentence in self.sources.items():
            if line == "example":  # shown while any box of the example itself is untouched
                names = tuple(name for name in ("opening", *LINES) if name not in self.sources)
                if any(getattr(self, name) == self._prefilled.get(name) for name in names):
                    shown.append(sentence)
                continue
            if line != "opening" and line not in LINES:
                shown.append(sentence)
                continue
            names = ("opening",) if line == "opening" else (line, *(month_trait(line, m) for m in range(1, MONTHS + 1)))
            if all(getattr(self, name) == self._prefilled.get(name) for name in names):
                shown.append(sentence)
        return shown

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        if not self._restoring:
            self.use_example()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    # ------------------------------------------------------------------ results
    def _parse(self, name: str, errors: dict[str, str]) -> float | None:
        text = getattr(self, name)
        try:
            value = parse_input(text, "money", self.profile.locale, self.language)
            check_range(value, text, 0, _HIGH, self.profile.locale, self.language)
        except InvalidAmount as problem:
            errors[name] = str(problem)
            return None
        return float(value)

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        opening = self._parse("opening", errors)
        monthly: dict[str, tuple[float, ...]] = {}
        for line in LINES:
            every = 0.0 if not getattr(self, line).strip() else self._parse(line, errors)
            amounts = []
            for month in range(1, MONTHS + 1):
                name = month_trait(line, month)
                amounts.append(every if not getattr(self, name).strip() else self._parse(name, errors))
            if every is not None and None not in amounts:
                monthly[line] = tuple(amounts)
        plan = None
        if not errors:
            cash_in = [sum(monthly[line][index] for line in CASH_IN) for index in range(MONTHS)]
            cash_out = [sum(monthly[line][index] for line in CASH_OUT) for index in range(MONTHS)]
            plan = cash_flow_plan(opening, cash_in, cash_out)
        with self.hold_trait_notifications():  # views see the new results all together
            self.errors = errors
            self.monthly = monthly if plan is not None else {}
            self.negatives = negative_months(plan) if plan is not None else []
            self.plan = plan

    @property
    def lowest(self) -> CashFlowMonth | None:
        """The month that closes with the least cash (the first of equals), or ``None`` while invalid."""
        if self.plan is None:
            return None
        return min(self.plan, key=lambda month: month.closing)


def _amount(value: object, locale: str) -> float | None:
    """A saved amount (typed text or number) as a float of 0 or more, or ``None`` if unusable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = parse_amount(value, locale)
        except InvalidAmount:
            return None
    else:
        return None
    return number if math.isfinite(number) and 0 <= number <= _HIGH else None
