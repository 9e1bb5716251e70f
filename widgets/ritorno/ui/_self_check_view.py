"""The view of an ungraded self-check question with immediate feedback (ipywidgets)."""
from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..curriculum import SelfCheckQuestion
from ..i18n import translator
from ._style import error_html, ok_html

__all__ = ["SelfCheck"]


class SelfCheck(widgets.VBox):
    """One question: pick an answer and see at once why it is right or wrong."""

    def __init__(self, question: SelfCheckQuestion, language: str = "en") -> None:
        _ = translator(language).gettext
        self.question = question
        self._ = _
        self.choices = widgets.RadioButtons(options=[(_(text), index) for index, text in enumerate(question.options)],
                                            value=None, layout={"width": "auto"})
        self.feedback = widgets.HTML()
        self.choices.observe(self._answered, names="value")
        super().__init__([widgets.HTML(f"<p><b>{escape(_(question.question))}</b></p>"), self.choices, self.feedback])
        self.add_class("ritorno-self-check")

    def _answered(self, change: dict) -> None:
        choice = change["new"]
        if choice is None:
            self.feedback.value = ""
            return
        explanation = self._(self.question.explanations[choice]) if self.question.explanations else ""
        if choice == self.question.correct:
            self.feedback.value = ok_html(explanation or self._("Right."))
        else:
            self.feedback.value = error_html(explanation or self._("Not quite: think again."))
