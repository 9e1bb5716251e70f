"""Module 3: a year of sales with the seasons, from a price, a normal month and twelve seasonal indexes.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.sales_forecast` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as widgets
from babel import UnknownLocaleError
from babel.dates import get_month_names
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..answers import AnswerStore
from ..curriculum import m03
from ..finance import MONTHS
from ..i18n import format_money, format_number, translator
from ._boxes import BoundBox, TypingView, WritesMoney, country_dropdown, heading
from ._charts import figure_png
from ._env import course_language
from ._sales_forecast_model import INDEXES, SalesForecastModel
from ._style import note_html

__all__ = ["SalesChart", "SalesForecast", "month_names"]

_BEST, _WORST, _OTHER = "#1e8449", "#e67e22", "#5dade2"
#: Indexes averaging further than this from 1 get a note: the "normal" month may not be normal.
_AVERAGE_TOLERANCE = 0.1


def month_names(language: str, width: str = "wide") -> list[str]:
    """The twelve month names in ``language`` (Babel's), January first; English if unknown.

    >>> month_names("en")[:2], month_names("es", "abbreviated")[0]
    (['January', 'February'], 'ene')
    """
    try:
        names = get_month_names(width, locale=language)
    except (UnknownLocaleError, ValueError, TypeError):
        names = get_month_names(width, locale="en")
    return [names[month] for month in range(1, MONTHS + 1)]


class SalesChart:
    """Sales of each month as bars (best green, worst orange) and a dashed line at a normal month."""

    def __init__(self, labels: dict[str, str], months: Sequence[str], money: Callable[[float], str]) -> None:
        self.figure = Figure(figsize=(7, 3.2), layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: money(value)))
        self.bars = self.axes.bar(range(MONTHS), [0.0] * MONTHS, color=_OTHER)
        self.axes.set_xticks(range(MONTHS), list(months))
        (self.normal_line,) = self.axes.plot([-0.5, MONTHS - 0.5], [0, 0], color="#34495e", linestyle="--",
                                             linewidth=1, label=labels["normal"])
        self.axes.set_xlim(-0.6, MONTHS - 0.4)
        self.axes.legend(loc="upper right", fontsize="small")

    def update(self, monthly: Sequence[float], normal: float, best: Sequence[int], worst: Sequence[int]) -> None:
        """Show the months' sales; the line marks a normal month (index 1)."""
        same = set(best) == set(worst)  # a flat year: no best or worst
        for month, (bar, sales) in enumerate(zip(self.bars, monthly)):
            bar.set_height(sales)
            bar.set_color(_OTHER if same else _BEST if month in best else _WORST if month in worst else _OTHER)
        self.normal_line.set_ydata([normal, normal])
        self.axes.set_ylim(0, max(max(monthly), normal) * 1.2 or 1)

    @property
    def heights(self) -> list[float]:
        """Height of each month's bar, January first (for tests and screen readers)."""
        return [bar.get_height() for bar in self.bars]

    @property
    def colours(self) -> list[str]:
        """Colour of each month's bar, as a hex code."""
        return [to_hex(bar.get_facecolor()) for bar in self.bars]

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class SalesForecast(WritesMoney, TypingView, widgets.VBox):
    """Price, units in a normal month and twelve seasonal indexes in; each month's sales, the year, a chart out.

    Examples
    --------
    >>> forecast = SalesForecast(country="PE")
    >>> forecast.type_into("price", "4")
    >>> forecast.model.yearly_total
    72000.0
    """

    def __init__(self, country: str | None = None, language: str | None = None,
                 store: AnswerStore | None = None) -> None:
        given = {"country": country} if country is not None else {}
        self.model = SalesForecastModel(store=store, language=language or course_language(), **given)
        _ = translator(self.model.language).gettext
        self._months = month_names(self.model.language)
        self._boxes: dict[str, BoundBox] = {name: BoundBox(self.model, name, _(label))
                                            for name, label in m03.FORECAST_LABELS.items()}
        for name, month in zip(INDEXES, self._months):
            bound = BoundBox(self.model, name, month)
            bound.box.style.description_width = "6.5em"
            bound.box.layout.width = bound.layout.width = "12em"
            self._boxes[name] = bound
        self.example = widgets.HTML()
        seasons = widgets.GridBox([self._boxes[name] for name in INDEXES],
                                  layout={"grid_template_columns": "repeat(3, 12.5em)", "grid_gap": "2px 8px"})
        form = widgets.VBox([
            heading(_("Your product")), country_dropdown(self.model, self.model.language), self.example,
            self._boxes["price"], self._boxes["units"],
            heading(_("Seasonal index of each month (1 = a normal month)")), seasons,
        ])
        self.summary = widgets.HTML()
        self.chart = SalesChart({"normal": _("A normal month")}, month_names(self.model.language, "abbreviated"),
                                lambda value: format_money(value, self.model.profile.currency,
                                                           self.model.profile.locale))
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%"})
        super().__init__([form, self.summary, self.chart_image])
        self.model.observe(self._refresh, names="updates")
        self.model.observe(self._show_example, names="product")
        self._show_example()
        self._refresh()
        self.add_class("ritorno-sales-forecast")

    def _show_example(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        product = self.model.product
        self.example.value = note_html(_("The boxes start with an example: {product}. {seasons}").format(
            product=_(m03.PRODUCTS[product]), seasons=_(m03.SEASON_NOTES[product])))

    def _months_text(self, months: Sequence[int]) -> str:
        _ = translator(self.model.language).gettext
        names = [self._months[month] for month in months]
        return names[0] if len(names) == 1 else _("{items} and {last}").format(items=", ".join(names[:-1]),
                                                                                last=names[-1])

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        model = self.model
        if not model.monthly:
            self.summary.value = note_html(_("Correct the boxes marked in red to see the results."))
            self.chart_image.layout.display = "none"
            return
        rows = [(_("Sales in a normal month"), self._money(model.normal_month)),
                (_("Sales in the whole year"), self._money(model.yearly_total))]
        if set(model.best_months) == set(model.worst_months):
            rows.append((_("Every month"), self._money(model.monthly[0])))
        else:
            ngettext = translator(model.language).ngettext
            best, worst = model.best_months, model.worst_months
            rows += [(ngettext("Best month: {months}", "Best months: {months}", len(best)).format(
                          months=self._months_text(best)), self._money(model.monthly[best[0]])),
                     (ngettext("Worst month: {months}", "Worst months: {months}", len(worst)).format(
                          months=self._months_text(worst)), self._money(model.monthly[worst[0]]))]
        cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(label)}</th>"
                        f"<td style='text-align:right'>{escape(value)}</td></tr>" for label, value in rows)
        note = ""
        if abs(model.average_index - 1) > _AVERAGE_TOLERANCE:
            note = note_html(_("Your indexes average {average}. If 1 is a normal month, they should average about "
                               "1: check that your normal month is really a normal one.").format(
                average=format_number(model.average_index, model.profile.locale, digits=2)))
        self.summary.value = f"<table class='ritorno-summary' style='font-size:1.1em'>{cells}</table>{note}"
        self.chart.update(model.monthly, model.normal_month, model.best_months, model.worst_months)
        self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None
