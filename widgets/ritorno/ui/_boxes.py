"""Building blocks of lesson forms: a box bound to a model's trait, with its own inline message."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as widgets
import traitlets

from ..countries import all_countries
from ..i18n import translator
from ._style import error_html

__all__ = ["BoundBox", "country_dropdown", "choice_dropdown", "heading"]

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


def country_dropdown(model: traitlets.HasTraits, language: str = "en") -> widgets.Dropdown:
    """A country picker linked to ``model.country`` (ISO code)."""
    _ = translator(language).gettext
    dropdown = widgets.Dropdown(options=[(_(country.name), country.code) for country in all_countries()],
                                description=_("Country"), style=_LABEL_STYLE)
    dropdown.add_class("ritorno-field-country")
    traitlets.link((model, "country"), (dropdown, "value"))
    return dropdown


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
