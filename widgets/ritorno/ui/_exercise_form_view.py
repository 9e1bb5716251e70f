"""The graded exercise form's view: a box per answer, a Save button, and what happened (ipywidgets)."""
from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..countries import get_country
from ..i18n import translator
from ._exercise_model import ExerciseFormModel
from ._style import error_html, note_html, ok_html

__all__ = ["ExerciseForm"]


class ExerciseForm(widgets.VBox):
    """View of an :class:`ExerciseFormModel`."""

    def __init__(self, model: ExerciseFormModel) -> None:
        _ = translator(model.language).gettext
        self.model = model
        currency = get_country(model.exercise.country).currency
        self._inputs: dict[str, widgets.ValueWidget] = {}
        self._messages: dict[str, widgets.HTML] = {}
        rows: list[widgets.Widget] = [widgets.HTML(f"<h3>{escape(_(model.exercise.title))}</h3>")]
        for field in model.exercise.fields:
            label = widgets.HTML(f"<b>{escape(_(field.label))}</b>")
            if field.kind == "choice":
                box = widgets.RadioButtons(options=[(_(text), value) for value, text in field.choices],
                                           value=model.values[field.name])
            else:
                unit = "%" if field.kind == "percent" else currency
                box = widgets.Text(value=model.values[field.name] or "", description=unit,
                                   continuous_update=False, layout={"width": "18em"})
            box.add_class(f"ritorno-field-{field.name}")  # stable hook for browser tests and the kiosk
            box.observe(lambda change, name=field.name: self._changed(name, change["new"]), names="value")
            self._inputs[field.name] = box
            self._messages[field.name] = widgets.HTML()
            rows += [label, box, self._messages[field.name]]
        self.save_button = widgets.Button(description=_("Save my answers"), button_style="success",
                                          icon="save", layout={"width": "16em", "height": "3em"})
        self.save_button.on_click(lambda _button: self.save())
        self.status = widgets.HTML(note_html(model.status))
        super().__init__(rows + [self.save_button, self.status])
        self.add_class("ritorno-exercise")

    def _changed(self, name: str, value: str | None) -> None:
        self.model.set_value(name, value)
        message = self.model.errors.get(name)
        self._messages[name].value = error_html(message) if message else ""

    def type_into(self, name: str, value: str) -> None:
        """Type or choose ``value`` for a field, as a trainee would."""
        self._inputs[name].value = value

    def message_for(self, name: str) -> str:
        """The inline message under a field."""
        return self._messages[name].value

    def save(self) -> bool:
        """Press Save."""
        saved = self.model.save()
        for name, message in self._messages.items():
            problem = self.model.errors.get(name)
            message.value = error_html(problem) if problem else ""
        self.status.value = (ok_html if saved else error_html)(self.model.status)
        return saved
