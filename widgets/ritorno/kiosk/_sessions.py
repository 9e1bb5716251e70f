"""Kiosk visitors: who holds a seat, which kernels are theirs, when they have gone.

Pure bookkeeping, no web server: the handlers ask it and act on the answers. A *seat*
is what the cap on live sessions counts: a visitor takes one when an app of theirs starts
a kernel and frees it when none of their kernels is left. The home page needs no seat.
Everything runs on the server's one event loop, so a check-and-take is never interleaved.
"""
from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

__all__ = ["KioskSession", "SessionRegistry"]


@dataclass
class KioskSession:
    """One visitor of the kiosk, known by a random id in a cookie."""

    session_id: str
    language: str
    country: str | None = None
    trainee: str | None = None
    kernels: set[str] = field(default_factory=set)
    starting: int = 0  # app pages whose kernel is being started
    last_seen: float = 0.0

    @property
    def seated(self) -> bool:
        return bool(self.kernels) or self.starting > 0


class SessionRegistry:
    """The kiosk's visitors and the seats they hold.

    >>> registry = SessionRegistry(max_seats=1, idle_seconds=600, clock=lambda: 0.0)
    >>> first, second = registry.new("en"), registry.new("fr")
    >>> registry.take_seat(first), registry.take_seat(second)
    (True, False)
    >>> registry.kernel_started(first, "k1"); registry.owner_of("k1") is first
    True
    >>> registry.forget(first)
    ['k1']
    >>> registry.take_seat(second)
    True
    """

    def __init__(self, max_seats: int, idle_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        if max_seats < 1:
            raise ValueError("max_seats must be at least 1")
        self.max_seats = max_seats
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._sessions: dict[str, KioskSession] = {}
        self._owners: dict[str, KioskSession] = {}

    def new(self, language: str) -> KioskSession:
        """A new anonymous visitor (no seat yet)."""
        session = KioskSession(secrets.token_urlsafe(32), language, last_seen=self._clock())
        self._sessions[session.session_id] = session
        return session

    def get(self, session_id: str | None) -> KioskSession | None:
        """The visitor with this cookie, ``None`` for an unknown or absent one; marks them seen."""
        session = self._sessions.get(session_id or "")
        if session is not None:
            session.last_seen = self._clock()
        return session

    @property
    def seats_taken(self) -> int:
        return sum(1 for session in self._sessions.values() if session.seated)

    def take_seat(self, session: KioskSession) -> bool:
        """Reserve a seat for an app page about to start a kernel; ``False`` when all are taken."""
        if not session.seated and self.seats_taken >= self.max_seats:
            return False
        session.starting += 1
        return True

    def kernel_started(self, session: KioskSession, kernel_id: str) -> None:
        """The reserved seat now holds this kernel."""
        session.starting = max(0, session.starting - 1)
        session.kernels.add(kernel_id)
        self._owners[kernel_id] = session

    def start_failed(self, session: KioskSession) -> None:
        """The app page could not start its kernel: give the reservation back."""
        session.starting = max(0, session.starting - 1)

    def owner_of(self, kernel_id: str) -> KioskSession | None:
        return self._owners.get(kernel_id)

    def drop_kernels(self, session: KioskSession, keep: str | None = None) -> list[str]:
        """Detach the visitor's kernels (but ``keep``) and return them, for shutting down."""
        gone = [kernel for kernel in session.kernels if kernel != keep]
        for kernel in gone:
            session.kernels.discard(kernel)
            self._owners.pop(kernel, None)
        return gone

    def forget(self, session: KioskSession) -> list[str]:
        """End the visitor's session; return the kernels to shut down."""
        self._sessions.pop(session.session_id, None)
        session.starting = 0
        return self.drop_kernels(session)

    def reconcile(self, alive: Iterable[str]) -> None:
        """Forget kernels that no longer run (closed page, culled), which frees their seats."""
        alive = set(alive)
        for kernel in [kernel for kernel in self._owners if kernel not in alive]:
            self._owners.pop(kernel).kernels.discard(kernel)

    def idle_sessions(self) -> list[KioskSession]:
        """Visitors not seen for longer than the idle time."""
        limit = self._clock() - self.idle_seconds
        return [session for session in self._sessions.values() if session.last_seen < limit]
