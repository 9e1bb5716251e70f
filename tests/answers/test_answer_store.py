"""Tests of ritorno.answers: the one-file-per-exercise answer store."""

from __future__ import annotations

import json
import math
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ritorno.answers import (
    MAX_ANSWER_BYTES,
    SCHEMA_VERSION,
    Answer,
    AnswerError,
    AnswerStatus,
    AnswerStore,
    CorruptAnswer,
    ExerciseSchema,
    FieldSpec,
    InvalidAnswer,
    MemoryAnswerStore,
    UnsafeExerciseId,
)

LOAN = ExerciseSchema(
    "loan_cost",
    (
        FieldSpec("monthly_payment", "number", minimum=0),
        FieldSpec("months", "integer", minimum=1, maximum=120),
        FieldSpec("lender", "choice", choices=("bank", "mfi", "family")),
        FieldSpec("notes", "text", max_length=50),
        FieldSpec("read_contract", "boolean"),
    ),
)


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    return AnswerStore(tmp_path / "answers")


def write_raw(store: AnswerStore, exercise_id: str, content: str | bytes) -> Path:
    """Write an answer file by hand, bypassing the store's checks."""
    store.root.mkdir(parents=True, exist_ok=True)
    path = store.root / f"{exercise_id}.json"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def document(**overrides: object) -> str:
    base: dict[str, object] = {
        "schema_version": 1,
        "exercise_id": "loan_cost",
        "saved_at": "2025-01-31T09:15:00+00:00",
        "values": {"monthly_payment": 43.5},
    }
    base.update(overrides)
    return json.dumps(base)


def file_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class TestConstants:
    def test_values(self) -> None:
        assert SCHEMA_VERSION == 1
        assert MAX_ANSWER_BYTES == 256 * 1024

    def test_exception_hierarchy(self) -> None:
        for error in (UnsafeExerciseId, InvalidAnswer, CorruptAnswer):
            assert issubclass(error, AnswerError)
            assert issubclass(error, ValueError)
            assert error.__doc__ and "\n" not in error.__doc__.strip()

    def test_no_jupyter_import(self) -> None:
        import subprocess

        code = (
            "import sys, ritorno.answers; "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('ipywidgets', 'IPython', 'jupyter_client', 'ipykernel', 'traitlets')]; "
            "assert not bad, bad"
        )
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        subprocess.run([sys.executable, "-c", code], check=True, env=env)


