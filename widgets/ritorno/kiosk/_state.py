"""What every kiosk handler shares: the visitors, the course, where trainees' work goes."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..curriculum import LESSONS_FOLDER
from ..ui import SESSION_HEADER
from ._sessions import KioskSession, SessionRegistry

__all__ = ["Kiosk", "COOKIE", "SESSION_HEADER"]

COOKIE = "ritorno_kiosk"

log = logging.getLogger("ritorno.kiosk")


@dataclass
class Kiosk:
    """The kiosk's state, one per server."""

    workspace: Path
    data_dir: Path
    registry: SessionRegistry
    language: str = "en"
    roster: frozenset[str] | None = None
    warn_seconds: float = 30.0
    apps: frozenset[str] = field(default_factory=frozenset)
    kernel_manager: object = None

    @classmethod
    def app_paths(cls, workspace: Path) -> frozenset[str]:
        """The notebooks the kiosk serves as apps, relative to the workspace (nothing else is rendered)."""
        found = [*workspace.glob("course/*.ipynb"), *workspace.glob("exercises/*/*.ipynb")]
        return frozenset(path.relative_to(workspace).as_posix() for path in found)

    def answers_dir(self, session: KioskSession, app: str) -> Path | None:
        """Where the app saves this visitor's work: ``None`` (memory only) unless signed in.

        Exercises go to ``<data dir>/<code>/<module>/answers``, the layout `ritorno trainer
        collect` reads; lessons share ``<data dir>/<code>/course/answers`` so later modules
        reuse earlier work, as in Jupyter.
        """
        if session.trainee is None:
            return None
        parts = PurePosixPath(app).parts
        folder = parts[1] if parts[0] == "exercises" else LESSONS_FOLDER
        return self.data_dir / session.trainee / folder / "answers"

    def fits_preheated(self, session: KioskSession | None) -> bool:
        """True for the visitor a preheated page was rendered for: anonymous, kiosk language, no country."""
        return (session is not None and session.trainee is None and session.country is None
                and session.language == self.language)

    def session_header(self, session: KioskSession, app: str) -> str:
        """The JSON the app's kernel reads as its session (see ``ritorno.ui._session``)."""
        folder = self.answers_dir(session, app)
        return json.dumps({"language": session.language, "country": session.country,
                           "answers_dir": str(folder) if folder else None})

    async def shut_down(self, kernel_ids: list[str]) -> None:
        """Shut the kernels down now; a kernel already gone is no error."""
        for kernel_id in kernel_ids:
            try:
                if kernel_id in self.kernel_manager:
                    await self.kernel_manager.shutdown_kernel(kernel_id, now=True)
            except Exception:  # noqa: BLE001 - one stuck kernel must not keep the others alive
                log.warning("could not shut down kernel %s", kernel_id, exc_info=True)
