"""Module 10: can the business and the household carry the loan, also in a bad month?

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.repayment_check` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from html import escape

import ipywidgets as widgets
from matplotlib.figure import Figure

from ..countries import get_country
from ..finance import RepaymentCapacity
from ..i18n import format_money, format_number, format_percent, translator
from ._boxes import BoundBox, country_dropdown, heading
from ._charts import figure_png
from ._repayment_model import RepaymentModel
from ._style import error_html, note_html, ok_html

__all__ = ["RepaymentCheck"]

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
