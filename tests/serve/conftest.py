"""Start the real `ritorno serve` (standalone Voila) on a free port, like `make run` does."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Base URL of a running course server and its workspace folder."""
    workspace = tmp_path_factory.mktemp("workspace")
    port = _free_port()
    log = open(workspace.parent / "serve.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "ritorno", "serve", "--no-browser", f"--port={port}", f"--workspace={workspace}"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url + "/", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("ritorno serve did not start: " + (workspace.parent / "serve.log").read_text())
            time.sleep(0.3)
        yield url, workspace
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
