"""Model of the remittance comparison: an amount in euros, the market rate, and up to four ways to send it.

No ipywidgets here: the view links its boxes to these traits.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import traitlets

from ..countries import COUNTRY_CODES, Country, Fact, get_country
from ..curriculum import m08
from ..finance import fx_margin, remittance_cost
from ..i18n import InvalidAmount, format_number, translator
from ._parsing import check_range, parse_input
from ._persist import PersistentModel

__all__ = ["RemittanceModel", "Offer", "WAYS", "fee_trait", "rate_trait"]

WAYS = m08.WAYS
_MAX_AMOUNT = 1_000_000  # euros: far beyond a family transfer
_MAX_RATE = 1e6
_LOW_SHARE, _HIGH_SHARE = 0.5, 1.5  # a rate below half or above 1.5 × the market rate is a typing mistake


def fee_trait(way: str) -> str:
    """Name of the fee box of ``way``: ``"fee_bank"``."""
    return f"fee_{way}"


def rate_trait(way: str) -> str:
    """Name of the exchange-rate box of ``way``: ``"rate_bank"``."""
    return f"rate_{way}"


_WAY_TRAITS = tuple(name for way in WAYS for name in (fee_trait(way), rate_trait(way)))
_WayTraits = type("_WayTraits", (PersistentModel,), {name: traitlets.Unicode("") for name in _WAY_TRAITS})


@dataclass(frozen=True)
class Offer:
    """One way of sending, worked out: cost as a fraction of the amount and in euros, and what arrives."""

    way: str
    fee: float
    rate: float
    margin: float
    cost: float
    cost_eur: float
    received: float


class RemittanceModel(_WayTraits):
    """What it costs to send an amount home, way by way, and the cheapest way.

    A way whose two boxes are empty is left out. ``offers`` maps each way filled in to
    its :class:`Offer`; it is empty while a box is invalid (``errors`` then maps each bad
    box to a message). ``cheapest`` names the cheapest way ("" with fewer than two ways).

    Examples
    --------
    >>> model = RemittanceModel(country="PE", market_rate="4.136", amount="300")
    >>> model.rate_online = "4.086"; model.fee_online = "2.99"
    >>> round(model.offers["online"].cost * 100, 2)  # (2.99 + (1 − 4.086 ÷ 4.136) × 300) ÷ 300
    2.21
    >>> model.cheapest
    'online'
    """

    country = traitlets.Unicode(m08.COUNTRY)
    language = traitlets.Unicode("en")
    amount = traitlets.Unicode("")
    market_rate = traitlets.Unicode("")

    offers = traitlets.Dict()
    amount_eur = traitlets.Float(None, allow_none=True)
    cheapest = traitlets.Unicode("")

    record_id = "m08_remittance"
    persisted = ("country", "amount", "market_rate", *_WAY_TRAITS)

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country) or self.country
        self.use_example()
        return remaining

    @traitlets.validate("country")
    def _known_country(self, proposal: dict) -> str:
        """A code from a hand-edited answer file that is no country of the course keeps the country in use."""
        value = proposal["value"]
        code = value.strip().upper() if isinstance(value, str) else value
        return code if code in COUNTRY_CODES else self.country

    @property
    def profile(self) -> Country:
        """The country money is sent to."""
        return get_country(self.country)

    @property
    def market_fact(self) -> Fact:
        """The country's euro exchange rate, with its source and year."""
        return self.profile.fact("eur_exchange_rate")

    def market_text(self) -> str:
        """The market rate from the country data, as the box shows it."""
        value = self.market_fact.value
        decimals = len(repr(value).partition(".")[2].rstrip("0"))  # 1.0411 keeps its four decimals
        return format_number(value, self.profile.locale, digits=decimals)

    def use_example(self) -> None:
        """Fill the boxes with the country's market rate and illustrative offers."""
        example = m08.remittance_example(self.country)
        locale, market = self.profile.locale, self.market_fact.value
        texts = {"amount": format_number(example.amount, locale), "market_rate": self.market_text()}
        for way in WAYS:
            texts[fee_trait(way)] = format_number(example.fees[way], locale)
            texts[rate_trait(way)] = format_number(float(f"{market * (1 - example.margins[way]):.4g}"), locale)
        self.fill(texts)

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        if not self._restoring:
            self.use_example()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    def _parse(self, name: str, low: float, high: float, low_inclusive: bool, errors: dict[str, str]) -> float | None:
        text = getattr(self, name)
        try:
            value = parse_input(text, "money", self.profile.locale, self.language)
            check_range(value, text, low, high, self.profile.locale, self.language, low_inclusive)
        except InvalidAmount as problem:
            errors[name] = str(problem)
            return None
        return float(value)

    def filled_ways(self) -> list[str]:
        """The ways with something typed in their fee or rate box."""
        return [way for way in WAYS if getattr(self, fee_trait(way)).strip() or getattr(self, rate_trait(way)).strip()]

    def _recompute(self) -> None:
        _ = translator(self.language).gettext
        locale = self.profile.locale
        errors: dict[str, str] = {}
        amount = self._parse("amount", 0, _MAX_AMOUNT, False, errors)
        market = self._parse("market_rate", 0, _MAX_RATE, False, errors)
        parsed: dict[str, tuple[float, float]] = {}
        for way in self.filled_ways():
            fee_name, rate_name = fee_trait(way), rate_trait(way)
            fee = rate = None
            if not getattr(self, fee_name).strip():
                errors[fee_name] = _("Type the fee in euros (0 if there is none).")
            else:
                fee = self._parse(fee_name, 0, _MAX_AMOUNT, True, errors)
            if not getattr(self, rate_name).strip():
                errors[rate_name] = _("Type the rate this way offers: {currency} for 1 euro.").format(
                    currency=self.profile.currency)
            else:
                rate = self._parse(rate_name, 0, _MAX_RATE, False, errors)
            if fee is not None and amount is not None and fee >= amount:
                errors[fee_name] = _("The fee is as much as the amount sent, or more: check it.")
            if rate is not None and market is not None:
                typed = getattr(self, rate_name).strip()
                if rate < market * _LOW_SHARE:
                    errors[rate_name] = _("{typed} is less than half the market rate ({market}): type how many "
                                          "{currency} you get for 1 euro.").format(
                        typed=typed, market=format_number(market, locale), currency=self.profile.currency)
                elif rate > market * _HIGH_SHARE:
                    errors[rate_name] = _("{typed} is far above the market rate ({market}): check the number.").format(
                        typed=typed, market=format_number(market, locale))
            if fee is not None and rate is not None and not {fee_name, rate_name} & errors.keys():
                parsed[way] = (fee, rate)
        offers: dict[str, Offer] = {}
        if not errors:
            for way, (fee, rate) in parsed.items():
                margin = fx_margin(rate, market)
                cost = remittance_cost(amount, fee, margin)
                offers[way] = Offer(way, fee, rate, margin, cost, cost * amount, amount * rate)
        with self.hold_trait_notifications():  # views see the new results all together
            self.errors = errors
            self.amount_eur = None if errors else amount
            self.offers = offers
            self.cheapest = min(offers, key=lambda way: offers[way].cost) if len(offers) >= 2 else ""
