"""The answer store: one JSON file per exercise in one folder, written atomically.

A notebook's widget exercises save to ``answers/<exercise_id>.json`` beside the notebook;
nbgrader copies that folder with the submission and the hidden tests load the answers when
the notebook is re-executed. A kiosk passes a per-trainee folder under its data root instead.
:class:`AnswerStore` is the only place that builds answer paths.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import secrets
import stat
import types
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import _errors as msg
from ._errors import CorruptAnswer, InvalidAnswer, UnsafeExerciseId
from ._schema import (
    MAX_ANSWER_BYTES,
    SCHEMA_VERSION,
    ExerciseSchema,
    Value,
    check_exercise_id,
    validate_values,
)

__all__ = ["ANSWERS_DIR_ENV", "Answer", "AnswerStatus", "AnswerStore", "MemoryAnswerStore"]

#: Environment variable that, when set and non-empty, overrides ``<cwd>/answers``.
ANSWERS_DIR_ENV = "RITORNO_ANSWERS_DIR"

_SUFFIX = ".json"


class AnswerStatus(enum.Enum):
    """Outcome of loading or saving an answer."""

    SAVED = "saved"
    MISSING = "missing"
    CORRUPT = "corrupt"


@dataclass(frozen=True)
class Answer:
    """A trainee's answer to one exercise, as saved or loaded.

    Parameters
    ----------
    exercise_id : str
        The exercise the answer belongs to.
    values : Mapping[str, float | int | str | bool | None]
        Field name to value; stored as a read-only ``types.MappingProxyType`` copy. Empty
        unless the status is ``SAVED``; fields never filled in are absent.
    status : AnswerStatus
        ``SAVED`` (a valid file exists), ``MISSING`` (no file yet) or ``CORRUPT`` (a file
        exists but cannot be used: see *problem*).
    saved_at : datetime or None, default None
        When the answer was saved (timezone-aware, UTC), ``None`` unless saved.
    problem : str or None, default None
        For a ``CORRUPT`` answer, a one-line reason naming the file; otherwise ``None``.

    Examples
    --------
    >>> from ritorno.answers import Answer, AnswerStatus
    >>> answer = Answer("loan_cost", {"monthly_payment": 43.5}, AnswerStatus.SAVED)
    >>> answer.is_saved, answer.get("monthly_payment"), answer.get("months", 12)
    (True, 43.5, 12)
    """

    exercise_id: str
    values: Mapping[str, Value]
    status: AnswerStatus
    saved_at: datetime | None = None
    problem: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", types.MappingProxyType(dict(self.values)))

    @property
    def is_saved(self) -> bool:
        """Whether a valid saved answer exists (status ``SAVED``)."""
        return self.status is AnswerStatus.SAVED

    def get(self, field: str, default: Any = None) -> Any:
        """Return the value of *field*, or *default* if the answer does not hold it."""
        return self.values.get(field, default)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX only; best effort)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class AnswerStore:
    """The folder of answer files of one notebook (or one kiosk trainee).

    Parameters
    ----------
    root : str or os.PathLike
        The folder that holds the ``<exercise_id>.json`` files. It need not exist yet: it
        is created by the first :meth:`save`.

    Notes
    -----
    Each answer is a JSON object ``{"schema_version": 1, "exercise_id": ..., "saved_at":
    <ISO-8601 UTC>, "values": {...}}``. :meth:`save` writes a temporary file in the same
    folder, flushes and ``fsync``\\ s it, then renames it over the old file with
    ``os.replace``, so a reader sees the old answer or the new one, never a partial file.
    :meth:`load` never raises for a problem with the file: a missing file gives a
    ``MISSING`` answer and an unusable one a ``CORRUPT`` answer with a readable reason.

    Examples
    --------
    >>> import tempfile
    >>> from ritorno.answers import AnswerStore
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     store = AnswerStore(folder)
    ...     saved = store.save("loan_cost", {"monthly_payment": 43.5, "lender": "mfi"})
    ...     answer = store.load("loan_cost")
    ...     missing = store.load("break_even")
    ...     ids = store.exercise_ids()
    >>> answer.status, answer.get("lender"), answer == saved
    (<AnswerStatus.SAVED: 'saved'>, 'mfi', True)
    >>> missing.status, dict(missing.values), ids
    (<AnswerStatus.MISSING: 'missing'>, {}, ['loan_cost'])
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self._root = Path(root).expanduser().resolve()

    @classmethod
    def beside_notebook(cls) -> AnswerStore:
        """Return the store of the notebook being run.

        The folder is ``$RITORNO_ANSWERS_DIR`` if that variable is set and non-empty, else
        ``answers`` in the current working directory (Jupyter and nbgrader run a notebook
        with its own folder as the working directory).

        Examples
        --------
        >>> import os
        >>> from pathlib import Path
        >>> from ritorno.answers import AnswerStore
        >>> if not os.environ.get("RITORNO_ANSWERS_DIR"):
        ...     assert AnswerStore.beside_notebook().root == (Path.cwd() / "answers").resolve()
        """
        override = os.environ.get(ANSWERS_DIR_ENV, "")
        return cls(override if override else Path.cwd() / "answers")

    @property
    def root(self) -> Path:
        """The folder of answer files (an absolute, resolved path)."""
        return self._root

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self._root)!r})"

    # ------------------------------------------------------------------ paths

    def _is_inside(self, path: Path) -> bool:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            return False
        return resolved != self._root and resolved.is_relative_to(self._root)

    def path_for(self, exercise_id: str) -> Path:
        """Return the path of the answer file of *exercise_id*.

        Parameters
        ----------
        exercise_id : str
            Lower-case letters, digits and ``_``, starting with a letter or digit, at most 64
            characters (``^[a-z0-9][a-z0-9_]{0,63}$``).

        Returns
        -------
        Path
            ``root / "<exercise_id>.json"``.

        Raises
        ------
        UnsafeExerciseId
            If the id does not match the pattern, or if the path would resolve outside the
            root (an answer file that is a symlink pointing elsewhere).

        Examples
        --------
        >>> from ritorno.answers import AnswerStore
        >>> AnswerStore("/tmp/course/answers").path_for("loan_cost").name
        'loan_cost.json'
        >>> AnswerStore("/tmp/course/answers").path_for("../x")
        Traceback (most recent call last):
        ...
        ritorno.answers._errors.UnsafeExerciseId: Exercise id '../x' is not allowed: use lower-case letters, digits and _ only.
        """
        path = self._root / (check_exercise_id(exercise_id) + _SUFFIX)
        if not self._is_inside(path):
            raise UnsafeExerciseId(msg.outside_root(exercise_id, self._root))
        return path

    def exercise_ids(self) -> list[str]:
        """Return the ids of the answer files present, sorted.

        Only files named ``<valid id>.json`` count (whatever their content); temporary files
        and anything else in the folder are ignored. A missing folder gives ``[]``.
        """
        try:
            entries = list(os.scandir(self._root))
        except (FileNotFoundError, NotADirectoryError):
            return []
        ids = []
        for entry in entries:
            if not entry.name.endswith(_SUFFIX):
                continue
            candidate = entry.name[: -len(_SUFFIX)]
            try:
                check_exercise_id(candidate)
            except UnsafeExerciseId:
                continue
            with contextlib.suppress(OSError):
                if entry.is_file():
                    ids.append(candidate)
        return sorted(ids)

    # ------------------------------------------------------------------ save

    def save(
        self,
        exercise_id: str,
        values: Mapping[str, Value],
        schema: ExerciseSchema | None = None,
    ) -> Answer:
        """Validate *values* and write them as the answer of *exercise_id*, atomically.

        Parameters
        ----------
        exercise_id : str
            The exercise id (see :meth:`path_for`).
        values : Mapping[str, float | int | str | bool | None]
            Field name to value. With a *schema*, only its fields, each of the right kind
            (numbers are stored as floats, see :class:`FieldSpec`); without one, any finite
            JSON scalar. Text is limited to 2000 characters.
        schema : ExerciseSchema, optional
            The exercise's fields; its ``exercise_id`` must be *exercise_id*.

        Returns
        -------
        Answer
            The answer as written, status ``SAVED``.

        Raises
        ------
        InvalidAnswer
            If a value does not fit (the message names the field); nothing is written and
            any earlier answer file is left as it was.
        UnsafeExerciseId
            If the id cannot name a file inside the root.
        OSError
            If the file cannot be written; the earlier answer file, if any, is intact and
            no temporary file is left behind.
        """
        path = self.path_for(exercise_id)
        _check_schema(exercise_id, schema)
        normalized = validate_values(values, schema)
        saved_at = datetime.now(timezone.utc).replace(microsecond=0)
        document = {
            "schema_version": SCHEMA_VERSION,
            "exercise_id": exercise_id,
            "saved_at": saved_at.isoformat(),
            "values": normalized,
        }
        data = (
            json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        ).encode("utf-8")
        if len(data) > MAX_ANSWER_BYTES:
            raise InvalidAnswer(msg.answer_too_large(len(data), MAX_ANSWER_BYTES))
        self._write_atomically(path, data)
        return Answer(exercise_id, normalized, AnswerStatus.SAVED, saved_at)

    def _write_atomically(self, path: Path, data: bytes) -> None:
        self._root.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        while True:
            # A hidden name that is never a valid "<id>.json"; mode 0o666 lets the umask
            # decide permissions, as for any file the trainee creates.
            temporary = path.with_name(f".{path.stem}.{secrets.token_hex(8)}.tmp")
            try:
                fd = os.open(temporary, flags, 0o666)
            except FileExistsError:
                continue
            break
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _fsync_folder(self._root)

    # ------------------------------------------------------------------ load

    def load(self, exercise_id: str, schema: ExerciseSchema | None = None) -> Answer:
        """Return the saved answer of *exercise_id*; never raise for a problem with the file.

        Parameters
        ----------
        exercise_id : str
            The exercise id (see :meth:`path_for`).
        schema : ExerciseSchema, optional
            If given, the values must fit it (unknown fields and wrong kinds make the answer
            ``CORRUPT``; whole numbers in number fields become floats). Without it, any
            finite JSON scalars are accepted.

        Returns
        -------
        Answer
            ``SAVED`` with the values and time; ``MISSING`` with no values if there is no
            file; ``CORRUPT`` with no values and a one-line ``problem`` naming the file if
            the file is too large (over ``MAX_ANSWER_BYTES``, checked before reading), not
            UTF-8, not a JSON object, of another schema version or exercise, or holds a value
            that does not fit.

        Raises
        ------
        UnsafeExerciseId
            If the id is not valid (a programming error, not a file problem).
        """
        check_exercise_id(exercise_id)
        _check_schema(exercise_id, schema)
        path = self._root / (exercise_id + _SUFFIX)
        try:
            document = self._read(path)
            if document is None:
                return Answer(exercise_id, {}, AnswerStatus.MISSING)
            saved_at, values = _parse(document, path.name, exercise_id, schema)
        except CorruptAnswer as problem:
            return Answer(exercise_id, {}, AnswerStatus.CORRUPT, problem=str(problem))
        return Answer(exercise_id, values, AnswerStatus.SAVED, saved_at)

    def _read(self, path: Path) -> Any:
        """Return the parsed JSON of *path*, ``None`` if it does not exist."""
        data = self._read_bytes(path)
        return None if data is None else _decode(data, path.name)

    def _read_bytes(self, path: Path) -> bytes | None:
        """Return the bytes of the answer file *path* (at most the size limit), ``None`` if absent."""
        name = path.name
        if not self._is_inside(path):
            raise CorruptAnswer(msg.file_outside_root(name))
        try:
            info = path.stat()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise CorruptAnswer(msg.unreadable(name, error.strerror or str(error))) from None
        if not stat.S_ISREG(info.st_mode):
            raise CorruptAnswer(msg.not_a_regular_file(name))
        if info.st_size > MAX_ANSWER_BYTES:
            raise CorruptAnswer(msg.file_too_large(name, info.st_size, MAX_ANSWER_BYTES))
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_ANSWER_BYTES + 1)
        except FileNotFoundError:  # removed since the stat
            return None
        except OSError as error:
            raise CorruptAnswer(msg.unreadable(name, error.strerror or str(error))) from None
        if len(data) > MAX_ANSWER_BYTES:  # grew since the stat
            raise CorruptAnswer(msg.file_too_large(name, len(data), MAX_ANSWER_BYTES))
        return data


