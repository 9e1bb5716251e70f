"""Who a notebook's kernel serves: a trainee's own Jupyter, or one visitor of a shared kiosk.

``ritorno kiosk`` starts every kernel with ``RITORNO_KIOSK=1``. A kernel started for a
visitor gets their session as the ``X-Ritorno-Session`` request header, which Voila puts in
the kernel's environment (a JSON object the kiosk server writes itself, never the
browser's). A preheated kernel runs its notebook before anyone asks, so it has no header:
it serves an anonymous visitor in the kiosk's language, and the kiosk hands preheated
pages only to such visitors.
"""
from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..answers import AnswerStore, MemoryAnswerStore
from ..countries import COUNTRY_CODES
from ..i18n import SUPPORTED_LANGUAGES

__all__ = ["KIOSK_ENV", "SESSION_HEADER", "NotebookSession", "current_session", "notebook_store",
           "parse_session_header"]

KIOSK_ENV = "RITORNO_KIOSK"
#: The request header the kiosk writes; Voila passes it to kernels as ``HTTP_X_RITORNO_SESSION``.
SESSION_HEADER = "X-Ritorno-Session"
_SESSION_ENV = "HTTP_X_RITORNO_SESSION"


@dataclass(frozen=True)
class NotebookSession:
    """What a kernel needs to know about its user.

    ``answers_dir`` is where work is saved: ``None`` in a trainee's own Jupyter (answers
    beside the notebook), and at a kiosk either a signed-in trainee's folder or ``None``
    with ``at_kiosk`` set, meaning "keep everything in memory".
    """

    language: str = "en"
    country: str | None = None
    answers_dir: Path | None = None
    at_kiosk: bool = False


def parse_session_header(raw: str | None, default_language: str = "en") -> NotebookSession:
    """The kiosk session described by the header's JSON; no header or anything odd is anonymous.

    >>> parse_session_header('{"language": "fr", "country": "SN", "answers_dir": null}')
    NotebookSession(language='fr', country='SN', answers_dir=None, at_kiosk=True)
    >>> parse_session_header("not json").answers_dir is None
    True
    """
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    language = data.get("language") if data.get("language") in SUPPORTED_LANGUAGES else default_language
    country = data.get("country") if data.get("country") in COUNTRY_CODES else None
    folder = data.get("answers_dir")
    answers_dir = Path(folder) if isinstance(folder, str) and os.path.isabs(folder) else None
    return NotebookSession(language, country, answers_dir, at_kiosk=True)


def current_session() -> NotebookSession:
    """The session of this kernel, from its environment (a kiosk kernel serves one visitor in its life)."""
    language = os.environ.get("RITORNO_LANGUAGE") or "en"
    if not os.environ.get(KIOSK_ENV):
        return NotebookSession(language=language)
    return parse_session_header(os.environ.get(_SESSION_ENV), default_language=language)


@functools.cache
def _kiosk_memory_store() -> MemoryAnswerStore:
    # one per kernel: every widget of the page shares the visitor's unsaved work
    return MemoryAnswerStore()


def notebook_store() -> AnswerStore:
    """Where this notebook's widgets keep the trainee's work.

    In Jupyter: ``answers/`` beside the notebook. At a kiosk: the signed-in trainee's folder
    for this notebook, or memory only for an anonymous visitor.
    """
    session = current_session()
    if not session.at_kiosk:
        return AnswerStore.beside_notebook()
    if session.answers_dir is None:
        return _kiosk_memory_store()
    return AnswerStore(session.answers_dir)
