"""What an answer may hold: exercise ids, field specifications and value validation.

The answer file format (version :data:`SCHEMA_VERSION`) is::

    {"schema_version": 1,
     "exercise_id": "loan_cost",
     "saved_at": "2025-01-31T09:15:00+00:00",
     "values": {"monthly_payment": 43.5, "lender": "mfi"}}

``values`` maps field names to JSON scalars: a finite number, text (at most
:data:`MAX_TEXT_LENGTH` characters), ``true``/``false`` or ``null`` (a field left empty).
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from . import _errors as msg
from ._errors import InvalidAnswer, UnsafeExerciseId

__all__ = [
    "SCHEMA_VERSION",
    "MAX_ANSWER_BYTES",
    "MAX_TEXT_LENGTH",
    "MAX_EXERCISE_ID_LENGTH",
    "FieldKind",
    "FieldSpec",
    "ExerciseSchema",
    "check_exercise_id",
    "validate_values",
]

#: Version of the answer file format written by this package.
SCHEMA_VERSION = 1
#: Largest answer file, in bytes, that is read or written.
MAX_ANSWER_BYTES = 256 * 1024
#: Longest text value, in characters.
MAX_TEXT_LENGTH = 2000
#: Longest exercise id, in characters.
MAX_EXERCISE_ID_LENGTH = 64

# Whole numbers are kept within a signed 64-bit range: any amount in any currency fits, and
# every JSON reader (and Python's int/str conversion limit) can handle them.
_INT_LIMIT = 2**63

_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_]{0,63}")
_ID_CHARS = re.compile(r"[a-z0-9_]+")

FieldKind = Literal["number", "integer", "text", "choice", "boolean"]
_KINDS: tuple[str, ...] = get_args(FieldKind)

Value = float | int | str | bool | None


def check_exercise_id(exercise_id: object) -> str:
    """Return *exercise_id* if it can name an answer file, else raise :class:`UnsafeExerciseId`.

    A valid id matches ``^[a-z0-9][a-z0-9_]{0,63}$``: lower-case ASCII letters, digits and
    ``_``, not starting with ``_``, at most 64 characters. Such an id has no path separator,
    no dot and no NUL, so ``<id>.json`` always names a file directly inside one folder.

    Examples
    --------
    >>> from ritorno.answers import check_exercise_id
    >>> check_exercise_id("loan_cost_2")
    'loan_cost_2'
    >>> check_exercise_id("../x")
    Traceback (most recent call last):
    ...
    ritorno.answers._errors.UnsafeExerciseId: Exercise id '../x' is not allowed: use lower-case letters, digits and _ only.
    """
    if isinstance(exercise_id, str) and _ID_PATTERN.fullmatch(exercise_id):
        return exercise_id
    if isinstance(exercise_id, str) and _ID_CHARS.fullmatch(exercise_id):
        if len(exercise_id) > MAX_EXERCISE_ID_LENGTH:
            raise UnsafeExerciseId(msg.id_too_long(exercise_id, MAX_EXERCISE_ID_LENGTH))
        raise UnsafeExerciseId(msg.id_bad_start(exercise_id))
    raise UnsafeExerciseId(msg.unsafe_id(exercise_id))


def _encodable(text: str) -> bool:
    """Whether *text* can be written as UTF-8 (lone surrogates cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name or not _encodable(name):
        raise InvalidAnswer(msg.bad_field_name(name))
    return name


def _check_text(name: str, value: str, limit: int) -> str:
    if not _encodable(value):
        raise InvalidAnswer(msg.unencodable_text(name, value))
    if len(value) > limit:
        raise InvalidAnswer(msg.text_too_long(name, limit, len(value)))
    return str(value)


def _check_int(name: str, value: numbers.Integral) -> int:
    number = int(value)
    if not -_INT_LIMIT <= number < _INT_LIMIT:
        raise InvalidAnswer(msg.integer_too_large(name, number))
    return number


def _check_float(name: str, value: numbers.Real) -> float:
    try:
        number = float(value)
    except OverflowError:
        raise InvalidAnswer(msg.not_finite(name, value)) from None
    if not math.isfinite(number):
        raise InvalidAnswer(msg.not_finite(name, value))
    return number


def _free_value(name: str, value: object) -> Value:
    """Validate a value when no schema is given: any finite JSON scalar."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return _check_int(name, value)
    if isinstance(value, numbers.Real):
        return _check_float(name, value)
    if isinstance(value, str):
        return _check_text(name, value, MAX_TEXT_LENGTH)
    raise InvalidAnswer(msg.not_a_scalar(name, value))


@dataclass(frozen=True)
class FieldSpec:
    """One field of an exercise answer: its name, its kind and the values it accepts.

    Parameters
    ----------
    name : str
        Field name, the key in the answer's ``values``.
    kind : {"number", "integer", "text", "choice", "boolean"}
        ``number`` takes any finite number (a whole number is stored as a float; ``True`` is
        *not* a number); ``integer`` takes whole numbers (``3.0`` becomes ``3``); ``text`` takes
        a string of at most *max_length* characters; ``choice`` takes one of *choices*;
        ``boolean`` takes ``True`` or ``False`` only (not 0 or 1).
    choices : tuple of str, optional
        The allowed values of a ``choice`` field (required for it, not allowed otherwise).
    minimum, maximum : float, optional
        Inclusive bounds of a ``number`` or ``integer`` field.
    max_length : int, default 2000
        Longest text of a ``text`` field, in characters (1 to 2000).

    Notes
    -----
    Any field may also hold ``None``, meaning "left empty"; a field may also be absent.
    A mistake in the specification itself (an unknown kind, ``minimum > maximum``) raises a
    plain ``ValueError`` when the spec is built, since it is a bug in the exercise, not in the
    trainee's answer.

    Examples
    --------
    >>> from ritorno.answers import FieldSpec
    >>> rate = FieldSpec("annual_rate", "number", minimum=0, maximum=1)
    >>> rate.validate(0.18)
    0.18
    >>> rate.validate(True)
    Traceback (most recent call last):
    ...
    ritorno.answers._errors.InvalidAnswer: Field 'annual_rate' must be a number (got True).
    >>> FieldSpec("lender", "choice", choices=("bank", "mfi")).validate("mfi")
    'mfi'
    """

    name: str
    kind: FieldKind
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int = MAX_TEXT_LENGTH

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name or not _encodable(self.name):
            raise ValueError(f"name must be non-empty text (got {self.name!r}).")
        if self.kind not in _KINDS:
            allowed = ", ".join(repr(k) for k in _KINDS)
            raise ValueError(
                f"kind of field {self.name!r} must be one of {allowed} (got {self.kind!r})."
            )
        if isinstance(self.choices, str) or not isinstance(self.choices, (tuple, list)):
            raise ValueError(
                f"choices of field {self.name!r} must be a tuple of text (got {self.choices!r})."
            )
        object.__setattr__(self, "choices", tuple(self.choices))
        if self.kind == "choice":
            if not self.choices:
                raise ValueError(f"choice field {self.name!r} needs at least one choice.")
            for choice in self.choices:
                if not isinstance(choice, str) or not _encodable(choice) or not (
                    0 < len(choice) <= MAX_TEXT_LENGTH
                ):
                    raise ValueError(
                        f"choices of field {self.name!r} must be non-empty text of at most "
                        f"{MAX_TEXT_LENGTH} characters (got {choice!r})."
                    )
            if len(set(self.choices)) != len(self.choices):
                raise ValueError(f"choices of field {self.name!r} repeat a value.")
        elif self.choices:
            raise ValueError(
                f"only a choice field takes choices ({self.name!r} is {self.kind!r})."
            )
        for bound_name in ("minimum", "maximum"):
            bound = getattr(self, bound_name)
            if bound is None:
                continue
            if self.kind not in ("number", "integer"):
                raise ValueError(
                    f"only number and integer fields take a {bound_name} "
                    f"({self.name!r} is {self.kind!r})."
                )
            if isinstance(bound, bool) or not isinstance(bound, numbers.Real) or not (
                math.isfinite(bound)
            ):
                raise ValueError(
                    f"{bound_name} of field {self.name!r} must be a finite number "
                    f"(got {bound!r})."
                )
        if (
            self.minimum is not None
            and self.maximum is not None
            and self.minimum > self.maximum
        ):
            raise ValueError(
                f"minimum of field {self.name!r} must not exceed its maximum "
                f"(got {self.minimum!r} > {self.maximum!r})."
            )
        if (
            isinstance(self.max_length, bool)
            or not isinstance(self.max_length, int)
            or not 1 <= self.max_length <= MAX_TEXT_LENGTH
        ):
            raise ValueError(
                f"max_length of field {self.name!r} must be from 1 to {MAX_TEXT_LENGTH} "
                f"(got {self.max_length!r})."
            )

    def validate(self, value: object) -> Value:
        """Return *value* normalized for this field, or raise :class:`InvalidAnswer`.

        Parameters
        ----------
        value : float, int, str, bool or None
            The value a widget produced, or one read from an answer file.

        Returns
        -------
        float, int, str, bool or None
            ``float`` for a number field, ``int`` for an integer field, the text or choice as
            given, the boolean as given; ``None`` stays ``None`` (an empty field).

        Raises
        ------
        InvalidAnswer
            The value has the wrong type, is not finite, is out of bounds, is not one of the
            choices, or is too long; the message names the field and the value.
        """
        name = self.name
        if value is None:
            return None
        kind = self.kind
        if kind == "boolean":
            if isinstance(value, bool):
                return value
            raise InvalidAnswer(msg.wrong_kind(name, kind, value))
        if kind == "text":
            if isinstance(value, str):
                return _check_text(name, value, self.max_length)
            raise InvalidAnswer(msg.wrong_kind(name, kind, value))
        if kind == "choice":
            if isinstance(value, str) and value in self.choices:
                return str(value)
            raise InvalidAnswer(msg.not_a_choice(name, self.choices, value))
        # number or integer
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InvalidAnswer(msg.wrong_kind(name, kind, value))
        number: float | int
        if kind == "number":
            number = _check_float(name, value)
        elif isinstance(value, numbers.Integral):
            number = _check_int(name, value)
        else:
            as_float = _check_float(name, value)
            if not as_float.is_integer():
                raise InvalidAnswer(msg.wrong_kind(name, kind, value))
            number = _check_int(name, int(as_float))
        if self.minimum is not None and number < self.minimum:
            raise InvalidAnswer(msg.below_minimum(name, self.minimum, number))
        if self.maximum is not None and number > self.maximum:
            raise InvalidAnswer(msg.above_maximum(name, self.maximum, number))
        return number


@dataclass(frozen=True)
class ExerciseSchema:
    """The fields a graded exercise's answer may hold.

    Parameters
    ----------
    exercise_id : str
        The exercise id (see :func:`check_exercise_id`).
    fields : tuple of FieldSpec
        The fields, each with a distinct name.

    Examples
    --------
    >>> from ritorno.answers import ExerciseSchema, FieldSpec
    >>> schema = ExerciseSchema("loan_cost", (
    ...     FieldSpec("monthly_payment", "number", minimum=0),
    ...     FieldSpec("months", "integer", minimum=1, maximum=120),
    ... ))
    >>> schema.validate({"monthly_payment": 43, "months": 12.0})
    {'monthly_payment': 43.0, 'months': 12}
    >>> schema.validate({"months": 0})
    Traceback (most recent call last):
    ...
    ritorno.answers._errors.InvalidAnswer: Field 'months' must be at least 1 (got 0).
    """

    exercise_id: str
    fields: tuple[FieldSpec, ...]

    def __post_init__(self) -> None:
        check_exercise_id(self.exercise_id)
        if isinstance(self.fields, FieldSpec) or not isinstance(self.fields, (tuple, list)):
            raise ValueError(
                f"fields of exercise {self.exercise_id!r} must be a tuple of FieldSpec "
                f"(got {self.fields!r})."
            )
        object.__setattr__(self, "fields", tuple(self.fields))
        seen: set[str] = set()
        for spec in self.fields:
            if not isinstance(spec, FieldSpec):
                raise ValueError(
                    f"fields of exercise {self.exercise_id!r} must be FieldSpec objects "
                    f"(got {spec!r})."
                )
            if spec.name in seen:
                raise ValueError(
                    f"exercise {self.exercise_id!r} has two fields named {spec.name!r}."
                )
            seen.add(spec.name)

    @property
    def field_names(self) -> tuple[str, ...]:
        """The field names, in order."""
        return tuple(spec.name for spec in self.fields)

    def field(self, name: str) -> FieldSpec:
        """Return the field called *name*; raise ``KeyError`` if there is none.

        Examples
        --------
        >>> from ritorno.answers import ExerciseSchema, FieldSpec
        >>> ExerciseSchema("quiz_1", (FieldSpec("agree", "boolean"),)).field("agree").kind
        'boolean'
        """
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def validate(self, values: Mapping[str, Any]) -> dict[str, Value]:
        """Return *values* checked and normalized, or raise :class:`InvalidAnswer`.

        Every key must be a field of this schema and every value must suit its field (see
        :meth:`FieldSpec.validate`). Fields may be missing: a partly filled answer is valid.

        Parameters
        ----------
        values : Mapping[str, float | int | str | bool | None]
            Field name to value.

        Returns
        -------
        dict
            A new dict, in the order of *values*, with normalized values.

        Raises
        ------
        InvalidAnswer
            On the first unknown field or unsuitable value; the message names the field.
        """
        if not isinstance(values, Mapping):
            raise InvalidAnswer(msg.not_a_mapping(values))
        normalized: dict[str, Value] = {}
        for name, value in values.items():
            _check_name(name)
            try:
                spec = self.field(name)
            except KeyError:
                raise InvalidAnswer(
                    msg.unknown_field(name, self.exercise_id, self.field_names)
                ) from None
            normalized[name] = spec.validate(value)
        return normalized


def validate_values(
    values: Mapping[str, Any], schema: ExerciseSchema | None = None
) -> dict[str, Value]:
    """Return *values* checked against *schema*, or as plain JSON scalars if it is ``None``.

    Without a schema, field names must be non-empty text and values finite numbers, text of
    at most :data:`MAX_TEXT_LENGTH` characters, booleans or ``None``.

    Examples
    --------
    >>> from ritorno.answers import validate_values
    >>> validate_values({"notes": "sell at the market", "price": 2.5, "done": False})
    {'notes': 'sell at the market', 'price': 2.5, 'done': False}
    >>> validate_values({"price": float("nan")})
    Traceback (most recent call last):
    ...
    ritorno.answers._errors.InvalidAnswer: Field 'price' must be a finite number (got nan).
    """
    if schema is not None:
        return schema.validate(values)
    if not isinstance(values, Mapping):
        raise InvalidAnswer(msg.not_a_mapping(values))
    return {_check_name(name): _free_value(name, value) for name, value in values.items()}
