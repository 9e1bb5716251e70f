"""Read-only tables of figures: an exercise's scenario and sourced facts about a country."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING

from ..countries import get_country
from ..i18n import format_money, format_number, format_percent, translator
from ._env import course_language, unless_grading

if TYPE_CHECKING:
    import ipywidgets as widgets

__all__ = ["figures_table", "loan_terms_table", "facts_table"]


def _html(markup: str) -> widgets.HTML:
    import ipywidgets as widgets  # only once a table is built: exercise notebooks import this module while grading

    return widgets.HTML(markup)


def _table(rows: Iterable[tuple[str, str]], css_class: str) -> widgets.HTML:
    cells = "".join(f"<tr><th style='text-align:left;padding-right:1.5em'>{escape(label)}</th>"
                    f"<td style='text-align:right'>{escape(value)}</td></tr>" for label, value in rows)
    return _html(f"<table class='{css_class}' style='font-size:1.05em'>{cells}</table>")


@unless_grading
def figures_table(amounts: Mapping[str, float], labels: Mapping[str, str], country: str,
                  language: str | None = None) -> widgets.HTML:
    """Amounts in the country's currency, one labelled row each."""
    _ = translator(language or course_language()).gettext
    profile = get_country(country)
    return _table(((_(labels[key]), format_money(value, profile.currency, profile.locale)) for key, value in amounts.items()),
                  "ritorno-figures")


@unless_grading
def loan_terms_table(terms: Mapping[str, float | int | str], country: str, language: str | None = None) -> widgets.HTML:
    """A loan offer as a lender would write it."""
    _ = translator(language or course_language()).gettext
    profile = get_country(country)
    methods = {"declining": _("declining balance"), "equal_principal": _("declining balance, equal principal"),
               "flat": _("flat")}
    frequencies = {"monthly": _("monthly"), "fortnightly": _("every two weeks"), "weekly": _("weekly")}
    rows = [
        (_("Amount"), format_money(terms["amount"], profile.currency, profile.locale)),
        (_("Interest rate per year"), format_percent(terms["annual_rate"], profile.locale, digits=1)),
        (_("Interest method"), methods[terms.get("method", "declining")]),
        (_("Instalments"), f"{terms['periods']} × {frequencies[terms.get('frequency', 'monthly')]}"),
        (_("Upfront fee"), format_percent(terms.get("upfront_fee", 0), profile.locale, digits=1)),
        (_("Compulsory savings"), format_percent(terms.get("compulsory_savings", 0), profile.locale, digits=1)),
    ]
    return _table(rows, "ritorno-loan-terms")


@unless_grading
def facts_table(country: str, keys: Iterable[str] | None = None, language: str | None = None) -> widgets.HTML:
    """Figures from the world about a country, each with its source and year."""
    _ = translator(language or course_language()).gettext
    profile = get_country(country)
    chosen = list(keys) if keys is not None else list(profile.facts)
    lines = []
    for key in chosen:
        fact = profile.fact(key)
        if fact.value is None:
            value = ""
        elif fact.unit in ("annual_rate", "fraction"):
            value = format_percent(fact.value, profile.locale, digits=2)
        elif fact.unit == "currency":
            value = format_money(fact.value, profile.currency, profile.locale)
        else:
            value = format_number(fact.value, profile.locale)
        source = f"{fact.source}, {fact.year}"
        note = f" — {_(fact.note)}" if fact.note else ""
        caution = "" if fact.verified else " " + _("(not verified: check before relying on it)")
        shown = f": {escape(value)}" if value else ""
        lines.append(f"<li><b>{escape(_(fact.label))}</b>{shown} <small>({escape(source)}{escape(note)}"
                     f"{escape(caution)})</small></li>")
    title = _("Facts about {country}").format(country=_(profile.name))
    return _html(f"<div class='ritorno-facts'><b>{escape(title)}</b><ul>{''.join(lines)}</ul></div>")
