"""Module 10: write the plan's own words, check it, and save it as a PDF or an HTML page.

The views, with ipywidgets; :mod:`ritorno.ui.plan_builder` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..curriculum import module_by_number
from ..i18n import translator
from ..plan import NARRATIVE_MAX_LENGTH, CheckResult
from ._boxes import heading
from ._plan_builder_model import ExportOutcome, PlanBuilderModel
from ._style import error_html, note_html, ok_html
from ._profile_form_view import BoundArea

__all__ = ["PlanBuilder"]

_MARKS = {"passed": ("✔", "#1e8449"), "failed": ("✘", "#b03a2e")}


def _lesson_link(module: int, _) -> str:
    lesson = module_by_number(module).name + ".ipynb"
    text = escape(_("open module {number}").format(number=module))
    return f"<a href='{escape(lesson)}' target='_self'>{text}</a>"


def check_html(result: CheckResult, _) -> str:
    """A check as the trainee sees it: its mark, title and explanation, and a link to the module to change."""
    mark, colour = _MARKS.get(result.status, ("…", "#7f8c8d"))
    link = "" if result.passed else " — " + _lesson_link(result.module, _)
    return (f"<div class='ritorno-check ritorno-check-{escape(result.status)}' style='margin:.4em 0'>"
            f"<b style='color:{colour}'>{mark} {escape(result.title)}</b><br>"
            f"<span>{escape(result.explanation)}</span>{link}</div>")


def download_html(outcome: ExportOutcome, _) -> str:
    """A link that downloads the exported file from its ``data:`` URI (works in JupyterLab and Voila)."""
    if not outcome.data_uri:
        return ""
    label = _("Download {filename}").format(filename=outcome.filename)
    return (f"<a class='ritorno-download' download='{escape(outcome.filename)}' href='{outcome.data_uri}' "
            f"style='font-weight:bold'>⬇ {escape(label)}</a>")


class PlanBuilder(widgets.VBox):
    """Three text boxes for the plan's words, the checks with links to fix what fails, and the two exports."""

    def __init__(self, model: PlanBuilderModel) -> None:
        self.model = model
        _ = translator(model.language).gettext
        narrative = model.narrative
        self._areas = {
            "business": BoundArea(narrative, "business", _("The business in your words"),
                                  _("What you sell, to whom, and why customers will come to you."), rows=6),
            "market": BoundArea(narrative, "market", _("Customers and competitors in your words"),
                                _("Who buys, how often, who else sells the same, and why you are different."),
                                rows=6),
            "action_plan": BoundArea(narrative, "action_plan", _("What you will do in the first months"),
                                     _("Month by month: what you buy, set up, sell, and who helps you."), rows=6),
        }
        limit = widgets.HTML(note_html(_("At most {limit} characters in each box. Your words are kept as you "
                                         "type.").format(limit=NARRATIVE_MAX_LENGTH)))
        self.checks = widgets.HTML()
        self.missing = widgets.HTML()
        check_again = widgets.Button(description=_("Check my plan again"), icon="refresh", layout={"width": "auto"})
        check_again.on_click(lambda _button: self.refresh())
        self.pdf_button = widgets.Button(description=_("Save as PDF"), icon="file-pdf-o", button_style="primary",
                                         layout={"width": "auto"})
        self.html_button = widgets.Button(description=_("Save as HTML"), icon="file-code-o", layout={"width": "auto"})
        self.pdf_button.on_click(lambda _button: self.export("pdf"))
        self.html_button.on_click(lambda _button: self.export("html"))
        self.status = widgets.HTML()
        self.download = widgets.HTML()
        self.save_problem = widgets.HTML()
        super().__init__([
            heading(_("Your plan in your words")), limit, *self._areas.values(), self.save_problem,
            heading(_("Checks before you show the plan")), self.missing, self.checks, check_again,
            heading(_("Save your plan")), widgets.HBox([self.pdf_button, self.html_button]), self.status,
            self.download,
        ])
        self.add_class("ritorno-plan-builder")
        model.observe(self._show_checks, names=["checks", "missing"])
        narrative.observe(self._show_save_problem, names="save_problem")
        self._show_checks()

    def refresh(self) -> None:
        """Read the saved work again (after working in another module) and redraw the checks."""
        try:
            self.model.refresh()
        except Exception as problem:  # noqa: BLE001 - a sentence, never a traceback
            _ = translator(self.model.language).gettext
            self.checks.value = error_html(_("The plan could not be checked ({problem}). Please tell your "
                                             "trainer.").format(problem=problem))

    def _show_checks(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        self.checks.value = "".join(check_html(result, _) for result in self.model.checks)
        if self.model.missing:
            links = ", ".join(_lesson_link(module, _) for module in self.model.missing)
            not_done = escape(_("Parts not done yet:"))
            self.missing.value = f"<div class='ritorno-missing' style='color:#b03a2e'>{not_done} {links}</div>"
        else:
            self.missing.value = ok_html(_("Every part of the plan is done."))

    def _show_save_problem(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        problem = self.model.narrative.save_problem
        self.save_problem.value = error_html(_("Your words could not be kept ({problem}).").format(
            problem=problem)) if problem else ""

    def export(self, kind: str) -> ExportOutcome | None:
        """Save the plan as ``"pdf"`` or ``"html"``: the file beside the notebook, and a download link."""
        _ = translator(self.model.language).gettext
        self.pdf_button.disabled = self.html_button.disabled = True
        self.status.value = note_html(_("Making your plan…"))
        try:
            outcome = self.model.export(kind)
        except Exception as problem:  # noqa: BLE001 - the model never raises; this is the last safety net
            self.status.value = error_html(_("The plan could not be made ({problem}). Please tell your "
                                             "trainer.").format(problem=problem))
            self.download.value = ""
            return None
        finally:
            self.pdf_button.disabled = self.html_button.disabled = False
        self.status.value = (ok_html if outcome.saved else error_html)(outcome.message)
        self.download.value = download_html(outcome, _)
        return outcome

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into a narrative box, as a trainee would (for tests and demos)."""
        self._areas[name].box.value = text

    def message_for(self, name: str) -> str:
        """The message under a narrative box."""
        return self._areas[name].message.value
