"""Module 1: the trainee's profile (kept for every later module) and a readiness check.

The views, with ipywidgets; :mod:`ritorno.ui.profile_form` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from html import escape

import ipywidgets as widgets
import traitlets

from ..answers import AnswerStore
from ..curriculum import m01
from ..i18n import translator
from ._boxes import BoundBox, TypingView, country_dropdown, heading
from ._env import course_language
from ._profile_form_model import ProfileModel, ReadinessModel
from ._style import error_html, note_html, ok_html

__all__ = ["BoundArea", "ProfileForm", "ReadinessCheck"]


class BoundArea(widgets.VBox):
    """A multi-line text area linked to ``model.<trait>``, with ``model.errors[trait]`` under it."""

    def __init__(self, model: traitlets.HasTraits, trait: str, label: str, placeholder: str = "",
                 rows: int = 3) -> None:
        self.model, self.trait = model, trait
        self.box = widgets.Textarea(placeholder=placeholder, rows=rows, continuous_update=True,
                                    layout={"width": "32em"})
        self.box.add_class(f"ritorno-field-{trait}")
        traitlets.link((model, trait), (self.box, "value"))
        self.message = widgets.HTML()
        super().__init__([widgets.HTML(f"<b>{escape(label)}</b>"), self.box, self.message])
        model.observe(self._show, names="errors")
        self._show()

    def _show(self, change: dict | None = None) -> None:
        problem = self.model.errors.get(self.trait)
        self.message.value = error_html(problem) if problem else ""


class ProfileForm(TypingView, widgets.VBox):
    """Country, first name, household size and business idea, saved as the trainee types.

    Examples
    --------
    >>> form = ProfileForm(country="GH")
    >>> form.type_into("household_size", "0")
    >>> form.message_for("household_size")
    "<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ 0 is too small: type at least 1.</div>"
    """

    def __init__(self, country: str | None = None, language: str | None = None,
                 store: AnswerStore | None = None) -> None:
        given = {"country": country} if country is not None else {}
        self.model = ProfileModel(store=store, language=language or course_language(), **given)
        self._keeps = store is not None
        _ = translator(self.model.language).gettext
        labels = {name: _(label) for name, label in m01.PROFILE_LABELS.items()}
        self._boxes: dict[str, widgets.VBox] = {
            "first_name": BoundBox(self.model, "first_name", labels["first_name"]),
            "household_size": BoundBox(self.model, "household_size", labels["household_size"]),
            "business_idea": BoundArea(self.model, "business_idea", labels["business_idea"],
                                       _("At most {limit} characters").format(limit=m01.IDEA_MAX_LENGTH), rows=2),
        }
        self.status = widgets.HTML()
        super().__init__([heading(_("Your profile")), country_dropdown(self.model, self.model.language),
                          *self._boxes.values(), self.status])
        self.model.observe(self._show_status, names=["saved", "errors", "save_problem", "country"])
        self._show_status()
        self.add_class("ritorno-profile")

    def _show_status(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        if self.model.save_problem:
            self.status.value = error_html(_("Your profile could not be saved: {problem}").format(
                problem=self.model.save_problem))
        elif self.model.errors:
            self.status.value = note_html(_("Not saved yet: correct the boxes marked in red. Later modules use "
                                            "your country once your profile is saved."))
        elif not self._keeps:
            self.status.value = note_html(_("This profile is not kept: it is only an example."))
        elif self.model.saved:
            profile = self.model.profile
            self.status.value = ok_html(_("Saved. Later modules will use {country} and its currency ({currency}).")
                                        .format(country=_(profile.name), currency=profile.currency))
        else:
            self.status.value = note_html(_("Change any box to save your profile."))


class ReadinessCheck(widgets.VBox):
    """Yes or no to a few statements, and what to work on before spending the savings."""

    def __init__(self, language: str | None = None, store: AnswerStore | None = None) -> None:
        self.model = ReadinessModel(store=store, language=language or course_language())
        _ = translator(self.model.language).gettext
        self.toggles: list[widgets.ToggleButtons] = []
        rows: list[widgets.Widget] = [heading(_("Am I ready?"))]
        for name, statement in zip(self.model.persisted, m01.READINESS):
            toggle = widgets.ToggleButtons(options=[(_("Yes"), "yes"), (_("No"), "no")],
                                           value=getattr(self.model, name) or None, style={"button_width": "5em"})
            toggle.observe(lambda change, name=name: setattr(self.model, name, change["new"] or ""), names="value")
            self.model.observe(lambda change, toggle=toggle: setattr(toggle, "value", change["new"] or None),
                               names=name)
            self.toggles.append(toggle)
            rows.append(widgets.VBox([widgets.HTML(f"<p>{escape(_(statement))}</p>"), toggle]))
        self.result = widgets.HTML()
        rows.append(self.result)
        super().__init__(rows)
        self.model.observe(self._judge, names="updates")
        self._judge()
        self.add_class("ritorno-readiness")

    def _judge(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        total, yes = len(m01.READINESS), self.model.yes_count
        if self.model.answered < total:
            self.result.value = note_html(_("Answer every statement to see where you stand ({answered} of {total} "
                                            "answered).").format(answered=self.model.answered, total=total))
            return
        if yes == total:
            self.result.value = ok_html(_("You answered yes to every statement: you are ready to plan your "
                                          "business. The next modules test your idea and your numbers."))
            return
        if yes >= total - 2:
            text = _("You answered yes to {yes} of {total}. You are nearly ready: work on these points before you "
                     "spend your savings:")
        else:
            text = _("You answered yes to {yes} of {total}. Take time to prepare: these points matter before you "
                     "spend your savings:")
        points = "".join(f"<li>{escape(_(m01.READINESS[index]))}</li>" for index in self.model.to_work_on)
        self.result.value = (f"<div class='ritorno-readiness-result'><p><b>{escape(text.format(yes=yes, total=total))}"
                             f"</b></p><ul>{points}</ul></div>")
