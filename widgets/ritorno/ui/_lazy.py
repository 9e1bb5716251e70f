"""Names a module exports but imports only when they are first used (PEP 562).

While nbgrader grades, every widget factory returns ``None``: importing
ipywidgets, matplotlib and the views for nothing would cost each grading kernel
a third of a second. So the modules notebooks import keep their factories light
and hand out views and models through :func:`lazy_exports`.
"""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(module: str, sources: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``module``, loading each name of ``sources`` from its module.

    ``sources`` maps a name to the module that defines it, relative to ``module``'s
    package (``"._runway_view"``). A name is imported on first use and then kept
    in ``module``'s namespace, so the import happens once.
    """
    namespace = sys.modules[module].__dict__
    package = namespace["__package__"]

    def __getattr__(name: str) -> Any:
        if name not in sources:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(sources[name], package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(sources))

    return __getattr__, __dir__
