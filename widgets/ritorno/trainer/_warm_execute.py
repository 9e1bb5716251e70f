"""nbgrader's ``Execute`` step on the grading worker's warm kernel, for `ritorno trainer grade` only.

Plain ``nbgrader autograde`` keeps its fresh kernel per notebook: only
:func:`warm_kernel_config` (used by the trainer's grading workers) swaps
``Execute`` for :class:`WarmExecute`, and every other step of nbgrader's
autograde stays in place.
"""
from __future__ import annotations

import atexit
import functools
from pathlib import Path
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from nbclient.util import run_hook, run_sync
from nbformat import NotebookNode
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute
from traitlets.config import Config

from ._warm_kernel import WarmKernel

__all__ = ["WarmExecute", "warm_kernel_config", "worker_kernel"]


@functools.cache
def worker_kernel() -> WarmKernel:
    """The warm kernel of this process (nbgrader builds a new preprocessor for every notebook)."""
    kernel = WarmKernel()
    atexit.register(kernel.retire)  # the kernel ends with the grading worker
    return kernel


class WarmExecute(Execute):
    """Run a notebook on :func:`worker_kernel` instead of a new kernel.

    nbclient does not shut down a kernel manager it was given, so the kernel
    outlives the notebook. A cell that timed out or a kernel that failed leaves
    it in doubt: it is then replaced before the next notebook.
    """

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> tuple[NotebookNode, Any]:
        kernel = worker_kernel()
        folder = Path((resources or {}).get("metadata", {}).get("path") or ".")
        name = self.kernel_name or nb.metadata.get("kernelspec", {}).get("name") or "python3"
        self._timed_out = False
        try:
            return super().preprocess(nb, resources, km=kernel.ready_for(folder, name))
        except BaseException:
            kernel.retire()
            raise
        finally:
            self.kc = None  # the warm kernel's client: it stays connected for the next notebook
            if self._timed_out:
                kernel.retire()

    async def async_start_new_kernel_client(self) -> AsyncKernelClient:
        # nbclient's own version connects a new client and waits for it; the warm one is ready
        self.kc = worker_kernel().client
        assert self.kc is not None
        self.kc.allow_stdin = False
        await run_hook(self.on_notebook_start, notebook=self.nb)
        return self.kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    async def _async_handle_timeout(self, timeout: int, cell: NotebookNode | None = None) -> None | dict[str, Any]:
        self._timed_out = True
        return await super()._async_handle_timeout(timeout, cell)


def warm_kernel_config(config: Config) -> Config:
    """``config`` with nbgrader's autograde steps, ``Execute`` replaced by :class:`WarmExecute`."""
    steps = list(Autograde.class_traits()["autograde_preprocessors"].default())
    if Execute not in steps:  # a newer nbgrader changed its steps: better fail than grade without them
        raise RuntimeError(f"nbgrader's autograde steps have no Execute to replace: {steps}")
    config.Autograde.autograde_preprocessors = [WarmExecute if step is Execute else step for step in steps]
    return config
