"""Start the real `ritorno kiosk` on a free port, as a training centre would."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from ..serve.conftest import _free_port

APP = "course/09_understanding_microcredit.ipynb"
EXERCISE = "exercises/09_understanding_microcredit/09_understanding_microcredit.ipynb"


@dataclass
class KioskServer:
    url: str
    data_dir: Path
    scratch: Path  # the kiosk's TMPDIR: its workspace lives here
    log: Path
    process: subprocess.Popen
    max_sessions: int

    def kernel_processes(self) -> list[int]:
        """Pids of the kernels the kiosk runs (its child processes)."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the process ended meanwhile
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def app(self, path: str = APP) -> str:
        return f"{self.url}/voila/render/{path}"


def start_kiosk(base: Path, *, max_sessions: int = 3, idle_minutes: float = 5.0, extra: tuple[str, ...] = ()) -> KioskServer:
    data_dir, scratch = base / "kiosk-data", base / "tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log_path = base / "kiosk.log"
    log = open(log_path, "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "ritorno", "kiosk", f"--port={port}", f"--data-dir={data_dir}",
         f"--max-sessions={max_sessions}", f"--idle-minutes={idle_minutes}", *extra],
        stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1", "TMPDIR": str(scratch)},
    )
    server = KioskServer(f"http://127.0.0.1:{port}", data_dir, scratch, log_path, process, max_sessions)
    deadline = time.monotonic() + 90
    # ready when the home page answers and the preheated kernels are rendered
    while not (_answers(server.url) and len(re.findall(r"Kernel pool of .* is filled", log_path.read_text())) >= 2):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_kiosk(server)
            raise RuntimeError("ritorno kiosk did not start: " + log_path.read_text())
        time.sleep(0.3)
    return server


def _answers(url: str) -> bool:
    try:
        return requests.get(url + "/", timeout=2).status_code == 200
    except requests.ConnectionError:
        return False


def stop_kiosk(server: KioskServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskServer]:
    server = start_kiosk(tmp_path_factory.mktemp("kiosk"))
    yield server
    stop_kiosk(server)
