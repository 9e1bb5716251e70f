"""Module 4, Costs and prices: the unit cost of a product, its price with a markup, and the margin it leaves.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.costing` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as widgets
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..answers import AnswerStore
from ..curriculum import m04
from ..i18n import format_percent, translator
from ._boxes import BoundBox, WritesMoney, country_dropdown, heading
from ._charts import figure_png
from ._costing_model import COSTING_INPUTS, CostingModel, CostingResult, MarginTarget
from ._env import course_language
from ._style import error_html, note_html

__all__ = ["PriceSplitChart", "UnitCostPricing"]

_FORM_INPUTS = COSTING_INPUTS[:-1]  # the wanted margin has its own small section
_RULES = ("costs",)
_COLOURS = {"materials": "#7fb3d5", "labour": "#76d7c4", "overheads": "#f7dc6f", "profit": "#58d68d"}


def _table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(label)}</th>"
                    f"<td style='text-align:right'>{escape(value)}</td></tr>" for label, value in rows)
    return f"<table class='ritorno-summary' style='font-size:1.1em'>{cells}</table>"


class PriceSplitChart:
    """One bar: the price of a unit split into materials, labour, overheads and profit; a dashed line
    at the competitor's price."""

    PARTS = ("materials", "labour", "overheads", "profit")

    def __init__(self, labels: dict[str, str], money: Callable[[float], str]) -> None:
        self.figure = Figure(figsize=(4.6, 3.8), layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: money(value)))
        self.axes.set_xlim(-0.8, 0.8)
        self.axes.set_xticks([0], [labels["price"]])
        self._money = money
        self.segments = {part: self.axes.bar([0], [0], width=0.6, color=_COLOURS[part])[0] for part in self.PARTS}
        for part, rectangle in self.segments.items():
            rectangle.set_label(labels[part])
        self.values = {part: self.axes.text(0, 0, "", ha="center", va="center", fontsize="small")
                       for part in self.PARTS}
        self.competitor_line = self.axes.axhline(0, color="#922b21", linestyle="--", linewidth=1.5,
                                                 label=labels["competitor"])
        # the legend lists the parts top down, as the bar stacks them
        handles = [self.competitor_line, *(self.segments[part] for part in reversed(self.PARTS))]
        self.axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
        self.competitor_line.set_visible(False)  # after the legend, which copies how the line looks

    def update(self, result: CostingResult) -> None:
        """Redraw for ``result``: the bars keep their artists, only heights and positions change."""
        bottom = 0.0
        for part in self.PARTS:
            height = getattr(result.split, part)
            self.segments[part].set_y(bottom)
            self.segments[part].set_height(height)
            self.values[part].set_position((0, bottom + height / 2))
            self.values[part].set_text(self._money(height) if height else "")
            bottom += height
        top = bottom
        competitor = result.competitor_price
        self.competitor_line.set_visible(competitor is not None)
        if competitor is not None:
            self.competitor_line.set_ydata([competitor, competitor])
            top = max(top, competitor)
        self.axes.set_ylim(0, top * 1.1 if top > 0 else 1)
        for part in self.PARTS:  # a label in a sliver of a bar would cover its neighbours
            self.values[part].set_visible(self.segments[part].get_height() >= top * 0.08)

    @property
    def segment_heights(self) -> dict[str, float]:
        """Height of each part of the bar (its amount per unit), for tests and screen readers."""
        return {part: rectangle.get_height() for part, rectangle in self.segments.items()}

    @property
    def segment_bottoms(self) -> dict[str, float]:
        """Where each part of the bar starts."""
        return {part: rectangle.get_y() for part, rectangle in self.segments.items()}

    @property
    def competitor_level(self) -> float | None:
        """Height of the competitor's line, ``None`` when it is hidden."""
        return float(self.competitor_line.get_ydata()[0]) if self.competitor_line.get_visible() else None

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class UnitCostPricing(WritesMoney, widgets.VBox):
    """Live unit cost, price, margin and comparison with a competitor, as the trainee types.

    Examples
    --------
    >>> widget = UnitCostPricing(country="BO")
    >>> widget.type_into("markup", "100")
    >>> round(widget.model.result.price, 2), round(widget.model.result.margin, 2)
    (9.6, 0.5)
    """

    def __init__(self, country: str = "SN", language: str | None = None, store: AnswerStore | None = None) -> None:
        self.model = CostingModel(store=store, country=country, language=language or course_language())
        _ = translator(self.model.language).gettext
        self._ = _
        self._boxes = {name: BoundBox(self.model, name, _(m04.LABELS[name])) for name in COSTING_INPUTS}
        self._example = widgets.HTML()
        self._rule_message = widgets.HTML()
        self.summary = widgets.HTML()
        self.comparison = widgets.HTML()
        self.target = widgets.HTML()
        self.chart = PriceSplitChart({"price": _("Your price"), "materials": _("Materials"), "labour": _("Labour"),
                                      "overheads": _("Overheads"), "profit": _("Profit"),
                                      "competitor": _("Competitor's price")}, self._money)
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%"})
        form = widgets.VBox([country_dropdown(self.model, self.model.language), self._example,
                             *(self._boxes[name] for name in _FORM_INPUTS), self._rule_message])
        results = widgets.VBox([self.summary, self.comparison, self.chart_image])
        margin_section = widgets.VBox([heading(_("From the margin you want to the markup you need")),
                                       self._boxes["wanted_margin"], self.target])
        super().__init__([widgets.HBox([form, results], layout={"flex_flow": "row wrap"}), margin_section])
        self.add_class("ritorno-unit-cost-pricing")
        self.model.observe(self._refresh, names=["result", "target", "errors", "country"])
        self.model.observe(self._redraw, names="result")
        self._refresh()
        self._redraw()

    def _percent(self, fraction: float) -> str:
        return format_percent(fraction, self.model.profile.locale, digits=1)

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into a box, as a trainee would (used by tests and demos)."""
        self._boxes[name].box.value = text

    def message_for(self, name: str) -> str:
        """The inline message under a box (``"costs"``: the message about the costs together)."""
        return self._boxes[name].message.value if name in self._boxes else self._rule_message.value

    def _refresh(self, change: dict | None = None) -> None:
        _ = self._
        self._example.value = note_html(_("Starting example: {product}. The figures are illustrative: replace "
                                          "them with your own.").format(product=_(m04.PRODUCTS[self.model.example.product])))
        rule = next((self.model.errors[name] for name in _RULES if name in self.model.errors), "")
        self._rule_message.value = error_html(rule) if rule else ""
        result: CostingResult | None = self.model.result
        if result is None:
            boxes_wrong = any(name in self.model.errors for name in _FORM_INPUTS)
            self.summary.value = note_html(_("Correct the boxes marked in red to see the results.") if boxes_wrong
                                           else _("Correct the figures above to see the results."))
            self.comparison.value = ""
        else:
            self.summary.value = self._summary_html(result)
            self.comparison.value = self._comparison_html(result)
        self.target.value = self._target_html(self.model.target)

    def _redraw(self, change: dict | None = None) -> None:
        result: CostingResult | None = self.model.result
        if result is not None:
            self.chart.update(result)
            self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None if result is not None else "none"

    def _summary_html(self, result: CostingResult) -> str:
        _ = self._
        split = result.split
        rows = [
            (_("Materials"), self._money(split.materials)),
            (_("Labour"), self._money(split.labour)),
            (_("Share of the overheads"), self._money(split.overheads)),
            (_("Unit cost"), self._money(result.unit_cost)),
            (_("Markup (on the cost)"), self._percent(result.markup)),
            (_("Price"), self._money(result.price)),
            (_("Profit per unit"), self._money(split.profit)),
            (_("Margin (profit as a share of the price)"), self._percent(result.margin)),
        ]
        sentence = _("A markup of {markup} on the cost is a margin of {margin} of the price.").format(
            markup=self._percent(result.markup), margin=self._percent(result.margin))
        return _table(rows) + f"<p><b>{escape(sentence)}</b></p>"

    def _comparison_html(self, result: CostingResult) -> str:
        _ = self._
        competitor = result.competitor_price
        if competitor is None:
            return note_html(_("Type a competitor's price to compare yours with it."))
        difference = result.competitor_difference
        if self._money(result.price) == self._money(competitor):
            text = _("Your price is the same as the competitor's: {competitor}.").format(competitor=self._money(competitor))
        else:
            words = (_("Your price is {difference} ({share}) cheaper than the competitor's price of {competitor}.")
                     if difference < 0 else
                     _("Your price is {difference} ({share}) dearer than the competitor's price of {competitor}."))
            text = words.format(difference=self._money(abs(difference)), share=self._percent(abs(difference) / competitor),
                                competitor=self._money(competitor))
        html = f"<p>{escape(text)}</p>"
        if competitor < result.unit_cost and self._money(competitor) != self._money(result.unit_cost):
            html += error_html(_("Careful: the competitor's price is below your unit cost. At that price you would "
                                 "lose {loss} on every unit.").format(loss=self._money(result.unit_cost - competitor)))
        return html

    def _target_html(self, target: MarginTarget | None) -> str:
        _ = self._
        if target is None:
            if "wanted_margin" in self.model.errors:
                return ""
            return note_html(_("Type the margin you want to see the markup you need."))
        text = _("To keep {margin} of the price as profit, you need a markup of {markup} on the cost.").format(
            margin=self._percent(target.margin), markup=self._percent(target.markup))
        if target.price is not None:
            text += " " + _("With your unit cost, that is a price of {price}.").format(price=self._money(target.price))
        return f"<p><b>{escape(text)}</b></p>"
