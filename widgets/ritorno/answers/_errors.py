"""Exceptions of the answer store, and every message a trainee may read.

All the wording lives here, as plain f-strings built by small functions, so that it can be
reviewed in one place and later wrapped in gettext without hunting through the code.
Messages quote the offending value (``repr``, shortened when it is long).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AnswerError",
    "UnsafeExerciseId",
    "InvalidAnswer",
    "CorruptAnswer",
]


class AnswerError(Exception):
    """Base class of every error raised by ``ritorno.answers``."""


class UnsafeExerciseId(AnswerError, ValueError):
    """An exercise id that cannot be used to build a file name inside the answers folder."""


class InvalidAnswer(AnswerError, ValueError):
    """Answer values that do not fit the exercise: nothing was saved."""


class CorruptAnswer(AnswerError, ValueError):
    """An answer file that exists but cannot be used; its message becomes ``Answer.problem``."""


# --------------------------------------------------------------------------- helpers

_SHOW_LIMIT = 60


def show(value: Any) -> str:
    """Return a short ``repr`` of *value* for a message (long values are cut with an ellipsis)."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to turn into a string (Python's 4300-digit limit)
        return "a number too long to show"
    if len(text) > _SHOW_LIMIT:
        text = text[: _SHOW_LIMIT - 1] + "\u2026"
    return text


def _number(value: float) -> str:
    """Write a bound as a person would: ``0`` not ``0.0``, ``0.25`` as is."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- exercise ids

def unsafe_id(exercise_id: object) -> str:
    return (
        f"Exercise id {show(exercise_id)} is not allowed: "
        f"use lower-case letters, digits and _ only."
    )


def id_bad_start(exercise_id: str) -> str:
    return (
        f"Exercise id {show(exercise_id)} is not allowed: "
        f"it must start with a lower-case letter or a digit."
    )


def id_too_long(exercise_id: str, limit: int) -> str:
    return (
        f"Exercise id {show(exercise_id)} is not allowed: "
        f"use at most {limit} characters (got {len(exercise_id)})."
    )


def outside_root(exercise_id: str, root: object) -> str:
    return (
        f"The answer file for exercise {exercise_id!r} would be outside "
        f"the answers folder {str(root)!r}."
    )


def schema_mismatch(schema_id: str, exercise_id: str) -> str:
    return f"The schema is for exercise {schema_id!r}, not {exercise_id!r}."


# --------------------------------------------------------------------------- invalid values

def not_a_mapping(values: object) -> str:
    return (
        f"The answer values must be a mapping of field names to values "
        f"(got {type(values).__name__})."
    )


def bad_field_name(name: object) -> str:
    return f"Field names must be non-empty text (got {show(name)})."


def unknown_field(name: str, exercise_id: str, known: tuple[str, ...]) -> str:
    listed = ", ".join(repr(k) for k in known) or "none"
    return (
        f"Field {name!r} is not part of exercise {exercise_id!r} "
        f"(its fields are: {listed})."
    )


def not_a_scalar(name: str, value: object) -> str:
    return (
        f"Field {name!r} must be a number, text, true/false or empty "
        f"(got {show(value)})."
    )


def not_finite(name: str, value: object) -> str:
    return f"Field {name!r} must be a finite number (got {show(value)})."


def integer_too_large(name: str, value: object) -> str:
    return f"Field {name!r} is too large a number to save (got {show(value)})."


_KIND_WORDS = {
    "number": "a number",
    "integer": "a whole number",
    "text": "text",
    "boolean": "true or false",
}


def wrong_kind(name: str, kind: str, value: object) -> str:
    return f"Field {name!r} must be {_KIND_WORDS[kind]} (got {show(value)})."


def not_a_choice(name: str, choices: tuple[str, ...], value: object) -> str:
    listed = ", ".join(repr(c) for c in choices)
    return f"Field {name!r} must be one of {listed} (got {show(value)})."


def below_minimum(name: str, minimum: float, value: float) -> str:
    return f"Field {name!r} must be at least {_number(minimum)} (got {_number(value)})."


def above_maximum(name: str, maximum: float, value: float) -> str:
    return f"Field {name!r} must be at most {_number(maximum)} (got {_number(value)})."


def text_too_long(name: str, limit: int, length: int) -> str:
    return (
        f"Field {name!r} must be at most {limit} characters long "
        f"(got {length} characters)."
    )


def unencodable_text(name: str, value: str) -> str:
    return (
        f"Field {name!r} contains characters that cannot be saved "
        f"(got {show(value)})."
    )


def answer_too_large(size: int, limit: int) -> str:
    return f"The answer is too large to save ({size} bytes; the limit is {limit} bytes)."


# --------------------------------------------------------------------------- corrupt files

def file_too_large(file_name: str, size: int, limit: int) -> str:
    return (
        f"The answer file {file_name!r} is too large to read "
        f"({size} bytes; the limit is {limit} bytes)."
    )


def not_a_regular_file(file_name: str) -> str:
    return f"The answer file {file_name!r} is not a regular file."


def unreadable(file_name: str, reason: str) -> str:
    return f"The answer file {file_name!r} cannot be read ({reason})."


def file_outside_root(file_name: str) -> str:
    return f"The answer file {file_name!r} points outside the answers folder."


def not_utf8(file_name: str) -> str:
    return f"The answer file {file_name!r} is not UTF-8 text."


def not_json(file_name: str, line: int, column: int) -> str:
    return (
        f"The answer file {file_name!r} is not valid JSON "
        f"(error at line {line}, column {column})."
    )


def unreadable_json(file_name: str) -> str:
    return f"The answer file {file_name!r} is not valid JSON."


def non_finite_in_file(file_name: str, constant: str) -> str:
    return f"The answer file {file_name!r} contains a number that is not finite ({constant})."


def repeated_key(file_name: str, key: str) -> str:
    return f"The answer file {file_name!r} repeats the key {show(key)}."


def not_an_object(file_name: str) -> str:
    return f"The answer file {file_name!r} does not hold a JSON object."


def no_schema_version(file_name: str) -> str:
    return f"The answer file {file_name!r} has no schema version."


def wrong_schema_version(file_name: str, found: object, expected: int) -> str:
    return (
        f"The answer file {file_name!r} has schema version {show(found)}, "
        f"but this version of Ritorno reads version {expected}."
    )


def wrong_exercise(file_name: str, found: object, expected: str) -> str:
    return (
        f"The answer file {file_name!r} is for exercise {show(found)}, "
        f"not {expected!r}."
    )


def bad_saved_at(file_name: str, found: object) -> str:
    return (
        f"The answer file {file_name!r} has no valid 'saved_at' time "
        f"(got {show(found)})."
    )


def values_not_an_object(file_name: str) -> str:
    return f"The answer file {file_name!r} has no 'values' object."


def bad_value_in_file(file_name: str, detail: str) -> str:
    return f"The answer file {file_name!r} cannot be used: {detail}"
