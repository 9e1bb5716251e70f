"""Helpers that nbgrader's test cells call to score saved widget answers."""
from ._checks import Expect, feedback_lines, grade_answer

__all__ = ["Expect", "grade_answer", "feedback_lines"]
