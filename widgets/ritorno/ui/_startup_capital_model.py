"""Model of the start-up capital planner (module 5): what the business needs, and where the money comes from.

No ipywidgets here: the view links its boxes to these traits, tests drive the model directly,
and later modules (the cash-flow plan, the business plan) read the saved plan through
:func:`saved_startup_capital` without building any widget.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import traitlets

from ..answers import AnswerStatus, AnswerStore
from ..countries import COUNTRY_CODES
from ..curriculum import m05
from ..finance import FundingMix, startup_capital
from ..i18n import N_
from ._plan_model import CountryPlanModel

__all__ = ["StartupCapitalModel", "CapitalPlan", "saved_startup_capital", "LINE_KINDS", "LINE_NAMES",
           "AMOUNT_INPUTS", "SOURCES", "MAX_MONTHS", "MAX_NAME_LENGTH"]

#: The two kinds of named lines: fixed assets, and costs paid once before opening.
LINE_KINDS: tuple[str, ...] = ("equipment", "pre_opening")
#: Trait of each line: ``equipment_1`` holds the amount, ``equipment_1_name`` what it is.
LINE_NAMES: dict[str, tuple[str, ...]] = {kind: tuple(f"{kind}_{n}" for n in range(1, m05.LINES + 1))
                                          for kind in LINE_KINDS}
#: Where the money comes from, in the order of :class:`~ritorno.finance.FundingMix`.
SOURCES: tuple[str, ...] = ("iom_in_kind", "savings", "family", "loan")
#: Every box that holds a number.
AMOUNT_INPUTS: tuple[str, ...] = (*LINE_NAMES["equipment"], *LINE_NAMES["pre_opening"], "running_costs", "months",
                                  *SOURCES)
#: Most months of running costs a plan may keep aside.
MAX_MONTHS = 36
#: Longest name of a line, in characters.
MAX_NAME_LENGTH = 60

_NAME_TOO_LONG = N_("This name is too long: use at most {limit} characters.")


@dataclass(frozen=True)
class CapitalPlan:
    """What the business needs to open (the uses) and where the money comes from (the sources).

    ``equipment`` and ``pre_opening`` hold ``(name, amount)`` for each line filled in.
    """

    equipment: tuple[tuple[str, float], ...]
    pre_opening: tuple[tuple[str, float], ...]
    running_costs: float
    months: int
    capital: float
    funding: FundingMix

    @property
    def fixed_assets(self) -> float:
        """All equipment and other fixed assets together."""
        return math.fsum(amount for _, amount in self.equipment)

    @property
    def pre_opening_total(self) -> float:
        """All costs paid once before opening."""
        return math.fsum(amount for _, amount in self.pre_opening)

    @property
    def working_capital(self) -> float:
        """Running costs kept aside: months × running costs of one month."""
        return self.running_costs * self.months

    @property
    def gap(self) -> float:
        """Uses minus sources: positive when money is still missing, negative when there is more than needed."""
        return self.funding.gap(self.capital)

    @property
    def opening_cash(self) -> float:
        """Money left on the opening day once equipment and pre-opening costs are paid: working capital − gap.

        IOM's support in kind counts on both sides (goods received, goods used), so what is
        left is cash. Negative when the sources do not even cover the equipment and pre-opening costs.
        """
        return self.funding.total - self.fixed_assets - self.pre_opening_total


class StartupCapitalModel(CountryPlanModel):
    """Start-up needs and funding sources as typed; the capital, the funding mix and the gap they give.

    ``plan`` is ``None`` while a box is invalid; ``errors`` then maps each box to a message for
    the trainee. Line amounts and sources may be left empty (nothing); the running costs and
    the months may not. The work is kept as record ``m05_capital``; module 7 starts its cash
    flow from it and module 10 puts it in the business plan.

    Examples
    --------
    >>> model = StartupCapitalModel(country="EC")
    >>> model.equipment_1_name, model.equipment_1, model.months
    ('Industrial stove', '450', '3')
    >>> model.capital, model.funding.total, model.gap
    (5550.0, 5150.0, 400.0)
    >>> model.loan = "1 900"
    >>> model.gap
    0.0
    >>> model.months = "three"
    >>> model.capital is None, sorted(model.errors)
    (True, ['months'])
    """

    # one trait per box of LINE_NAMES (m05.LINES lines of each kind): what it is, and what it costs
    equipment_1_name = traitlets.Unicode("")
    equipment_1 = traitlets.Unicode("")
    equipment_2_name = traitlets.Unicode("")
    equipment_2 = traitlets.Unicode("")
    equipment_3_name = traitlets.Unicode("")
    equipment_3 = traitlets.Unicode("")
    equipment_4_name = traitlets.Unicode("")
    equipment_4 = traitlets.Unicode("")
    pre_opening_1_name = traitlets.Unicode("")
    pre_opening_1 = traitlets.Unicode("")
    pre_opening_2_name = traitlets.Unicode("")
    pre_opening_2 = traitlets.Unicode("")
    pre_opening_3_name = traitlets.Unicode("")
    pre_opening_3 = traitlets.Unicode("")
    pre_opening_4_name = traitlets.Unicode("")
    pre_opening_4 = traitlets.Unicode("")
    running_costs = traitlets.Unicode("")
    months = traitlets.Unicode("")
    iom_in_kind = traitlets.Unicode("")
    savings = traitlets.Unicode("")
    family = traitlets.Unicode("")
    loan = traitlets.Unicode("")

    plan = traitlets.Any(None, allow_none=True)

    record_id = "m05_capital"
    persisted = ("country",
                 *(name for kind in LINE_KINDS for line in LINE_NAMES[kind] for name in (f"{line}_name", line)),
                 "running_costs", "months", *SOURCES)

    @classmethod
    def from_store(cls, store: AnswerStore, language: str | None = None) -> StartupCapitalModel | None:
        """The plan saved in ``store``, or ``None`` when the trainee has not saved one yet."""
        return saved_startup_capital(store, language)

    @property
    def example(self) -> m05.StartupExample:
        """The illustrative business of the country in use."""
        return m05.EXAMPLES[self.country]

    @property
    def capital(self) -> float | None:
        """Start-up capital: fixed assets + pre-opening costs + months × running costs (``None`` while invalid)."""
        return None if self.plan is None else self.plan.capital

    @property
    def funding(self) -> FundingMix | None:
        """Where the money comes from (``None`` while invalid)."""
        return None if self.plan is None else self.plan.funding

    @property
    def gap(self) -> float | None:
        """Capital minus sources: still missing when positive, more than needed when negative."""
        return None if self.plan is None else self.plan.gap

    def use_example(self) -> None:
        """Fill the boxes with the country's example business."""
        example = self.example
        with self.hold_trait_notifications():
            for kind in LINE_KINDS:
                items = dict(enumerate(getattr(example, kind)))
                for index, line in enumerate(LINE_NAMES[kind]):
                    key, amount = items.get(index, (None, None))
                    setattr(self, f"{line}_name", self.gettext(m05.ITEMS[key]) if key else "")
                    setattr(self, line, self.typed(amount) if key else "")
            self.running_costs = self.typed(example.running_costs)
            self.months = str(example.months)
            for source in SOURCES:
                setattr(self, source, self.typed(getattr(example, source)))

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        lines: dict[str, list[tuple[str, float]]] = {kind: [] for kind in LINE_KINDS}
        for kind in LINE_KINDS:
            for line in LINE_NAMES[kind]:
                name = getattr(self, f"{line}_name").strip()
                if len(name) > MAX_NAME_LENGTH:
                    errors[f"{line}_name"] = self.gettext(_NAME_TOO_LONG).format(limit=MAX_NAME_LENGTH)
                amount = self.read(line, "money", errors, optional=True)
                if name or amount:
                    lines[kind].append((name, amount or 0.0))
        running = self.read("running_costs", "money", errors)
        months = self.read("months", "count", errors, high=MAX_MONTHS)
        sources = {source: self.read(source, "money", errors, optional=True) or 0.0 for source in SOURCES}
        plan = None
        if not errors:
            capital = startup_capital({f"{kind}_{n}": amount for kind in LINE_KINDS
                                       for n, (_, amount) in enumerate(lines[kind])},
                                      {}, running, months)
            plan = CapitalPlan(tuple(lines["equipment"]), tuple(lines["pre_opening"]), running, months, capital,
                               FundingMix(**sources))
        self.errors = errors
        self.plan = plan


def saved_startup_capital(store: AnswerStore, language: str | None = None) -> StartupCapitalModel | None:
    """Module 5's plan as the trainee saved it in ``store``, or ``None`` if there is none yet.

    Later modules call this to start from the trainee's own figures: ``model.plan.opening_cash``,
    ``model.funding.loan``, ``model.capital``.

    Examples
    --------
    >>> import tempfile
    >>> store = AnswerStore(tempfile.mkdtemp())
    >>> saved_startup_capital(store) is None
    True
    >>> StartupCapitalModel(store=store, country="EC").loan = "1 900"
    >>> plan = saved_startup_capital(store).plan
    >>> plan.funding.loan, plan.gap, plan.opening_cash
    (1900.0, 0.0, 2700.0)
    """
    saved = store.load(StartupCapitalModel.record_id, StartupCapitalModel.schema())
    if saved.status is not AnswerStatus.SAVED:
        return None
    country = saved.get("country")
    return StartupCapitalModel(store=store, country=country if country in COUNTRY_CODES else None,
                               **({"language": language} if language else {}))
