"""Module 2: screen up to three business ideas on weighted criteria, then a SWOT of the chosen one.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.idea_screening` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as widgets
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from ..answers import AnswerStore
from ..curriculum import m02
from ..i18n import format_number, translator
from ._boxes import BoundBox, TypingView, country_dropdown, heading
from ._charts import figure_png
from ._env import course_language
from ._idea_screening_model import IDEAS, WEIGHTS, IdeaScreeningModel, SwotModel, score_name
from ._style import note_html
from ._profile_form_view import BoundArea

__all__ = ["IdeaChart", "IdeaScreening", "SwotForm", "chosen_idea"]

_BEST = "#1e8449"
_OTHER = "#85929e"
_LABEL_CHARACTERS = 24


def _join(items: Sequence[str], gettext: Callable[[str], str]) -> str:
    """"A", "A and B", "A, B and C" in the trainee's language."""
    if len(items) == 1:
        return items[0]
    return gettext("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _cell(model: IdeaScreeningModel, trait: str, width: str, placeholder: str = "") -> BoundBox:
    """A compact box for the screening grid: no label, its message under it."""
    bound = BoundBox(model, trait, "")
    bound.box.placeholder = placeholder
    bound.box.style.description_width = "0px"
    bound.box.layout.width = width
    bound.layout.width = width
    return bound


class IdeaChart:
    """The ideas' weighted scores as horizontal bars, the best in green, on a scale up to a perfect idea."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.figure = Figure(figsize=(6.5, 2.4), layout="constrained")
        self.axes = self.figure.add_subplot()
        self.axes.set_xlabel(labels["score"])
        positions = list(range(len(IDEAS) - 1, -1, -1))  # idea 1 on top
        self.bars = self.axes.barh(positions, [0.0] * len(IDEAS), color=_OTHER, height=0.6)
        self.values = [self.axes.text(0, position, "", va="center", fontsize="small") for position in positions]
        self.perfect = self.axes.axvline(0, color="#7f8c8d", linestyle="--", linewidth=1)
        self.perfect_label = self.axes.text(0, 1, "", transform=self.axes.get_xaxis_transform(), ha="right",
                                            va="bottom", fontsize="small", color="#566573")
        self._perfect_text = labels["perfect"]

    def update(self, names: Sequence[str], totals: Sequence[float | None], best: Sequence[int], top: float,
               number: Callable[[float], str]) -> None:
        """Show each named idea's total; unnamed ideas get no bar."""
        ticks, labels = [], []
        for idea, (bar, value) in enumerate(zip(self.bars, self.values)):
            total = totals[idea] if idea < len(totals) else None
            bar.set_visible(total is not None)
            value.set_visible(total is not None)
            bar.set_width(total or 0.0)
            bar.set_color(_BEST if idea in best else _OTHER)
            if total is not None:
                name = names[idea]
                ticks.append(bar.get_y() + bar.get_height() / 2)
                labels.append(name if len(name) <= _LABEL_CHARACTERS else name[:_LABEL_CHARACTERS - 1] + "…")
                value.set_position((total, ticks[-1]))
                value.set_text(" " + number(total))
        self.axes.set_yticks(ticks, labels)
        self.perfect.set_xdata([top, top])
        self.perfect_label.set_position((top, 1))
        self.perfect_label.set_text(self._perfect_text.format(top=number(top)) + " ")
        self.axes.set_xlim(0, top * 1.12 if top > 0 else 1)
        self.axes.set_ylim(-0.6, len(IDEAS) - 0.4)

    @property
    def widths(self) -> list[float]:
        """Length of each bar shown, idea 1 first (for tests and screen readers)."""
        return [bar.get_width() for bar in self.bars if bar.get_visible()]

    @property
    def colours(self) -> list[str]:
        """Colour of each bar shown, as a hex code."""
        return [to_hex(bar.get_facecolor()) for bar in self.bars if bar.get_visible()]

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class IdeaScreening(TypingView, widgets.VBox):
    """The screening grid (ideas × criteria with weights), the weighted scores, a chart and which idea wins.

    Examples
    --------
    >>> screening = IdeaScreening(country="TN")
    >>> screening.type_into("score_2_1", "5")
    >>> screening.model.totals
    [73.0, 69.0, 58.0]
    """

    def __init__(self, country: str | None = None, language: str | None = None,
                 store: AnswerStore | None = None) -> None:
        given = {"country": country} if country is not None else {}
        self.model = IdeaScreeningModel(store=store, language=language or course_language(), **given)
        _ = translator(self.model.language).gettext
        self._boxes: dict[str, BoundBox] = {}
        low, high = m02.SCALE
        bold = "<b>{}</b>".format
        cells: list[widgets.Widget] = [widgets.HTML(bold(escape(_("Criterion")))),
                                       widgets.HTML(bold(escape(_("Weight ({low} to {high})").format(low=low, high=high))))]
        for idea, name in enumerate(IDEAS):
            self._boxes[name] = _cell(self.model, name, "12em", _("Idea {number}").format(number=idea + 1))
            cells.append(self._boxes[name])
        for criterion, ((_key, label), weight) in enumerate(zip(m02.CRITERIA, WEIGHTS)):
            self._boxes[weight] = _cell(self.model, weight, "6em")
            cells += [widgets.HTML(escape(_(label))), self._boxes[weight]]
            for idea in range(len(IDEAS)):
                name = score_name(idea, criterion)
                self._boxes[name] = _cell(self.model, name, "12em")
                cells.append(self._boxes[name])
        self._total_cells = [widgets.HTML() for _idea in IDEAS]
        cells += [widgets.HTML(bold(escape(_("Weighted score")))), widgets.HTML(), *self._total_cells]
        grid = widgets.GridBox(cells, layout={"grid_template_columns": "17em 7em 13em 13em 13em",
                                              "grid_gap": "4px 6px", "align_items": "center"})
        self.verdict = widgets.HTML()
        self.chart = IdeaChart({"score": _("Weighted score"), "perfect": _("a perfect idea: {top}")})
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%"})
        hint = note_html(_("Scores: {low} = poor, {high} = very good. Weights: {low} = hardly matters, "
                           "{high} = matters a lot.").format(low=low, high=high))
        super().__init__([heading(_("Score your ideas")), country_dropdown(self.model, self.model.language),
                          widgets.HTML(hint), grid, self.verdict, self.chart_image])
        self.model.observe(self._refresh, names="updates")
        self._refresh()
        self.add_class("ritorno-idea-screening")

    def _number(self, value: float) -> str:
        return format_number(value, self.model.profile.locale)

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        model = self.model
        if not model.totals:
            for cell in self._total_cells:
                cell.value = ""
            self.verdict.value = note_html(_("Correct the boxes marked in red to see the results."))
            self.chart_image.layout.display = "none"
            return
        for cell, total in zip(self._total_cells, model.totals):
            cell.value = "" if total is None else f"<b>{escape(self._number(total))}</b>"
        self.verdict.value = f"<p class='ritorno-verdict' style='font-size:1.1em'>{escape(self.verdict_text())}</p>"
        self.chart.update(model.names, model.totals, model.best, model.top_possible, self._number)
        self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None

    def verdict_text(self) -> str:
        """Which idea wins, or why the scores cannot choose, in plain words."""
        _ = translator(self.model.language).gettext
        model = self.model
        names = model.names
        named = [idea for idea, total in enumerate(model.totals) if total is not None]
        best = model.best
        score, top = self._number(model.totals[best[0]]), self._number(model.top_possible)
        if len(named) == 1:
            return _("With one idea there is nothing to compare: {name} scores {score} out of {top}. Try to find "
                     "one or two more ideas: comparing shows the weak points.").format(
                name=names[best[0]], score=score, top=top)
        if len(best) == 1:
            return _("{name} fits your criteria best: {score} points out of {top}. Test it now with a SWOT.").format(
                name=names[best[0]], score=score, top=top)
        text = _("A tie: {names} share the best score, {score} points out of {top}. The scores alone cannot "
                 "choose.").format(names=_join([names[idea] for idea in best], _), score=score, top=top)
        criteria, leaders = model.tie_breaker()
        criteria_names = _join([_(m02.CRITERIA[criterion][1]) for criterion in criteria], _)
        if len(leaders) == 1:
            return text + " " + _("On what matters most to you ({criteria}), {name} scores higher: look at it "
                                  "first, then test both with a SWOT.").format(criteria=criteria_names,
                                                                               name=names[leaders[0]])
        return text + " " + _("They also score the same on what matters most to you ({criteria}): let a SWOT "
                              "of each idea decide.").format(criteria=criteria_names)


class SwotForm(widgets.VBox):
    """The chosen idea and four short texts: strengths, weaknesses, opportunities, threats."""

    def __init__(self, idea: str = "", language: str | None = None, store: AnswerStore | None = None) -> None:
        self.model = SwotModel(store=store, idea=idea, language=language or course_language())
        _ = translator(self.model.language).gettext
        self._boxes: dict[str, widgets.VBox] = {"idea": BoundBox(self.model, "idea", _("The idea you chose"))}
        self._boxes["idea"].box.placeholder = _("Type the idea you chose")
        for name, label in m02.SWOT_LABELS.items():
            self._boxes[name] = BoundArea(self.model, name, _(label), _(m02.SWOT_HINTS[name]), rows=4)
            self._boxes[name].box.layout.width = "24em"
        quadrants = widgets.GridBox([self._boxes[name] for name in m02.SWOT_LABELS],
                                    layout={"grid_template_columns": "25em 25em", "grid_gap": "8px 12px"})
        limit = note_html(_("At most {limit} characters in each box.").format(limit=m02.SWOT_MAX_LENGTH))
        super().__init__([heading(_("SWOT of your chosen idea")), self._boxes["idea"], widgets.HTML(limit), quadrants])
        self.add_class("ritorno-swot")

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into a box, as a trainee would (used by tests and demos)."""
        self._boxes[name].box.value = text

    def message_for(self, name: str) -> str:
        """The inline message under a box."""
        return self._boxes[name].message.value


def chosen_idea(store: AnswerStore | None, country: str, language: str = "en") -> str:
    """The idea with the best weighted score in the trainee's saved screening (or the country's example).

    ``""`` when there is a tie or nothing valid: the trainee then types the idea.
    """
    screening = IdeaScreeningModel(store=store, country=country, language=language)
    return screening.names[screening.best[0]] if len(screening.best) == 1 else ""
