"""The business plan as a document: the work kept in modules 1-10, gathered into sections.

:func:`build_plan` reads an answer store (the lessons' ``answers`` folder, or a trainee's
folder collected by a trainer) through the same models the lessons use, and through
:func:`ritorno.ui._plan_sections.gather_sections` for each part's status, key figures and
warnings. It never writes to the store and never raises for partial, damaged or inconsistent
work: a part that cannot be used says "Not done yet: see module N".

The document is plain data (texts already translated, money already formatted in the
country's currency) that :mod:`ritorno.plan._pdf` and :mod:`ritorno.plan._html` lay out.
"""
from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

from babel.dates import format_date, get_month_names

from ..answers import AnswerStatus, AnswerStore, ExerciseSchema, FieldSpec
from ..countries import COUNTRY_CODES, ITALY_REMITTANCE_FACTS, Country, Fact, get_country
from ..curriculum import m08, module_by_number
from ..i18n import format_money, format_number, format_percent, parse_amount, translator
from ..ui._break_even_model import BreakEvenModel
from ..ui._cash_flow_model import CashFlowModel
from ..ui._costing_model import CostingModel
from ..ui._household_model import INCOME, SPENDING, HouseholdBudgetModel
from ..ui._idea_screening_model import IdeaScreeningModel, SwotModel
from ..ui._loan_model import LoanModel
from ..ui._plan_sections import SECTIONS, PlanSection, gather_sections
from ..ui._profile import DEFAULT_COUNTRY
from ..ui._profile_form_model import ProfileModel
from ..ui._remittance_model import RemittanceModel
from ..ui._runway_model import RunwayModel
from ..ui._sales_forecast_model import SalesForecastModel
from ..ui._startup_capital_model import StartupCapitalModel
from ..ui.repayment_check import RepaymentModel
from ._charts import BreakEvenChart, CashFlowChart, ChartSpec, LoanBalanceChart
from ._checks import Capacity, CheckResult, capacity_from_models, run_checks

__all__ = ["PlanDocument", "DocSection", "Figures", "Paragraph", "Table", "Chart", "CheckList", "SourceNote",
           "build_plan", "NARRATIVE_RECORD", "NARRATIVE_PARTS", "NARRATIVE_MAX_LENGTH", "narrative_schema"]

#: Record of module 10's narrative texts, written by :class:`ritorno.ui._plan_builder_model.NarrativeModel`.
NARRATIVE_RECORD = "m10_narrative"
#: The narrative parts: the business, the market, the action plan for the first months.
NARRATIVE_PARTS: tuple[str, ...] = ("business", "market", "action_plan")
#: Longest narrative text, in characters (the answer store keeps texts of at most 2000).
NARRATIVE_MAX_LENGTH = 2000


def narrative_schema() -> ExerciseSchema:
    """The narrative record's fields, each kept as typed text."""
    return ExerciseSchema(NARRATIVE_RECORD, tuple(FieldSpec(name, "text") for name in NARRATIVE_PARTS))


# ----------------------------------------------------------------------------------------------- document parts

