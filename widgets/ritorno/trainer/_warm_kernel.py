"""One Python kernel kept running across the submissions a grading worker grades.

Starting a kernel and importing the course into it cost more CPU than grading a
submission; a warm kernel pays that once per worker. Before each submission the
kernel gets a fresh user namespace and the submission's folder as its working
directory (answers are read from ``answers/`` there), so trainees stay apart.
It is replaced when it died, when its reset failed, when its kernel name is not
the notebook's, and after ``max_uses`` submissions, so nothing accumulates.
"""
from __future__ import annotations

import os
from pathlib import Path
from queue import Empty
from time import monotonic

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

__all__ = ["WarmKernel", "KernelResetFailed"]

# the grading environment stays set whatever ran before; `reset(new_session=True)` empties the user
# namespace, the output history and `_`, and numbers cells from 1 again as in a fresh kernel
_RESET = """\
__import__("os").chdir({folder!r})
__import__("os").environ["NBGRADER_EXECUTION"] = "autograde"
get_ipython().reset(new_session=True)
"""


class KernelResetFailed(RuntimeError):
    """A kernel could not be made ready for the next submission (it was shut down)."""


class WarmKernel:
    """A kernel and one client connected to it, reused for up to ``max_uses`` submissions.

    ``startup_timeout`` bounds a kernel's start and each reset, in seconds. The
    client stays connected too: a new client costs a round of ``kernel_info``
    requests and waits for its IOPub subscription on every submission.
    """

    def __init__(self, max_uses: int = 50, startup_timeout: float = 60) -> None:
        self.max_uses = max_uses
        self.startup_timeout = startup_timeout
        self.manager: AsyncKernelManager | None = None
        self.client: AsyncKernelClient | None = None
        self.uses = 0
        self.starts = 0  # kernels started so far, for tests and benchmarks

    def ready_for(self, folder: Path, kernel_name: str = "python3") -> AsyncKernelManager:
        """The manager of a running kernel with a fresh namespace, working in ``folder``.

        A kernel that cannot be reset is replaced once; :class:`KernelResetFailed`
        if a new kernel cannot be reset either.
        """
        folder = Path(folder).resolve()
        if self.manager is not None and (self.uses >= self.max_uses or self.manager.kernel_name != kernel_name
                                         or not run_sync(self.manager.is_alive)()):
            self.retire()
        problem: Exception | None = None
        for _attempt in range(2):
            try:
                if self.manager is None:
                    run_sync(self._start)(folder, kernel_name)
                run_sync(self._reset)(folder)
            except Exception as failure:  # noqa: BLE001 - whatever failed, this kernel cannot be trusted
                self.retire()
                problem = failure
                continue
            self.uses += 1
            assert self.manager is not None
            return self.manager
        raise KernelResetFailed(f"no kernel could be prepared for {folder}: {problem}")

    def retire(self) -> None:
        """Shut the kernel down now; the next submission starts a new one."""
        manager, client = self.manager, self.client
        self.manager, self.client, self.uses = None, None, 0
        if client is not None:
            client.stop_channels()
        if manager is not None:
            run_sync(self._shutdown)(manager)

    async def _start(self, folder: Path, kernel_name: str) -> None:
        manager = AsyncKernelManager(kernel_name=kernel_name)
        environment = {**os.environ, "NBGRADER_EXECUTION": "autograde"}
        # history in memory, as nbclient gives its own kernels: nothing written to disk
        await manager.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"], env=environment,
                                   cwd=str(folder))
        self.manager, self.uses = manager, 0
        self.starts += 1
        self.client = manager.client()
        self.client.start_channels()
        await self.client.wait_for_ready(timeout=self.startup_timeout)

    async def _reset(self, folder: Path) -> None:
        assert self.manager is not None and self.client is not None
        msg_id = self.client.execute(_RESET.format(folder=str(folder)), silent=True, store_history=False,
                                     allow_stdin=False)
        deadline = monotonic() + self.startup_timeout
        while monotonic() < deadline:
            try:
                reply = await self.client.get_shell_msg(timeout=1)
            except Empty:
                if not await self.manager.is_alive():
                    raise KernelResetFailed("the kernel died") from None
                continue
            if reply["parent_header"].get("msg_id") != msg_id:
                continue  # a late reply to the previous notebook
            if reply["content"]["status"] != "ok":
                raise KernelResetFailed(f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")
            return
        raise KernelResetFailed(f"no answer to the reset in {self.startup_timeout:g} s")

    @staticmethod
    async def _shutdown(manager: AsyncKernelManager) -> None:
        try:
            if await manager.is_alive():
                await manager.shutdown_kernel(now=True)
        finally:
            await manager.cleanup_resources()
