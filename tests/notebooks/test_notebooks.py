"""Every notebook runs top to bottom in a fresh kernel, clean, and is committed clean."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import REPO_ROOT

NOTEBOOKS = sorted(REPO_ROOT.glob("course/*.ipynb")) + sorted(REPO_ROOT.glob("exercises/*/*.ipynb")) \
    + sorted(REPO_ROOT.glob("solutions/*/*.ipynb"))


def _id(path: Path) -> str:
    return str(path.relative_to(REPO_ROOT))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_committed_clean(path: Path) -> None:
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{_id(path)} has outputs: commit it clean"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_runs_clean_in_a_fresh_kernel(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    notebook = nbformat.read(copy, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"{_id(path)}: {output.get('ename')}: {output.get('evalue')}"
            assert not (output["output_type"] == "stream" and output["name"] == "stderr"), \
                f"{_id(path)} wrote to stderr: {output['text'][:300]}"
    widgets_shown = [output for cell in notebook.cells for output in cell.get("outputs", [])
                     if "application/vnd.jupyter.widget-view+json" in output.get("data", {})]
    assert widgets_shown, f"{_id(path)} shows no widget"
