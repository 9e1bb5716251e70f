"""Module 10: the plan so far, gathered from modules 1-9, with what is missing and what to fix.

The views, with ipywidgets; :mod:`ritorno.ui.plan_overview` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..answers import AnswerStatus, AnswerStore
from ..i18n import translator
from ._plan_sections import PlanSection, gather_sections

__all__ = ["PlanOverview"]


def _section_html(section: PlanSection, _) -> str:
    opener = escape(_("open module {number}").format(number=section.module))
    link = f"<a href='{escape(section.lesson)}' target='_self'>{opener}</a>"
    missing = "<span class='ritorno-missing' style='color:#b03a2e'>✘ {}</span> — " + link
    if section.status is AnswerStatus.MISSING:
        state = missing.format(escape(_("not done yet")))
    elif section.status is AnswerStatus.CORRUPT:
        state = missing.format(escape(_("saved work could not be read")))
    else:
        state = "<span class='ritorno-done' style='color:#1e8449'>✔ {}</span> — ".format(escape(_("done"))) + link
    figures = "".join(f"<tr><td style='padding-right:1.5em'>{escape(label)}</td><td><b>{escape(value)}</b></td></tr>"
                      for label, value in section.figures)
    warnings = "".join(f"<div class='ritorno-warning' style='color:#b9770e'>⚠ {escape(text)}</div>"
                       for text in section.warnings)
    return (f"<div class='ritorno-plan-section' style='margin:.6em 0'><h4 style='margin:.2em 0'>{section.module}. "
            f"{escape(section.title)}</h4><div>{state}</div><table>{figures}</table>{warnings}</div>")


class PlanOverview(widgets.VBox):
    """The sections of the plan and a Refresh button (after working in another module)."""

    def __init__(self, store: AnswerStore, language: str = "en") -> None:
        _ = translator(language).gettext
        self.store, self.language = store, language
        self.summary = widgets.HTML()
        self.sections = widgets.HTML()
        refresh = widgets.Button(description=_("Refresh"), icon="refresh", layout={"width": "12em"})
        refresh.on_click(lambda _button: self.refresh())
        super().__init__([self.summary, refresh, self.sections])
        self.add_class("ritorno-plan-overview")
        self.refresh()

    def refresh(self) -> list[PlanSection]:
        """Read the kept work again and redraw."""
        _ = translator(self.language).gettext
        sections = gather_sections(self.store, self.language)
        done = sum(section.done for section in sections)
        warnings = sum(len(section.warnings) for section in sections)
        self.summary.value = "<p style='font-size:1.15em'>" + escape(
            _("{done} of {total} parts of your plan are done; {warnings} point(s) to look at.").format(
                done=done, total=len(sections), warnings=warnings)) + "</p>"
        self.sections.value = "".join(_section_html(section, _) for section in sections)
        return sections
