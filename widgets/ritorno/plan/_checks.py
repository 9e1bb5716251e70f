"""The checks a lender makes first, run on the plan before it is exported.

Each check gives a :class:`CheckResult`: passed, failed or not checked yet, with a
plain-language explanation of what to change and the module where to change it.

- sources equal uses (module 5's start-up capital and funding mix);
- no month of the cash-flow plan below zero (module 7), naming the months;
- the instalment within repayment capacity after a fall in sales (module 10's repayment
  check, or, when it was not done, the same test worked out from modules 6, 8 and 9);
- the debt-service cover, shown for a normal and a bad month.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from babel.lists import format_list

from ..countries import get_country
from ..curriculum import module_by_number
from ..finance import RepaymentCapacity, repayment_capacity
from ..i18n import format_money, format_number, format_percent, parse_amount, translator
from ..i18n._format import currency_digits

__all__ = ["CheckResult", "Capacity", "PASSED", "FAILED", "NOT_CHECKED", "check_sources_equal_uses",
           "check_cash_flow", "check_repayment_capacity", "check_debt_service_cover", "capacity_from_models",
           "run_checks"]

PASSED, FAILED, NOT_CHECKED = "passed", "failed", "not_checked"
#: Sales drop and largest share of income used when the repayment check is worked out from other modules.
DEFAULT_SALES_DROP, DEFAULT_MAX_INCOME_SHARE = 0.20, 0.35
_PERIODS_PER_YEAR = {"monthly": 12, "fortnightly": 26, "weekly": 52}


@dataclass(frozen=True)
class CheckResult:
    """One check: its outcome, what it means in plain words, and the module where to change it."""

    key: str
    title: str
    status: str
    explanation: str
    module: int

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    @property
    def checked(self) -> bool:
        return self.status != NOT_CHECKED

    @property
    def lesson(self) -> str:
        """The lesson notebook where to change it, e.g. ``05_startup_capital_and_funding.ipynb``."""
        return module_by_number(self.module).name + ".ipynb"


@dataclass(frozen=True)
class Capacity:
    """The repayment test the plan uses, and where its figures come from.

    ``origin`` is ``"module_10"`` (the trainee's repayment check), ``"derived"`` (worked out
    from the break-even plan, the household budget and the loan), ``"invalid"`` (module 10
    saved with a box not valid) or ``"missing"``.
    """

    check: RepaymentCapacity | None
    origin: str
    country: str = "SN"
    sales_drop: float = DEFAULT_SALES_DROP

    def money(self, value: float) -> str:
        profile = get_country(self.country)
        return format_money(value, profile.currency, profile.locale)


def _sentence_money(country: str):
    profile = get_country(country)
    return lambda value: format_money(value, profile.currency, profile.locale)


def check_sources_equal_uses(capital, language: str = "en") -> CheckResult:
    """Module 5: the sources (IOM in kind, savings, family, loan) must pay for exactly the uses.

    ``capital`` is a :class:`~ritorno.ui._startup_capital_model.StartupCapitalModel` built from
    the saved work, or ``None`` when there is none.
    """
    _ = translator(language).gettext
    title = _("Sources equal uses")
    if capital is None:
        return CheckResult("sources_uses", title, NOT_CHECKED,
                           _("Not checked yet: do the start-up capital plan in module 5."), 5)
    if capital.plan is None:
        return CheckResult("sources_uses", title, NOT_CHECKED,
                           _("Not checked yet: some boxes of your start-up capital plan are not valid. "
                             "Correct them in module 5."), 5)
    money = _sentence_money(capital.country)
    uses, sources, gap = capital.capital, capital.funding.total, capital.gap
    tolerance = 0.5 * 10 ** -currency_digits(get_country(capital.country).currency)
    if abs(gap) < tolerance:
        return CheckResult("sources_uses", title, PASSED, _(
            "Your sources ({sources}) pay for everything you need to open ({uses}).").format(
                sources=money(sources), uses=money(uses)), 5)
    if gap > 0:
        text = _("Your sources ({sources}) are {missing} short of what you need to open ({uses}). Find {missing} "
                 "more (own savings, family, a larger loan) or plan to buy less before you open, in module 5.").format(
                     sources=money(sources), uses=money(uses), missing=money(gap))
    else:
        text = _("Your sources ({sources}) are {extra} more than what you need to open ({uses}). Borrow {extra} "
                 "less, or add to the uses what this money is for, in module 5.").format(
                     sources=money(sources), uses=money(uses), extra=money(-gap))
    return CheckResult("sources_uses", title, FAILED, text, 5)


def check_cash_flow(cash_flow, language: str = "en") -> CheckResult:
    """Module 7: no month may end below zero; a failure names the months and the lowest cash."""
    translations = translator(language)
    _ = translations.gettext
    title = _("No month below zero")
    if cash_flow is None:
        return CheckResult("cash_flow", title, NOT_CHECKED, _("Not checked yet: do the cash-flow plan in module 7."), 7)
    if cash_flow.plan is None:
        return CheckResult("cash_flow", title, NOT_CHECKED,
                           _("Not checked yet: some boxes of your cash-flow plan are not valid. "
                             "Correct them in module 7."), 7)
    money = _sentence_money(cash_flow.country)
    lowest = cash_flow.lowest
    if not cash_flow.negatives:
        return CheckResult("cash_flow", title, PASSED, _(
            "Every month of your cash-flow plan ends with cash in hand (the lowest: {amount} at the end of month "
            "{month}).").format(amount=money(lowest.closing), month=lowest.month), 7)
    months = format_list([str(month) for month in cash_flow.negatives], locale=_list_locale(language))
    text = translations.ngettext(
        "Your cash runs out in month {months}: the lowest is {amount} at the end of month {month}. Move purchases "
        "to later months, keep more cash at the start, or ask the lender for a grace period, in module 7.",
        "Your cash runs out in months {months}: the lowest is {amount} at the end of month {month}. Move purchases "
        "to later months, keep more cash at the start, or ask the lender for a grace period, in module 7.",
        len(cash_flow.negatives)).format(months=months, amount=money(lowest.closing), month=lowest.month)
    return CheckResult("cash_flow", title, FAILED, text, 7)


def _list_locale(language: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "en"
    return language.replace("-", "_")


def _monthly_instalment(loan) -> float:
    """The loan's regular instalment as a monthly amount (52 weekly instalments make 12 monthly ones)."""
    return loan.instalment * _PERIODS_PER_YEAR.get(loan.frequency, 12) / 12


