"""The answer store: a trainee's answer to each widget exercise, one JSON file per exercise.

Widget exercises save to ``answers/<exercise_id>.json`` beside the notebook; when nbgrader
re-executes the notebook, the hidden tests load the answer from there. Files are written
atomically, carry a schema version, and loading never raises for a bad file: it returns an
:class:`Answer` whose status says ``SAVED``, ``MISSING`` or ``CORRUPT`` (with the reason).

This package imports nothing of Jupyter.

Examples
--------
>>> import tempfile
>>> from ritorno.answers import AnswerStore, ExerciseSchema, FieldSpec
>>> schema = ExerciseSchema("loan_cost", (
...     FieldSpec("monthly_payment", "number", minimum=0),
...     FieldSpec("lender", "choice", choices=("bank", "mfi", "family")),
... ))
>>> with tempfile.TemporaryDirectory() as folder:
...     store = AnswerStore(folder)
...     _ = store.save("loan_cost", {"monthly_payment": 43}, schema)
...     answer = store.load("loan_cost", schema)
>>> answer.is_saved, dict(answer.values)
(True, {'monthly_payment': 43.0})
"""

from ._errors import AnswerError, CorruptAnswer, InvalidAnswer, UnsafeExerciseId
from ._schema import (
    MAX_ANSWER_BYTES,
    MAX_EXERCISE_ID_LENGTH,
    MAX_TEXT_LENGTH,
    SCHEMA_VERSION,
    ExerciseSchema,
    FieldKind,
    FieldSpec,
    check_exercise_id,
    validate_values,
)
from ._store import ANSWERS_DIR_ENV, Answer, AnswerStatus, AnswerStore, MemoryAnswerStore

__all__ = [
    "ANSWERS_DIR_ENV",
    "MAX_ANSWER_BYTES",
    "MAX_EXERCISE_ID_LENGTH",
    "MAX_TEXT_LENGTH",
    "SCHEMA_VERSION",
    "Answer",
    "AnswerError",
    "AnswerStatus",
    "AnswerStore",
    "CorruptAnswer",
    "ExerciseSchema",
    "FieldKind",
    "FieldSpec",
    "InvalidAnswer",
    "MemoryAnswerStore",
    "UnsafeExerciseId",
    "check_exercise_id",
    "validate_values",
]
