"""`ritorno kiosk`: standalone Voila, hardened for strangers at a shared terminal.

Voila's handlers are kept by allow-list: static assets, themes, the widget manager,
and the kernel channels (behind the visitor's session). No tree, no files, no contents
API, no login pages, no JupyterLab. The settings that matter for safety are fixed here,
not left to flags: sources stripped, no tracebacks, no template or theme from the URL,
idle and connected kernels culled.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import tornado.ioloop
import tornado.web
from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.utils import url_path_join
from jupyterlab_server.themes_handler import ThemesHandler
from traitlets import Any, Float, Unicode
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.static_file_handler import MultiStaticFileHandler, TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from ..curriculum import module_by_number
from ..serve import prepare_workspace
from ..ui import SESSION_HEADER
from ..ui._session import KIOSK_ENV
from ._handlers import (KIOSK_CSP, BarHandler, EndSessionHandler, HomeHandler, KioskAppHandler, KioskKernelHandler,
                        KioskKernelWebsocketHandler, KioskShutdownKernelHandler, KioskTemplateStaticHandler, LoopbackRequestInfoHandler,
                        PreferencesHandler, SignInHandler)
from ._sessions import SessionRegistry
from ._state import Kiosk

__all__ = ["KioskSettings", "KioskVoila", "kiosk_argv", "run_kiosk"]

TEMPLATE_DIR = Path(__file__).resolve().parent / "template"
STATIC_DIR = Path(__file__).resolve().parent / "static"
#: The apps most visitors open first: their kernels are started before anyone asks.
DEFAULT_PREHEATED = (module_by_number(1).lesson_path, module_by_number(9).lesson_path)

_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")
# Voila's handlers the kiosk keeps, and the guarded subclass that replaces each kernel handler
_KEPT = (MultiStaticFileHandler, ThemesHandler, FileFindHandler)
_GUARDED = {
    TemplateStaticFileHandler: KioskTemplateStaticHandler,
    VoilaKernelWebsocketHandler: KioskKernelWebsocketHandler,
    KernelHandler: KioskKernelHandler,
    VoilaShutdownKernelHandler: KioskShutdownKernelHandler,
    RequestInfoSocketHandler: LoopbackRequestInfoHandler,
}


@dataclass(frozen=True)
class KioskSettings:
    """What the person setting up the terminal chooses (``ritorno kiosk --help``)."""

    port: int = 8866
    ip: str = "127.0.0.1"
    data_dir: Path = Path("kiosk-data")
    max_sessions: int = 10
    idle_minutes: float = 5.0  # then "are you still there?" for a quarter of it, at most 30 s
    language: str = "en"
    roster: frozenset[str] | None = None
    preheated: tuple[str, ...] = DEFAULT_PREHEATED
    pool_size: int = 1
    open_browser: bool = False


class KioskVoila(Voila):
    """Voila with the kiosk's pages in front and only an allow-list of Voila's own handlers."""

    kiosk = Any(help="The kiosk's shared state (set by run_kiosk).")
    language = Unicode("en").tag(config=True)
    sweep_seconds = Float(15.0, help="How often seats of closed pages and idle visitors are looked at.").tag(config=True)

    def setup_template_dirs(self) -> None:
        super().setup_template_dirs()
        # our index.html.j2 first: it extends Voila's lab template with the kiosk bar
        self.template_paths.insert(0, str(TEMPLATE_DIR))

    def init_handlers(self) -> list:
        state = {"kiosk": self.kiosk}
        kept = []
        for pattern, handler, *options in super().init_handlers():
            if handler in _GUARDED:
                kwargs = dict(options[0]) if options else {}
                if handler not in (RequestInfoSocketHandler, TemplateStaticFileHandler):
                    kwargs.update(state)
                kept.append((pattern, _GUARDED[handler], kwargs))
            elif handler in _KEPT and "/voila/files/" not in pattern:
                kept.append((pattern, handler, *options))
            elif handler is TornadoVoilaHandler and "/voila/render/" in pattern:
                kept.append((pattern, KioskAppHandler, {**options[0], **state}))
        page = lambda route: url_path_join(self.server_url, route)  # noqa: E731
        return [
            (page(r"/?"), HomeHandler, state),
            (page(r"/kiosk/preferences"), PreferencesHandler, state),
            (page(r"/kiosk/sign-in"), SignInHandler, state),
            (page(r"/kiosk/end"), EndSessionHandler, state),
            (page(r"/kiosk/bar"), BarHandler, state),
            (page(r"/kiosk/static/(kiosk\.js)"), tornado.web.StaticFileHandler, {"path": str(STATIC_DIR)}),
            *kept,
        ]

    def init_settings(self) -> dict:
        settings = super().init_settings()
        self.kiosk.kernel_manager = self.kernel_manager  # Voila makes it here
        tornado.ioloop.PeriodicCallback(self._sweep, self.sweep_seconds * 1000).start()
        return settings

    async def _sweep(self) -> None:
        """Free the seats of closed pages and culled kernels; end the sessions of visitors gone quiet."""
        manager, registry = self.kernel_manager, self.kiosk.registry
        alive = set(manager.list_kernel_ids())
        registry.reconcile(alive)
        # Voila keeps each preheated page's request for a kernel that never asks for it (ours do not)
        for kernel_id in [kernel for kernel in RequestInfoSocketHandler._cache if kernel not in alive]:
            del RequestInfoSocketHandler._cache[kernel_id]
        quiet_since = time.time() - registry.idle_seconds
        for session in registry.idle_sessions():
            busy = [kernel for kernel in session.kernels if kernel in manager
                    and manager.get_kernel(kernel).last_activity.timestamp() > quiet_since]
            if not busy:
                await self.kiosk.shut_down(registry.forget(session))


def kiosk_argv(workspace: Path, settings: KioskSettings) -> list[str]:
    """The Voila settings of a kiosk (fixed: they are what makes it safe)."""
    idle_seconds = int(settings.idle_minutes * 60)
    pools = {"default": {"pool_size": 0}}
    pools.update({notebook: {"pool_size": settings.pool_size} for notebook in settings.preheated})
    return [
        str(workspace),
        f"--port={settings.port}",
        f"--Voila.ip={settings.ip}",
        f"--Voila.open_browser={settings.open_browser}",
        "--Voila.port_retries=0",
        f"--Voila.tornado_settings={{'headers': {{'Content-Security-Policy': \"{KIOSK_CSP}\"}}}}",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        "--VoilaConfiguration.file_allowlist=[]",
        # the widget managers only: nbgrader's and the notebook's lab extensions fail outside JupyterLab
        f"--VoilaConfiguration.extension_allowlist={list(_EXTENSIONS)!r}",
        f"--VoilaConfiguration.http_header_envs=['{SESSION_HEADER}']",
        "--VoilaConfiguration.preheat_kernel=True",
        f"--VoilaKernelManager.kernel_pools_config={pools!r}",
        "--VoilaKernelManager.fill_delay=0",
        f"--MappingKernelManager.cull_idle_timeout={idle_seconds}",
        "--MappingKernelManager.cull_interval=30",
        "--MappingKernelManager.cull_connected=True",
        f"--KioskVoila.language={settings.language}",
        f"--KioskVoila.sweep_seconds={min(15.0, idle_seconds / 4)}",
    ]


def run_kiosk(settings: KioskSettings, source: Path | None = None) -> None:
    """Serve the kiosk until interrupted (blocks). The workspace is a fresh copy, removed at exit."""
    workspace = prepare_workspace(Path(tempfile.mkdtemp(prefix="ritorno-kiosk-")), source)
    data_dir = Path(settings.data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ[KIOSK_ENV] = "1"  # every kernel inherits it: widgets read their visitor's session
    os.environ["RITORNO_LANGUAGE"] = settings.language
    kiosk = Kiosk(workspace=workspace, data_dir=data_dir, language=settings.language, roster=settings.roster,
                  registry=SessionRegistry(settings.max_sessions, settings.idle_minutes * 60),
                  warn_seconds=min(30.0, settings.idle_minutes * 60 / 4),
                  apps=Kiosk.app_paths(workspace))
    try:
        KioskVoila.launch_instance(argv=kiosk_argv(workspace, settings), kiosk=kiosk)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
