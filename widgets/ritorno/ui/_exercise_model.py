"""Model of a graded exercise form: what the trainee typed, checked, saved and reloaded.

No ipywidgets here; :class:`ExerciseForm` is the view.
"""
from __future__ import annotations

from datetime import datetime

from ..answers import AnswerError, AnswerStatus, AnswerStore
from ..countries import get_country
from ..curriculum import Exercise
from ..i18n import InvalidAmount, format_number, translator
from ._parsing import check_range, parse_input

__all__ = ["ExerciseFormModel"]


class ExerciseFormModel:
    """Texts and choices of one exercise, bound to the answer store.

    Examples
    --------
    >>> import tempfile
    >>> from ritorno.curriculum import m09
    >>> store = AnswerStore(tempfile.mkdtemp())
    >>> form = ExerciseFormModel(m09.TRUE_COST, store)
    >>> form.set_value("apr_a", "26,6"), form.set_value("cheaper", "A")
    (None, None)
    >>> form.save()
    True
    >>> dict(store.load("m09_true_cost").values)
    {'apr_a': 0.266, 'cheaper': 'A'}
    """

    def __init__(self, exercise: Exercise, store: AnswerStore, language: str = "en") -> None:
        self.exercise = exercise
        self.store = store
        self.language = language
        self.locale = get_country(exercise.country).locale
        self.values: dict[str, str | None] = {field.name: None for field in exercise.fields}
        self.errors: dict[str, str] = {}
        self.status = ""
        self.load()

    def _(self, message: str) -> str:
        return translator(self.language).gettext(message)

    def load(self) -> None:
        """Fill the form from the saved answer, if any, and say what happened."""
        answer = self.store.load(self.exercise.exercise_id, self.exercise.schema)
        if answer.status is AnswerStatus.SAVED:
            for field in self.exercise.fields:
                saved = answer.get(field.name)
                self.values[field.name] = None if saved is None else self._as_text(field.kind, saved)
            self.status = self._("Your saved answers are back (saved {when}).").format(when=_local_time(answer.saved_at))
        elif answer.status is AnswerStatus.CORRUPT:
            self.status = self._("Your saved answers could not be read. Type them again and press Save. "
                                 "(For your trainer: {problem})").format(problem=answer.problem)
        else:
            self.status = self._("Nothing saved yet. Fill in the boxes and press Save.")

    def _as_text(self, kind: str, value: float | str) -> str:
        if kind == "choice":
            return str(value)
        shown = value * 100 if kind == "percent" else value
        return format_number(shown, self.locale)

    def set_value(self, name: str, text: str | None) -> None:
        """Record what was typed (or chosen) in a box and check it at once."""
        self.exercise.field(name)  # unknown names are a programming error
        self.values[name] = text
        self.errors.pop(name, None)
        try:
            self._parsed(name)
        except InvalidAmount as problem:
            self.errors[name] = str(problem)

    def _parsed(self, name: str) -> float | str | None:
        field, text = self.exercise.field(name), self.values[name]
        if text is None or (field.kind != "choice" and not text.strip()):
            return None
        if field.kind == "choice":
            return text
        value = parse_input(text, "percent" if field.kind == "percent" else "money", self.locale, self.language)
        scale = 100 if field.kind == "percent" else 1  # bounds are stored as fractions, typed as percent
        check_range(value * scale, text, field.spec.minimum * scale, field.spec.maximum * scale, self.locale,
                    self.language)
        return value

    def save(self) -> bool:
        """Save every filled box; nothing is written while a box is wrong. Returns whether it saved."""
        for name in self.values:
            self.set_value(name, self.values[name])
        if self.errors:
            self.status = self._("Correct the boxes marked in red first: nothing was saved.")
            return False
        answers = {name: value for name in self.values if (value := self._parsed(name)) is not None}
        try:
            saved = self.store.save(self.exercise.exercise_id, answers, self.exercise.schema)
        except (AnswerError, OSError) as problem:
            self.status = self._("Your answers could not be saved. Ask your trainer for help. "
                                 "(For your trainer: {problem})").format(problem=problem)
            return False
        self.status = self._("Saved {when}. Your answers stay here when you come back.").format(
            when=_local_time(saved.saved_at))
        return True


def _local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M") if moment else "?"
