"""Ungraded self-check questions as lesson cells build them: nothing while nbgrader grades."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._env import course_language, unless_grading

if TYPE_CHECKING:
    import ipywidgets as widgets

    from ..curriculum import SelfCheckQuestion

__all__ = ["self_checks"]


@unless_grading
def self_checks(questions: Sequence[SelfCheckQuestion], language: str | None = None) -> widgets.VBox:
    """All the questions of a lesson, one under the other."""
    import ipywidgets as widgets

    from ._self_check_view import SelfCheck

    return widgets.VBox([SelfCheck(question, language or course_language()) for question in questions])
