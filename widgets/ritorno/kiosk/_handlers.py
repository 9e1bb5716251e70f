"""The kiosk's request handlers: its own pages, and Voila's handlers behind the visitor's session.

Voila's kernel handlers are subclassed only to ask one question first: does this kernel
belong to the visitor asking? A visitor never reaches another visitor's kernel, even
knowing its id.
"""
from __future__ import annotations

import ipaddress

import tornado.web
from jupyter_core.utils import ensure_async
from jupyter_server.services.kernels.handlers import KernelHandler
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from ..countries import COUNTRY_CODES
from ..i18n import SUPPORTED_LANGUAGES, translator
from ._codes import TraineeCodeRefused, check_trainee_code
from ._pages import render_busy, render_home
from ._sessions import KioskSession
from ._state import COOKIE, SESSION_HEADER, Kiosk

__all__ = ["KIOSK_CSP", "HomeHandler", "PreferencesHandler", "SignInHandler", "EndSessionHandler", "BarHandler",
           "KioskAppHandler", "KioskKernelWebsocketHandler", "KioskKernelHandler", "KioskShutdownKernelHandler",
           "KioskTemplateStaticHandler", "LoopbackRequestInfoHandler"]

#: Nothing but the kiosk itself: no page can load or send anything elsewhere.
KIOSK_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
             "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


class _Visitor:
    """The visitor's session from the cookie, shared by the kiosk's handlers."""

    kiosk: Kiosk

    def initialize(self, kiosk: Kiosk, **kwargs) -> None:
        self.kiosk = kiosk
        super().initialize(**kwargs)

    def visitor(self) -> KioskSession | None:
        return self.kiosk.registry.get(self.get_cookie(COOKIE))

    def visitor_or_new(self) -> KioskSession:
        session = self.visitor()
        if session is None:
            session = self.kiosk.registry.new(self.kiosk.language)
            self.set_cookie(COOKIE, session.session_id, httponly=True, samesite="Strict", path="/")
        return session

    def no_store(self) -> None:
        # the next visitor's Back button must not bring back this page from the cache
        self.set_header("Cache-Control", "no-store")
        self.set_header("Pragma", "no-cache")


