"""Module 10 gathers the work kept in modules 1-9: what is done, its key figures, and what is missing.

No ipywidgets here; :mod:`ritorno.ui.plan_overview` shows it. The business-plan
export builds on the same sections.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..answers import AnswerStatus, AnswerStore
from ..countries import get_country
from ..curriculum import m08, module_by_number
from ..i18n import N_, format_money, format_number, format_percent, translator
from ._break_even_model import BreakEvenModel
from ._cash_flow_model import CashFlowModel
from ._costing_model import CostingModel
from ._household_model import HouseholdBudgetModel
from ._idea_screening_model import IdeaScreeningModel
from ._loan_model import LoanModel
from ._persist import PersistentModel
from ._profile_form_model import ProfileModel
from ._remittance_model import RemittanceModel
from ._runway_model import RunwayModel
from ._sales_forecast_model import SalesForecastModel
from ._startup_capital_model import StartupCapitalModel

__all__ = ["PlanSection", "gather_sections", "SECTIONS"]

Figures = list[tuple[str, str]]


@dataclass(frozen=True)
class PlanSection:
    """One piece of the plan: the module it comes from, whether it is done, its figures and warnings."""

    module: int
    title: str
    lesson: str
    status: AnswerStatus
    figures: Figures = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status is AnswerStatus.SAVED


def _money(model: PersistentModel) -> Callable[[float], str]:
    profile = get_country(model.country)
    return lambda value: format_money(value, profile.currency, profile.locale)


def _percent(model: PersistentModel, value: float) -> str:
    return format_percent(value, get_country(model.country).locale, digits=1)


def _profile(model: ProfileModel, _) -> tuple[Figures, list[str]]:
    figures = [(_("Country"), _(get_country(model.country).name)), (_("Household size"), model.household_size)]
    if model.first_name:
        figures.insert(0, (_("Name"), model.first_name))
    if model.business_idea:
        figures.append((_("Business idea"), model.business_idea))
    return figures, []


def _runway(model: RunwayModel, _) -> tuple[Figures, list[str]]:
    if model.months is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    months = format_number(round(model.months, 1), get_country(model.country).locale)
    warnings = [_("Your savings last less than three months: keep a reserve for the household.")] \
        if model.verdict == "short" else []
    return [(_("Savings last (months)"), months)], warnings


def _ideas(model: IdeaScreeningModel, _) -> tuple[Figures, list[str]]:
    if len(model.best) != 1:
        return [], [_("No single best idea yet: two ideas have the same score.")]
    best = model.best[0]
    return [(_("Chosen idea"), model.names[best]), (_("Its weighted score"), f"{model.totals[best]:g}")], []


def _forecast(model: SalesForecastModel, _) -> tuple[Figures, list[str]]:
    if model.yearly_total is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    return [(_("Sales in the first year"), _money(model)(model.yearly_total))], []


def _costing(model: CostingModel, _) -> tuple[Figures, list[str]]:
    if model.result is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    money = _money(model)
    return [(_("Cost of one unit"), money(model.result.unit_cost)), (_("Price"), money(model.result.price)),
            (_("Margin"), _percent(model, model.result.margin))], []


def _capital(model: StartupCapitalModel, _) -> tuple[Figures, list[str]]:
    if model.plan is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    money = _money(model)
    funding = model.funding
    figures = [(_("Start-up capital needed"), money(model.capital)),
               (_("IOM support in kind"), money(funding.iom_in_kind)), (_("Own savings"), money(funding.savings)),
               (_("Family"), money(funding.family)), (_("Loan"), money(funding.loan))]
    warnings = []
    if model.gap > 0.5:
        warnings.append(_("Sources do not cover uses: {missing} is still missing.").format(missing=money(model.gap)))
    elif model.gap < -0.5:
        warnings.append(_("Sources are {extra} more than the uses: borrow less.").format(extra=money(-model.gap)))
    return figures, warnings


def _break_even(model: BreakEvenModel, _) -> tuple[Figures, list[str]]:
    result = model.result
    if result is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    figures = [(_("Units to sell each month to break even"), str(result.units_to_sell)),
               (_("Margin of safety"), _percent(model, result.margin_of_safety))]
    warnings = [_("The planned sales are below break-even: the business would lose money.")] \
        if result.margin_of_safety < 0 else []
    return figures, warnings


def _cash_flow(model: CashFlowModel, _) -> tuple[Figures, list[str]]:
    if model.plan is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    money = _money(model)
    figures = [(_("Cash at the end of the year"), money(model.plan[-1].closing)),
               (_("Lowest cash in a month"), money(model.lowest.closing))]
    warnings = [_("Months {months} close below zero: change the plan so that every month stays above zero.").format(
        months=", ".join(str(month) for month in model.negatives))] if model.negatives else []
    return figures, warnings


def _budget(model: HouseholdBudgetModel, _) -> tuple[Figures, list[str]]:
    if model.surplus is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    warnings = [_("The household spends more than it earns.")] if model.surplus < 0 else []
    return [(_("Household surplus per month"), _money(model)(model.surplus))], warnings


def _remittance(model: RemittanceModel, _) -> tuple[Figures, list[str]]:
    if not model.cheapest:
        return [], [_("Compare at least two ways of sending money.")]
    offer = model.offers[model.cheapest]
    way = _(m08.WAY_LABELS[model.cheapest]).format(providers=", ".join(model.profile.mobile_money))
    return [(_("Cheapest way to send money"), way),
            (_("Its cost"), _percent(model, offer.cost))], []


def _loan(model: LoanModel, _) -> tuple[Figures, list[str]]:
    loan = model.loan
    if loan is None:
        return [], [_("Some boxes are not valid: open the module and correct them.")]
    money = _money(model)
    return [(_("Loan amount"), money(loan.amount)), (_("Instalment"), money(loan.instalment)),
            (_("Number of instalments"), str(loan.periods)), (_("APR"), _percent(model, loan.apr))], []


# module, section title, model, summary: in the order of the plan
SECTIONS: tuple[tuple[int, str, type[PersistentModel], Callable], ...] = (
    (1, N_("About you"), ProfileModel, _profile),
    (1, N_("How long your savings last"), RunwayModel, _runway),
    (2, N_("Your business idea"), IdeaScreeningModel, _ideas),
    (3, N_("Sales forecast"), SalesForecastModel, _forecast),
    (4, N_("Costs and prices"), CostingModel, _costing),
    (5, N_("Start-up capital and funding"), StartupCapitalModel, _capital),
    (6, N_("Break-even"), BreakEvenModel, _break_even),
    (7, N_("Cash-flow plan"), CashFlowModel, _cash_flow),
    (8, N_("Household budget"), HouseholdBudgetModel, _budget),
    (8, N_("Sending money home"), RemittanceModel, _remittance),
    (9, N_("The loan"), LoanModel, _loan),
)


def gather_sections(store: AnswerStore, language: str = "en") -> list[PlanSection]:
    """Every section of the plan, from the work kept in ``store`` (the lessons' answers folder).

    A section never raises: a missing or unreadable record is a section not done.
    """
    _ = translator(language).gettext
    sections = []
    for number, title, model_class, summarise in SECTIONS:
        lesson = module_by_number(number).name + ".ipynb"
        status = store.load(model_class.record_id, model_class.schema()).status
        figures: Figures = []
        warnings: list[str] = []
        if status is AnswerStatus.SAVED:
            model = model_class(store=store, language=language)
            figures, warnings = summarise(model, _)
        sections.append(PlanSection(number, _(title), lesson, status, figures, warnings))
    return sections
