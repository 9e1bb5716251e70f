"""What a graded widget exercise asks for: its fields and how answers are stored."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..answers import ExerciseSchema, FieldSpec

__all__ = ["ExerciseField", "Exercise", "SelfCheckQuestion"]

FieldKind = Literal["money", "percent", "choice"]


@dataclass(frozen=True)
class ExerciseField:
    """One box of an exercise form.

    ``money`` is an amount in the exercise's currency, ``percent`` is typed as a
    percentage and stored as a fraction (26.6 → 0.266), ``choice`` is one of
    ``choices`` (value, label) pairs.
    """

    name: str
    label: str
    kind: FieldKind
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def spec(self) -> FieldSpec:
        """How the answer store validates this field."""
        if self.kind == "choice":
            return FieldSpec(self.name, "choice", choices=tuple(value for value, _ in self.choices))
        bound = 1e12 if self.kind == "money" else 10.0  # ±1000%: far beyond any sensible answer, rejects garbage
        return FieldSpec(self.name, "number", minimum=-bound, maximum=bound)


@dataclass(frozen=True)
class Exercise:
    """A graded exercise: an id for the answer store, a country for money, and its fields."""

    exercise_id: str
    module: int
    title: str
    country: str
    fields: tuple[ExerciseField, ...]

    @property
    def schema(self) -> ExerciseSchema:
        """Schema the answer store checks saved values against."""
        return ExerciseSchema(self.exercise_id, tuple(item.spec for item in self.fields))

    def field(self, name: str) -> ExerciseField:
        """The field called ``name``."""
        for item in self.fields:
            if item.name == name:
                return item
        raise ValueError(f"Exercise {self.exercise_id} has no field {name!r}.")


@dataclass(frozen=True)
class SelfCheckQuestion:
    """An ungraded question with immediate feedback for each option."""

    question: str
    options: tuple[str, ...]
    correct: int
    explanations: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not 0 <= self.correct < len(self.options):
            raise ValueError(f"Answer {self.correct} is not one of the {len(self.options)} options.")
        if self.explanations and len(self.explanations) != len(self.options):
            raise ValueError("Give one explanation per option, or none.")
