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


def _fit_single_axes(axes, renderer, known: dict) -> None:
    """Place a figure's only axes as constrained layout does, at a fraction of its cost.

    With one axes, constrained layout leaves a pad (``figure.constrained_layout.w_pad`` and
    ``h_pad``) around the room that the tick labels and axis labels take outside the frame,
    and gives the frame the rest; it goes twice, since ticks may fall differently once the
    frame has moved. It measures that room with the whole axes (spines, legend, every bar)
    each time. This measures only what can reach outside the frame of a chart whose legend
    sits inside it, the two axes' ticks and labels, and an axis only when its length, limits,
    ticks or label differ from a time it was measured before (``known`` keeps those rooms).
    """
    from matplotlib import rcParams
    from matplotlib.transforms import Bbox

    figure = axes.figure
    width, height = figure.bbox.width, figure.bbox.height
    pad_x = rcParams["figure.constrained_layout.w_pad"] * figure.dpi
    pad_y = rcParams["figure.constrained_layout.h_pad"] * figure.dpi
    if len(known) > 64:
        known.clear()
    for _ in range(2):
        frame = axes.get_window_extent(renderer)
        rooms = []
        for axis, length in ((axes.xaxis, frame.width), (axes.yaxis, frame.height)):
            ticks = axis.get_major_locator()()
            seen = (axis.axis_name, length, tuple(axis.get_view_interval()), tuple(ticks),
                    tuple(axis.get_major_formatter().format_ticks(ticks)), axis.label.get_text(), figure.dpi)
            if seen not in known:
                box = axis.get_tightbbox(renderer, for_layout_only=True) or frame
                known[seen] = (frame.x0 - box.x0, box.x1 - frame.x1, frame.y0 - box.y0, box.y1 - frame.y1)
            rooms.append(known[seen])
        left, right, below, above = (max(0.0, *sides) for sides in zip(*rooms))
        wanted = Bbox.from_extents((left + pad_x) / width, (below + pad_y) / height,
                                   1 - (right + pad_x) / width, 1 - (above + pad_y) / height)
        if np.allclose(wanted.bounds, axes.get_position(original=True).bounds, rtol=0, atol=1e-9):
            return
        axes._set_position(wanted)  # as constrained layout does (the public setter takes the axes out of layouts)


_KEPT_BACKGROUNDS = 4  # a few widths of the money axis's labels (amounts of 5, 6, 7 digits): 0.7 MB each


class LoanChart:
    """Balance still owed (line) and each instalment split into principal and interest (bars).

    Typing redraws it at every keystroke, so :meth:`png` keeps what a new amount leaves in place
    (the background and the instalment axis below the frame, which nothing else overlaps) and
    draws only the rest over it, in the usual order: bars, money axis, balance line, frame, legend.
    """

    def __init__(self, labels: dict[str, str], money: Callable[[float], str]) -> None:
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter

        self.figure = Figure(figsize=(7, 3.2))  # laid out by png(), as constrained layout would
        self.axes = self.figure.add_subplot()
        self._labels = labels
        # a draw asks for each tick's text many times (layout, then rendering): format each amount once per loan
        self._ticks: dict[float, str] = {}
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: self._tick(value, money)))
        (self.balance_line,) = self.axes.plot([], [], color="#1b4f72", linewidth=2, label=labels["balance"])
        self.axes.set_xlabel(labels["period"])
        self._bars: list = []
        self._periods: tuple[int, ...] = ()
        self._rooms: dict[tuple, tuple] = {}  # room the axes' labels take, by what decides it (see _fit_single_axes)
        self._kept: dict[tuple, object] = {}  # backgrounds by where the frame sat (see png), the latest last
        for artist in (self.balance_line, self.axes.yaxis, *self.axes.spines.values()):
            artist.set_animated(True)  # drawn over the kept background by png(), not with it

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
            legend = self.axes.legend(loc="upper right", fontsize="small")
            for artist in (legend, *self._bars[0], *self._bars[1]):
                artist.set_animated(True)
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
        canvas = _agg_canvas(self.figure)
        _fit_single_axes(self.axes, canvas.get_renderer(), self._rooms)
        place = self._background_place()
        kept = self._kept.pop(place, None)
        if kept is None:
            canvas.draw()  # all but the animated artists
            kept = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(kept)
        self._kept[place] = kept  # the most recent last
        while len(self._kept) > _KEPT_BACKGROUNDS:
            del self._kept[next(iter(self._kept))]
        moving = [artist for artist in self.axes.get_children() if artist.get_animated() and artist.get_visible()]
        for artist in sorted(moving, key=lambda artist: artist.get_zorder()):  # stable: as Axes.draw orders them
            self.axes.draw_artist(artist)
        return _png(canvas)

    def _background_place(self) -> tuple:
        """What the kept background depends on: where the frame's left, right and bottom are, the instalments
        shown, the label; the top too unless the frame's inside is the figure's colour (then it cannot show)."""
        frame = self.axes.get_position()
        top = None if self.axes.patch.get_facecolor() == self.figure.patch.get_facecolor() else frame.y1
        return (frame.x0, frame.x1, frame.y0, top, self.axes.get_xlim(), self.axes.get_xlabel(), self.figure.dpi)


def axis_money(value: float, currency: str, locale: str) -> str:
    """A chart's tick: a whole amount with the currency's symbol (``3 000 DT``), no decimals to crowd the axis."""
    symbol = get_currency_symbol(currency, locale)
    number = format_number(round(value), locale, digits=0)
    return f"{symbol}\xa0{number}" if format_money(1, currency, locale).startswith(symbol) else f"{number}\xa0{symbol}"
