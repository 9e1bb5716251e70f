"""Start-up capital and how it is funded (module 5)."""
from __future__ import annotations

from dataclasses import dataclass

from ._household import Amounts, total
from ._validate import require_non_negative

__all__ = ["startup_capital", "FundingMix"]


def startup_capital(
    fixed_assets: Amounts, pre_opening_costs: Amounts, monthly_running_costs: float, months_of_working_capital: float
) -> float:
    """Money needed to open and run until sales come in.

    capital = fixed assets + pre-opening costs + k months of working capital.

    >>> startup_capital({"oven": 900_000}, {"permit": 50_000}, monthly_running_costs=200_000, months_of_working_capital=3)
    1550000.0
    """
    months = require_non_negative(months_of_working_capital, "Months of working capital")
    running = require_non_negative(monthly_running_costs, "Monthly running costs")
    return total(fixed_assets, "Equipment") + total(pre_opening_costs, "Pre-opening costs") + running * months


@dataclass(frozen=True)
class FundingMix:
    """Where the start-up capital comes from.

    >>> mix = FundingMix(iom_in_kind=800_000, savings=300_000, family=100_000, loan=350_000)
    >>> mix.total, mix.gap(1_550_000)
    (1550000.0, 0.0)
    >>> round(mix.shares()["loan"], 3)
    0.226
    """

    iom_in_kind: float = 0.0
    savings: float = 0.0
    family: float = 0.0
    loan: float = 0.0

    def __post_init__(self) -> None:
        for name, label in (("iom_in_kind", "IOM support in kind"), ("savings", "Own savings"),
                            ("family", "Family contribution"), ("loan", "The loan")):
            object.__setattr__(self, name, require_non_negative(getattr(self, name), label))

    @property
    def total(self) -> float:
        """All sources together."""
        return self.iom_in_kind + self.savings + self.family + self.loan

    def gap(self, capital_needed: float) -> float:
        """Uses minus sources: positive means money is still missing, negative a surplus."""
        return require_non_negative(capital_needed, "Capital needed") - self.total

    def shares(self) -> dict[str, float]:
        """Each source as a fraction of the total (all 0 when nothing is funded)."""
        whole = self.total
        parts = {"iom_in_kind": self.iom_in_kind, "savings": self.savings, "family": self.family, "loan": self.loan}
        return {name: (value / whole if whole else 0.0) for name, value in parts.items()}
