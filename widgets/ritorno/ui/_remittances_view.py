"""Module 8's remittance comparison: what each way of sending money home really costs.

The views, with ipywidgets and matplotlib; :mod:`ritorno.ui.remittances` holds the factory and
loads this module only when a lesson builds the widget.
"""
from __future__ import annotations

from html import escape

import ipywidgets as widgets
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..answers import AnswerStore
from ..countries import ITALY_REMITTANCE_FACTS, Fact
from ..curriculum import m08
from ..i18n import format_money, format_number, format_percent, translator
from ._boxes import BoundBox, TypingView, country_dropdown, heading
from ._charts import figure_png
from ._env import course_language
from ._remittance_model import WAYS, Offer, RemittanceModel, fee_trait, rate_trait
from ._style import note_html

__all__ = ["RemittanceChart", "RemittanceComparison", "ITALY_AVERAGE", "ITALY_FACTS_SHOWN"]

CHEAPEST_COLOUR = "#1e8449"
OTHER_COLOUR = "#2e86c1"
#: the Italian average drawn on the chart, and the facts listed beside it
ITALY_AVERAGE = "average_cost_150_eur"
ITALY_FACTS_SHOWN = ("average_cost_150_eur", "online_cost_150_eur", "agency_cost_150_eur", "remittances_sent_2023")
_SMALL_LABELS = {"description_width": "11em"}


def way_label(way: str, model: RemittanceModel) -> str:
    """The name of a way of sending, in the trainee's language (the mobile wallet names the country's providers)."""
    _ = translator(model.language).gettext
    return _(m08.WAY_LABELS[way]).format(providers=", ".join(model.profile.mobile_money))


def euros(amount: float, locale: str, digits: int = 2) -> str:
    """An amount in euros, written with the country's digits: ``6,48 €`` in Ecuador, ``6.48 €`` in Peru."""
    return f"{format_number(amount, locale, digits=digits)}\xa0€"


def _source(fact: Fact, language: str) -> str:
    _ = translator(language).gettext
    caution = "" if fact.verified else " " + _("(not verified: check before relying on it)")
    note = f" {_(fact.note)}" if fact.note else ""
    return f"{fact.source}, {fact.year}.{note}{caution}"


class RemittanceChart:
    """Cost of each way as a percentage of the amount sent; the cheapest in green; the Italian average dashed."""

    def __init__(self, labels: list[str], title: str, average: Fact, average_label: str, locale: str) -> None:
        self.figure = Figure(figsize=(6.5, 3.2), layout="constrained")
        self.axes = self.figure.add_subplot()
        positions = list(range(len(labels)))
        self.bars = self.axes.bar(positions, [0.0] * len(labels), color=OTHER_COLOUR)
        self.axes.set_xticks(positions, labels, fontsize="small")
        self.axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_percent(value, locale, digits=1)))
        self.average_line = self.axes.axhline(average.value, color="#7f8c8d", linestyle="--", linewidth=1.2,
                                              label=average_label)
        self.axes.legend(loc="upper right", fontsize="small")
        self.axes.set_title(title, fontsize="medium")

    def update(self, costs: list[float | None], cheapest: int | None) -> None:
        """Show these costs (fractions; ``None`` for a way left out), the ``cheapest`` bar in green."""
        for index, (bar, cost) in enumerate(zip(self.bars, costs)):
            bar.set_height(cost or 0.0)
            bar.set_facecolor(CHEAPEST_COLOUR if index == cheapest else OTHER_COLOUR)
        top = max([cost or 0.0 for cost in costs] + [self.average_line.get_ydata()[0]])
        self.axes.set_ylim(0, top * 1.25 or 0.01)

    @property
    def heights(self) -> list[float]:
        """The bars' heights (cost fractions), in the order of the ways."""
        return [bar.get_height() for bar in self.bars]

    @property
    def colours(self) -> list[str]:
        """The bars' colours as ``#rrggbb``."""
        return [to_hex(bar.get_facecolor()) for bar in self.bars]

    @property
    def average(self) -> float:
        """Height of the dashed Italian average."""
        return float(self.average_line.get_ydata()[0])

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return figure_png(self.figure)