class MemoryAnswerStore(AnswerStore):
    """An answer store that keeps answers in memory only: nothing ever reaches the disk.

    For anonymous use of a shared kiosk: the answers live as long as the kernel, with
    the same validation as files on disk, and vanish when the session ends.

    Examples
    --------
    >>> from ritorno.answers import MemoryAnswerStore
    >>> store = MemoryAnswerStore()
    >>> _ = store.save("loan_cost", {"monthly_payment": 43.5})
    >>> store.load("loan_cost").get("monthly_payment"), store.exercise_ids()
    (43.5, ['loan_cost'])
    >>> store.root.exists()
    False
    """

    def __init__(self) -> None:
        # A root that is never created: path_for keeps checking ids against it.
        super().__init__(Path("/nonexistent/ritorno-memory-answers") / secrets.token_hex(8))
        self._files: dict[str, bytes] = {}

    def exercise_ids(self) -> list[str]:
        return sorted(path[: -len(_SUFFIX)] for path in self._files)

    def _write_atomically(self, path: Path, data: bytes) -> None:
        self._files[path.name] = data

    def _read_bytes(self, path: Path) -> bytes | None:
        return self._files.get(path.name)


def _decode(data: bytes, name: str) -> Any:
    """Parse an answer file's bytes as strict JSON (no NaN, no repeated keys)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorruptAnswer(msg.not_utf8(name)) from None

    def reject_constant(constant: str) -> float:
        raise CorruptAnswer(msg.non_finite_in_file(name, constant))

    def reject_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise CorruptAnswer(msg.repeated_key(name, key))
            result[key] = value
        return result

    try:
        return json.loads(text, parse_constant=reject_constant, object_pairs_hook=reject_repeats)
    except CorruptAnswer:
        raise
    except json.JSONDecodeError as error:
        raise CorruptAnswer(msg.not_json(name, error.lineno, error.colno)) from None
    except (ValueError, RecursionError):  # a huge integer, or nesting too deep
        raise CorruptAnswer(msg.unreadable_json(name)) from None


def _check_schema(exercise_id: str, schema: ExerciseSchema | None) -> None:
    if schema is not None and schema.exercise_id != exercise_id:
        raise ValueError(msg.schema_mismatch(schema.exercise_id, exercise_id))


def _parse(
    document: Any, name: str, exercise_id: str, schema: ExerciseSchema | None
) -> tuple[datetime, dict[str, Value]]:
    """Check a parsed answer file; return its time and values or raise CorruptAnswer."""
    if not isinstance(document, dict):
        raise CorruptAnswer(msg.not_an_object(name))
    if "schema_version" not in document:
        raise CorruptAnswer(msg.no_schema_version(name))
    version = document["schema_version"]
    if type(version) is not int or version != SCHEMA_VERSION:
        raise CorruptAnswer(msg.wrong_schema_version(name, version, SCHEMA_VERSION))
    found_id = document.get("exercise_id")
    if not isinstance(found_id, str) or found_id != exercise_id:
        raise CorruptAnswer(msg.wrong_exercise(name, found_id, exercise_id))
    raw_time = document.get("saved_at")
    try:
        if not isinstance(raw_time, str):
            raise ValueError(raw_time)
        saved_at = datetime.fromisoformat(raw_time)
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=timezone.utc)
        saved_at = saved_at.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        raise CorruptAnswer(msg.bad_saved_at(name, raw_time)) from None
    values = document.get("values")
    if not isinstance(values, dict):
        raise CorruptAnswer(msg.values_not_an_object(name))
    try:
        return saved_at, validate_values(values, schema)
    except InvalidAnswer as error:
        raise CorruptAnswer(msg.bad_value_in_file(name, str(error))) from None