def capacity_from_models(repayment=None, break_even=None, household=None, loan=None) -> Capacity:
    """The repayment test of the plan: module 10's own check if saved, else one worked out from saved work.

    The worked-out test takes a normal month from the break-even plan (planned units × price,
    their variable costs, the fixed costs), the household's other income (all income but the
    pay taken from the business) and spending from the household budget, and the loan's
    instalment as a monthly amount; with a 20% fall in sales and at most 35% of net income
    (the course defaults).
    """
    if repayment is not None:
        if repayment.check is None:
            return Capacity(None, "invalid", repayment.country)
        return Capacity(repayment.check, "module_10", repayment.country, _typed_drop(repayment))
    parts = (break_even, household, loan)
    if any(part is None for part in parts):
        return Capacity(None, "missing")
    result, amounts, chosen = break_even.result, household.amounts, loan.loan
    if result is None or household.surplus is None or chosen is None:
        return Capacity(None, "missing")
    if len({break_even.country, household.country, loan.country}) != 1:
        return Capacity(None, "missing")  # amounts in different currencies cannot be added
    other_income = math.fsum(value for line, value in amounts.items() if line in _OTHER_INCOME)
    try:
        check = repayment_capacity(
            monthly_sales=result.planned_units * result.price,
            variable_costs=result.planned_units * result.variable_cost,
            fixed_costs=result.fixed_costs, other_income=other_income,
            household_spending=household.total_spending, instalment=_monthly_instalment(chosen),
            sales_drop=DEFAULT_SALES_DROP, max_income_share=DEFAULT_MAX_INCOME_SHARE)
    except ValueError:
        return Capacity(None, "missing")
    return Capacity(check, "derived", loan.country)


_OTHER_INCOME = ("partner_wages", "from_abroad", "other_income")


def _typed_drop(repayment) -> float:
    try:
        return parse_amount(repayment.sales_drop, get_country(repayment.country).locale) / 100
    except ValueError:
        return DEFAULT_SALES_DROP


