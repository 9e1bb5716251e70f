"""Can the household carry this instalment? Repayment capacity under stress (modules 9 and 10)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from ._validate import require_fraction, require_non_negative, require_positive

__all__ = ["RepaymentCapacity", "repayment_capacity", "debt_service_cover", "sustainable_rate"]

DEFAULT_SALES_DROP = 0.20
DEFAULT_MAX_INCOME_SHARE = 0.35  # course default, editable: standards set no universal threshold (SPTF, CGAP)


def debt_service_cover(cash_available: float, instalment: float) -> float:
    """Cash available for instalments ÷ instalment (above 1 means the instalment is covered).

    >>> debt_service_cover(150_000, 100_000)
    1.5
    """
    return require_non_negative(cash_available, "Cash available") / require_positive(instalment, "The instalment")


@dataclass(frozen=True)
class RepaymentCapacity:
    """How an instalment compares with what the household earns and keeps, also after a sales drop."""

    instalment: float
    net_income: float
    surplus: float
    stressed_surplus: float
    income_share: float
    max_income_share: float

    @property
    def cover(self) -> float:
        """Debt-service cover before the stress test (surplus before the instalment ÷ instalment)."""
        return self.surplus / self.instalment

    @property
    def stressed_cover(self) -> float:
        """Debt-service cover after the sales drop."""
        return self.stressed_surplus / self.instalment

    @property
    def within_income_share(self) -> bool:
        """The instalment takes no more than the allowed share of net income."""
        return self.income_share <= self.max_income_share

    @property
    def survives_stress(self) -> bool:
        """The surplus still pays the instalment after the sales drop."""
        return self.stressed_surplus >= self.instalment

    @property
    def affordable(self) -> bool:
        """Both tests pass."""
        return self.within_income_share and self.survives_stress


def repayment_capacity(
    monthly_sales: float,
    variable_costs: float,
    fixed_costs: float,
    other_income: float,
    household_spending: float,
    instalment: float,
    sales_drop: float = DEFAULT_SALES_DROP,
    max_income_share: float = DEFAULT_MAX_INCOME_SHARE,
) -> RepaymentCapacity:
    """Test an instalment against household income and a fall in sales.

    Net income = sales − variable costs − fixed costs + other income. Surplus =
    net income − household spending, before the instalment. Under stress, sales
    and the variable costs that go with them fall by ``sales_drop``.

    Examples
    --------
    >>> check = repayment_capacity(monthly_sales=600_000, variable_costs=300_000, fixed_costs=80_000,
    ...                            other_income=50_000, household_spending=150_000, instalment=91_680)
    >>> check.surplus, check.stressed_surplus
    (120000.0, 60000.0)
    >>> round(check.income_share, 3), check.affordable
    (0.34, False)
    """
    sales = require_non_negative(monthly_sales, "Monthly sales")
    variable = require_non_negative(variable_costs, "Variable costs")
    drop = require_fraction(sales_drop, "The sales drop")
    share_cap = require_fraction(max_income_share, "The maximum share of income")
    payment = require_positive(instalment, "The instalment")
    fixed = require_non_negative(fixed_costs, "Fixed costs")
    other = require_non_negative(other_income, "Other income")
    spending = require_non_negative(household_spending, "Household spending")
    net_income = sales - variable - fixed + other
    stressed_income = (sales - variable) * (1 - drop) - fixed + other
    share = payment / net_income if net_income > 0 else math.inf
    return RepaymentCapacity(payment, net_income, net_income - spending, stressed_income - spending, share, share_cap)


def sustainable_rate(
    administrative_expenses: float, loan_losses: float, cost_of_funds: float, capitalisation: float, investment_income: float
) -> float:
    """Interest rate a lender needs to cover its costs (CGAP): (AE + LL + CF + K − II) ÷ (1 − LL).

    All inputs are fractions of the average loan portfolio.

    References
    ----------
    Rosenberg, R. (2002). Microcredit Interest Rates. CGAP Occasional Paper 1.

    >>> round(sustainable_rate(0.15, 0.02, 0.08, 0.05, 0.01), 4)
    0.2959
    """
    losses = require_fraction(loan_losses, "Loan losses")
    parts = [require_non_negative(value, name) for value, name in (
        (administrative_expenses, "Administrative expenses"), (cost_of_funds, "Cost of funds"),
        (capitalisation, "Capitalisation"), (investment_income, "Investment income"))]
    return (parts[0] + losses + parts[1] + parts[2] - parts[3]) / (1 - losses)
