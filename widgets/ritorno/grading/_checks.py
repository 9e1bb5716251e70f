"""Score a saved exercise answer with partial credit and feedback a trainee can act on.

Called from nbgrader's locked test cells. Feedback goes to stdout and the score is
returned, because nbgrader reads a test cell's returned number as partial credit
and scores any stderr output as zero.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..answers import AnswerStatus, AnswerStore
from ..countries import get_country
from ..curriculum import Exercise, exercise_by_id
from ..i18n import format_money, format_percent, translator

__all__ = ["Expect", "grade_answer", "feedback_lines"]


@dataclass(frozen=True)
class Expect:
    """What one field of an answer should be, and what it is worth.

    ``tolerance`` is absolute (in the field's stored unit: a fraction for a
    percent), ``relative`` a fraction of the expected value; the larger wins.
    ``hint`` tells a trainee who got it wrong where to look.
    """

    field: str
    value: float | str
    points: float = 1.0
    tolerance: float = 0.0
    relative: float = 0.0
    hint: str = ""

    def matches(self, answer: float | str) -> bool:
        """Whether ``answer`` earns the points."""
        if isinstance(self.value, str):
            return answer == self.value
        if isinstance(answer, str) or isinstance(answer, bool):
            return False
        allowed = max(self.tolerance, abs(self.value) * self.relative)
        return math.isfinite(answer) and abs(answer - self.value) <= allowed + 1e-9


def _show(exercise: Exercise, field_name: str, value: float | str, language: str) -> str:
    field = exercise.field(field_name)
    country = get_country(exercise.country)
    if field.kind == "money":
        return format_money(value, country.currency, country.locale)
    if field.kind == "percent":
        return format_percent(value, country.locale, digits=1)
    labels = dict(field.choices)
    return translator(language).gettext(labels.get(value, str(value)))


def feedback_lines(exercise_id: str, expectations: Sequence[Expect], store: AnswerStore | None = None,
                   language: str = "en") -> tuple[float, list[str]]:
    """Points earned and one line of feedback per expectation (no printing)."""
    _ = translator(language).gettext
    exercise = exercise_by_id(exercise_id)
    answer = (store or AnswerStore.beside_notebook()).load(exercise_id, exercise.schema)
    possible = sum(expect.points for expect in expectations)
    if answer.status is AnswerStatus.MISSING:
        return 0.0, [_("No answer is saved for “{title}”. Fill in the boxes and press Save.").format(
            title=_(exercise.title))]
    if answer.status is AnswerStatus.CORRUPT:
        return 0.0, [_("Your saved answer for “{title}” could not be read: {problem}").format(
            title=_(exercise.title), problem=answer.problem)]
    earned, lines = 0.0, []
    for expect in expectations:
        label = _(exercise.field(expect.field).label)
        given = answer.get(expect.field)
        if given is None:
            lines.append(_("✘ {label} — no answer.").format(label=label) + _hint(expect, _))
        elif expect.matches(given):
            earned += expect.points
            lines.append(_("✔ {label} — {given} is right.").format(label=label, given=_show(exercise, expect.field, given, language)))
        else:
            lines.append(_wrong(exercise, expect, given, language, _) + _hint(expect, _))
    lines.append(_("Score: {earned:g} out of {possible:g}.").format(earned=earned, possible=possible))
    return earned, lines


def _wrong(exercise: Exercise, expect: Expect, given: float | str, language: str, _) -> str:
    label = _(exercise.field(expect.field).label)
    shown = _show(exercise, expect.field, given, language)
    if isinstance(expect.value, str) or isinstance(given, str):
        return _("✘ {label} — {given} is not right.").format(label=label, given=shown)
    direction = _("too high") if given > expect.value else _("too low")
    return _("✘ {label} — {given} is {direction}.").format(label=label, given=shown, direction=direction)


def _hint(expect: Expect, _) -> str:
    return " " + _(expect.hint) if expect.hint else ""


def grade_answer(exercise_id: str, expectations: Sequence[Expect], store: AnswerStore | None = None,
                 language: str = "en") -> float:
    """Print feedback for a saved answer and return the points earned.

    The returned number becomes nbgrader's partial credit for the test cell, so
    the sum of the expectations' points must equal the cell's points.
    """
    earned, lines = feedback_lines(exercise_id, expectations, store, language)
    print("\n".join(lines))
    return earned