def _not_checked(key: str, title: str, capacity: Capacity, _) -> CheckResult:
    if capacity.origin == "invalid":
        text = _("Not checked yet: some boxes of your repayment check are not valid. Correct them in module 10.")
    else:
        text = _("Not checked yet: do the repayment check in module 10.")
    return CheckResult(key, title, NOT_CHECKED, text, 10)


def _derived_note(capacity: Capacity, _) -> str:
    if capacity.origin != "derived":
        return ""
    drop = format_percent(capacity.sales_drop, get_country(capacity.country).locale, digits=0)
    return " " + _("(Worked out from your break-even plan, household budget and loan, with {drop} less sales: do "
                   "the repayment check in module 10 to use your own figures.)").format(drop=drop)


def check_repayment_capacity(capacity: Capacity, language: str = "en") -> CheckResult:
    """The instalment must be paid in a bad month (sales down) and take at most the allowed share of net income."""
    _ = translator(language).gettext
    title = _("Repayment capacity in a bad month")
    check = capacity.check
    if check is None:
        return _not_checked("repayment", title, capacity, _)
    money, locale = capacity.money, get_country(capacity.country).locale
    drop = format_percent(capacity.sales_drop, locale, digits=0)
    limit = format_percent(check.max_income_share, locale, digits=0)
    share = format_percent(check.income_share, locale, digits=1) if check.net_income > 0 else None
    if check.affordable:
        text = _("With {drop} less sales, the business and the household still have {left} a month before the "
                 "instalment of {instalment}, and the instalment takes {share} of net income (your limit: "
                 "{limit}).").format(drop=drop, left=money(check.stressed_surplus),
                                     instalment=money(check.instalment), share=share, limit=limit)
        return CheckResult("repayment", title, PASSED, text + _derived_note(capacity, _), 10)
    problems = []
    if not check.survives_stress:
        problems.append(_("With {drop} less sales, the business and the household have {left} a month before the "
                          "instalment: less than the instalment of {instalment}.").format(
                              drop=drop, left=money(check.stressed_surplus), instalment=money(check.instalment)))
    if check.net_income <= 0:
        problems.append(_("The household's net income ({net}) cannot pay any instalment.").format(
            net=money(check.net_income)))
    elif not check.within_income_share:
        problems.append(_("The instalment takes {share} of the household's net income, above your limit of "
                          "{limit}.").format(share=share, limit=limit))
    problems.append(_("Borrow less or over more months (module 9), lower your costs, or plan more sales; then "
                      "do the repayment check again in module 10."))
    return CheckResult("repayment", title, FAILED, " ".join(problems) + _derived_note(capacity, _), 10)


def check_debt_service_cover(capacity: Capacity, language: str = "en") -> CheckResult:
    """Debt-service cover (money available for the instalment ÷ instalment) in a normal and a bad month.

    Shown in both cases; the check fails when either is below 1.
    """
    _ = translator(language).gettext
    title = _("Debt-service cover")
    check = capacity.check
    if check is None:
        return _not_checked("cover", title, capacity, _)
    locale = get_country(capacity.country).locale
    normal, bad = (format_number(round(value, 2), locale) for value in (check.cover, check.stressed_cover))
    if check.cover >= 1 and check.stressed_cover >= 1:
        text = _("Debt-service cover: {normal} in a normal month and {bad} in a bad month (above 1 means the "
                 "instalment is covered).").format(normal=normal, bad=bad)
        return CheckResult("cover", title, PASSED, text + _derived_note(capacity, _), 10)
    if check.cover >= 1:
        text = _("Debt-service cover: {normal} in a normal month but {bad} in a bad month. Below 1, the money left "
                 "does not cover the instalment: borrow less or over more months (module 9), or keep a reserve for "
                 "bad months.").format(normal=normal, bad=bad)
    else:
        text = _("Debt-service cover: {normal} in a normal month and {bad} in a bad month. Below 1, the money left "
                 "each month does not cover the instalment: borrow less or over more months (module 9).").format(
                     normal=normal, bad=bad)
    return CheckResult("cover", title, FAILED, text + _derived_note(capacity, _), 10)


def run_checks(capital, cash_flow, capacity: Capacity, language: str = "en") -> tuple[CheckResult, ...]:
    """The four checks, in the order a lender reads them."""
    return (check_sources_equal_uses(capital, language), check_cash_flow(cash_flow, language),
            check_repayment_capacity(capacity, language), check_debt_service_cover(capacity, language))