class _KioskPage(_Visitor, tornado.web.RequestHandler):
    def set_default_headers(self) -> None:
        self.set_header("Content-Security-Policy", KIOSK_CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")

    def home(self, session: KioskSession | None, message: str = "", status: int = 200, error: bool = True) -> None:
        self.set_status(status)
        self.no_store()
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(render_home(self.kiosk.workspace, session, self.kiosk.language, message=message,
                                message_is_error=error))

    def back_home(self) -> None:
        self.redirect("/", status=303)

    def write_error(self, status_code: int, **kwargs) -> None:
        session = self.visitor()
        _ = translator(session.language if session else self.kiosk.language).gettext
        self.home(session, _("That did not work. Please choose again."), status=status_code)


class HomeHandler(_KioskPage):
    def get(self) -> None:
        self.home(self.visitor())


class PreferencesHandler(_KioskPage):
    def post(self) -> None:
        language, country = self.get_body_argument("language", None), self.get_body_argument("country", None)
        if language not in SUPPORTED_LANGUAGES and country not in COUNTRY_CODES:
            raise tornado.web.HTTPError(400)
        session = self.visitor_or_new()
        if language in SUPPORTED_LANGUAGES:
            session.language = language
        if country in COUNTRY_CODES:
            session.country = country
        self.back_home()


class SignInHandler(_KioskPage):
    async def post(self) -> None:
        session = self.visitor_or_new()
        _ = translator(session.language).gettext
        try:
            code = check_trainee_code(self.get_body_argument("code", ""), self.kiosk.roster)
        except TraineeCodeRefused as refused:
            self.home(session, _(refused.message), status=400)
            return
        session.trainee = code
        # apps opened before signing in keep work in memory: close them so the next one saves
        await self.kiosk.shut_down(self.kiosk.registry.drop_kernels(session))
        self.back_home()


class EndSessionHandler(_KioskPage):
    async def post(self) -> None:
        session = self.visitor()
        if session is not None:
            await self.kiosk.shut_down(self.kiosk.registry.forget(session))
        self.clear_cookie(COOKIE, path="/")
        # the browser forgets what pages stored; its cache holds only the apps' public assets (pages are no-store)
        self.set_header("Clear-Site-Data", '"storage"')
        self.no_store()
        self.back_home()


class BarHandler(_KioskPage):
    """Labels and timings of the bar on every app page, in the visitor's language."""

    def get(self) -> None:
        session = self.visitor()
        _ = translator(session.language if session else self.kiosk.language).gettext
        self.no_store()
        self.finish({
            "home": _("Home"), "end": _("End session"),
            "still_there": _("Are you still there? Without a touch, this session ends in a moment and your screen is cleared."),
            "stay": _("Yes, I am still here"),
            "idle_ms": int(self.kiosk.registry.idle_seconds * 1000), "warn_ms": int(self.kiosk.warn_seconds * 1000),
        })


class _RecordingKernelManager:
    """Voila's kernel manager as one app request sees it: the kernel it starts is the visitor's."""

    def __init__(self, manager, on_kernel) -> None:
        self._manager, self._on_kernel = manager, on_kernel

    def __getattr__(self, name: str):
        return getattr(self._manager, name)

    def __contains__(self, kernel_id: str) -> bool:
        return kernel_id in self._manager

    async def start_kernel(self, *args, **kwargs) -> str:
        kernel_id = await ensure_async(self._manager.start_kernel(*args, **kwargs))
        self._on_kernel(kernel_id)
        return kernel_id

    async def get_rendered_notebook(self, *args, **kwargs):
        render_task, rendered, kernel_id = await self._manager.get_rendered_notebook(*args, **kwargs)
        self._on_kernel(kernel_id)
        return render_task, rendered, kernel_id


class KioskAppHandler(_Visitor, TornadoVoilaHandler):
    """Voila's app page, for the kiosk's own notebooks only, within the cap on live sessions."""

    def initialize(self, kiosk: Kiosk, **kwargs) -> None:
        self._session: KioskSession | None = None
        self._kernel_id: str | None = None
        super().initialize(kiosk, **kwargs)

    @property
    def kernel_manager(self):
        manager = self.settings["kernel_manager"]
        return manager if self._session is None else _RecordingKernelManager(manager, self._kernel_started)

    def _kernel_started(self, kernel_id: str) -> None:
        self._kernel_id = kernel_id
        self.kiosk.registry.kernel_started(self._session, kernel_id)
        # one app at a time per visitor: the page they left needs its kernel no more
        earlier = self.kiosk.registry.drop_kernels(self._session, keep=kernel_id)
        tornado.ioloop.IOLoop.current().add_callback(self.kiosk.shut_down, earlier)

    async def prepare(self) -> None:
        await super().prepare()
        if self._finished:
            return
        path = self.path_kwargs.get("path") or (self.path_args[0] if self.path_args else "")
        if path not in self.kiosk.apps:
            raise tornado.web.HTTPError(404)
        session = self.visitor_or_new()
        if not self.kiosk.registry.take_seat(session):
            self.set_status(503)
            self.set_header("Retry-After", "60")
            self.no_store()
            self.finish(render_busy(session.language))
            return
        self._session = session
        # Voila's page shuts its kernel down on leaving with the _xsrf cookie, which nothing else sets
        self.xsrf_token  # noqa: B018 - reading it sets the cookie
        # the kernel reads its visitor from this header; whatever the browser sent is replaced
        self.request.headers[SESSION_HEADER] = self.kiosk.session_header(session, path)

    def should_use_rendered_notebook(self, *args, **kwargs) -> bool:
        # a preheated page was made for an anonymous visitor in the kiosk's language, no one else
        return self.kiosk.fits_preheated(self._session) and super().should_use_rendered_notebook(*args, **kwargs)

    def on_finish(self) -> None:
        if self._session is not None and self._kernel_id is None:
            self.kiosk.registry.start_failed(self._session)
        super().on_finish()


class _OwnKernelOnly(_Visitor):
    """Refuses a kernel id that is not one of the visitor's kernels (403)."""

    def check_owner(self, kernel_id: str) -> None:
        session = self.visitor()
        if session is None or self.kiosk.registry.owner_of(kernel_id) is not session:
            raise tornado.web.HTTPError(403)


class KioskKernelWebsocketHandler(_OwnKernelOnly, VoilaKernelWebsocketHandler):
    async def pre_get(self) -> None:
        self.check_owner(self.kernel_id)
        await super().pre_get()


class KioskKernelHandler(_OwnKernelOnly, KernelHandler):
    async def get(self, kernel_id: str) -> None:
        self.check_owner(kernel_id)
        await super().get(kernel_id)

    async def delete(self, kernel_id: str) -> None:
        self.check_owner(kernel_id)
        await super().delete(kernel_id)


class KioskShutdownKernelHandler(_OwnKernelOnly, VoilaShutdownKernelHandler):
    """The page's own "I am closing" call: shuts its kernel and frees the seat."""

    async def post(self, kernel_id: str) -> None:
        self.check_owner(kernel_id)
        await super().post(kernel_id)
        self.kiosk.registry.reconcile(self.settings["kernel_manager"].list_kernel_ids())


class KioskTemplateStaticHandler(TemplateStaticFileHandler):
    """Voila's template assets, refusing malformed paths with 404 (Voila's own handler fails with 500)."""

    def parse_url_path(self, path: str) -> str:
        parts = path.split("/")
        if len(parts) < 3 or parts[1] != "static" or any(part in ("", ".", "..") for part in parts):
            raise tornado.web.HTTPError(404)
        return super().parse_url_path(path)


class LoopbackRequestInfoHandler(RequestInfoSocketHandler):
    """Voila's channel that hands a preheated kernel its request: for kernels on this machine only.

    A kernel's client sends no ``Origin``; every browser does. Refusing browsers keeps a
    visitor from listening in on the session header meant for someone else's kernel.
    """

    async def get(self, *args, **kwargs) -> None:
        remote = ipaddress.ip_address(self.request.remote_ip or "0.0.0.0")
        if self.request.headers.get("Origin") or not remote.is_loopback:
            raise tornado.web.HTTPError(403)
        await super().get(*args, **kwargs)
