"""Module 8's household budget: income, spending, what is left each month, and a savings goal.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.household_budget` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

import ipywidgets as widgets
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..answers import AnswerStore
from ..curriculum import m08
from ..i18n import translator
from ._boxes import BoundBox, TypingView, WritesMoney, country_dropdown, heading
from ._charts import axis_money
from ._charts import figure_png
from ._env import course_language
from ._household_model import INCOME, SPENDING, HouseholdBudgetModel
from ._style import error_html, note_html, ok_html

__all__ = ["SpendingChart", "HouseholdBudget"]

_BAR_COLOUR = "#2e86c1"


class SpendingChart:
    """Monthly spending by line, as horizontal bars (the largest line stands out)."""

    def __init__(self, labels: list[str], title: str, money: Callable[[float], str]) -> None:
        self.figure = Figure(figsize=(6.5, 3.2), layout="constrained")
        self.axes = self.figure.add_subplot()
        positions = list(range(len(labels)))
        self.bars = self.axes.barh(positions, [0.0] * len(labels), color=_BAR_COLOUR)
        self.axes.set_yticks(positions, labels)
        self.axes.invert_yaxis()  # first line on top
        self.axes.xaxis.set_major_locator(MaxNLocator(nbins=4))
        self.axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: money(value)))
        self.axes.set_title(title, fontsize="medium")

    def update(self, amounts: list[float]) -> None:
        """Show these amounts, one per line, in the order of the labels."""
        for bar, amount in zip(self.bars, amounts):
            bar.set_width(amount)
        self.axes.set_xlim(0, max(amounts, default=0) * 1.08 or 1.0)

    @property
    def widths(self) -> list[float]:
        """The bars' lengths, first line first (for tests and screen readers)."""
        return [bar.get_width() for bar in self.bars]

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class HouseholdBudget(WritesMoney, TypingView, widgets.VBox):
    """A live household budget: income and spending boxes, surplus or deficit, a savings goal and a chart.

    Examples
    --------
    >>> budget = HouseholdBudget(country="PE")
    >>> budget.model.surplus
    2270.0
    >>> budget.type_into("rent", "900")
    >>> budget.model.surplus
    1970.0
    """

    def __init__(self, country: str = m08.COUNTRY, language: str | None = None,
                 store: AnswerStore | None = None) -> None:
        self.model = HouseholdBudgetModel(store=store, country=country, language=language or course_language())
        _ = translator(self.model.language).gettext
        self._boxes = {line: BoundBox(self.model, line, _(m08.LINE_LABELS[line])) for line in INCOME + SPENDING}
        self._boxes["goal"] = BoundBox(self.model, "goal", _("Savings goal"))
        self._boxes["saving"] = BoundBox(self.model, "saving", _("Put aside each month"))
        income = widgets.VBox([heading(_("Income each month")), *(self._boxes[line] for line in INCOME)])
        spending = widgets.VBox([heading(_("Spending each month")), *(self._boxes[line] for line in SPENDING)])
        savings = widgets.VBox([heading(_("Saving for a goal")), self._boxes["goal"], self._boxes["saving"]])
        self.summary = widgets.HTML()
        self.advice = widgets.HTML()
        self.separate = widgets.HTML()
        self.chart = SpendingChart([_(m08.LINE_LABELS[line]) for line in SPENDING], _("Spending by line"),
                                   lambda value: axis_money(value, self.model.profile.currency,
                                                            self.model.profile.locale))
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%", "width": "600px"})
        hint = note_html(_("Monthly amounts. Leave a box empty if the line does not apply."))
        super().__init__([country_dropdown(self.model, self.model.language), widgets.HTML(hint),
                          widgets.HBox([income, spending], layout={"flex_flow": "row wrap"}), savings,
                          heading(_("Your household's month")), self.summary, self.advice, self.separate,
                          self.chart_image])
        self.add_class("ritorno-household-budget")
        self.model.observe(self._refresh, names=["errors", "amounts", "surplus", "months", "goal_amount",
                                                 "saving_amount", "country"])
        self._refresh()

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        model = self.model
        if model.surplus is None or not model.amounts:
            self.summary.value = note_html(_("Correct the boxes marked in red to see the results."))
            self.advice.value = self.separate.value = ""
            self.chart_image.layout.display = "none"
            return
        left = _("Left each month") if model.surplus >= 0 else _("Missing each month")
        rows = ((_("Income"), self._money(model.total_income)), (_("Spending"), self._money(model.total_spending)),
                (left, self._money(abs(model.surplus))))
        cells = "".join(f"<tr><th style='text-align:left;padding-right:1.5em'>{escape(label)}</th>"
                        f"<td style='text-align:right'>{escape(value)}</td></tr>" for label, value in rows)
        self.summary.value = f"<table class='ritorno-summary' style='font-size:1.1em'>{cells}</table>"
        self.advice.value = "".join(self.advice_html())
        self.separate.value = (
            "<div class='ritorno-separate' style='border-left:4px solid #2e86c1;padding:.3em .8em;margin:.5em 0'>"
            f"{escape(self.separate_text())}</div>")
        self.chart.update([model.amounts[line] for line in SPENDING])
        self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None

    def advice_texts(self) -> list[tuple[str, str]]:
        """Sentences about the surplus and the goal, each with its tone (``"ok"``, ``"warn"``, ``"note"``)."""
        t = translator(self.model.language)
        _ = t.gettext
        model = self.model
        texts = []
        if model.surplus < 0:
            texts.append(("warn", _("Your household spends {deficit} more than it earns each month. Look at each "
                                    "spending line, or find more income, before you borrow: a loan does not close "
                                    "a gap that comes back every month.").format(deficit=self._money(-model.surplus))))
        else:
            texts.append(("ok", _("Your household has {surplus} left each month.").format(
                surplus=self._money(model.surplus))))
        if model.goal_amount:
            if model.saving_amount > max(model.surplus, 0):
                texts.append(("warn", _("You plan to put aside {saving} a month, but only {surplus} is left: spend "
                                        "less or save less.").format(saving=self._money(model.saving_amount),
                                                                     surplus=self._money(max(model.surplus, 0)))))
            if math.isinf(model.months):
                texts.append(("note", _("Put something aside each month to reach your goal of {goal}.").format(
                    goal=self._money(model.goal_amount))))
            else:
                months = int(model.months)
                texts.append(("note", t.ngettext(
                    "Putting aside {saving} a month, you reach your goal of {goal} in {months} month.",
                    "Putting aside {saving} a month, you reach your goal of {goal} in {months} months.",
                    months).format(saving=self._money(model.saving_amount), goal=self._money(model.goal_amount),
                                   months=months)))
        return texts

    def advice_html(self) -> list[str]:
        styles = {"ok": ok_html, "warn": error_html, "note": note_html}
        return [styles[tone](text) for tone, text in self.advice_texts()]

    def separate_text(self) -> str:
        """The reminder to keep household and business money apart, with the trainee's own pay."""
        _ = translator(self.model.language).gettext
        return _("Keep household money and business money apart. Pay yourself a fixed amount from the business "
                 "each month (here {pay}) and let the family live on it; never take the family's money from the "
                 "till. Keep the business's cash in its own box or account, so you always know whether the "
                 "business makes money.").format(pay=self._money(self.model.amounts["pay"]))
