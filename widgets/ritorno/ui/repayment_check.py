"""Module 10: can the business and the household carry the loan, also in a bad month?"""
from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets
import traitlets
from matplotlib.figure import Figure

from ..answers import AnswerStatus, AnswerStore
from ..countries import get_country
from ..finance import RepaymentCapacity, repayment_capacity
from ..i18n import InvalidAmount, format_money, format_number, format_percent, translator
from ._boxes import BoundBox, country_dropdown, heading
from ._charts import figure_png
from ._env import course_language, unless_grading
from ._loan_model import LoanModel
from ._parsing import InputKind, check_range, parse_input
from ._persist import PersistentModel
from ._profile import profile_country
from ._style import error_html, note_html, ok_html
from ._session import notebook_store

__all__ = ["RepaymentModel", "RepaymentCheck", "repayment_check"]

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


class RepaymentCheck(widgets.VBox):
    """Boxes for one month, the verdict in plain words, and a chart of instalment against surplus."""

    def __init__(self, model: RepaymentModel) -> None:
        self.model = model
        _ = translator(model.language).gettext
        labels = {
            "monthly_sales": _("Sales in a normal month"), "variable_costs": _("Variable costs of those sales"),
            "fixed_costs": _("Fixed costs of the business"), "other_income": _("Other household income"),
            "household_spending": _("Household spending"), "instalment": _("Loan instalment per month"),
            "sales_drop": _("Sales drop in a bad month (%)"),
            "max_income_share": _("Largest share of income for the loan (%)"),
        }
        self.boxes = {name: BoundBox(model, name, label) for name, label in labels.items()}
        self.source = widgets.HTML()
        self.verdict = widgets.HTML()
        self.chart = widgets.Image(format="png", layout={"max_width": "100%"})
        self._figure = Figure(figsize=(6, 2.8), layout="constrained")
        self._axes = self._figure.add_subplot()
        form = widgets.VBox([country_dropdown(model, model.language), *self.boxes.values(), self.source])
        super().__init__([widgets.HBox([form, widgets.VBox([heading(_("Verdict")), self.verdict, self.chart])],
                                       layout={"flex_flow": "row wrap"})])
        self.add_class("ritorno-repayment-check")
        model.observe(self._refresh, names=["check", "instalment_source"])
        self._refresh()

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        self.source.value = note_html(_("The instalment comes from {source}.").format(
            source=self.model.instalment_source)) if self.model.instalment_source else ""
        check = self.model.check
        if check is None:
            self.verdict.value = note_html(_("Correct what is marked in red to see the verdict."))
            self.chart.layout.display = "none"
            return
        profile = get_country(self.model.country)
        money = lambda value: format_money(value, profile.currency, profile.locale)  # noqa: E731
        share = format_percent(check.income_share, profile.locale, digits=1) if check.net_income > 0 else "—"
        lines = [
            _("Net income of the household: {value}").format(value=money(check.net_income)),
            _("The instalment takes {share} of it (your limit: {limit}).").format(
                share=share, limit=format_percent(check.max_income_share, profile.locale, digits=0)),
            _("Left before the instalment: {normal} in a normal month, {bad} in a bad month.").format(
                normal=money(check.surplus), bad=money(check.stressed_surplus)),
            _("Debt-service cover: {normal} in a normal month, {bad} in a bad month (above 1 means the instalment "
              "is covered).").format(normal=format_number(round(check.cover, 2), profile.locale),
                                     bad=format_number(round(check.stressed_cover, 2), profile.locale)),
        ]
        body = "".join(f"<p>{escape(line)}</p>" for line in lines)
        if check.affordable:
            verdict = ok_html(_("You can carry this instalment, even in a bad month."))
        elif not check.survives_stress:
            verdict = error_html(_("In a bad month the household cannot pay this instalment: borrow less, for longer, "
                                   "or lower your costs."))
        else:
            verdict = error_html(_("The instalment takes too much of your income: borrow less or for longer."))
        self.verdict.value = body + verdict
        self._draw(check, money, _)

    def _draw(self, check: RepaymentCapacity, money, _) -> None:
        axes = self._axes
        axes.clear()
        names = [_("Instalment"), _("Left, normal month"), _("Left, bad month")]
        values = [check.instalment, check.surplus, check.stressed_surplus]
        colours = ["#e59866", "#7fb3d5", "#1e8449" if check.survives_stress else "#b03a2e"]
        axes.barh(names, values, color=colours)
        axes.axvline(check.instalment, color="#e59866", linestyle="--")
        axes.xaxis.set_major_formatter(lambda value, _pos: money(value))
        axes.invert_yaxis()
        self.chart.value = figure_png(self._figure)
        self.chart.layout.display = None

    @property
    def bar_values(self) -> list[float]:
        """Lengths of the three bars (instalment, normal surplus, bad-month surplus), for tests."""
        return [bar.get_width() for bar in self._axes.patches]


@unless_grading
def repayment_check(country: str | None = None, language: str | None = None, keep_work: bool = True) -> RepaymentCheck:
    """The repayment-capacity check of module 10 (nothing while nbgrader grades)."""
    store = notebook_store() if keep_work else None
    model = RepaymentModel(store=store, country=country or profile_country(store),
                           language=language or course_language())
    return RepaymentCheck(model)
