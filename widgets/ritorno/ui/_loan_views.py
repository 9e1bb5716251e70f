"""Loan calculator and offer comparison: thin ipywidgets views over :class:`LoanModel`."""
from __future__ import annotations

from html import escape

import ipywidgets as widgets


from ..answers import AnswerStore
from ..finance import Loan
from ..i18n import format_money, format_percent, translator
from ._charts import LoanChart
from ._env import course_language
from ._boxes import BoundBox, choice_dropdown, country_dropdown, heading
from ._loan_model import NUMERIC_INPUTS, LoanModel
from ._style import error_html, note_html

__all__ = ["LoanForm", "LoanSummary", "ScheduleTable", "LoanCalculator", "LoanComparison"]

_SCHEDULE_HEAD_ROWS = 12  # long weekly schedules show their start and their end only


def _money(model: LoanModel):
    profile = model.profile
    return lambda value: format_money(value, profile.currency, profile.locale)


class LoanForm(widgets.VBox):
    """The boxes of one loan offer, each with its own inline message."""

    def __init__(self, model: LoanModel, title: str = "", show_country: bool = True) -> None:
        _ = translator(model.language).gettext
        self.model = model
        labels = {
            "amount": _("Amount borrowed"), "rate": _("Interest rate per year (%)"),
            "periods": _("Number of instalments"), "fee": _("Upfront fee (% of the amount)"),
            "savings": _("Compulsory savings (% of the amount)"), "grace": _("Grace period (instalments)"),
        }
        rows: list[widgets.Widget] = [heading(title)] if title else []
        if show_country:
            rows.append(country_dropdown(model, model.language))
        self._boxes = {name: BoundBox(model, name, labels[name]) for name in NUMERIC_INPUTS}
        rows += self._boxes.values()
        rows += [
            choice_dropdown(model, "frequency", _("Instalments"), [
                (_("monthly"), "monthly"), (_("every two weeks"), "fortnightly"), (_("weekly"), "weekly")]),
            choice_dropdown(model, "method", _("Interest method"), [
                (_("declining balance, equal instalments"), "declining"),
                (_("declining balance, equal principal"), "equal_principal"), (_("flat"), "flat")]),
            choice_dropdown(model, "rate_type", _("Rate quoted as"), [
                (_("nominal (divided by the periods)"), "nominal"), (_("effective (like Peru's TEA)"), "effective")]),
        ]
        self._loan_message = widgets.HTML()
        rows.append(self._loan_message)
        super().__init__(rows)
        model.observe(self._show_rule_error, names="errors")
        self._show_rule_error()

    def _show_rule_error(self, change: dict | None = None) -> None:
        problem = self.model.errors.get("loan")
        self._loan_message.value = error_html(problem) if problem else ""

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into a box, as a trainee would (used by tests and demos)."""
        self._boxes[name].box.value = text

    def message_for(self, name: str) -> str:
        """The inline message under a box (``"loan"``: the message about the terms together)."""
        return self._boxes[name].message.value if name in self._boxes else self._loan_message.value


class LoanSummary(widgets.HTML):
    """Key figures of a loan: what you receive, pay, and its true cost."""

    def __init__(self, model: LoanModel) -> None:
        super().__init__()
        self.model = model
        model.observe(self._refresh, names="loan")
        self._refresh()

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        loan: Loan | None = self.model.loan
        if loan is None:
            self.value = note_html(_("Correct what is marked in red to see the results."))
            return
        money, locale = _money(self.model), self.model.profile.locale
        rows = [
            (_("You receive in hand"), money(loan.received)),
            (_("Regular instalment"), money(loan.instalment)),
            (_("Total interest"), money(loan.total_interest)),
            (_("Upfront fee"), money(loan.fee_amount)),
            (_("Savings blocked, returned at the end"), money(loan.savings_amount)),
            (_("Total of all instalments"), money(loan.total_paid)),
            (_("APR (true yearly cost)"), format_percent(loan.apr, locale, digits=1)),
            (_("EIR (with compounding)"), format_percent(loan.eir, locale, digits=1)),
        ]
        cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(label)}</th>"
                        f"<td style='text-align:right'>{escape(value)}</td></tr>" for label, value in rows)
        self.value = f"<table class='ritorno-summary' style='font-size:1.1em'>{cells}</table>"


class ScheduleTable(widgets.HTML):
    """The repayment schedule, instalment by instalment."""

    def __init__(self, model: LoanModel) -> None:
        super().__init__()
        self.model = model
        model.observe(self._refresh, names="loan")
        self._refresh()

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        loan: Loan | None = self.model.loan
        if loan is None:
            self.value = ""
            return
        money = _money(self.model)
        rows = loan.schedule()
        shown = rows if len(rows) <= _SCHEDULE_HEAD_ROWS + 2 else rows[:_SCHEDULE_HEAD_ROWS] + (None,) + rows[-2:]
        head = "".join(f"<th style='padding:0 .6em'>{escape(text)}</th>" for text in
                       (_("No."), _("Instalment"), _("Interest"), _("Principal"), _("Still owed")))
        body = []
        for row in shown:
            if row is None:
                body.append("<tr><td colspan='5' style='text-align:center'>…</td></tr>")
                continue
            cells = [str(row.period)] + [money(value) for value in (row.payment, row.interest, row.principal, row.balance)]
            body.append("<tr>" + "".join(f"<td style='text-align:right;padding:0 .6em'>{escape(cell)}</td>"
                                         for cell in cells) + "</tr>")
        self.value = f"<table class='ritorno-schedule'><tr>{head}</tr>{''.join(body)}</table>"


class LoanCalculator(widgets.VBox):
    """A live loan calculator: terms in the country's currency; figures, chart and schedule update as you type.

    Examples
    --------
    >>> calculator = LoanCalculator(country="PE")
    >>> calculator.form.type_into("rate", "45")
    >>> calculator.model.loan.annual_rate
    0.45
    """

    def __init__(self, country: str = "SN", language: str | None = None, store: AnswerStore | None = None) -> None:
        self.model = LoanModel(store=store, country=country, language=language or course_language())
        _ = translator(self.model.language).gettext
        self.form = LoanForm(self.model)
        self.summary = LoanSummary(self.model)
        self.schedule = ScheduleTable(self.model)
        self.chart = LoanChart({"balance": _("Still owed"), "principal": _("Principal"),
                                "interest": _("Interest"), "period": _("Instalment number")},
                               lambda value: _money(self.model)(value))  # follows a change of country
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%"})
        self.model.observe(self._redraw, names="loan")
        self._redraw()
        results = widgets.VBox([self.summary, self.chart_image])
        super().__init__([widgets.HBox([self.form, results], layout={"flex_flow": "row wrap"}),
                          widgets.HTML("<h4>{}</h4>".format(escape(_("Repayment schedule")))), self.schedule])
        self.add_class("ritorno-loan-calculator")

    def _redraw(self, change: dict | None = None) -> None:
        if self.model.loan is not None:
            self.chart.update(self.model.loan)
            self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None if self.model.loan is not None else "none"


class LoanComparison(widgets.VBox):
    """Two offers side by side and which one really costs less (by APR)."""

    def __init__(self, country: str = "SN", language: str | None = None) -> None:
        language = language or course_language()
        _ = translator(language).gettext
        self.offers = (LoanModel(country=country, language=language), LoanModel(country=country, language=language))
        # start from two different methods, so the lesson's point shows at once
        self.offers[1].method = "declining" if self.offers[0].method == "flat" else "flat"
        columns = []
        for model, title in zip(self.offers, (_("Offer A"), _("Offer B"))):
            columns.append(widgets.VBox([LoanForm(model, title, show_country=False), LoanSummary(model)]))
        self.verdict = widgets.HTML()
        for model in self.offers:
            model.observe(self._judge, names="loan")
        self._judge()
        super().__init__([widgets.HBox(columns, layout={"flex_flow": "row wrap"}), self.verdict])
        self.add_class("ritorno-loan-comparison")

    def _judge(self, change: dict | None = None) -> None:
        _ = translator(self.offers[0].language).gettext
        first, second = (model.loan for model in self.offers)
        if first is None or second is None:
            self.verdict.value = note_html(_("Fill in both offers to compare them."))
            return
        locale = self.offers[0].profile.locale
        if abs(first.apr - second.apr) < 0.0005:
            text = _("Both offers cost the same: APR {apr}.").format(apr=format_percent(first.apr, locale, digits=1))
        else:
            cheaper, dearer = ("A", "B") if first.apr < second.apr else ("B", "A")
            low, high = sorted((first.apr, second.apr))
            text = _("Offer {cheaper} is cheaper: its APR is {low}, against {high} for offer {dearer}.").format(
                cheaper=cheaper, dearer=dearer, low=format_percent(low, locale, digits=1),
                high=format_percent(high, locale, digits=1))
        self.verdict.value = f"<p style='font-size:1.2em'><b>{escape(text)}</b></p>"
