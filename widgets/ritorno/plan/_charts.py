"""The plan's three charts, drawn with matplotlib's object API on an Agg canvas and returned as PNG bytes.

A chart is described by a small frozen, hashable spec (plain numbers and texts), so the
document stays light and the PDF and the HTML of one plan share one rendering (the PNG
bytes are cached by spec). No pyplot: no global figure state, no backend to pick.
"""
from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import format_money

__all__ = ["ChartSpec", "CashFlowChart", "BreakEvenChart", "LoanBalanceChart", "chart_png", "CHART_DPI"]

#: Resolution of the PNG images: sharp on paper, small enough to inline in HTML.
CHART_DPI = 130
_POSITIVE, _NEGATIVE, _IN, _OUT = "#2e86c1", "#b03a2e", "#1e8449", "#e59866"


@dataclass(frozen=True)
class ChartSpec:
    """What every chart has: a key (``"cash_flow"``, ``"break_even"``, ``"loan_balance"``), a title,
    a text alternative for screen readers, the currency and locale of its axis, and its size in inches."""

    key: str
    title: str
    alt: str
    currency: str
    locale: str

    size: tuple[float, float] = (7.0, 3.2)


@dataclass(frozen=True)
class CashFlowChart(ChartSpec):
    """Money in and out of each month (bars) and the cash at the end of it (line, red dots below zero)."""

    months: tuple[int, ...] = ()
    cash_in: tuple[float, ...] = ()
    cash_out: tuple[float, ...] = ()
    closing: tuple[float, ...] = ()
    words: tuple[tuple[str, str], ...] = ()  # "in", "out", "closing", "month"


@dataclass(frozen=True)
class BreakEvenChart(ChartSpec):
    """Sales and total costs against units sold in a month; they cross at break-even."""

    fixed_costs: float = 0.0
    price: float = 0.0
    variable_cost: float = 0.0
    planned_units: float = 0.0
    break_even_units: float = 0.0
    words: tuple[tuple[str, str], ...] = ()  # "units", "sales", "costs", "fixed", "break_even", "planned"


@dataclass(frozen=True)
class LoanBalanceChart(ChartSpec):
    """What is still owed after each instalment (line) and each instalment split in principal and interest."""

    amount: float = 0.0
    balances: tuple[float, ...] = ()
    principal: tuple[float, ...] = ()
    interest: tuple[float, ...] = ()
    words: tuple[tuple[str, str], ...] = ()  # "balance", "principal", "interest", "period"


def _axis_money(currency: str, locale: str) -> Callable[[float, int], str]:
    """Ticks in the currency, whole amounts only (a tick of 1 234,500 DT would crowd the axis)."""
    from babel.numbers import get_currency_symbol

    from ..i18n import format_number

    symbol = get_currency_symbol(currency, locale)
    before = format_money(1, currency, locale).startswith(symbol)

    def tick(value: float, _position: int) -> str:
        number = format_number(round(value), locale, digits=0)
        return f"{symbol}\xa0{number}" if before else f"{number}\xa0{symbol}"

    return tick


def _draw_cash_flow(spec: CashFlowChart, axes) -> None:
    words = dict(spec.words)
    months = list(spec.months)
    width = 0.38
    axes.bar([m - width / 2 for m in months], spec.cash_in, width, color=_IN, label=words.get("in", ""))
    axes.bar([m + width / 2 for m in months], spec.cash_out, width, color=_OUT, label=words.get("out", ""))
    axes.plot(months, spec.closing, color=_POSITIVE, linewidth=2, marker="o", markersize=4,
              label=words.get("closing", ""))
    below = [(m, c) for m, c in zip(months, spec.closing) if c < 0]
    if below:
        axes.plot([m for m, _ in below], [c for _, c in below], "o", color=_NEGATIVE, markersize=7)
    axes.axhline(0, color="#333333", linewidth=0.8)
    axes.set_xticks(months)
    axes.set_xlabel(words.get("month", ""))
    axes.legend(loc="upper left", fontsize="small", ncols=3)
    low = min(0.0, *spec.closing)
    high = max(0.0, *spec.closing, *spec.cash_in, *spec.cash_out)
    pad = (high - low) * 0.12 or 1.0
    axes.set_ylim(low - (pad / 2 if low < 0 else 0), high + pad)


def _draw_break_even(spec: BreakEvenChart, axes) -> None:
    words = dict(spec.words)
    right = max(spec.planned_units, spec.break_even_units, 1.0) * 1.3
    axes.plot([0, right], [0, spec.price * right], color=_IN, linewidth=2, label=words.get("sales", ""))
    axes.plot([0, right], [spec.fixed_costs, spec.fixed_costs + spec.variable_cost * right], color=_NEGATIVE,
              linewidth=2, label=words.get("costs", ""))
    axes.plot([0, right], [spec.fixed_costs] * 2, color=_NEGATIVE, linewidth=1, linestyle=":",
              label=words.get("fixed", ""))
    axes.plot([spec.break_even_units], [spec.break_even_units * spec.price], "o", color="black", markersize=7,
              label=words.get("break_even", ""))
    axes.axvline(spec.planned_units, color=_POSITIVE, linestyle="--", linewidth=1.5, label=words.get("planned", ""))
    top = max(spec.price * right, spec.fixed_costs + spec.variable_cost * right)
    axes.set_xlim(0, right)
    axes.set_ylim(0, top * 1.05 if top > 0 else 1)
    axes.set_xlabel(words.get("units", ""))
    axes.legend(loc="upper left", fontsize="small")


def _draw_loan(spec: LoanBalanceChart, axes) -> None:
    words = dict(spec.words)
    periods = list(range(1, len(spec.balances) + 1))
    axes.bar(periods, spec.principal, color="#7fb3d5", label=words.get("principal", ""))
    axes.bar(periods, spec.interest, bottom=spec.principal, color=_OUT, label=words.get("interest", ""))
    axes.plot([0, *periods], [spec.amount, *spec.balances], color="#1b4f72", linewidth=2,
              label=words.get("balance", ""))
    axes.set_xlim(0, len(periods) + 1)
    axes.set_ylim(0, spec.amount * 1.05 if spec.amount > 0 else 1)
    axes.set_xlabel(words.get("period", ""))
    axes.legend(loc="upper right", fontsize="small")


_DRAW = {CashFlowChart: _draw_cash_flow, BreakEvenChart: _draw_break_even, LoanBalanceChart: _draw_loan}


@functools.lru_cache(maxsize=16)
def chart_png(spec: ChartSpec) -> bytes:
    """The chart of ``spec`` as PNG bytes (cached: a plan exported twice draws each chart once)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    figure = Figure(figsize=spec.size, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_title(spec.title, fontsize="medium")
    axes.yaxis.set_major_formatter(FuncFormatter(_axis_money(spec.currency, spec.locale)))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    _DRAW[type(spec)](spec, axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    return buffer.getvalue()
