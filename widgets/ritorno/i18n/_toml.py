"""Babel extraction of the country files' words a trainee reads: names, fact labels and notes.

The country data is TOML, not code; the widgets translate what they show from it
(``_(fact.label)``), so the catalog must hold those strings too.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import IO, Any

__all__ = ["extract_toml"]


def _line_of(text: str, value: str) -> int:
    """Line (from 1) where ``value`` first appears as a quoted string; 1 if it cannot be found."""
    position = text.find(f'"{value}"')
    return text.count("\n", 0, position) + 1 if position >= 0 else 1


def extract_toml(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple]:
    """Babel extraction method: yields ``(line, None, message, [])`` for each translatable string.

    >>> import io
    >>> data = b'name = "Senegal"\\n[facts.cap]\\nlabel = "Highest rate"\\nnote = "Since 2014."\\n'
    >>> [(line, message) for line, _, message, _ in extract_toml(io.BytesIO(data), None, None, None)]
    [(1, 'Senegal'), (3, 'Highest rate'), (4, 'Since 2014.')]
    """
    text = fileobj.read().decode("utf-8")
    data = tomllib.loads(text)
    found = [data["name"]] if isinstance(data.get("name"), str) else []
    for fact in data.get("facts", {}).values():
        found += [fact[key] for key in ("label", "note") if isinstance(fact.get(key), str) and fact[key].strip()]
    for message in found:
        yield _line_of(text, message), None, message, []
