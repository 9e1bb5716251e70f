"""Pure calculations of the course: loans, household budgets, costing, break-even, cash flow.

Nothing here imports Jupyter; widgets and grading are thin layers over these functions.
Rates are fractions (0.18 means 18%) and amounts unrounded floats.
"""
from ._breakeven import break_even_sales, break_even_units, margin_of_safety
from ._capacity import RepaymentCapacity, debt_service_cover, repayment_capacity, sustainable_rate
from ._capital import FundingMix, startup_capital
from ._cashflow import CashFlowMonth, cash_flow_plan, negative_months
from ._costing import margin_from_markup, markup_from_margin, price_from_markup, unit_cost
from ._household import budget_surplus, runway_months, total
from ._loans import (METHODS, PERIODS_PER_YEAR, RATE_TYPES, Loan, ScheduleRow, annuity_payment, periodic_rate,
                     rate_from_cash_flows)
from ._forecast import MONTHS, seasonal_sales
from ._ideas import best_ideas, weighted_scores
from ._loan_months import LoanMonths, loan_by_month
from ._price_split import PriceSplit, price_split
from ._profit_plan import profit_at_volume
from ._remittance import fx_margin, remittance_cost
from ._savings import months_to_goal

__all__ = [
    "Loan", "ScheduleRow", "PERIODS_PER_YEAR", "METHODS", "RATE_TYPES", "periodic_rate", "annuity_payment", "rate_from_cash_flows",
    "break_even_units", "break_even_sales", "margin_of_safety",
    "RepaymentCapacity", "repayment_capacity", "debt_service_cover", "sustainable_rate",
    "FundingMix", "startup_capital",
    "CashFlowMonth", "cash_flow_plan", "negative_months",
    "unit_cost", "price_from_markup", "margin_from_markup", "markup_from_margin",
    "budget_surplus", "runway_months", "total",
    "fx_margin", "remittance_cost",
    "MONTHS", "seasonal_sales", "best_ideas", "weighted_scores", "LoanMonths", "loan_by_month",
    "PriceSplit", "price_split", "profit_at_volume", "months_to_goal",
]
