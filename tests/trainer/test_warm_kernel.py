"""The grading workers' warm kernel: trainees kept apart, and a kernel in doubt replaced."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_notebook

from ritorno.trainer._warm_execute import WarmExecute, worker_kernel
from ritorno.trainer._warm_kernel import WarmKernel


@pytest.fixture
def kernel() -> Iterator[WarmKernel]:
    """This process's warm kernel, shut down after the test."""
    worker_kernel.cache_clear()
    kernel = worker_kernel()
    yield kernel
    kernel.retire()
    worker_kernel.cache_clear()


def _folder(tmp_path: Path, trainee: str, answers: dict[str, dict] | None = None) -> Path:
    folder = tmp_path / trainee
    (folder / "answers").mkdir(parents=True)
    for exercise_id, values in (answers or {}).items():
        (folder / "answers" / f"{exercise_id}.json").write_text(json.dumps(values), encoding="utf-8")
    return folder


def _run(folder: Path, *sources: str, timeout: int = 30) -> list[str]:
    """Run a notebook of ``sources`` in ``folder`` with WarmExecute; the text each cell printed."""
    notebook = new_notebook(cells=[new_code_cell(source) for source in sources],
                            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    executed, _resources = WarmExecute(timeout=timeout).preprocess(notebook, {"metadata": {"path": str(folder)}})
    return [_printed(cell) for cell in executed.cells]


def _printed(cell: NotebookNode) -> str:
    texts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            texts.append(output.text)
        elif output.output_type == "error":
            texts.append(output.ename)
        elif "text/plain" in output.get("data", {}):
            texts.append(output.data["text/plain"])
    return "".join(texts).strip()


PROBE = ("import os, ritorno.answers",
         "print(os.getcwd())",
         "print(sorted(name for name in globals() if not name.startswith('_') and name not in "
         "('In', 'Out', 'get_ipython', 'exit', 'quit', 'open', 'os', 'ritorno')))",
         "print(sorted(path.name for path in ritorno.answers.AnswerStore.beside_notebook().root.iterdir()))",
         "print(os.environ.get('NBGRADER_EXECUTION'))")


def test_nothing_passes_from_one_trainee_to_the_next(kernel: WarmKernel, tmp_path: Path) -> None:
    ada = _folder(tmp_path, "ada", {"m09_afford": {}})
    bob = _folder(tmp_path, "bob")
    assert _run(ada, "secret = 'ada'", "import json as leaked_module", "41 + 1")[2] == "42"
    _cwd, cwd, names, answers, grading = _run(bob, *PROBE)
    assert cwd == str(bob.resolve()), "the kernel works in bob's folder"
    assert names == "[]", "names defined while grading ada are gone"
    assert answers == "[]", "bob's answers are read from bob's folder, which has none"
    assert grading == "autograde"
    assert kernel.starts == 1, "both ran on the same warm kernel"


def test_cells_are_numbered_from_one_on_a_reused_kernel(kernel: WarmKernel, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "ada")
    notebook = new_notebook(cells=[new_code_cell("1"), new_code_cell("2")],
                            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    for _submission in range(2):
        executed, _resources = WarmExecute().preprocess(notebook, {"metadata": {"path": str(folder)}})
        assert [cell.execution_count for cell in executed.cells] == [1, 2]
    assert kernel.starts == 1


def test_a_cell_that_times_out_gets_a_new_kernel_for_the_next_submission(kernel: WarmKernel, tmp_path: Path) -> None:
    ada, bob = _folder(tmp_path, "ada"), _folder(tmp_path, "bob")
    printed = _run(ada, "import time\nwhile True: time.sleep(0.1)", "print('after')", timeout=2)
    assert "CellTimeoutError" in printed[0]
    assert kernel.manager is None, "a kernel that timed out is not reused"
    assert _run(bob, *PROBE)[1:] == [str(bob.resolve()), "[]", "[]", "autograde"]
    assert kernel.starts == 2


def test_a_kernel_that_dies_during_a_submission_is_replaced(kernel: WarmKernel, tmp_path: Path) -> None:
    ada, bob = _folder(tmp_path, "ada"), _folder(tmp_path, "bob")
    with pytest.raises(Exception, match="Kernel died"):
        _run(ada, "import os\nos._exit(1)")
    assert kernel.manager is None
    assert _run(bob, *PROBE)[1:] == [str(bob.resolve()), "[]", "[]", "autograde"]
    assert kernel.starts == 2


def test_a_kernel_that_died_between_submissions_is_replaced(kernel: WarmKernel, tmp_path: Path) -> None:
    ada, bob = _folder(tmp_path, "ada"), _folder(tmp_path, "bob")
    _run(ada, "x = 1")
    assert kernel.manager is not None
    kernel.manager.provisioner.process.kill()
    kernel.manager.provisioner.process.wait()
    assert _run(bob, *PROBE)[1:] == [str(bob.resolve()), "[]", "[]", "autograde"]
    assert kernel.starts == 2


def test_a_kernel_whose_reset_fails_is_replaced(kernel: WarmKernel, tmp_path: Path) -> None:
    ada, bob = _folder(tmp_path, "ada"), _folder(tmp_path, "bob")
    _run(ada, "import os\nos.chdir = None")  # the reset changes directory: it fails on this kernel
    assert _run(bob, *PROBE)[1:] == [str(bob.resolve()), "[]", "[]", "autograde"]
    assert kernel.starts == 2


def test_a_kernel_is_replaced_after_max_uses(tmp_path: Path) -> None:
    kernel = WarmKernel(max_uses=2)
    try:
        pids = []
        for _submission in range(5):
            manager = kernel.ready_for(tmp_path)
            pids.append(manager.provisioner.process.pid)
        assert kernel.starts == 3
        assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]
    finally:
        kernel.retire()
    assert kernel.manager is None and kernel.client is None