class TestRoundTrip:
    def test_save_then_load(self, store: AnswerStore) -> None:
        saved = store.save("loan_cost", {"monthly_payment": 43.5, "lender": "mfi"})
        assert saved.status is AnswerStatus.SAVED
        assert saved.is_saved
        assert saved.problem is None
        loaded = store.load("loan_cost")
        assert loaded == saved
        assert dict(loaded.values) == {"monthly_payment": 43.5, "lender": "mfi"}

    def test_file_content(self, store: AnswerStore) -> None:
        saved = store.save("loan_cost", {"notes": "prestito di 500 €", "ok": True, "n": None})
        content = json.loads(store.path_for("loan_cost").read_text(encoding="utf-8"))
        assert content == {
            "schema_version": 1,
            "exercise_id": "loan_cost",
            "saved_at": saved.saved_at.isoformat(),
            "values": {"notes": "prestito di 500 €", "ok": True, "n": None},
        }
        assert saved.saved_at.tzinfo is not None
        assert saved.saved_at.utcoffset().total_seconds() == 0
        assert abs((datetime.now(timezone.utc) - saved.saved_at).total_seconds()) < 60

    def test_reload_after_recreating_store(self, tmp_path: Path) -> None:
        AnswerStore(tmp_path / "answers").save("budget_1", {"rent": 120})
        answer = AnswerStore(tmp_path / "answers").load("budget_1")
        assert answer.is_saved
        assert answer.get("rent") == 120

    def test_save_overwrites(self, store: AnswerStore) -> None:
        store.save("loan_cost", {"monthly_payment": 1.0})
        store.save("loan_cost", {"monthly_payment": 2.0})
        assert store.load("loan_cost").get("monthly_payment") == 2.0
        assert file_names(store.root) == ["loan_cost.json"]

    def test_root_created_on_first_save(self, tmp_path: Path) -> None:
        store = AnswerStore(tmp_path / "a" / "b" / "answers")
        assert not store.root.exists()
        store.save("x1", {"a": 1})
        assert (tmp_path / "a" / "b" / "answers" / "x1.json").is_file()

    def test_root_is_resolved(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        store = AnswerStore("answers")
        assert store.root == (tmp_path / "answers").resolve()
        assert store.root.is_absolute()

    def test_with_schema_normalizes(self, store: AnswerStore) -> None:
        saved = store.save("loan_cost", {"monthly_payment": 43, "months": 12}, LOAN)
        assert saved.values["monthly_payment"] == 43.0
        assert type(saved.values["monthly_payment"]) is float
        loaded = store.load("loan_cost", LOAN)
        assert dict(loaded.values) == {"monthly_payment": 43.0, "months": 12}
        assert type(loaded.values["months"]) is int

    def test_int_in_file_becomes_float_for_number_field(self, store: AnswerStore) -> None:
        write_raw(store, "loan_cost", document(values={"monthly_payment": 40}))
        answer = store.load("loan_cost", LOAN)
        assert answer.values["monthly_payment"] == 40.0
        assert type(answer.values["monthly_payment"]) is float

    def test_partial_answer(self, store: AnswerStore) -> None:
        store.save("loan_cost", {"lender": "bank"}, LOAN)
        answer = store.load("loan_cost", LOAN)
        assert answer.is_saved
        assert dict(answer.values) == {"lender": "bank"}
        assert answer.get("monthly_payment") is None
        assert "months" not in answer.values

    def test_empty_values(self, store: AnswerStore) -> None:
        store.save("loan_cost", {})
        answer = store.load("loan_cost", LOAN)
        assert answer.is_saved and dict(answer.values) == {}

    def test_none_means_left_empty(self, store: AnswerStore) -> None:
        store.save("loan_cost", {"months": None}, LOAN)
        answer = store.load("loan_cost", LOAN)
        assert answer.is_saved
        assert "months" in answer.values and answer.get("months", 5) is None

    def test_missing(self, store: AnswerStore) -> None:
        answer = store.load("loan_cost")
        assert answer == Answer("loan_cost", {}, AnswerStatus.MISSING)
        assert not answer.is_saved
        assert answer.saved_at is None and answer.problem is None
        assert not store.root.exists()  # loading creates nothing


class TestAnswer:
    def test_values_read_only(self) -> None:
        source = {"a": 1}
        answer = Answer("x", source, AnswerStatus.SAVED)
        with pytest.raises(TypeError):
            answer.values["a"] = 2  # type: ignore[index]
        source["a"] = 3
        assert answer.get("a") == 1  # a copy, not a view of the caller's dict

    def test_frozen(self) -> None:
        answer = Answer("x", {}, AnswerStatus.MISSING)
        with pytest.raises(AttributeError):
            answer.status = AnswerStatus.SAVED  # type: ignore[misc]

    def test_get_default(self) -> None:
        answer = Answer("x", {"a": 1}, AnswerStatus.SAVED)
        assert answer.get("a") == 1
        assert answer.get("b") is None
        assert answer.get("b", 0) == 0

    def test_status_values(self) -> None:
        assert [s.value for s in AnswerStatus] == ["saved", "missing", "corrupt"]


class TestBesideNotebook:
    def test_default_is_cwd_answers(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("RITORNO_ANSWERS_DIR", raising=False)
        monkeypatch.chdir(tmp_path)
        store = AnswerStore.beside_notebook()
        assert store.root == (tmp_path / "answers").resolve()
        store.save("e1", {"a": 1})
        assert (tmp_path / "answers" / "e1.json").is_file()

    def test_empty_env_var_ignored(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", "")
        monkeypatch.chdir(tmp_path)
        assert AnswerStore.beside_notebook().root == (tmp_path / "answers").resolve()

    def test_env_var(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        kiosk = tmp_path / "data" / "trainee_7" / "module_1"
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(kiosk))
        monkeypatch.chdir(tmp_path)
        store = AnswerStore.beside_notebook()
        assert store.root == kiosk.resolve()
        store.save("e1", {"a": 1})
        assert (kiosk / "e1.json").is_file()
        assert not (tmp_path / "answers").exists()


class TestAtomicWrite:
    def test_crash_before_replace_keeps_old_file(
        self, store: AnswerStore, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.save("loan_cost", {"monthly_payment": 1.0})
        before = store.path_for("loan_cost").read_bytes()

        def crash(*args: object) -> None:
            raise OSError("disk pulled out")

        monkeypatch.setattr(os, "replace", crash)
        with pytest.raises(OSError, match="disk pulled out"):
            store.save("loan_cost", {"monthly_payment": 2.0})
        monkeypatch.undo()
        assert store.path_for("loan_cost").read_bytes() == before
        assert file_names(store.root) == ["loan_cost.json"]
        assert store.load("loan_cost").get("monthly_payment") == 1.0

    def test_crash_during_fsync_leaves_no_file(
        self, store: AnswerStore, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def crash(fd: int) -> None:
            raise OSError("fsync failed")

        monkeypatch.setattr(os, "fsync", crash)
        with pytest.raises(OSError, match="fsync failed"):
            store.save("loan_cost", {"monthly_payment": 2.0})
        monkeypatch.undo()
        assert file_names(store.root) == []
        assert store.load("loan_cost").status is AnswerStatus.MISSING

    def test_written_through_fsync_and_replace(
        self, store: AnswerStore, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[str] = []
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(fd: int) -> None:
            calls.append("fsync")
            real_fsync(fd)

        def replace(src: object, dst: object) -> None:
            calls.append("replace")
            assert Path(src).parent == store.root, "temp file must be in the same folder"
            real_replace(src, dst)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        store.save("loan_cost", {"a": 1})
        assert calls[:2] == ["fsync", "replace"]

    def test_invalid_values_write_nothing(self, store: AnswerStore) -> None:
        store.save("loan_cost", {"monthly_payment": 1.0}, LOAN)
        before = store.path_for("loan_cost").read_bytes()
        with pytest.raises(InvalidAnswer):
            store.save("loan_cost", {"monthly_payment": True}, LOAN)
        with pytest.raises(InvalidAnswer):
            store.save("loan_cost", {"x": [1, 2]})
        assert store.path_for("loan_cost").read_bytes() == before
        assert file_names(store.root) == ["loan_cost.json"]

    def test_too_large_answer_not_saved(self, store: AnswerStore) -> None:
        values = {f"f{i}": "x" * 2000 for i in range(200)}
        with pytest.raises(InvalidAnswer) as info:
            store.save("big", values)
        assert str(info.value).startswith("The answer is too large to save (")
        assert str(info.value).endswith(f"bytes; the limit is {MAX_ANSWER_BYTES} bytes).")
        assert not store.root.exists() or file_names(store.root) == []


class TestCorrupt:
    """Every unusable file gives CORRUPT with an exact message, and load never raises."""

    @pytest.mark.parametrize(
        ("content", "problem"),
        [
            pytest.param(
                b"\xff\xfe{}", "The answer file 'loan_cost.json' is not UTF-8 text.", id="not-utf8"
            ),
            pytest.param(
                '{"schema_version": 1,',
                "The answer file 'loan_cost.json' is not valid JSON "
                "(error at line 1, column 22).",
                id="truncated-json",
            ),
            pytest.param(
                "", "The answer file 'loan_cost.json' is not valid JSON "
                "(error at line 1, column 1).",
                id="empty",
            ),
            pytest.param(
                "[1, 2]",
                "The answer file 'loan_cost.json' does not hold a JSON object.",
                id="not-object",
            ),
            pytest.param(
                '"text"',
                "The answer file 'loan_cost.json' does not hold a JSON object.",
                id="string",
            ),
            pytest.param(
                document(schema_version=2),
                "The answer file 'loan_cost.json' has schema version 2, "
                "but this version of Ritorno reads version 1.",
                id="future-version",
            ),
            pytest.param(
                document(schema_version=True),
                "The answer file 'loan_cost.json' has schema version True, "
                "but this version of Ritorno reads version 1.",
                id="bool-version",
            ),
            pytest.param(
                document(schema_version="1"),
                "The answer file 'loan_cost.json' has schema version '1', "
                "but this version of Ritorno reads version 1.",
                id="string-version",
            ),
            pytest.param(
                json.dumps({"exercise_id": "loan_cost", "values": {}}),
                "The answer file 'loan_cost.json' has no schema version.",
                id="no-version",
            ),
            pytest.param(
                document(exercise_id="break_even"),
                "The answer file 'loan_cost.json' is for exercise 'break_even', "
                "not 'loan_cost'.",
                id="other-exercise",
            ),
            pytest.param(
                document(exercise_id=None),
                "The answer file 'loan_cost.json' is for exercise None, not 'loan_cost'.",
                id="null-exercise",
            ),
            pytest.param(
                document(saved_at="yesterday"),
                "The answer file 'loan_cost.json' has no valid 'saved_at' time "
                "(got 'yesterday').",
                id="bad-time",
            ),
            pytest.param(
                document(values=[1]),
                "The answer file 'loan_cost.json' has no 'values' object.",
                id="values-list",
            ),
            pytest.param(
                document(values=None),
                "The answer file 'loan_cost.json' has no 'values' object.",
                id="values-null",
            ),
            pytest.param(
                document(values={"monthly_payment": [1]}),
                "The answer file 'loan_cost.json' cannot be used: Field 'monthly_payment' "
                "must be a number, text, true/false or empty (got [1]).",
                id="nested-value",
            ),
            pytest.param(
                document(values={"notes": "x" * 2001}),
                "The answer file 'loan_cost.json' cannot be used: Field 'notes' must be at "
                "most 2000 characters long (got 2001 characters).",
                id="long-text",
            ),
            pytest.param(
                document(values={"monthly_payment": 1.5}).replace("1.5", "1e999"),
                "The answer file 'loan_cost.json' cannot be used: Field 'monthly_payment' "
                "must be a finite number (got inf).",
                id="overflow-number",
            ),
            pytest.param(
                '{"schema_version": 1, "exercise_id": "loan_cost", "saved_at": '
                '"2025-01-31T09:15:00+00:00", "values": {"monthly_payment": NaN}}',
                "The answer file 'loan_cost.json' contains a number that is not finite (NaN).",
                id="nan",
            ),
            pytest.param(
                '{"schema_version": 1, "exercise_id": "loan_cost", "saved_at": '
                '"2025-01-31T09:15:00+00:00", "values": {"a": -Infinity}}',
                "The answer file 'loan_cost.json' contains a number that is not finite "
                "(-Infinity).",
                id="infinity",
            ),
            pytest.param(
                '{"schema_version": 1, "exercise_id": "loan_cost", "saved_at": '
                '"2025-01-31T09:15:00+00:00", "values": {"a": 1, "a": 2}}',
                "The answer file 'loan_cost.json' repeats the key 'a'.",
                id="repeated-key",
            ),
            pytest.param(
                "[" * 100_000,
                "The answer file 'loan_cost.json' is not valid JSON.",
                id="deep-nesting",
            ),
            pytest.param(
                document(values={"a": 1}).replace(": 1}", ": " + "9" * 5000 + "}"),
                "The answer file 'loan_cost.json' is not valid JSON.",
                id="huge-integer",
            ),
        ],
    )
    def test_corrupt_without_schema(
        self, store: AnswerStore, content: str | bytes, problem: str
    ) -> None:
        write_raw(store, "loan_cost", content)
        answer = store.load("loan_cost")
        assert answer == Answer("loan_cost", {}, AnswerStatus.CORRUPT, None, problem)
        assert answer.problem == problem
        assert not answer.is_saved

    @pytest.mark.parametrize(
        ("values", "problem"),
        [
            pytest.param(
                {"monthly_payment": True},
                "Field 'monthly_payment' must be a number (got True).",
                id="bool-as-number",
            ),
            pytest.param(
                {"monthly_payment": "43"},
                "Field 'monthly_payment' must be a number (got '43').",
                id="string-as-number",
            ),
            pytest.param(
                {"months": 1.5}, "Field 'months' must be a whole number (got 1.5).", id="frac"
            ),
            pytest.param(
                {"months": False},
                "Field 'months' must be a whole number (got False).",
                id="bool-as-integer",
            ),
            pytest.param(
                {"read_contract": 1},
                "Field 'read_contract' must be true or false (got 1).",
                id="int-as-bool",
            ),
            pytest.param(
                {"lender": "uncle"},
                "Field 'lender' must be one of 'bank', 'mfi', 'family' (got 'uncle').",
                id="choice",
            ),
            pytest.param(
                {"notes": 5}, "Field 'notes' must be text (got 5).", id="number-as-text"
            ),
            pytest.param(
                {"notes": "x" * 51},
                "Field 'notes' must be at most 50 characters long (got 51 characters).",
                id="field-max-length",
            ),
            pytest.param(
                {"interest": 0.2},
                "Field 'interest' is not part of exercise 'loan_cost' (its fields are: "
                "'monthly_payment', 'months', 'lender', 'notes', 'read_contract').",
                id="unknown-field",
            ),
            pytest.param(
                {"monthly_payment": -1},
                "Field 'monthly_payment' must be at least 0 (got -1).",
                id="below-minimum",
            ),
            pytest.param(
                {"months": 121}, "Field 'months' must be at most 120 (got 121).", id="max"
            ),
        ],
    )
    def test_corrupt_with_schema(
        self, store: AnswerStore, values: dict[str, object], problem: str
    ) -> None:
        write_raw(store, "loan_cost", document(values=values))
        answer = store.load("loan_cost", LOAN)
        assert answer.status is AnswerStatus.CORRUPT
        assert dict(answer.values) == {}
        assert answer.saved_at is None
        assert answer.problem == f"The answer file 'loan_cost.json' cannot be used: {problem}"

    def test_messages_are_one_line(self, store: AnswerStore) -> None:
        write_raw(store, "loan_cost", '{"a":\n\n')
        answer = store.load("loan_cost")
        assert answer.problem == (
            "The answer file 'loan_cost.json' is not valid JSON (error at line 3, column 1)."
        )
        assert "\n" not in answer.problem

    def test_utf8_bom_accepted(self, store: AnswerStore) -> None:
        write_raw(store, "loan_cost", b"\xef\xbb\xbf" + document().encode())
        assert store.load("loan_cost").is_saved

    def test_huge_file_rejected_without_reading(
        self, store: AnswerStore, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = write_raw(store, "loan_cost", b"")
        with path.open("r+b") as stream:
            stream.truncate(50 * 1024 * 1024)  # sparse: quick and takes no disk space

        def must_not_read(*args: object, **kwargs: object) -> None:
            raise AssertionError("an oversized answer file must not be opened")

        monkeypatch.setattr(Path, "open", must_not_read)
        monkeypatch.setattr(Path, "read_bytes", must_not_read)
        monkeypatch.setattr(Path, "read_text", must_not_read)
        monkeypatch.setattr("builtins.open", must_not_read)
        monkeypatch.setattr(os, "open", must_not_read)
        answer = store.load("loan_cost")
        assert answer.status is AnswerStatus.CORRUPT
        assert answer.problem == (
            "The answer file 'loan_cost.json' is too large to read "
            "(52428800 bytes; the limit is 262144 bytes)."
        )

    def test_size_limit_is_inclusive(self, store: AnswerStore) -> None:
        text = document()
        padded = text + " " * (MAX_ANSWER_BYTES - len(text))
        write_raw(store, "loan_cost", padded)
        assert store.load("loan_cost").is_saved
        write_raw(store, "loan_cost", padded + " ")
        assert store.load("loan_cost").status is AnswerStatus.CORRUPT

    def test_directory_in_place_of_file(self, store: AnswerStore) -> None:
        (store.root / "loan_cost.json").mkdir(parents=True)
        answer = store.load("loan_cost")
        assert answer.problem == "The answer file 'loan_cost.json' is not a regular file."

    @pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
    def test_symlink_outside_root(self, store: AnswerStore, tmp_path: Path) -> None:
        secret = tmp_path / "secret.json"
        secret.write_text(document(), encoding="utf-8")
        store.root.mkdir()
        (store.root / "loan_cost.json").symlink_to(secret)
        answer = store.load("loan_cost")
        assert answer.problem == (
            "The answer file 'loan_cost.json' points outside the answers folder."
        )
        with pytest.raises(UnsafeExerciseId, match="would be outside the answers folder"):
            store.save("loan_cost", {"a": 1})
        assert json.loads(secret.read_text(encoding="utf-8"))["values"] == {
            "monthly_payment": 43.5
        }

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything"
    )
    def test_unreadable_file(self, store: AnswerStore) -> None:
        path = write_raw(store, "loan_cost", document())
        path.chmod(0)
        try:
            answer = store.load("loan_cost")
        finally:
            path.chmod(0o644)
        assert answer.problem == (
            "The answer file 'loan_cost.json' cannot be read (Permission denied)."
        )

    def test_naive_time_taken_as_utc(self, store: AnswerStore) -> None:
        write_raw(store, "loan_cost", document(saved_at="2025-01-31T09:15:00"))
        answer = store.load("loan_cost")
        assert answer.saved_at == datetime(2025, 1, 31, 9, 15, tzinfo=timezone.utc)

    def test_time_converted_to_utc(self, store: AnswerStore) -> None:
        write_raw(store, "loan_cost", document(saved_at="2025-01-31T10:15:00+01:00"))
        answer = store.load("loan_cost")
        assert answer.saved_at == datetime(2025, 1, 31, 9, 15, tzinfo=timezone.utc)
        assert answer.saved_at.utcoffset().total_seconds() == 0

    def test_unknown_top_level_keys_ignored(self, store: AnswerStore) -> None:
        write_raw(store, "loan_cost", document(comment="hello"))
        assert store.load("loan_cost").get("monthly_payment") == 43.5

    def test_corrupt_answer_replaced_by_save(self, store: AnswerStore) -> None:
        write_raw(store, "loan_cost", "garbage")
        assert store.load("loan_cost").status is AnswerStatus.CORRUPT
        store.save("loan_cost", {"a": 1})
        assert store.load("loan_cost").is_saved


UNSAFE_IDS = ["../x", "a/b", "a\\b", "A", "", "x" * 65, ".hidden", "nul\x00", "_x", "a.b",
              "a b", "loan-cost", "x\n", "é", "..", "/etc/passwd", "con.json"]


class TestExerciseIds:
    @pytest.mark.parametrize("bad", UNSAFE_IDS)
    def test_unsafe_ids_raise(self, store: AnswerStore, bad: str) -> None:
        with pytest.raises(UnsafeExerciseId):
            store.path_for(bad)
        with pytest.raises(UnsafeExerciseId):
            store.load(bad)
        with pytest.raises(UnsafeExerciseId):
            store.save(bad, {"a": 1})
        assert not store.root.exists()

    @pytest.mark.parametrize("bad", [None, 3, b"abc", Path("abc")])
    def test_non_text_ids_raise(self, store: AnswerStore, bad: object) -> None:
        with pytest.raises(UnsafeExerciseId):
            store.path_for(bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            ("../x", "Exercise id '../x' is not allowed: use lower-case letters, digits and _ only."),
            ("A", "Exercise id 'A' is not allowed: use lower-case letters, digits and _ only."),
            ("", "Exercise id '' is not allowed: use lower-case letters, digits and _ only."),
            (
                "nul\x00",
                "Exercise id 'nul\\x00' is not allowed: use lower-case letters, digits and _ only.",
            ),
            (
                "_x",
                "Exercise id '_x' is not allowed: it must start with a lower-case letter or a digit.",
            ),
            (
                "x" * 65,
                "Exercise id 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026 "
                "is not allowed: use at most 64 characters (got 65).",
            ),
        ],
    )
    def test_messages(self, store: AnswerStore, bad: str, message: str) -> None:
        with pytest.raises(UnsafeExerciseId) as info:
            store.path_for(bad)
        assert str(info.value) == message

    @pytest.mark.parametrize("good", ["a", "0", "loan_cost_2", "x" * 64, "1_a_"])
    def test_valid_ids(self, store: AnswerStore, good: str) -> None:
        assert store.path_for(good) == store.root / f"{good}.json"

    def test_exercise_ids(self, store: AnswerStore) -> None:
        assert store.exercise_ids() == []  # folder not created yet
        store.save("zeta", {})
        store.save("alpha_2", {"a": 1})
        write_raw(store, "broken", "not json")
        (store.root / "Upper.json").write_text("{}")
        (store.root / ".alpha.1234.tmp").write_text("{}")
        (store.root / "notes.txt").write_text("")
        (store.root / "folder.json").mkdir()
        assert store.exercise_ids() == ["alpha_2", "broken", "zeta"]

    def test_schema_for_other_exercise(self, store: AnswerStore) -> None:
        with pytest.raises(ValueError, match="The schema is for exercise 'loan_cost', not 'x'."):
            store.save("x", {}, LOAN)
        with pytest.raises(ValueError, match="The schema is for exercise 'loan_cost', not 'x'."):
            store.load("x", LOAN)


class TestValidation:
    @pytest.mark.parametrize(
        ("values", "message"),
        [
            ({"monthly_payment": True}, "Field 'monthly_payment' must be a number (got True)."),
            ({"monthly_payment": None, "months": 0}, "Field 'months' must be at least 1 (got 0)."),
            (
                {"monthly_payment": float("nan")},
                "Field 'monthly_payment' must be a finite number (got nan).",
            ),
            (
                {"monthly_payment": float("-inf")},
                "Field 'monthly_payment' must be a finite number (got -inf).",
            ),
            ({"months": 12.5}, "Field 'months' must be a whole number (got 12.5)."),
            ({"months": 2**63}, "Field 'months' is too large a number to save (got 9223372036854775808)."),
            ({"read_contract": "yes"}, "Field 'read_contract' must be true or false (got 'yes')."),
            (
                {"lender": "Bank"},
                "Field 'lender' must be one of 'bank', 'mfi', 'family' (got 'Bank').",
            ),
            ({"lender": None, "notes": b"x"}, "Field 'notes' must be text (got b'x')."),
            ({1: 2}, "Field names must be non-empty text (got 1)."),
            ({"": 2}, "Field names must be non-empty text (got '')."),
            (
                {"notes": "\ud800"},
                "Field 'notes' contains characters that cannot be saved (got '\\ud800').",
            ),
        ],
    )
    def test_schema_messages(
        self, store: AnswerStore, values: dict[object, object], message: str
    ) -> None:
        with pytest.raises(InvalidAnswer) as info:
            store.save("loan_cost", values, LOAN)  # type: ignore[arg-type]
        assert str(info.value) == message
        assert not store.root.exists()

    @pytest.mark.parametrize(
        ("values", "message"),
        [
            ({"a": [1]}, "Field 'a' must be a number, text, true/false or empty (got [1])."),
            ({"a": {"b": 1}}, "Field 'a' must be a number, text, true/false or empty (got {'b': 1})."),
            ({"a": float("inf")}, "Field 'a' must be a finite number (got inf)."),
            (
                {"a": 10**400},
                "Field 'a' is too large a number to save (got 1" + "0" * 58 + "\u2026).",
            ),
            (
                {"a": 10**5000},
                "Field 'a' is too large a number to save (got a number too long to show).",
            ),
            (
                {"a": "é" * 2001},
                "Field 'a' must be at most 2000 characters long (got 2001 characters).",
            ),
            ({"a": object}, "Field 'a' must be a number, text, true/false or empty (got <class 'object'>)."),
        ],
    )
    def test_free_messages(
        self, store: AnswerStore, values: dict[str, object], message: str
    ) -> None:
        with pytest.raises(InvalidAnswer) as info:
            store.save("free", values)  # type: ignore[arg-type]
        assert str(info.value) == message

    def test_not_a_mapping(self, store: AnswerStore) -> None:
        with pytest.raises(InvalidAnswer) as info:
            store.save("free", [("a", 1)])  # type: ignore[arg-type]
        assert str(info.value) == (
            "The answer values must be a mapping of field names to values (got list)."
        )

    def test_bool_is_not_a_number(self) -> None:
        spec = FieldSpec("rate", "number")
        for bad in (True, False):
            with pytest.raises(InvalidAnswer):
                spec.validate(bad)
        assert spec.validate(1) == 1.0 and type(spec.validate(1)) is float

    def test_bounds_inclusive(self) -> None:
        spec = FieldSpec("rate", "number", minimum=0, maximum=1)
        assert spec.validate(0) == 0.0
        assert spec.validate(1) == 1.0
        with pytest.raises(InvalidAnswer, match=r"must be at most 1 \(got 1.01\)"):
            spec.validate(1.01)
        with pytest.raises(InvalidAnswer, match=r"must be at least 0 \(got -0.5\)"):
            spec.validate(-0.5)

    def test_integer_accepts_whole_float(self) -> None:
        spec = FieldSpec("months", "integer")
        assert spec.validate(12.0) == 12 and type(spec.validate(12.0)) is int

    def test_choice(self) -> None:
        spec = FieldSpec("lender", "choice", choices=["bank", "mfi"])  # type: ignore[arg-type]
        assert spec.choices == ("bank", "mfi")
        assert spec.validate("bank") == "bank"
        with pytest.raises(InvalidAnswer):
            spec.validate("BANK")

    def test_schema_field_lookup(self) -> None:
        assert LOAN.field("months").kind == "integer"
        with pytest.raises(KeyError):
            LOAN.field("nope")
        assert LOAN.field_names[0] == "monthly_payment"

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"name": "", "kind": "text"},
            {"name": "a", "kind": "float"},
            {"name": "a", "kind": "choice"},
            {"name": "a", "kind": "choice", "choices": "ab"},
            {"name": "a", "kind": "choice", "choices": ("x", "x")},
            {"name": "a", "kind": "text", "choices": ("x",)},
            {"name": "a", "kind": "text", "minimum": 0},
            {"name": "a", "kind": "number", "minimum": 2, "maximum": 1},
            {"name": "a", "kind": "number", "minimum": float("nan")},
            {"name": "a", "kind": "text", "max_length": 0},
            {"name": "a", "kind": "text", "max_length": 2001},
        ],
    )
    def test_bad_field_specs(self, kwargs: dict[str, object]) -> None:
        with pytest.raises(ValueError):
            FieldSpec(**kwargs)  # type: ignore[arg-type]

    def test_bad_schemas(self) -> None:
        with pytest.raises(UnsafeExerciseId):
            ExerciseSchema("Bad", ())
        with pytest.raises(ValueError, match="two fields named 'a'"):
            ExerciseSchema("ok", (FieldSpec("a", "text"), FieldSpec("a", "number")))
        with pytest.raises(ValueError):
            ExerciseSchema("ok", FieldSpec("a", "text"))  # type: ignore[arg-type]


# ------------------------------------------------------------------ properties

field_names = st.text(min_size=1, max_size=30)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=2000),
)
answer_values = st.dictionaries(field_names, scalars, max_size=15)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=answer_values)
def test_round_trip_any_valid_values(tmp_path: Path, values: dict[str, object]) -> None:
    store = AnswerStore(tmp_path / "answers")
    saved = store.save("prop", values)
    loaded = store.load("prop")
    assert loaded.status is AnswerStatus.SAVED, loaded.problem
    assert dict(loaded.values) == values
    for name, value in values.items():
        assert type(loaded.values[name]) is type(value)
        if isinstance(value, float):
            assert math.copysign(1, loaded.values[name]) == math.copysign(1, value)
    assert loaded == saved


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_load_never_raises(tmp_path: Path, content: bytes) -> None:
    store = AnswerStore(tmp_path / "answers")
    write_raw(store, "prop", content)
    answer = store.load("prop", ExerciseSchema("prop", LOAN.fields))
    assert answer.status in (AnswerStatus.SAVED, AnswerStatus.CORRUPT)
    if answer.status is AnswerStatus.CORRUPT:
        assert answer.problem and answer.problem.startswith("The answer file 'prop.json' ")
        assert "\n" not in answer.problem


class TestMemoryStore:
    """The kiosk's store for anonymous visitors: the same rules, nothing on disk."""

    def test_validates_like_the_file_store(self):
        store = MemoryAnswerStore()
        schema = ExerciseSchema("loan_cost", (FieldSpec("monthly_payment", "number", minimum=0),))
        with pytest.raises(InvalidAnswer):
            store.save("loan_cost", {"monthly_payment": -1}, schema)
        assert store.load("loan_cost", schema).status is AnswerStatus.MISSING
        store.save("loan_cost", {"monthly_payment": 43}, schema)
        assert store.load("loan_cost", schema).values == {"monthly_payment": 43.0}
        assert store.exercise_ids() == ["loan_cost"]

    def test_refuses_unsafe_ids_and_writes_nothing(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        store = MemoryAnswerStore()
        with pytest.raises(UnsafeExerciseId):
            store.save("../escape", {"x": 1})
        store.save("ok", {"x": 1})
        assert not store.root.exists() and list(tmp_path.iterdir()) == []

    def test_each_store_is_its_own(self):
        first, second = MemoryAnswerStore(), MemoryAnswerStore()
        first.save("ok", {"x": 1})
        assert second.load("ok").status is AnswerStatus.MISSING
