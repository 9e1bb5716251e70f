"""Building blocks of lesson forms: a box bound to a model's trait, with its own inline message."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as widgets
import traitlets

from ..countries import all_countries, get_country
from ..i18n import format_money, translator
from ._style import error_html

__all__ = ["BoundBox", "TypingView", "CountryPicker", "country_dropdown", "choice_dropdown", "heading"]

_LABEL_STYLE = {"description_width": "16em"}
_BOX_LAYOUT = {"width": "32em"}


class BoundBox(widgets.VBox):
    """A text box linked to ``model.<trait>``, showing ``model.errors[trait]`` under it.

    ``model`` is any HasTraits with a Unicode ``trait`` and an ``errors`` dict
    (a :class:`~ritorno.ui.PersistentModel` or :class:`~ritorno.ui.LoanModel`).
    """

    def __init__(self, model: traitlets.HasTraits, trait: str, label: str, unit: str = "") -> None:
        self.model, self.trait = model, trait
        self.box = widgets.Text(description=label + (f" ({unit})" if unit else ""), continuous_update=True,
                                style=_LABEL_STYLE, layout=_BOX_LAYOUT)
        self.box.add_class(f"ritorno-field-{trait}")
        traitlets.link((model, trait), (self.box, "value"))
        self.message = widgets.HTML()
        super().__init__([self.box, self.message])
        model.observe(self._show, names="errors")
        self._show()

    def _show(self, change: dict | None = None) -> None:
        problem = self.model.errors.get(self.trait)
        self.message.value = error_html(problem) if problem else ""


class CountryPicker(widgets.VBox):
    """A country picker for ``model.country`` (ISO code).

    When the model fills its boxes with a country's example (it has ``use_example``),
    switching country would replace the trainee's figures: the picker asks first.
    """

    def __init__(self, model: traitlets.HasTraits, language: str = "en", confirm: bool | None = None) -> None:
        _ = translator(language).gettext
        self.model, self._ = model, _
        self.confirm = hasattr(model, "use_example") if confirm is None else confirm
        self.dropdown = widgets.Dropdown(options=[(_(country.name), country.code) for country in all_countries()],
                                         value=model.country, description=_("Country"), style=_LABEL_STYLE,
                                         layout={"width": "max-content"})  # the country's name always shows
        self.dropdown.add_class("ritorno-field-country")
        self.question = widgets.HTML()
        self.switch = widgets.Button(button_style="warning", layout={"width": "auto"})
        self.keep = widgets.Button(description=_("Keep my figures"), layout={"width": "auto"})
        self.confirmation = widgets.VBox([self.question, widgets.HBox([self.switch, self.keep])],
                                         layout={"display": "none"})
        self.dropdown.observe(self._picked, names="value")
        model.observe(self._follow_model, names="country")
        self.switch.on_click(lambda _button: self._apply())
        self.keep.on_click(lambda _button: self._cancel())
        super().__init__([self.dropdown, self.confirmation])

    def _picked(self, change: dict) -> None:
        if change["new"] == self.model.country:
            self.confirmation.layout.display = "none"
        elif not self.confirm:
            self.model.country = change["new"]
        else:
            name = self._(get_country(change["new"]).name)
            self.question.value = error_html(self._(
                "Switching to {country} puts {country}'s example in every box: your figures here will be replaced."
            ).format(country=name))
            self.switch.description = self._("Switch to {country}").format(country=name)
            self.confirmation.layout.display = None

    def _apply(self) -> None:
        self.model.country = self.dropdown.value
        self.confirmation.layout.display = "none"

    def _cancel(self) -> None:
        self.dropdown.value = self.model.country
        self.confirmation.layout.display = "none"

    def _follow_model(self, change: dict) -> None:
        self.dropdown.value = change["new"]


class TypingView:
    """Mixin for views that keep their :class:`BoundBox` objects in ``self._boxes`` (name -> box)."""

    _boxes: dict[str, BoundBox]

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into a box, as a trainee would (used by tests and demos)."""
        self._boxes[name].box.value = text

    def message_for(self, name: str) -> str:
        """The inline message under a box."""
        return self._boxes[name].message.value


class WritesMoney:
    """Mixin for views whose model has a country ``profile``: amounts written as that country writes them."""

    def _money(self, value: float) -> str:
        profile = self.model.profile
        return format_money(value, profile.currency, profile.locale)


def country_dropdown(model: traitlets.HasTraits, language: str = "en", confirm: bool | None = None) -> CountryPicker:
    """A :class:`CountryPicker` for ``model`` (kept under this name for the views that use it)."""
    return CountryPicker(model, language, confirm)


def choice_dropdown(model: traitlets.HasTraits, trait: str, label: str,
                    options: Sequence[tuple[str, str]]) -> widgets.Dropdown:
    """A dropdown of (label, value) pairs linked to ``model.<trait>``."""
    dropdown = widgets.Dropdown(options=list(options), description=label, style=_LABEL_STYLE, layout=_BOX_LAYOUT)
    dropdown.add_class(f"ritorno-field-{trait}")
    traitlets.link((model, trait), (dropdown, "value"))
    return dropdown


def heading(text: str, level: int = 4) -> widgets.HTML:
    """A heading inside a widget."""
    return widgets.HTML(f"<h{level}>{escape(text)}</h{level}>")
