"""Model of module 10's plan builder: the narrative texts, the checks, and saving the plan as PDF or HTML.

No ipywidgets here: :mod:`ritorno.ui.plan_builder` is the view, tests drive the model directly.
The narrative is kept as record ``m10_narrative`` (``business``, ``market``, ``action_plan``,
each at most 2000 characters, as typed). Exporting writes ``business_plan.pdf`` or
``business_plan.html`` beside the notebook and gives the same file as a ``data:`` URI, so a
download link works in Voila, where the trainee cannot reach the notebook's folder.
"""
from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import traitlets

from ..answers import AnswerStore
from ..i18n import InvalidAmount, translator
from ..plan import (NARRATIVE_MAX_LENGTH, NARRATIVE_PARTS, NARRATIVE_RECORD, PlanDocument, build_plan, plan_html,
                    plan_pdf_bytes, write_atomically)
from ._parsing import check_length
from ._persist import PersistentModel

__all__ = ["NarrativeModel", "PlanBuilderModel", "ExportOutcome", "FILENAMES", "MEDIA_TYPES"]

#: The file each export writes beside the notebook.
FILENAMES = {"pdf": "business_plan.pdf", "html": "business_plan.html"}
#: Media type of each export, for its ``data:`` URI.
MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html;charset=utf-8"}


class NarrativeModel(PersistentModel):
    """The plan's words: the business, the market, the action plan for the first months.

    Each text is kept as typed while it has at most 2000 characters; a longer one gets a
    message under its box, and nothing is saved until it is shortened.

    Examples
    --------
    >>> narrative = NarrativeModel()
    >>> narrative.market = "x" * 2001
    >>> narrative.errors
    {'market': 'This is too long: keep it to 2000 characters or fewer (now 2001).'}
    """

    record_id = NARRATIVE_RECORD
    persisted = NARRATIVE_PARTS

    language = traitlets.Unicode("en")
    business = traitlets.Unicode("")
    market = traitlets.Unicode("")
    action_plan = traitlets.Unicode("")

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        return remaining

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        for name in NARRATIVE_PARTS:
            try:
                check_length(getattr(self, name), NARRATIVE_MAX_LENGTH, self.language)
            except InvalidAmount as problem:
                errors[name] = str(problem)
        self.errors = errors

    def texts(self) -> dict[str, str]:
        """The texts the plan uses: each as typed if it fits, else the one kept before (or nothing)."""
        kept = {}
        if self._store is not None:
            saved = self._store.load(self.record_id, self.schema())
            kept = {name: saved.get(name) for name in NARRATIVE_PARTS if isinstance(saved.get(name), str)}
        return {name: kept.get(name, "") if name in self.errors else getattr(self, name) for name in NARRATIVE_PARTS}


@dataclass(frozen=True)
class ExportOutcome:
    """What an export did: the file written (``None`` if it could not be), the download link's
    ``data:`` URI (``""`` if the plan could not be made) and a sentence for the trainee."""

    kind: str
    filename: str
    path: Path | None
    data_uri: str
    message: str

    @property
    def saved(self) -> bool:
        """The file is beside the notebook."""
        return self.path is not None


class PlanBuilderModel(traitlets.HasTraits):
    """The narrative, the plan's checks and what is missing, and the exports.

    ``store`` holds the lessons' saved work (read, never changed, except the narrative
    when ``keep_work``); ``folder`` is where exports are written (the working directory,
    that is beside the notebook, by default). With ``download_only`` (a shared kiosk) no
    file is written at all: the plan goes only to the visitor's download link.
    """

    language = traitlets.Unicode("en")
    checks = traitlets.Tuple()
    missing = traitlets.Tuple()

    def __init__(self, store: AnswerStore, language: str = "en", keep_work: bool = True,
                 folder: str | os.PathLike[str] | None = None, download_only: bool = False) -> None:
        super().__init__(language=language)
        self.store = store
        self.folder = Path(folder) if folder is not None else None
        self.download_only = download_only
        self.narrative = NarrativeModel(store=store if keep_work else None, language=language)
        self.refresh()

    def refresh(self) -> PlanDocument:
        """Build the plan from the saved work and the narrative on screen; update the checks and what is missing."""
        document = build_plan(self.store, self.language, narrative=self.narrative.texts())
        self.checks = document.checks
        self.missing = document.missing_modules
        return document

    def export(self, kind: str) -> ExportOutcome:
        """Make the plan as ``"pdf"`` or ``"html"``, write it beside the notebook and give its download link.

        Never raises: every failure becomes the outcome's message.
        """
        _ = translator(self.language).gettext
        if kind not in FILENAMES:
            raise ValueError(f"kind must be 'pdf' or 'html' (got {kind!r})")
        filename = FILENAMES[kind]
        try:
            document = self.refresh()
            data = plan_pdf_bytes(document) if kind == "pdf" else plan_html(document).encode("utf-8")
        except Exception as problem:  # noqa: BLE001 - the trainee gets a sentence, never a traceback
            message = _("The plan could not be made ({problem}). Please tell your trainer.").format(
                problem=f"{type(problem).__name__}: {problem}")
            return ExportOutcome(kind, filename, None, "", message)
        data_uri = f"data:{MEDIA_TYPES[kind]};base64,{base64.b64encode(data).decode('ascii')}"
        if self.download_only:
            message = _("Your plan is ready: download {filename} with the link.").format(filename=filename)
            return ExportOutcome(kind, filename, None, data_uri, message + self._too_long(_))
        folder = self.folder if self.folder is not None else Path.cwd()
        try:
            path = write_atomically(folder / filename, data)
        except OSError as problem:
            reason = problem.strerror or str(problem)
            message = _("{filename} could not be saved beside the notebook ({reason}). Use the download link "
                        "instead.").format(filename=filename, reason=reason)
            return ExportOutcome(kind, filename, None, data_uri, message + self._too_long(_))
        message = _("Saved {filename} beside this notebook. You can also download it with the link.").format(
            filename=filename)
        return ExportOutcome(kind, filename, path, data_uri, message + self._too_long(_))

    def _too_long(self, _) -> str:
        if not self.narrative.errors:
            return ""
        return " " + _("One of your texts is too long: the plan keeps the last version that fitted. Shorten it and "
                       "save again.")
