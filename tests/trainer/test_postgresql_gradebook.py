"""The cohort workflow once against a real PostgreSQL gradebook (started here, on loopback)."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from .conftest import MODULE, RIGHT, run_trainer, write_answers


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        pytest.fail("PostgreSQL is missing: `make test` installs Debian's postgresql package")
    return found


def _as_server_user(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: use Debian's postgres account then
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """URL of a fresh PostgreSQL server in a temporary data directory."""
    # not under pytest's tmp folder: that one is private to root, and the server runs as postgres
    data = Path(tempfile.mkdtemp(prefix="ritorno-pgdata-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run(_as_server_user([_pg_bin("initdb"), "-D", str(data), "--auth=trust", "-U", "ritorno"]),
                   check=True, capture_output=True)
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    subprocess.run(_as_server_user([_pg_bin("pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                                    str(data / "server.log"), "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://ritorno@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([_pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]), capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def test_cohort_workflow_on_postgresql(postgres: str, tmp_path: Path) -> None:
    cohort = tmp_path / "cohort"
    run_trainer(["init", str(cohort), "--db", postgres])
    assert not (cohort / "gradebook.db").exists()
    trainees = tmp_path / "trainees.csv"
    trainees.write_text("id,first_name,last_name,email\nada,Ada,Mensah,\nbob,Bob,Diallo,\n", encoding="utf-8")
    run_trainer(["add-trainees", str(cohort), str(trainees)])
    inbox = tmp_path / "inbox"
    write_answers(inbox, "ada", RIGHT)
    write_answers(inbox, "bob", {"m09_true_cost": RIGHT["m09_true_cost"]})
    run_trainer(["collect", str(cohort), str(inbox)])
    run_trainer(["grade", str(cohort), "--jobs", "2"])
    with Gradebook(postgres, course_id="ritorno") as gradebook:
        scores = {item.student.id: item.score for item in gradebook.find_assignment(MODULE).submissions}
    assert scores == {"ada": 9.0, "bob": 4.0}
    run_trainer(["export", str(cohort), "--csv", str(tmp_path / "scores.csv")])
    assert "ada,09_understanding_microcredit,9,9" in (tmp_path / "scores.csv").read_text(encoding="utf-8")
