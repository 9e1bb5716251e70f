"""Small HTML snippets shared by the views, so messages look the same everywhere."""
from __future__ import annotations

from html import escape

__all__ = ["error_html", "note_html", "ok_html"]


def error_html(message: str) -> str:
    """A red inline message under a box."""
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {escape(message)}</div>"


def note_html(message: str) -> str:
    """A neutral hint."""
    return f"<div class='ritorno-note' style='color:#555'>{escape(message)}</div>"


def ok_html(message: str) -> str:
    """A green confirmation."""
    return f"<div class='ritorno-ok' style='color:#1e8449'>✔ {escape(message)}</div>"