@dataclass(frozen=True)
class Figures:
    """Labelled figures, one per line: ``(label, value)``."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Paragraph:
    """A text. ``kind``: ``"text"``, ``"narrative"`` (the trainee's words), ``"subheading"``, ``"missing"``
    (a part not done yet), ``"warning"`` (a point a lender will ask about) or ``"note"``."""

    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Table:
    """A table of texts; ``numeric`` columns are right-aligned, ``emphasis`` rows bold (totals),
    ``alarm`` rows red (a month below zero)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    emphasis: tuple[int, ...] = ()
    alarm: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart, drawn when the document is exported (:func:`ritorno.plan._charts.chart_png`)."""

    spec: ChartSpec


@dataclass(frozen=True)
class CheckList:
    """The checks before export."""

    results: tuple[CheckResult, ...]


Part = Union[Figures, Paragraph, Table, Chart, CheckList]


@dataclass(frozen=True)
class DocSection:
    """One section of the plan: its title, the module it comes from, whether it is complete, and its parts."""

    key: str
    title: str
    module: int
    done: bool
    parts: tuple[Part, ...]

    @property
    def lesson(self) -> str:
        """The module's lesson notebook, e.g. ``05_startup_capital_and_funding.ipynb``."""
        return module_by_number(self.module).name + ".ipynb"


@dataclass(frozen=True)
class SourceNote:
    """A figure from the world used in the plan, with who published it and when."""

    label: str
    value: str
    source: str
    year: int
    url: str | None = None
    verified: bool = True
    note: str | None = None


@dataclass(frozen=True)
class PlanDocument:
    """The whole plan, ready to lay out: cover, sections, checks and sources, in one language and currency.

    Build it with :func:`build_plan`; export it with :func:`ritorno.plan.plan_pdf_bytes` or
    :func:`ritorno.plan.plan_html`.
    """

    language: str
    country: str
    country_name: str
    currency: str
    name: str
    business: str
    date: _dt.date
    date_text: str
    sections: tuple[DocSection, ...]
    checks: tuple[CheckResult, ...]
    sources: tuple[SourceNote, ...]
    narrative: Mapping[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """"Business plan", in the document's language."""
        return translator(self.language).gettext("Business plan")

    @property
    def charts(self) -> tuple[ChartSpec, ...]:
        """Every chart of the plan, in order."""
        return tuple(part.spec for section in self.sections for part in section.parts if isinstance(part, Chart))

    @property
    def missing_modules(self) -> tuple[int, ...]:
        """Modules with a part not done yet, in order, each once."""
        return tuple(dict.fromkeys(section.module for section in self.sections if not section.done))

    def section(self, key: str) -> DocSection:
        """The section called ``key`` (``"about_you"``, ``"capital"``, ``"cash_flow"``, ``"loan"``…)."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(f"The plan has no section {key!r}: it has {', '.join(s.key for s in self.sections)}.")


# ----------------------------------------------------------------------------------------------- reading the work

class _Reader:
    """The store, the language, what gather_sections found, and the models built from saved work (each once)."""

    def __init__(self, store: AnswerStore, language: str) -> None:
        self.store, self.language = store, language
        self.translations = translator(language)
        self._ = self.translations.gettext
        self.gathered: dict[str, PlanSection] = {}
        self.unreadable: set[str] = set()  # records saved but not usable by their model (edited by hand)
        try:
            sections = gather_sections(store, language)
        except Exception:  # noqa: BLE001 - one damaged record: gather the sections one by one instead
            sections = [self._gather_one(entry) for entry in SECTIONS]
        for (_number, _title, model_class, _summary), section in zip(SECTIONS, sections):
            if section is not None:
                self.gathered[model_class.record_id] = section
        self._models: dict[str, Any] = {}
        self.sources: dict[tuple[str, str], SourceNote] = {}

    def _gather_one(self, entry) -> PlanSection | None:
        """One section as :func:`gather_sections` makes it, or ``None`` when its saved work cannot be used."""
        number, title, model_class, summarise = entry
        status = self.store.load(model_class.record_id, model_class.schema()).status
        figures: list = []
        warnings: list[str] = []
        if status is AnswerStatus.SAVED:
            try:
                figures, warnings = summarise(model_class(store=self.store, language=self.language), self._)
            except Exception:  # noqa: BLE001 - this record is damaged: the part says so
                self.unreadable.add(model_class.record_id)
                return None
        return PlanSection(number, self._(title), module_by_number(number).name + ".ipynb", status, figures, warnings)

    def status(self, model_class) -> AnswerStatus:
        if model_class.record_id in self.gathered:
            return self.gathered[model_class.record_id].status
        return self.store.load(model_class.record_id, model_class.schema()).status

    def model(self, model_class):
        """The model built from the saved record, or ``None`` when there is none or it cannot be read."""
        record = model_class.record_id
        if record not in self._models:
            built = None
            if self.status(model_class) is AnswerStatus.SAVED:
                try:
                    built = model_class(store=self.store, language=self.language)
                except Exception:  # noqa: BLE001 - this record, or one it reads (module 10 reads module 9), is damaged
                    built = self._from_texts(model_class)
            self._models[record] = built
        return self._models[record]

    def _from_texts(self, model_class):
        """The model built from its record's texts alone, without reading other records; ``None`` if even that fails."""
        saved = self.store.load(model_class.record_id, model_class.schema())
        texts = {name: saved.get(name) for name in model_class.persisted if isinstance(saved.get(name), str)}
        try:
            return model_class(language=self.language, **texts)
        except Exception:  # noqa: BLE001 - a hand-edited record: that part says it cannot be read
            self.unreadable.add(model_class.record_id)
            return None

    def warnings(self, model_class) -> list[str]:
        section = self.gathered.get(model_class.record_id)
        return list(section.warnings) if section else []

    def figures(self, model_class) -> list[tuple[str, str]]:
        section = self.gathered.get(model_class.record_id)
        return [(label, str(value)) for label, value in section.figures] if section else []

    def notes(self, model_class, made_for: str, plan_country: Country) -> list[Paragraph]:
        """What follows a part's figures: work done for another country, boxes left invalid."""
        return _other_country_warning(self, made_for, plan_country) + _warnings(self.warnings(model_class))

    def missing(self, model_class, module: int) -> list[Paragraph]:
        """What a part that cannot be used says, pointing to its module, with its points to look at."""
        _ = self._
        if self.status(model_class) is AnswerStatus.CORRUPT or model_class.record_id in self.unreadable:
            return [Paragraph(_("Your saved work could not be read: see module {number}.").format(number=module),
                              "missing")]
        if self.status(model_class) is AnswerStatus.SAVED:
            generic = _("Some boxes are not valid: open the module and correct them.")
            return [Paragraph(_("Not finished yet: see module {number}.").format(number=module),
                              "missing"),
                    *_warnings([text for text in self.warnings(model_class) if text != generic])]
        return [Paragraph(not_done(_, module), "missing")]

    def use_fact(self, country: Country, key: str) -> Fact | None:
        """A country's fact, remembered for the Sources section (``None`` if the country has no such fact)."""
        try:
            fact = country.fact(key)
        except ValueError:
            return None
        self.cite((country.code, key), fact, country.locale)
        return fact

    def cite(self, key: tuple[str, str], fact: Fact, locale: str) -> None:
        """Remember ``fact`` for the Sources section, its value written for ``locale``."""
        self.sources[key] = SourceNote(fact.label, _fact_value(fact, locale), fact.source, fact.year, fact.url,
                                       fact.verified, fact.note)


def not_done(_: Callable[[str], str], module: int) -> str:
    """"Not done yet: see module N." in the document's language."""
    return _("Not done yet: see module {number}.").format(number=module)


def _money(country_code: str) -> Callable[[float], str]:
    profile = get_country(country_code)
    return lambda value: format_money(value, profile.currency, profile.locale)


def _percent(country_code: str, value: float, digits: int = 1) -> str:
    return format_percent(value, get_country(country_code).locale, digits=digits)


def _number(country_code: str, value: float, digits: int | None = None) -> str:
    return format_number(value, get_country(country_code).locale, digits=digits)


def _rate(locale: str, fraction: float) -> str:
    """A rate with the decimals it needs, up to three: 18 %, 11.5 %, 31.78 %."""
    percent = fraction * 100
    digits = next(d for d in (0, 1, 2, 3) if d == 3 or math.isclose(percent, round(percent, d), abs_tol=1e-9))
    return format_percent(fraction, locale, digits=digits)


def _fact_value(fact: Fact, locale: str) -> str:
    """A fact's value as the plan shows it ("" for a text fact, whose label says it all)."""
    if fact.value is None:
        return ""
    if fact.unit in ("annual_rate", "fraction"):
        return _rate(locale, fact.value)
    if fact.unit == "currency":
        return format_money(fact.value, "EUR", locale)
    return format_number(fact.value, locale)


def _other_country_warning(reader: _Reader, code: str, plan_country: Country) -> list[Paragraph]:
    """A part worked out for another country than the plan's: its money is in another currency."""
    if code == plan_country.code:
        return []
    _ = reader._
    other = get_country(code)
    return [Paragraph(_("This part is worked out for {other}, in {currency}, not for {country}: redo it for "
                        "{country}.").format(other=_(other.name), currency=other.currency,
                                             country=_(plan_country.name)), "warning")]


def _warnings(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(text, "warning") for text in texts]


# ----------------------------------------------------------------------------------------------- sections

def _about_you(reader: _Reader, country: Country) -> DocSection:
    _ = reader._
    parts: list[Part] = []
    profile = reader.model(ProfileModel)
    done = True
    if profile is not None and not profile.errors:
        parts.append(Figures(tuple(reader.figures(ProfileModel))))
    else:
        done = False
        parts.extend(reader.missing(ProfileModel, 1))
    parts.append(Paragraph(_("How long your savings last"), "subheading"))
    runway = reader.model(RunwayModel)
    if runway is not None and runway.months is not None:
        money = _money(runway.country)
        parts.append(Figures((
            (_("Savings"), money(float(_safe_amount(runway.savings, runway.country)))),
            (_("Essential household spending per month"), money(runway.total_spending)),
            *reader.figures(RunwayModel))))
        parts.extend(reader.notes(RunwayModel, runway.country, country))
    else:
        done = False
        parts.extend(reader.missing(RunwayModel, 1))
    return DocSection("about_you", _("About you"), 1, done, tuple(parts))


def _safe_amount(text: str, country_code: str) -> float:
    """A typed amount of a valid model (so it parses), 0 for an empty box."""
    try:
        return parse_amount(text, get_country(country_code).locale) if text.strip() else 0.0
    except ValueError:
        return 0.0


def _narrative(reader: _Reader, narrative: Mapping[str, str], part: str, heading: str) -> tuple[list[Part], bool]:
    text = narrative.get(part, "").strip()
    parts: list[Part] = [Paragraph(heading, "subheading")]
    if text:
        parts.extend(Paragraph(block.strip(), "narrative") for block in text.split("\n\n") if block.strip())
        return parts, True
    parts.append(Paragraph(not_done(reader._, 10), "missing"))
    return parts, False


def _idea(reader: _Reader, country: Country, narrative: Mapping[str, str]) -> DocSection:
    _ = reader._
    parts, done = _narrative(reader, narrative, "business", _("The business in your words"))
    parts.append(Paragraph(_("How the idea was chosen"), "subheading"))
    ideas = reader.model(IdeaScreeningModel)
    if ideas is not None and ideas.totals:
        parts.append(Figures(tuple(reader.figures(IdeaScreeningModel))))
        rows = tuple((name, format_number(total, country.locale)) for name, total in zip(ideas.names, ideas.totals)
                     if name and total is not None)
        parts.append(Table((_("Idea"), _("Weighted score")), rows, (False, True)))
        parts.extend(_warnings(reader.warnings(IdeaScreeningModel)))
    else:
        done = False
        parts.extend(reader.missing(IdeaScreeningModel, 2))
    swot = reader.model(SwotModel)
    if swot is not None and not swot.errors and any(getattr(swot, name).strip() for name in _SWOT):
        parts.append(Paragraph(_("Strengths, weaknesses, opportunities and threats"), "subheading"))
        labels = {"strengths": _("Strengths"), "weaknesses": _("Weaknesses"), "opportunities": _("Opportunities"),
                  "threats": _("Threats")}
        parts.append(Figures(tuple((labels[name], getattr(swot, name).strip()) for name in _SWOT
                                   if getattr(swot, name).strip())))
    return DocSection("idea", _("The business idea"), 2, done, tuple(parts))


_SWOT = ("strengths", "weaknesses", "opportunities", "threats")


def _month_names(language: str) -> dict[int, str]:
    try:
        names = get_month_names("wide", locale=language.replace("-", "_"))
    except (ValueError, TypeError, LookupError):
        names = get_month_names("wide", locale="en")
    return {number: name[:1].upper() + name[1:] for number, name in names.items()}


def _market(reader: _Reader, country: Country, narrative: Mapping[str, str]) -> DocSection:
    _ = reader._
    parts, done = _narrative(reader, narrative, "market", _("Customers and competitors in your words"))
    parts.append(Paragraph(_("Sales forecast"), "subheading"))
    forecast = reader.model(SalesForecastModel)
    if forecast is not None and forecast.monthly:
        money = _money(forecast.country)
        months = _month_names(reader.language)
        listed = lambda positions: ", ".join(months[p + 1] for p in positions)  # noqa: E731
        parts.append(Figures((
            (_("Price"), money(_safe_amount(forecast.price, forecast.country))),
            (_("Units in a normal month"), _number(forecast.country, _safe_amount(forecast.units, forecast.country))),
            (_("Sales in a normal month"), money(forecast.normal_month)),
            *reader.figures(SalesForecastModel),
            (_("Best months"), listed(forecast.best_months)),
            (_("Weakest months"), listed(forecast.worst_months)))))
        indexes = [getattr(forecast, f"index_{month}") for month in range(1, 13)]
        rows = tuple((months[month], index.strip(), money(sales))
                     for month, index, sales in zip(range(1, 13), indexes, forecast.monthly))
        rows += ((_("Total"), "", money(forecast.yearly_total)),)
        parts.append(Table((_("Month"), _("Seasonal index"), _("Sales")), rows, (False, True, True),
                           emphasis=(len(rows) - 1,)))
        parts.extend(_other_country_warning(reader, forecast.country, country))
    else:
        done = False
        parts.extend(reader.missing(SalesForecastModel, 3))
    return DocSection("market", _("Market and sales forecast"), 3, done, tuple(parts))


def _costs(reader: _Reader, country: Country) -> DocSection:
    _ = reader._
    costing = reader.model(CostingModel)
    if costing is None or costing.result is None:
        return DocSection("costs", _("Costs and prices"), 4, False,
                          tuple(reader.missing(CostingModel, 4)))
    money, result = _money(costing.country), costing.result
    split = result.split
    rows = [(_("Materials for one unit"), money(split.materials)), (_("Labour for one unit"), money(split.labour)),
            (_("Overheads for one unit"), money(split.overheads)),
            *reader.figures(CostingModel)[:1],
            (_("Markup"), _percent(costing.country, result.markup)),
            *reader.figures(CostingModel)[1:]]
    if result.competitor_price is not None:
        difference = result.competitor_difference
        rows.append((_("Competitor's price"), money(result.competitor_price)))
        rows.append((_("You are cheaper by") if difference < 0 else _("You are dearer by"), money(abs(difference))))
    parts: list[Part] = [Figures(tuple(rows))]
    parts.extend(reader.notes(CostingModel, costing.country, country))
    return DocSection("costs", _("Costs and prices"), 4, True, tuple(parts))


def _capital(reader: _Reader, country: Country) -> DocSection:
    _ = reader._
    capital = reader.model(StartupCapitalModel)
    if capital is None or capital.plan is None:
        return DocSection("capital", _("Start-up capital and funding"), 5, False,
                          tuple(reader.missing(StartupCapitalModel, 5)))
    plan, money = capital.plan, _money(capital.country)
    uses: list[tuple[str, str]] = []
    for name, amount in plan.equipment:
        uses.append((name or _("Equipment"), money(amount)))
    for name, amount in plan.pre_opening:
        uses.append((name or _("Cost before opening"), money(amount)))
    uses.append((_("Running costs until sales come in: {months} months × {amount}").format(
        months=plan.months, amount=money(plan.running_costs)), money(plan.working_capital)))
    uses.append((_("Start-up capital needed"), money(plan.capital)))
    shares = plan.funding.shares()
    labels = {"iom_in_kind": _("IOM support in kind"), "savings": _("Own savings"), "family": _("Family"),
              "loan": _("Loan")}
    percent = lambda value: _percent(capital.country, value, 0)  # noqa: E731
    sources = [(labels[name], money(getattr(plan.funding, name)), percent(shares[name])) for name in labels]
    sources.append((_("All sources"), money(plan.funding.total), percent(1.0 if plan.funding.total else 0.0)))
    parts: list[Part] = [
        Paragraph(_("What you need to open (uses)"), "subheading"),
        Table((_("Item"), _("Amount")), tuple(uses), (False, True), emphasis=(len(uses) - 1,)),
        Paragraph(_("Where the money comes from (sources)"), "subheading"),
        Table((_("Source"), _("Amount"), _("Share")), tuple(sources), (False, True, True),
              emphasis=(len(sources) - 1,)),
        Paragraph(_("IOM supports your business with goods and services, not cash: its part is counted on both "
                    "sides, as goods received and goods used."), "note"),
    ]
    figures = [(_("Sources minus uses"), money(-plan.gap)),
               (_("Cash left on the opening day"), money(plan.opening_cash))]
    profile = get_country(capital.country)
    rate = reader.use_fact(profile, "eur_exchange_rate")
    if rate is not None and rate.value:
        figures.append((_("Start-up capital in euros (at {rate} {currency} for 1 euro)").format(
            rate=format_number(rate.value, profile.locale), currency=profile.currency),
            format_money(plan.capital / rate.value, "EUR", profile.locale)))
    parts.append(Figures(tuple(figures)))
    parts.extend(reader.notes(StartupCapitalModel, capital.country, country))
    return DocSection("capital", _("Start-up capital and funding"), 5, True, tuple(parts))


def _break_even(reader: _Reader, country: Country) -> DocSection:
    _ = reader._
    model = reader.model(BreakEvenModel)
    if model is None or model.result is None:
        return DocSection("break_even", _("Profit plan and break-even"), 6, False,
                          tuple(reader.missing(BreakEvenModel, 6)))
    result, money, code = model.result, _money(model.country), model.country
    profit_label = _("Profit at your planned sales") if result.profit >= 0 else _("Loss at your planned sales")
    rows = ((_("Fixed costs per month"), money(result.fixed_costs)), (_("Price of one unit"), money(result.price)),
            (_("Variable cost of one unit"), money(result.variable_cost)),
            (_("Each unit leaves to pay the fixed costs"), money(result.contribution)),
            *reader.figures(BreakEvenModel)[:1],
            (_("Break-even sales"), money(result.break_even_sales)),
            (_("Units you plan to sell each month"), _number(code, result.planned_units)),
            (profit_label, money(abs(result.profit))),
            *reader.figures(BreakEvenModel)[1:])
    words = (("units", _("Units sold in a month")), ("sales", _("Sales")), ("costs", _("Total costs")),
             ("fixed", _("Fixed costs")), ("break_even", _("Break-even point")), ("planned", _("Your plan")))
    alt = _("Sales and total costs cross at {units} units a month; you plan {planned}.").format(
        units=_number(code, result.units_to_sell), planned=_number(code, result.planned_units))
    profile = get_country(code)
    chart = BreakEvenChart("break_even", _("Break-even"), alt, profile.currency, profile.locale,
                           fixed_costs=result.fixed_costs, price=result.price, variable_cost=result.variable_cost,
                           planned_units=float(result.planned_units), break_even_units=result.break_even_units,
                           words=words)
    parts: list[Part] = [Figures(rows), Chart(chart)]
    parts.extend(reader.notes(BreakEvenModel, model.country, country))
    return DocSection("break_even", _("Profit plan and break-even"), 6, True, tuple(parts))


def _cash_flow(reader: _Reader, country: Country) -> DocSection:
    _ = reader._
    model = reader.model(CashFlowModel)
    if model is None or model.plan is None:
        return DocSection("cash_flow", _("Cash-flow plan for 12 months"), 7, False,
                          tuple(reader.missing(CashFlowModel, 7)))
    plan, code = model.plan, model.country
    amount = model.amount_text
    rows = tuple((str(month.month), amount(month.opening), amount(month.cash_in), amount(month.cash_out),
                  amount(month.closing)) for month in plan)
    alarm = tuple(index for index, month in enumerate(plan) if month.closing < 0)
    profile = get_country(code)
    table = Table((_("Month"), _("Cash at the start"), _("Money in"), _("Money out"), _("Cash at the end")),
                  rows, (False, True, True, True, True), alarm=alarm)
    lowest = model.lowest
    alt = _("Cash at the end of each month, from {first} in month 1 to {last} in month 12; the lowest is {low} in "
            "month {month}.").format(first=format_money(plan[0].closing, profile.currency, profile.locale),
                                     last=format_money(plan[-1].closing, profile.currency, profile.locale),
                                     low=format_money(lowest.closing, profile.currency, profile.locale),
                                     month=lowest.month)
    chart = CashFlowChart("cash_flow", _("Cash flow by month"), alt, profile.currency, profile.locale,
                          months=tuple(month.month for month in plan),
                          cash_in=tuple(month.cash_in for month in plan),
                          cash_out=tuple(month.cash_out for month in plan),
                          closing=tuple(month.closing for month in plan),
                          words=(("in", _("Money in")), ("out", _("Money out")), ("closing", _("Cash at the end")),
                                 ("month", _("Month"))))
    parts: list[Part] = [Figures(tuple(reader.figures(CashFlowModel))),
                         Paragraph(_("Amounts in {currency}. Loan instalments are included in the money out.").format(
                             currency=profile.currency), "note"),
                         table, Chart(chart)]
    parts.extend(reader.notes(CashFlowModel, model.country, country))
    return DocSection("cash_flow", _("Cash-flow plan for 12 months"), 7, True, tuple(parts))


def _household(reader: _Reader, country: Country) -> DocSection:
    _ = reader._
    parts: list[Part] = []
    done = True
    budget = reader.model(HouseholdBudgetModel)
    if budget is not None and budget.surplus is not None:
        money = _money(budget.country)
        labels = m08.LINE_LABELS
        rows = [(_(labels[line]), money(budget.amounts[line])) for line in INCOME if budget.amounts.get(line)]
        rows.append((_("Total income"), money(budget.total_income)))
        emphasis = [len(rows) - 1]
        rows += [(_(labels[line]), money(budget.amounts[line])) for line in SPENDING if budget.amounts.get(line)]
        rows.append((_("Total spending"), money(budget.total_spending)))
        emphasis.append(len(rows) - 1)
        rows.append((_("Left each month"), money(budget.surplus)))
        emphasis.append(len(rows) - 1)
        parts.append(Table((_("Each month"), _("Amount")), tuple(rows), (False, True), emphasis=tuple(emphasis)))
        parts.extend(reader.notes(HouseholdBudgetModel, budget.country, country))
    else:
        done = False
        parts.extend(reader.missing(HouseholdBudgetModel, 8))
    parts.append(Paragraph(_("Sending money home"), "subheading"))
    remittance = reader.model(RemittanceModel)
    if remittance is not None and remittance.cheapest:
        offer = remittance.offers[remittance.cheapest]
        way = _(m08.WAY_LABELS[remittance.cheapest]).format(providers=", ".join(remittance.profile.mobile_money))
        rows = [(_("Cheapest way to send money"), way), (_("Its cost"), _percent(remittance.country, offer.cost))]
        average = ITALY_REMITTANCE_FACTS.get("average_cost_150_eur")
        if average is not None and average.value is not None:
            reader.cite(("IT", "average_cost_150_eur"), average, get_country(remittance.country).locale)
            rows.append((_("Average cost of sending money from Italy"), _percent(remittance.country, average.value)))
        parts.append(Figures(tuple(rows)))
        reader.use_fact(get_country(remittance.country), "eur_exchange_rate")  # the market rate the offers are
    else:
        done = False
        parts.extend(reader.missing(RemittanceModel, 8))
    return DocSection("household", _("Household budget"), 8, done, tuple(parts))


def _loan(reader: _Reader, country: Country) -> DocSection:
    _ = reader._
    model = reader.model(LoanModel)
    if model is None or model.loan is None:
        parts = reader.missing(LoanModel, 9)
        capital = reader.model(StartupCapitalModel)
        if capital is not None and capital.plan is not None and capital.plan.funding.loan == 0:
            parts = [Paragraph(_("Your funding plan (module 5) has no loan."), "note")]
            return DocSection("loan", _("The loan"), 9, True, tuple(parts))
        return DocSection("loan", _("The loan"), 9, False, tuple(parts))
    loan, code = model.loan, model.country
    money, profile = _money(code), get_country(code)
    methods = {"declining": _("declining balance, equal instalments"),
               "equal_principal": _("declining balance, equal principal"), "flat": _("flat")}
    frequencies = {"monthly": _("monthly"), "fortnightly": _("every two weeks"), "weekly": _("weekly")}
    rows = [(_("Amount borrowed"), money(loan.amount)),
            (_("Interest rate per year"), _rate(profile.locale, loan.annual_rate)),
            (_("Interest method"), methods.get(loan.method, loan.method)),
            (_("Instalments"), frequencies.get(loan.frequency, loan.frequency)),
            (_("Number of instalments"), str(loan.periods))]
    if loan.grace_periods:
        rows.append((_("Grace period (instalments)"), str(loan.grace_periods)))
    rows += [(_("Upfront fee"), money(loan.fee_amount)),
             (_("Savings blocked, returned at the end"), money(loan.savings_amount)),
             (_("You receive in hand"), money(loan.received)),
             (_("Regular instalment"), money(loan.instalment)),
             (_("Total interest"), money(loan.total_interest)),
             (_("Total of all instalments"), money(loan.total_paid)),
             (_("APR (true yearly cost)"), _percent(code, loan.apr)),
             (_("EIR (with compounding)"), _percent(code, loan.eir))]
    parts: list[Part] = [Figures(tuple(rows))]
    rates = [(f"{_(fact.label)} ({fact.source}, {fact.year})", _fact_value(fact, profile.locale))
             for key, fact in profile.facts.items() if fact.unit == "annual_rate" and reader.use_fact(profile, key)]
    rules = [Paragraph(f"{_(fact.label)} ({fact.source}, {fact.year})", "note")
             for key, fact in profile.facts.items()
             if fact.unit == "text" and _about_lending(key) and reader.use_fact(profile, key)]
    if rates or rules:
        parts.append(Paragraph(_("Rates in {country}, to compare with the APR").format(country=_(profile.name)),
                               "subheading"))
        parts.extend([Figures(tuple(rates))] if rates else [])
        parts.extend(rules)
    schedule = loan.schedule()
    words = (("balance", _("Still owed")), ("principal", _("Principal")), ("interest", _("Interest")),
             ("period", _("Instalment number")))
    alt = _("{count} instalments; the amount still owed falls from {amount} to nothing.").format(
        count=len(schedule), amount=money(loan.amount))
    chart = LoanBalanceChart("loan_balance", _("Loan balance"), alt, profile.currency, profile.locale,
                             amount=loan.amount, balances=tuple(row.balance for row in schedule),
                             principal=tuple(row.principal for row in schedule),
                             interest=tuple(row.interest for row in schedule), words=words)
    parts.append(Chart(chart))
    parts.append(Paragraph(_("Repayment schedule"), "subheading"))
    rows_schedule = tuple((str(row.period), money(row.payment), money(row.interest), money(row.principal),
                           money(row.balance)) for row in schedule)
    parts.append(Table((_("No."), _("Instalment"), _("Interest"), _("Principal"), _("Still owed")), rows_schedule,
                       (True, True, True, True, True)))
    capital = reader.model(StartupCapitalModel)
    if capital is not None and capital.plan is not None and capital.country == code \
            and abs(capital.plan.funding.loan - loan.amount) >= 1:
        parts.append(Paragraph(_("The loan here ({loan}) is not the loan in your funding plan ({planned}, module 5): "
                                 "make them the same.").format(loan=money(loan.amount),
                                                               planned=money(capital.plan.funding.loan)), "warning"))
    parts.extend(reader.notes(LoanModel, model.country, country))
    return DocSection("loan", _("The loan"), 9, True, tuple(parts))


def _about_lending(key: str) -> bool:
    """A text fact about lending (a usury rule), not about something else (a tax on mobile money)."""
    return any(word in key for word in ("usury", "rate", "cap", "loan", "lend"))


def _capacity(reader: _Reader, country: Country, capacity: Capacity, checks: tuple[CheckResult, ...]) -> DocSection:
    _ = reader._
    parts: list[Part] = []
    check = capacity.check
    if check is not None:
        money, code = capacity.money, capacity.country
        share = _percent(code, check.income_share) if check.net_income > 0 else "—"
        rows = ((_("Loan instalment per month"), money(check.instalment)),
                (_("Net income of the household"), money(check.net_income)),
                (_("Share of net income taken by the instalment"), share),
                (_("Largest share of income for the loan"), _percent(code, check.max_income_share, 0)),
                (_("Left before the instalment in a normal month"), money(check.surplus)),
                (_("Left before the instalment in a bad month ({drop} less sales)").format(
                    drop=_percent(code, capacity.sales_drop, 0)), money(check.stressed_surplus)),
                (_("Debt-service cover in a normal month"), _number(code, round(check.cover, 2))),
                (_("Debt-service cover in a bad month"), _number(code, round(check.stressed_cover, 2))))
        parts.append(Figures(rows))
        parts.append(Paragraph(_("Debt-service cover = money available for the instalment ÷ instalment. Above 1, "
                                 "the instalment is covered."), "note"))
        if capacity.origin == "derived":
            parts.append(Paragraph(_("These figures are worked out from your break-even plan (module 6), household "
                                     "budget (module 8) and loan (module 9): do the repayment check in module 10 to "
                                     "use your own."), "note"))
        loan = reader.model(LoanModel)
        if capacity.origin == "module_10" and loan is not None and loan.loan is not None \
                and loan.loan.frequency == "monthly" and loan.country == code \
                and abs(loan.loan.instalment - check.instalment) >= 1:
            parts.append(Paragraph(_("The instalment in your repayment check ({checked}) is not your loan's "
                                     "instalment ({instalment}, module 9): update it in module 10.").format(
                                         checked=money(check.instalment), instalment=money(loan.loan.instalment)),
                                   "warning"))
        parts.extend(_other_country_warning(reader, code, country))
    else:
        unreadable = reader.status(RepaymentModel) is AnswerStatus.CORRUPT or \
            RepaymentModel.record_id in reader.unreadable
        text = (_("Your saved work could not be read: see module {number}.").format(number=10)
                if unreadable else _("Not done yet: do the repayment check in module 10."))
        parts.append(Paragraph(text, "missing"))
    parts.append(Paragraph(_("Checks before you show the plan"), "subheading"))
    parts.append(CheckList(checks))
    done = check is not None and capacity.origin == "module_10"
    return DocSection("capacity", _("Repayment capacity and checks"), 10, done, tuple(parts))


def _action_plan(reader: _Reader, narrative: Mapping[str, str]) -> DocSection:
    _ = reader._
    parts, done = _narrative(reader, narrative, "action_plan", _("What you will do in the first months"))
    return DocSection("action_plan", _("Action plan for the first months"), 10, done, tuple(parts[1:]))


# ----------------------------------------------------------------------------------------------- the plan

def _plan_country(reader: _Reader) -> Country:
    """The profile's country; else the country of the first saved module; else the course default."""
    for model_class in (ProfileModel, *(entry[2] for entry in SECTIONS)):
        answer = reader.store.load(model_class.record_id)
        code = answer.get("country") if answer.status is AnswerStatus.SAVED else None
        if isinstance(code, str) and code.strip().upper() in COUNTRY_CODES:
            return get_country(code.strip().upper())
    return get_country(DEFAULT_COUNTRY)


def _read_narrative(store: AnswerStore) -> dict[str, str]:
    answer = store.load(NARRATIVE_RECORD, narrative_schema())
    if answer.status is not AnswerStatus.SAVED:
        return {}
    return {part: answer.get(part) for part in NARRATIVE_PARTS if isinstance(answer.get(part), str)}


def _date_locale(language: str, country: Country) -> str:
    """The country's locale when it speaks the document's language (fr_SN for French), else the language."""
    wanted = language.replace("-", "_").split("_")[0].lower()
    return country.locale if country.locale.split("_")[0] == wanted else wanted


def build_plan(store: AnswerStore, language: str = "en", *, today: _dt.date | None = None,
               narrative: Mapping[str, str] | None = None) -> PlanDocument:
    """The business plan from the work kept in ``store``, in ``language`` and the trainee's currency.

    Parameters
    ----------
    store : AnswerStore
        The answers folder of the lessons (or a trainee's folder collected by a trainer).
        Nothing is written to it.
    language : str
        Language of the words (``"en"``, ``"fr"``…); money and numbers follow each part's country.
    today : datetime.date, optional
        Date shown on the cover (today by default).
    narrative : mapping, optional
        The narrative texts (``business``, ``market``, ``action_plan``) as on screen; by default
        those kept in the store's ``m10_narrative`` record.

    Returns
    -------
    PlanDocument
        Every part, done or not: a part not done says "Not done yet: see module N".

    Examples
    --------
    >>> import tempfile
    >>> from ritorno.answers import AnswerStore
    >>> plan = build_plan(AnswerStore(tempfile.mkdtemp()), today=_dt.date(2026, 3, 2))
    >>> plan.title, plan.country_name, plan.date_text, plan.missing_modules
    ('Business plan', 'Senegal', 'March 2, 2026', (1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
    >>> [check.status for check in plan.checks]
    ['not_checked', 'not_checked', 'not_checked', 'not_checked']
    """
    reader = _Reader(store, language)
    _ = reader._
    country = _plan_country(reader)
    narrative = _read_narrative(store) if narrative is None else {
        part: text for part, text in narrative.items() if part in NARRATIVE_PARTS and isinstance(text, str)}
    profile = reader.model(ProfileModel)
    name = profile.first_name.strip() if profile is not None and not profile.errors else ""
    business = profile.business_idea.strip() if profile is not None and not profile.errors else ""
    if not business:
        ideas = reader.model(IdeaScreeningModel)
        if ideas is not None and len(ideas.best) == 1:
            business = ideas.names[ideas.best[0]]
    capital, cash_flow = reader.model(StartupCapitalModel), reader.model(CashFlowModel)
    repayment = reader.model(RepaymentModel)
    capacity = capacity_from_models(repayment, reader.model(BreakEvenModel), reader.model(HouseholdBudgetModel),
                                    reader.model(LoanModel))
    checks = run_checks(capital, cash_flow, capacity, language)
    builders: list[tuple[str, str, int, Callable[[], DocSection]]] = [
        ("about_you", _("About you"), 1, lambda: _about_you(reader, country)),
        ("idea", _("The business idea"), 2, lambda: _idea(reader, country, narrative)),
        ("market", _("Market and sales forecast"), 3, lambda: _market(reader, country, narrative)),
        ("costs", _("Costs and prices"), 4, lambda: _costs(reader, country)),
        ("capital", _("Start-up capital and funding"), 5, lambda: _capital(reader, country)),
        ("break_even", _("Profit plan and break-even"), 6, lambda: _break_even(reader, country)),
        ("cash_flow", _("Cash-flow plan for 12 months"), 7, lambda: _cash_flow(reader, country)),
        ("household", _("Household budget"), 8, lambda: _household(reader, country)),
        ("loan", _("The loan"), 9, lambda: _loan(reader, country)),
        ("capacity", _("Repayment capacity and checks"), 10, lambda: _capacity(reader, country, capacity, checks)),
        ("action_plan", _("Action plan for the first months"), 10, lambda: _action_plan(reader, narrative)),
    ]
    sections = []
    for key, title, module, build in builders:
        try:
            sections.append(build())
        except Exception:  # noqa: BLE001 - inconsistent work the builders did not foresee: say so, go on
            text = _("This part could not be put together from your saved work: see module {number}.").format(
                number=module)
            sections.append(DocSection(key, title, module, False, (Paragraph(text, "missing"),)))
    date = today or _dt.date.today()
    return PlanDocument(
        language=language, country=country.code, country_name=_(country.name), currency=country.currency,
        name=name, business=business, date=date,
        date_text=format_date(date, format="long", locale=_date_locale(language, country)),
        sections=tuple(sections), checks=checks, sources=tuple(reader.sources.values()), narrative=dict(narrative))
