"""The bankable business plan (module 10): gathered from the saved work, checked, exported to PDF and HTML.

No ipywidgets here: :mod:`ritorno.ui.plan_builder` is the lesson's widget and
:mod:`ritorno.plan.cli` the trainers' command.

Examples
--------
>>> import tempfile, pathlib
>>> from ritorno.answers import AnswerStore
>>> from ritorno.plan import build_plan, plan_pdf_bytes, plan_html
>>> plan = build_plan(AnswerStore(tempfile.mkdtemp()))
>>> plan_pdf_bytes(plan)[:5], "Not done yet: see module 5." in plan_html(plan)
(b'%PDF-', True)
"""
from __future__ import annotations

import os
from pathlib import Path

from ._checks import FAILED, NOT_CHECKED, PASSED, CheckResult
from ._document import (NARRATIVE_MAX_LENGTH, NARRATIVE_PARTS, NARRATIVE_RECORD, DocSection, PlanDocument,
                        SourceNote, build_plan, narrative_schema)
from ._files import write_atomically
from ._html import plan_html
from ._pdf import plan_pdf_bytes

__all__ = ["build_plan", "PlanDocument", "DocSection", "SourceNote", "CheckResult", "PASSED", "FAILED", "NOT_CHECKED",
           "plan_pdf_bytes", "plan_html", "export_pdf", "export_html", "write_atomically",
           "NARRATIVE_RECORD", "NARRATIVE_PARTS", "NARRATIVE_MAX_LENGTH", "narrative_schema"]


def export_pdf(document: PlanDocument, path: str | os.PathLike[str]) -> Path:
    """Write the plan as a PDF file at ``path`` (whole or not at all); raises ``OSError`` if it cannot."""
    return write_atomically(path, plan_pdf_bytes(document))


def export_html(document: PlanDocument, path: str | os.PathLike[str]) -> Path:
    """Write the plan as a self-contained HTML file at ``path`` (UTF-8); raises ``OSError`` if it cannot."""
    return write_atomically(path, plan_html(document).encode("utf-8"))
