"""Module 7's cash-flow planner: twelve months of money in and out, and the months that go below zero.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.cash_flow` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as widgets
from babel.lists import format_list
from babel.numbers import get_currency_symbol

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..answers import AnswerStore
from ..curriculum import m07
from ..i18n import format_money, translator
from ._boxes import BoundBox, country_dropdown, heading
from ._cash_flow_model import CASH_IN, CASH_OUT, LINES, MONTHS, CashFlowModel, month_trait
from ._charts import axis_money, figure_png
from ._env import course_language
from ._style import error_html, note_html

__all__ = ["CashFlowGrid", "CashFlowChart", "CashFlowPlanner"]

NEGATIVE_COLOUR = "#c0392b"
POSITIVE_COLOUR = "#2e86c1"
_BAD_BOX_STYLE = ("<style>.ritorno-cash-flow .ritorno-bad input{border:2px solid #b03a2e;background:#fdedec}"
                  ".ritorno-cash-flow .ritorno-grid input{text-align:right}</style>")
_LABEL_WIDTH, _EVERY_WIDTH, _MONTH_WIDTH = "12em", "6.5em", "5.5em"


def _language_list(items: list[str], language: str) -> str:
    """``["3", "4"]`` → ``"3 and 4"`` in the trainee's language."""
    try:
        return format_list(items, locale=language)
    except (ValueError, LookupError):  # a language Babel does not know: plain English
        return format_list(items, locale="en")


