"""Module 1: how long the savings a returnee brings home keep the household going.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.runway` holds the factory and
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
from ..curriculum import m01
from ..i18n import format_money, format_number, translator
from ._boxes import BoundBox, WritesMoney, country_dropdown, heading
from ._charts import figure_png
from ._env import course_language
from ._runway_model import MONTHS_SHOWN, RunwayModel
from ._style import error_html, note_html

__all__ = ["RunwayChart", "RunwayCalculator"]

_COVERED = "#2e86c1"  # enough left for the whole next month
_LAST = "#e67e22"  # not enough for the next month


def months_shown(months: float) -> float:
    """Months rounded *down* to one decimal, so a verdict of "under 3" never reads "3.0".

    >>> months_shown(2.96), months_shown(4.0), months_shown(4.4444)
    (2.9, 4.0, 4.4)
    """
    return math.floor(months * 10 + 1e-9) / 10


class RunwayChart:
    """Savings left today and after each month, one bar per month, with the 3- and 6-month marks."""

    def __init__(self, labels: dict[str, str], money: Callable[[float], str]) -> None:
        self.figure = Figure(figsize=(6.5, 3.2), layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: money(value)))
        self.axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        self.axes.set_xlabel(labels["months"])
        self.axes.set_title(labels["title"], fontsize="medium")
        self.bars = self.axes.bar(range(MONTHS_SHOWN + 1), [0.0] * (MONTHS_SHOWN + 1), color=_COVERED)
        for months, label in ((m01.SHORT_RUNWAY_MONTHS, labels["short"]), (m01.LONG_RUNWAY_MONTHS, labels["long"])):
            self.axes.axvline(months, color="#7f8c8d", linestyle="--", linewidth=1)
            self.axes.text(months, 1, " " + label, transform=self.axes.get_xaxis_transform(), va="top",
                           fontsize="small", color="#566573")

    def update(self, balances: list[float], spending: float) -> None:
        """Show ``balances`` (money left today, then after each month); bars short of a month's spending in orange."""
        for month, bar in enumerate(self.bars):
            shown = month < len(balances)
            bar.set_visible(shown)
            bar.set_height(balances[month] if shown else 0.0)
            bar.set_color(_COVERED if shown and balances[month] >= spending else _LAST)
        self.axes.set_xlim(-0.6, max(len(balances) - 1, m01.LONG_RUNWAY_MONTHS + 1) + 0.6)
        self.axes.set_ylim(0, (balances[0] if balances and balances[0] > 0 else spending) * 1.12)

    @property
    def heights(self) -> list[float]:
        """Height of each bar shown, today first (for tests and screen readers)."""
        return [bar.get_height() for bar in self.bars if bar.get_visible()]

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class RunwayCalculator(WritesMoney, widgets.VBox):
    """Savings and essential spending in; months the savings last, a verdict and a chart out.

    Examples
    --------
    >>> calculator = RunwayCalculator(country="GH")
    >>> calculator.type_into("savings", "45,000")
    >>> calculator.model.months, calculator.model.verdict
    (10.0, 'long')
    """

    def __init__(self, country: str | None = None, language: str | None = None,
                 store: AnswerStore | None = None) -> None:
        given = {"country": country} if country is not None else {}
        self.model = RunwayModel(store=store, language=language or course_language(), **given)
        _ = translator(self.model.language).gettext
        self._boxes = {name: BoundBox(self.model, name, _(m01.RUNWAY_LABELS[name]))
                       for name in ("savings", *m01.SPENDING_LINES)}
        self._spending_message = widgets.HTML()
        form = widgets.VBox([
            heading(_("Your savings")), country_dropdown(self.model, self.model.language), self._boxes["savings"],
            heading(_("Essential spending of the household, each month")),
            *(self._boxes[name] for name in m01.SPENDING_LINES), self._spending_message,
        ])
        self.summary = widgets.HTML()
        self.chart = RunwayChart({"months": _("Months from today"), "title": _("Savings left"),
                                  "short": _("3 months"), "long": _("6 months")},
                                 lambda value: format_money(value, self.model.profile.currency, self.model.profile.locale))
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%"})
        self.model.observe(self._refresh, names="updates")
        self._refresh()
        super().__init__([widgets.HBox([form, widgets.VBox([self.summary, self.chart_image])],
                                       layout={"flex_flow": "row wrap"})])
        self.add_class("ritorno-runway")

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        model = self.model
        rule = model.errors.get("spending")
        self._spending_message.value = error_html(rule) if rule else ""
        if model.months is None:
            self.summary.value = error_html(rule) if rule and len(model.errors) == 1 else note_html(
                _("Correct the boxes marked in red to see the results."))
            self.chart_image.layout.display = "none"
            return
        months = format_number(months_shown(model.months), model.profile.locale, digits=1)
        rows = [(_("Savings"), self._money(model.balances[0])),
                (_("Essential spending each month"), self._money(model.total_spending)),
                (_("Your savings last"), _("{months} months").format(months=months))]
        cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(label)}</th>"
                        f"<td style='text-align:right'>{escape(value)}</td></tr>" for label, value in rows)
        verdicts = {
            "short": _("Less than 3 months: risky. If sales start slowly, the household runs out of money before "
                       "the business can help. Keep the savings for the family, start smaller, or find some "
                       "income first."),
            "medium": _("Between 3 and 6 months: a cushion, but a thin one. Most businesses need several months "
                        "to earn enough for a family: keep part of the savings apart as a reserve."),
            "long": _("More than 6 months: a good cushion. Still keep the household's money apart from the "
                      "business's money, and decide now how much of the savings the business may use."),
        }
        note = ""
        if model.months > MONTHS_SHOWN:
            note = note_html(_("The chart stops after {months} months.").format(months=MONTHS_SHOWN))
        self.summary.value = (f"<table class='ritorno-summary' style='font-size:1.1em'>{cells}</table>"
                              f"<p class='ritorno-verdict ritorno-verdict-{model.verdict}'><b>"
                              f"{escape(verdicts[model.verdict])}</b></p>{note}")
        self.chart.update(model.balances, model.total_spending)
        self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into a box, as a trainee would (used by tests and demos)."""
        self._boxes[name].box.value = text

    def message_for(self, name: str) -> str:
        """The inline message under a box (``"spending"``: the message under the spending lines)."""
        return self._boxes[name].message.value if name in self._boxes else self._spending_message.value
