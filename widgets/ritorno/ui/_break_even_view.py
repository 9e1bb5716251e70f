"""Module 6, Profit plan and break-even: how many units cover all costs, and how far sales may fall.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.break_even` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as widgets
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..answers import AnswerStore
from ..curriculum import m06
from ..i18n import format_number, format_percent, translator
from ._boxes import BoundBox, TypingView, WritesMoney, country_dropdown
from ._break_even_model import BREAK_EVEN_INPUTS, BreakEvenModel, BreakEvenResult
from ._charts import figure_png
from ._env import course_language
from ._style import error_html, note_html, ok_html

__all__ = ["BreakEvenPicture", "BreakEvenChart"]


def _table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(label)}</th>"
                    f"<td style='text-align:right'>{escape(value)}</td></tr>" for label, value in rows)
    return f"<table class='ritorno-summary' style='font-size:1.1em'>{cells}</table>"


class BreakEvenPicture:
    """Sales and total costs against units sold: they cross at break-even; the planned volume is marked."""

    def __init__(self, labels: dict[str, str], money: Callable[[float], str]) -> None:
        self.figure = Figure(figsize=(6.4, 3.8), layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: money(value)))
        self.axes.set_xlabel(labels["units"])
        (self.sales_line,) = self.axes.plot([], [], color="#1e8449", linewidth=2, label=labels["sales"])
        (self.cost_line,) = self.axes.plot([], [], color="#b03a2e", linewidth=2, label=labels["costs"])
        (self.fixed_line,) = self.axes.plot([], [], color="#b03a2e", linewidth=1, linestyle=":",
                                            label=labels["fixed"])
        (self.break_even_point,) = self.axes.plot([], [], "o", color="black", markersize=7,
                                                  label=labels["break_even"])
        self.planned_line = self.axes.axvline(0, color="#2e86c1", linestyle="--", linewidth=1.5,
                                              label=labels["planned"])
        self.axes.legend(loc="upper left", fontsize="small")

    def update(self, result: BreakEvenResult) -> None:
        """Redraw for ``result``: every line keeps its artist, only its data change."""
        right = max(result.planned_units, result.break_even_units) * 1.3
        units = [0.0, right]
        self.sales_line.set_data(units, [0.0, result.price * right])
        self.cost_line.set_data(units, [result.fixed_costs, result.fixed_costs + result.variable_cost * right])
        self.fixed_line.set_data(units, [result.fixed_costs, result.fixed_costs])
        self.break_even_point.set_data([result.break_even_units], [result.break_even_sales])
        self.planned_line.set_xdata([result.planned_units, result.planned_units])
        top = max(result.price * right, result.fixed_costs + result.variable_cost * right)
        self.axes.set_xlim(0, right)
        self.axes.set_ylim(0, top * 1.05 if top > 0 else 1)

    @property
    def planned_units(self) -> float:
        """Where the planned volume is marked."""
        return float(self.planned_line.get_xdata()[0])

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class BreakEvenChart(WritesMoney, TypingView, widgets.VBox):
    """Live break-even point, margin of safety and profit, with the picture, as the trainee types.

    Examples
    --------
    >>> widget = BreakEvenChart(country="GH")
    >>> widget.type_into("price", "27")
    >>> widget.model.result.break_even_units
    500.0
    """

    def __init__(self, country: str = "SN", language: str | None = None, store: AnswerStore | None = None) -> None:
        self.model = BreakEvenModel(store=store, country=country, language=language or course_language())
        _ = translator(self.model.language).gettext
        self._ = _
        self._boxes = {name: BoundBox(self.model, name, _(m06.LABELS[name])) for name in BREAK_EVEN_INPUTS}
        self._example = widgets.HTML()
        self.summary = widgets.HTML()
        self.verdict = widgets.HTML()
        self.picture = BreakEvenPicture({"units": _("Units sold in a month"), "sales": _("Sales"),
                                         "costs": _("Total costs"), "fixed": _("Fixed costs"),
                                         "break_even": _("Break-even point"), "planned": _("Your plan")}, self._money)
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%"})
        form = widgets.VBox([country_dropdown(self.model, self.model.language), self._example, *self._boxes.values()])
        results = widgets.VBox([self.verdict, self.summary])
        super().__init__([widgets.HBox([form, results], layout={"flex_flow": "row wrap"}), self.chart_image])
        self.add_class("ritorno-break-even-chart")
        self.model.observe(self._refresh, names=["result", "errors", "country"])
        self.model.observe(self._redraw, names="result")
        self._refresh()
        self._redraw()

    def _units(self, value: float) -> str:
        return format_number(value, self.model.profile.locale, digits=0)

    def _refresh(self, change: dict | None = None) -> None:
        _ = self._
        self._example.value = note_html(_("Starting example: {product}. The figures are illustrative: replace "
                                          "them with your own.").format(product=_(m06.PRODUCTS[self.model.example.product])))
        result: BreakEvenResult | None = self.model.result
        if result is None:
            self.summary.value = ""
            self.verdict.value = note_html(_("Correct the boxes marked in red to see the results."))
            return
        locale = self.model.profile.locale
        rows = [
            (_("Each unit leaves to pay the fixed costs"), self._money(result.contribution)),
            (_("Break-even point (units a month)"), format_number(result.break_even_units, locale, digits=1)),
            (_("Units to sell to cover all costs"), self._units(result.units_to_sell)),
            (_("Break-even sales"), self._money(result.break_even_sales)),
            (_("Margin of safety"), format_percent(result.margin_of_safety, locale, digits=1)),
            (_("Profit at your planned sales") if result.profit >= 0 else _("Loss at your planned sales"),
             self._money(abs(result.profit))),
        ]
        self.summary.value = _table(rows)
        self.verdict.value = self._verdict_html(result)

    def _verdict_html(self, result: BreakEvenResult) -> str:
        _ = self._
        locale = self.model.profile.locale
        units, planned = self._units(result.units_to_sell), self._units(result.planned_units)
        if result.planned_units >= result.break_even_units:
            return ok_html(_("Sell at least {units} units a month to cover all costs. You plan {planned}: sales can "
                             "fall by {safety} before you make a loss.").format(
                units=units, planned=planned, safety=format_percent(result.margin_of_safety, locale, digits=1)))
        return error_html(_("Sell at least {units} units a month to cover all costs. You plan only {planned}: at that "
                            "volume you lose {loss} a month. Raise the price, cut costs or plan to sell more.").format(
            units=units, planned=planned, loss=self._money(-result.profit)))

    def _redraw(self, change: dict | None = None) -> None:
        result: BreakEvenResult | None = self.model.result
        if result is not None:
            self.picture.update(result)
            self.chart_image.value = self.picture.png()
        self.chart_image.layout.display = None if result is not None else "none"
