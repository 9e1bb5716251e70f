"""A cohort made by the real `ritorno trainer` commands, and a way to run them like nbgrader's run_nbgrader."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ritorno.cli import main

MODULE = "09_understanding_microcredit"
RIGHT = {
    "m09_afford": {"net_income": 270_000.0, "instalment": 91_680.0, "income_share": 0.34,
                   "stressed_surplus": 60_000.0, "decision": "no"},
    "m09_true_cost": {"apr_a": 0.266, "apr_b": 0.286, "cheaper": "A", "above_cap": "both"},
}


def run_trainer(args: list[str], retcode: int = 0) -> Result:
    """Run `ritorno trainer ARGS` and check its exit code."""
    result = CliRunner().invoke(main, ["trainer", *args], catch_exceptions=False)
    assert result.exit_code == retcode, f"exit {result.exit_code}, expected {retcode}:\n{result.output}"
    return result


def answer_json(exercise_id: str, values: dict) -> str:
    return json.dumps({"schema_version": 1, "exercise_id": exercise_id, "saved_at": "2026-11-24T10:00:00+00:00",
                       "values": values})


def write_answers(root: Path, trainee: str, answers: dict[str, dict], module: str = MODULE) -> Path:
    folder = root / trainee / module / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    for exercise_id, values in answers.items():
        (folder / f"{exercise_id}.json").write_text(answer_json(exercise_id, values), encoding="utf-8")
    return folder


def zip_folder(folder: Path, archive: Path, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                bundle.write(path, path.relative_to(folder).as_posix())
        for name, content in (extra or {}).items():
            bundle.writestr(name, content)
    return archive


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """An initialised cohort with four trainees."""
    directory = tmp_path / "cohort"
    run_trainer(["init", str(directory)])
    trainees = tmp_path / "trainees.csv"
    trainees.write_text("id,first_name,last_name,email\nada,Ada,Mensah,ada@example.org\nbob,Bob,Diallo,\n"
                        "cleo,Cleo,Quispe,cleo@example.org\ndan,Dan,Ben Salah,\n", encoding="utf-8")
    run_trainer(["add-trainees", str(directory), str(trainees)])
    return directory