class RemittanceComparison(TypingView, widgets.VBox):
    """Compare ways of sending money from Italy: fee, exchange rate, true cost, cheapest way.

    Examples
    --------
    >>> comparison = RemittanceComparison(country="PE")
    >>> comparison.model.cheapest
    'online'
    >>> comparison.type_into("fee_mobile", "0")
    >>> comparison.model.cheapest
    'mobile'
    """

    def __init__(self, country: str = m08.COUNTRY, language: str | None = None,
                 store: AnswerStore | None = None) -> None:
        self.model = RemittanceModel(store=store, country=country, language=language or course_language())
        _ = translator(self.model.language).gettext
        currency = self.model.profile.currency
        self._boxes = {"amount": BoundBox(self.model, "amount", _("Amount sent"), "EUR"),
                       "market_rate": BoundBox(self.model, "market_rate", _("Market rate"))}
        self.market_note = widgets.HTML()
        rows: list[widgets.Widget] = []
        self._way_titles: dict[str, widgets.HTML] = {}
        for way in WAYS:
            fee = BoundBox(self.model, fee_trait(way), _("Fee"), "EUR")
            rate = BoundBox(self.model, rate_trait(way), _("Rate offered"))
            for box in (fee, rate):
                box.box.style = _SMALL_LABELS
                box.box.layout.width = "22em"
            self._boxes[fee_trait(way)], self._boxes[rate_trait(way)] = fee, rate
            self._way_titles[way] = widgets.HTML()
            rows += [self._way_titles[way], widgets.HBox([fee, rate], layout={"flex_flow": "row wrap"})]
        self.verdict = widgets.HTML()
        self.table = widgets.HTML(layout={"overflow": "auto", "max_width": "100%"})
        self.italy = widgets.HTML()
        average = ITALY_REMITTANCE_FACTS[ITALY_AVERAGE]
        self.chart = RemittanceChart([_(m08.WAY_SHORT_LABELS[way]) for way in WAYS],
                                     _("Cost of sending, as a share of the amount"), average,
                                     f"{_(average.label)} ({average.source}, {average.year})",
                                     self.model.profile.locale)
        self.chart_image = widgets.Image(format="png", layout={"max_width": "100%", "width": "600px"})
        hint = note_html(_("Rates are {currency} for 1 euro. Leave both boxes of a way empty to leave it out.")
                         .format(currency=currency))
        self._hint = widgets.HTML(hint)
        super().__init__([country_dropdown(self.model, self.model.language), self._boxes["amount"],
                          self._boxes["market_rate"], self.market_note, self._hint,
                          heading(_("Ways of sending")), *rows, heading(_("What each way costs")), self.verdict,
                          self.table, self.chart_image, self.italy])
        self.add_class("ritorno-remittances")
        self.model.observe(self._refresh, names=["offers", "errors", "cheapest", "market_rate", "country"])
        self._refresh()

    def _refresh(self, change: dict | None = None) -> None:
        _ = translator(self.model.language).gettext
        model = self.model
        currency = model.profile.currency
        self._hint.value = note_html(_("Rates are {currency} for 1 euro. Leave both boxes of a way empty to leave "
                                       "it out.").format(currency=currency))
        for way, title in self._way_titles.items():
            title.value = f"<b>{escape(way_label(way, model))}</b>"
        self.market_note.value = note_html(self.market_note_text())
        self.italy.value = self.italy_html()
        self.verdict.value = self.verdict_html()
        self.table.value = self._table_html()
        if len(model.offers) < 2:
            self.chart_image.layout.display = "none"
            return
        costs = [model.offers[way].cost if way in model.offers else None for way in WAYS]
        self.chart.update(costs, WAYS.index(model.cheapest))
        self.chart_image.value = self.chart.png()
        self.chart_image.layout.display = None

    def market_note_text(self) -> str:
        """Where the market rate comes from (the country data, with source and year) or that it was typed."""
        _ = translator(self.model.language).gettext
        fact = self.model.market_fact
        if self.model.market_rate.strip() == self.model.market_text():
            return _("{label}: {source}").format(label=_(fact.label), source=_source(fact, self.model.language))
        return _("You typed your own market rate. The course data give {rate} ({source})").format(
            rate=self.model.market_text(), source=_source(fact, self.model.language))

    def verdict_text(self) -> str:
        """The cheapest way, what it costs, what arrives, and what it saves over a year against the dearest."""
        _ = translator(self.model.language).gettext
        model = self.model
        if model.errors:
            return _("Correct the boxes marked in red to see the results.")
        if len(model.offers) < 2:
            return _("Fill in at least two ways to compare them.")
        profile = model.profile
        best: Offer = model.offers[model.cheapest]
        dearest: Offer = max(model.offers.values(), key=lambda offer: offer.cost)
        text = _("The cheapest way is {way}: it costs {cost} ({cost_eur}) to send {amount}, and your family "
                 "receives {received}.").format(
            way=way_label(best.way, model), cost=format_percent(best.cost, profile.locale, digits=1),
            cost_eur=euros(best.cost_eur, profile.locale), amount=euros(model.amount_eur, profile.locale),
            received=format_money(best.received, profile.currency, profile.locale))
        if dearest.cost > best.cost:
            text += " " + _("Sending this every month, it saves {saving} a year compared with {way}.").format(
                saving=euros(12 * (dearest.cost_eur - best.cost_eur), profile.locale),
                way=way_label(dearest.way, model))
        return text

    def verdict_html(self) -> str:
        if self.model.errors or len(self.model.offers) < 2:
            return note_html(self.verdict_text())
        return f"<p class='ritorno-verdict' style='font-size:1.1em'><b>{escape(self.verdict_text())}</b></p>"

    def _table_html(self) -> str:
        _ = translator(self.model.language).gettext
        model = self.model
        if not model.offers:
            return ""
        locale, currency = model.profile.locale, model.profile.currency
        head = "".join(f"<th style='padding:0 .6em'>{escape(text)}</th>" for text in (
            _("Way"), _("Fee"), _("Rate offered"), _("Lost on the rate"), _("Total cost"), _("Cost (%)"),
            _("Family receives")))
        body = []
        for way in WAYS:
            offer = model.offers.get(way)
            if offer is None:
                continue
            cells = [way_label(way, model), euros(offer.fee, locale), format_number(offer.rate, locale),
                     format_percent(offer.margin, locale, digits=1), euros(offer.cost_eur, locale),
                     format_percent(offer.cost, locale, digits=1), format_money(offer.received, currency, locale)]
            weight = ";font-weight:bold" if way == model.cheapest else ""
            body.append("<tr>" + "".join(
                f"<td style='padding:0 .6em;text-align:{'left' if i == 0 else 'right'}{weight}'>{escape(cell)}</td>"
                for i, cell in enumerate(cells)) + "</tr>")
        return f"<table class='ritorno-remittance-table'><tr>{head}</tr>{''.join(body)}</table>"

    def italy_html(self) -> str:
        """The Italian averages, each with its source and year."""
        _ = translator(self.model.language).gettext
        locale = self.model.profile.locale
        items = []
        for key in ITALY_FACTS_SHOWN:
            fact = ITALY_REMITTANCE_FACTS[key]
            value = (format_percent(fact.value, locale, digits=2) if fact.unit == "fraction"
                     else euros(fact.value, locale, digits=0))
            items.append(f"<li><b>{escape(_(fact.label))}</b>: {escape(value)} "
                         f"<small>({escape(_source(fact, self.model.language))})</small></li>")
        title = _("For comparison: sending money from Italy")
        return f"<div class='ritorno-facts'><b>{escape(title)}</b><ul>{''.join(items)}</ul></div>"
