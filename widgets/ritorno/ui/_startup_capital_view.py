"""Module 5, Start-up capital and funding: what you need to open, and who pays for it.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.startup_capital` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as widgets
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..answers import AnswerStore
from ..curriculum import m05
from ..i18n import format_percent, translator
from ._boxes import BoundBox, TypingView, WritesMoney, country_dropdown, heading
from ._charts import figure_png
from ._env import course_language
from ._startup_capital_model import LINE_KINDS, LINE_NAMES, SOURCES, CapitalPlan, StartupCapitalModel
from ._style import error_html, note_html, ok_html

__all__ = ["FundingChart", "StartupCapitalPlanner"]

USES: tuple[str, ...] = ("equipment", "pre_opening", "working_capital")
_USE_COLOURS = {"equipment": "#5d6d7e", "pre_opening": "#a569bd", "working_capital": "#f5b041"}
_SOURCES_X = 1.4  # where the sources bar stands, far enough from the uses bar for long labels
_SOURCE_COLOURS = {"iom_in_kind": "#2e86c1", "savings": "#28b463", "family": "#f4d03f", "loan": "#e67e22"}


def _table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(label)}</th>"
                    f"<td style='text-align:right;padding-right:1em'>{escape(value)}</td>"
                    f"<td style='text-align:right;color:#555'>{escape(share)}</td></tr>"
                    for label, value, share in ((*row, "")[:3] for row in rows))
    return f"<table class='ritorno-summary' style='font-size:1.05em'>{cells}</table>"


def _uses(plan: CapitalPlan) -> dict[str, float]:
    return {"equipment": plan.fixed_assets, "pre_opening": plan.pre_opening_total,
            "working_capital": plan.working_capital}


class FundingChart:
    """Two stacked bars: what the business needs (uses) and where the money comes from (sources).

    Each source carries its share of all the sources; money still missing is a hatched red block
    on top of the sources, so the bars are level when the plan is funded.
    """

    def __init__(self, labels: dict[str, str], money: Callable[[float], str], percent: Callable[[float], str]) -> None:
        self.figure = Figure(figsize=(6.2, 3.8), layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: money(value)))
        self.axes.set_xlim(-0.6, _SOURCES_X + 0.6)
        self.axes.set_xticks([0, _SOURCES_X], [labels["uses"], labels["sources"]], fontsize="small")
        self._percent = percent
        self.uses = {part: self.axes.bar([0], [0], width=0.6, color=_USE_COLOURS[part])[0] for part in USES}
        self.sources = {part: self.axes.bar([_SOURCES_X], [0], width=0.6, color=_SOURCE_COLOURS[part])[0] for part in SOURCES}
        self.missing = self.axes.bar([_SOURCES_X], [0], width=0.6, color="white", edgecolor="#b03a2e", hatch="//")[0]
        for part, rectangle in (*self.uses.items(), *self.sources.items(), ("missing", self.missing)):
            rectangle.set_label(labels[part])
        self.shares = {part: self.axes.text(_SOURCES_X, 0, "", ha="center", va="center", fontsize="small") for part in SOURCES}
        handles = [*reversed(self.uses.values()), self.missing, *reversed(self.sources.values())]
        self.axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")

    def update(self, plan: CapitalPlan) -> None:
        """Redraw for ``plan``: the bars keep their artists, only heights, positions and shares change."""
        bottom = 0.0
        for part, amount in _uses(plan).items():
            self.uses[part].set_y(bottom)
            self.uses[part].set_height(amount)
            bottom += amount
        top = bottom
        bottom = 0.0
        shares = plan.funding.shares()
        for part in SOURCES:
            amount = getattr(plan.funding, part)
            self.sources[part].set_y(bottom)
            self.sources[part].set_height(amount)
            self.shares[part].set_position((_SOURCES_X, bottom + amount / 2))
            self.shares[part].set_text(self._percent(shares[part]) if amount else "")
            bottom += amount
        self.missing.set_y(bottom)
        self.missing.set_height(max(plan.gap, 0.0))
        top = max(top, bottom + max(plan.gap, 0.0))
        self.axes.set_ylim(0, top * 1.08 if top > 0 else 1)
        for part in SOURCES:  # a share in a sliver of a bar would cover its neighbours
            self.shares[part].set_visible(self.sources[part].get_height() >= top * 0.06)

    @property
    def use_heights(self) -> dict[str, float]:
        """Height of each part of the uses bar, for tests and screen readers."""
        return {part: rectangle.get_height() for part, rectangle in self.uses.items()}

    @property
    def source_heights(self) -> dict[str, float]:
        """Height of each part of the sources bar."""
        return {part: rectangle.get_height() for part, rectangle in self.sources.items()}

    @property
    def missing_height(self) -> float:
        """Height of the hatched block of money still missing (0 when the plan is funded)."""
        return self.missing.get_height()

    @property
    def share_labels(self) -> dict[str, str]:
        """The share written on each source (empty for a source of 0)."""
        return {part: text.get_text() for part, text in self.shares.items()}

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class _Line(widgets.HBox):
    """One named line of the form: what it is, and what it costs, each with its own message."""

    def __init__(self, model: StartupCapitalModel, line: str, placeholders: tuple[str, str]) -> None:
        self.name = BoundBox(model, f"{line}_name", "")
        self.amount = BoundBox(model, line, "")
        self.name.box.placeholder, self.amount.box.placeholder = placeholders
        for bound, width in ((self.name, "18em"), (self.amount, "10em")):
            bound.box.layout.width = width
            bound.box.style.description_width = "0px"
        super().__init__([self.name, self.amount])


class StartupCapitalPlanner(WritesMoney, TypingView, widgets.VBox):
    """Live start-up capital, funding mix and gap, as the trainee types.

    Examples
    --------
    >>> planner = StartupCapitalPlanner(country="EC")
    >>> planner.type_into("family", "900")
    >>> planner.model.gap
    0.0
    """

    def __init__(self, country: str = "SN", language: str | None = None, store: AnswerStore | None = None) -> None:
        self.model = StartupCapitalModel(store=store, country=country, language=language or course_language())
        _ = translator(self.model.language).gettext
        self._ = _
        self._boxes: dict[str, BoundBox] = {}
        sections: list[widgets.Widget] = [country_dropdown(self.model, self.model.language)]
        self._example = widgets.HTML()
        sections.append(self._example)
        for kind in LINE_KINDS:
            sections.append(heading(_(m05.LABELS[kind])))
            for line in LINE_NAMES[kind]:
                row = _Line(self.model, line, (_(m05.LABELS["item"]), _(m05.LABELS["amount"])))
                self._boxes[f"{line}_name"], self._boxes[line] = row.name, row.amount
                sections.append(row)
        sections.append(heading(_("Running costs until sales come in")))
        for name in ("running_costs", "months"):
            self._boxes[name] = BoundBox(self.model, name, _(m05.LABELS[name]))
            sections.append(self._boxes[name])
        funding = [heading(_("Where the money comes from"))]
        for source in SOURCES:
            self._boxes[source] = BoundBox(self.model, source, _(m05.SOURCE_LABELS[source]))
            funding.append(self._boxes[source])
        self.summary = widgets.HTML()
        self.verdict = widgets.HTML()
        labels = {"uses": _("What you need"), "sources": _("Where it comes from"), "equipment": _("Equipment"),
                  "pre_opening": _("Before opening"), "working_capital": _("Running costs kept aside"),
                  "missing": _("Still missing"), **{source: _(m05.SOURCE_LABELS[source]) for source in SOURCES}}
        self.chart = FundingChart(labels, self._money, self._percent)
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%"})
        results = widgets.VBox([*funding, self.verdict, self.summary, self.chart_image])
        super().__init__([widgets.HBox([widgets.VBox(sections), results], layout={"flex_flow": "row wrap"})])
        self.add_class("ritorno-startup-capital-planner")
        self.model.observe(self._refresh, names=["plan", "errors", "country"])
        self.model.observe(self._redraw, names="plan")
        self._refresh()
        self._redraw()

    def _percent(self, fraction: float) -> str:
        return format_percent(fraction, self.model.profile.locale, digits=0)

    def _refresh(self, change: dict | None = None) -> None:
        _ = self._
        self._example.value = note_html(_("Starting example: {business}. The figures are illustrative: replace "
                                          "them with your own.").format(business=_(m05.BUSINESSES[self.model.example.business])))
        plan: CapitalPlan | None = self.model.plan
        if plan is None:
            self.summary.value = ""
            self.verdict.value = note_html(_("Correct the boxes marked in red to see the results."))
            return
        self.verdict.value = self._verdict_html(plan)
        shares = plan.funding.shares()
        rows = [
            (_("Equipment and other fixed assets"), self._money(plan.fixed_assets)),
            (_("Costs before opening"), self._money(plan.pre_opening_total)),
            (_("Running costs kept aside ({months} × {amount})").format(
                months=plan.months, amount=self._money(plan.running_costs)), self._money(plan.working_capital)),
            (_("Start-up capital needed"), self._money(plan.capital)),
            *((_(m05.SOURCE_LABELS[source]), self._money(getattr(plan.funding, source)),
               self._percent(shares[source]) if plan.funding.total else "") for source in SOURCES),
            (_("All sources together"), self._money(plan.funding.total)),
        ]
        self.summary.value = _table(rows)

    def _verdict_html(self, plan: CapitalPlan) -> str:
        _ = self._
        gap = plan.gap
        if self._money(abs(gap)) == self._money(0):
            return ok_html(_("Sources equal uses: the plan is fully funded."))
        if gap > 0:
            return error_html(_("Still missing {amount}: sources must equal uses. Add money from a source, or cut "
                                "some costs.").format(amount=self._money(gap)))
        return note_html(_("{amount} more than needed: sources must equal uses. You could borrow less.").format(
            amount=self._money(-gap)))

    def _redraw(self, change: dict | None = None) -> None:
        plan: CapitalPlan | None = self.model.plan
        if plan is not None:
            self.chart.update(plan)
            self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None if plan is not None else "none"