class CashFlowGrid(widgets.VBox):
    """The plan's lines as rows of boxes: a label, "every month", then months 1 to 12.

    A month box left empty takes the "every month" amount (shown greyed in the box).
    A bad box turns red and its message appears under its row, naming the month.
    """

    def __init__(self, model: CashFlowModel) -> None:
        _ = translator(model.language).gettext
        self.model = model
        self._boxes: dict[str, widgets.Text] = {}
        self._row_messages: dict[str, widgets.HTML] = {}
        header = [widgets.HTML("", layout={"width": _LABEL_WIDTH}),
                  widgets.HTML("<b>{}</b>".format(escape(_("Every month"))), layout={"width": _EVERY_WIDTH})]
        header += [widgets.HTML("<b>{}</b>".format(escape(_("M{month}").format(month=month))), layout={"width": _MONTH_WIDTH})
                   for month in range(1, MONTHS + 1)]
        rows: list[widgets.Widget] = [widgets.HBox(header)]
        for title, lines in ((_("Money in"), CASH_IN), (_("Money out"), CASH_OUT)):
            rows.append(heading(title, 5))
            for line in lines:
                rows += self._row(line)
        grid = widgets.VBox(rows)
        grid.add_class("ritorno-grid")
        super().__init__([grid], layout={"overflow": "auto", "max_width": "100%"})
        model.observe(self._show_errors, names="errors")
        model.observe(self._show_placeholders, names=list(LINES))
        self._show_errors()
        self._show_placeholders()

    def _row(self, line: str) -> list[widgets.Widget]:
        _ = translator(self.model.language).gettext
        label = widgets.HTML(escape(_(m07.LINE_LABELS[line])), layout={"width": _LABEL_WIDTH})
        cells: list[widgets.Widget] = [label]
        boxes = [(line, _EVERY_WIDTH)] + [(month_trait(line, m), _MONTH_WIDTH) for m in range(1, MONTHS + 1)]
        for name, width in boxes:
            box = widgets.Text(continuous_update=True, layout={"width": width})
            box.add_class(f"ritorno-field-{name}")
            widgets.link((self.model, name), (box, "value"))
            self._boxes[name] = box
            cells.append(box)
        self._row_messages[line] = widgets.HTML()
        return [widgets.HBox(cells), self._row_messages[line]]

    def _show_placeholders(self, change: dict | None = None) -> None:
        for line in LINES:
            every = getattr(self.model, line).strip() or "0"
            for month in range(1, MONTHS + 1):
                self._boxes[month_trait(line, month)].placeholder = every

    def _show_errors(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        errors = self.model.errors
        for name, box in self._boxes.items():
            if name in errors:
                box.add_class("ritorno-bad")
            else:
                box.remove_class("ritorno-bad")
        for line, message in self._row_messages.items():
            problems = []
            if line in errors:
                problems.append(_("Every month: {problem}").format(problem=errors[line]))
            for month in range(1, MONTHS + 1):
                name = month_trait(line, month)
                if name in errors:
                    problems.append(_("Month {month}: {problem}").format(month=month, problem=errors[name]))
            message.value = "".join(error_html(problem) for problem in problems)

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into a box (``"sales"``, ``"sales_m3"``…), as a trainee would."""
        self._boxes[name].value = text

    def message_for(self, line: str) -> str:
        """The messages under the row of ``line``."""
        return self._row_messages[line].value

    def is_marked(self, name: str) -> bool:
        """Whether the box ``name`` is marked red."""
        return "ritorno-bad" in self._boxes[name]._dom_classes

    def placeholder_of(self, name: str) -> str:
        """The greyed text of an empty month box."""
        return self._boxes[name].placeholder


class CashFlowChart:
    """Closing cash at the end of each month: one bar per month, red below zero."""

    def __init__(self, labels: dict[str, str], money: Callable[[float], str]) -> None:
        self.figure = Figure(figsize=(7, 3), layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: money(value)))
        months = list(range(1, MONTHS + 1))
        self.bars = self.axes.bar(months, [0.0] * MONTHS, color=POSITIVE_COLOUR)
        self.axes.axhline(0, color="#333333", linewidth=0.8)
        self.axes.set_xticks(months)
        self.axes.set_xlabel(labels["month"])
        self.axes.set_title(labels["title"], fontsize="medium")

    def update(self, closing: list[float]) -> None:
        """Show these closing balances, month 1 first."""
        for bar, value in zip(self.bars, closing):
            bar.set_height(value)
            bar.set_facecolor(NEGATIVE_COLOUR if value < 0 else POSITIVE_COLOUR)
        low, high = min(0.0, *closing), max(0.0, *closing)
        pad = (high - low) * 0.08 or 1.0
        self.axes.set_ylim(low - (pad if low < 0 else 0), high + pad)

    @property
    def heights(self) -> list[float]:
        """The bars' heights, month 1 first (for tests and screen readers)."""
        return [bar.get_height() for bar in self.bars]

    @property
    def colours(self) -> list[str]:
        """The bars' colours as ``#rrggbb``."""
        from matplotlib.colors import to_hex
        return [to_hex(bar.get_facecolor()) for bar in self.bars]

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class CashFlowPlanner(widgets.VBox):
    """A live cash-flow plan: opening cash, money in and out by month, closing cash and a chart.

    Examples
    --------
    >>> planner = CashFlowPlanner(country="TN")
    >>> planner.model.negatives
    [4, 5]
    >>> planner.grid.type_into("drawings", "500")
    >>> planner.model.negatives
    []
    """

    def __init__(self, country: str = m07.COUNTRY, language: str | None = None,
                 store: AnswerStore | None = None) -> None:
        self.model = CashFlowModel(store=store, country=country, language=language or course_language())
        _ = translator(self.model.language).gettext
        self.grid = CashFlowGrid(self.model)
        self.opening = BoundBox(self.model, "opening", _("Cash at the start of month 1"))
        self.verdict = widgets.HTML()
        self.table = widgets.HTML(layout={"overflow": "auto", "max_width": "100%"})
        self.sources = widgets.HTML()
        self.chart = CashFlowChart({"month": _("Month"), "title": _("Cash at the end of each month")},
                                   lambda value: axis_money(value, self.model.profile.currency,
                                                            self.model.profile.locale))
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%", "width": "640px"})
        self.reset = widgets.Button(description=_("Start again from the example"), layout={"width": "auto"})
        self.reset.on_click(lambda button: self.model.use_example())
        hint = note_html(_("Type the amounts of each month. A month box left empty takes the amount in "
                           "“Every month”. Leave a line empty if it does not apply."))
        super().__init__([widgets.HTML(_BAD_BOX_STYLE), country_dropdown(self.model, self.model.language),
                          self.opening, widgets.HTML(hint), self.grid, self.sources, widgets.HBox([self.reset]),
                          heading(_("Closing cash")), self.verdict, self.table, self.chart_image])
        self.add_class("ritorno-cash-flow")
        self.model.observe(self._refresh, names=["plan", "sources"])
        self.model.observe(self._refresh_sources, names=list(self.model.persisted))
        self._refresh()

    def _refresh_sources(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        sentences = self.model.prefilled_sources()
        items = "".join(f"<li>{escape(sentence)}</li>" for sentence in sentences)
        heading = escape(_("Where the figures come from"))
        self.sources.value = (f"<div class='ritorno-sources'><small><b>{heading}"
                              f"</b><ul>{items}</ul></small></div>" if sentences else "")

    def _refresh(self, change: dict | None = None) -> None:
        self._refresh_sources()
        _ = translator(self.model.language).gettext
        plan = self.model.plan
        if plan is None:
            self.verdict.value = note_html(_("Correct the boxes marked in red to see the results."))
            self.table.value = ""
            self.chart_image.layout.display = "none"
            return
        self.verdict.value = self.verdict_html()
        self.table.value = self._table_html()
        self.chart.update([month.closing for month in plan])
        self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None

    def verdict_text(self) -> str:
        """The plain sentence about the months that go below zero (empty while a box is invalid)."""
        t = translator(self.model.language)
        lowest = self.model.lowest
        if lowest is None:
            return ""
        money = format_money(lowest.closing, self.model.profile.currency, self.model.profile.locale)
        negatives = self.model.negatives
        if not negatives:
            return t.gettext("Cash stays at zero or above in every month. The lowest point is {amount} at the end "
                             "of month {month}.").format(amount=money, month=lowest.month)
        months = _language_list([str(month) for month in negatives], self.model.language)
        first = t.ngettext(
            "Month {months} goes below zero: you would run out of cash and could not pay what is due.",
            "Months {months} go below zero: you would run out of cash and could not pay what is due.",
            len(negatives)).format(months=months)
        return first + " " + t.gettext(
            "The lowest point is {amount} at the end of month {month}. Find cash before then (more savings, a loan "
            "paid out earlier, a grace period on the loan) or spend less in those months (less stock, smaller "
            "household drawings).").format(amount=money, month=lowest.month)

    def verdict_html(self) -> str:
        text = escape(self.verdict_text())
        if self.model.negatives:
            return f"<p class='ritorno-verdict' style='color:{NEGATIVE_COLOUR};font-size:1.1em'><b>⚠ {text}</b></p>"
        return f"<p class='ritorno-verdict' style='font-size:1.1em'><b>{text}</b></p>"

    def _table_html(self) -> str:
        _ = translator(self.model.language).gettext
        profile = self.model.profile
        text = self.model.amount_text
        head = "".join(f"<th style='padding:0 .5em'>{month}</th>" for month in range(1, MONTHS + 1))
        rows = []
        for label, values, colour in (
                (_("Money in"), [month.cash_in for month in self.model.plan], False),
                (_("Money out"), [month.cash_out for month in self.model.plan], False),
                (_("Closing cash"), [month.closing for month in self.model.plan], True)):
            red = f";color:{NEGATIVE_COLOUR};font-weight:bold"
            cells = "".join(f"<td style='text-align:right;padding:0 .5em{red if colour and value < 0 else ''}'>"
                            f"{escape(text(value))}</td>" for value in values)
            rows.append(f"<tr><th style='text-align:left;padding-right:1em'>{escape(label)}</th>{cells}</tr>")
        currency = get_currency_symbol(profile.currency, profile.locale)
        caption = escape(_("Month (amounts in {currency})").format(currency=currency))
        return (f"<table class='ritorno-cash-table'><tr><th style='text-align:left'>{caption}</th>{head}</tr>"
                f"{''.join(rows)}</table>")
