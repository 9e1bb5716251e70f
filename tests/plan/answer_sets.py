"""Answer sets for the plan tests, typed into the lessons' real models as a trainee would.

A model saves on each valid change, so every builder sets at least one trait after
constructing its model (a trait set to the value it already has is no change: nothing saved).
Every set is in Senegal (XOF, no decimals, ``fr_SN`` groups digits with a narrow no-break space),
with figures simple enough to check by hand.
"""
from __future__ import annotations

from ritorno.answers import AnswerStore
from ritorno.ui._break_even_model import BreakEvenModel
from ritorno.ui._cash_flow_model import LINES, CashFlowModel, month_trait
from ritorno.ui._costing_model import CostingModel
from ritorno.ui._household_model import HouseholdBudgetModel
from ritorno.ui._idea_screening_model import IdeaScreeningModel, SwotModel
from ritorno.ui._loan_model import LoanModel
from ritorno.ui._plan_builder_model import NarrativeModel
from ritorno.ui._profile_form_model import ProfileModel
from ritorno.ui._remittance_model import RemittanceModel
from ritorno.ui._runway_model import RunwayModel
from ritorno.ui._sales_forecast_model import SalesForecastModel
from ritorno.ui._startup_capital_model import StartupCapitalModel
from ritorno.ui.repayment_check import RepaymentModel

__all__ = ["NAME", "BUSINESS", "NARRATIVE", "profile_and_runway", "loan", "complete", "inconsistent",
           "cash_flow_lines", "NORMAL_MONTH"]

NAME = "Awa"
BUSINESS = "Tailoring workshop in Thiès"
NARRATIVE = {
    "business": "I make and mend clothes for families and schools in Thiès.",
    "market": "Parents buy school uniforms in September; weddings bring work all year.",
    "action_plan": "Month 1: rent the shop and buy the machines. Month 2: visit the schools.",
}
#: A normal month that cannot carry a 91 680 F CFA instalment once sales fall by 20 % (module 10's test case).
NORMAL_MONTH = dict(monthly_sales="600 000", variable_costs="300 000", fixed_costs="80 000", other_income="50 000")


def profile_and_runway(store: AnswerStore, first_name: str = NAME) -> None:
    """Module 1: who the trainee is, and how long the savings last."""
    profile = ProfileModel(store=store, country="SN", first_name=first_name, business_idea=BUSINESS)
    profile.household_size = "5"
    RunwayModel(store=store, country="SN").savings = "1 500 000"


def loan(store: AnswerStore, amount: str = "530 000") -> None:
    """Module 9: Senegal's typical loan (18 % declining, 12 months, 2 % fee) for ``amount``."""
    LoanModel(store=store, country="SN").amount = amount


def cash_flow_lines(store: AnswerStore, opening: str, every_month: dict[str, str],
                    months: dict[str, str] | None = None) -> CashFlowModel:
    """Module 7 typed line by line: every line and month box set, so the plan is checkable by hand."""
    model = CashFlowModel(store=store, country="SN")
    model.opening = opening
    for line in LINES:
        setattr(model, line, every_month.get(line, "0"))
        for month in range(1, 13):
            setattr(model, month_trait(line, month), (months or {}).get(month_trait(line, month), ""))
    return model


def complete(store: AnswerStore) -> None:
    """Modules 1 to 10, all done, every check passed.

    By hand: uses 2 080 000 = sources 750 000 + 600 000 + 200 000 + 530 000. Cash flow: month 1
    600 000 + 500 000 − 440 000 = 660 000 (no instalment yet), then + 11 410 a month. Repayment
    check: net income 1 300 000 − 910 000 − 250 000 + 160 000 = 300 000; left 150 000; bad month
    390 000 × 0.8 − 250 000 + 160 000 − 150 000 = 72 000 ≥ instalment 48 590.
    """
    profile_and_runway(store)
    IdeaScreeningModel(store=store, country="SN").weight_1 = "3"
    SwotModel(store=store, idea=BUSINESS).strengths = "Twelve years of sewing in Brescia."
    SalesForecastModel(store=store, country="SN").units = "260"
    CostingModel(store=store, country="SN").markup = "45"
    StartupCapitalModel(store=store, country="SN").loan = "530 000"
    loan(store)
    BreakEvenModel(store=store, country="SN").planned_units = "260"
    cash_flow_lines(store, "600 000", {"sales": "500 000", "stock": "200 000", "rent": "50 000", "wages": "60 000",
                                       "other_out": "30 000", "instalments": "48 590", "drawings": "100 000"},
                    {"instalments_m1": "0"})
    HouseholdBudgetModel(store=store, country="SN").food = "140 000"
    RemittanceModel(store=store, country="SN").amount = "200"
    capacity = RepaymentModel(store=store, country="SN", monthly_sales="1 300 000", variable_costs="910 000",
                              fixed_costs="250 000", other_income="160 000")
    capacity.household_spending = "150 000"
    narrative = NarrativeModel(store=store)
    for part, text in NARRATIVE.items():
        setattr(narrative, part, text)


def inconsistent(store: AnswerStore) -> None:
    """Work that fails every check.

    By hand: the start-up capital example leaves 30 000 F CFA of 2 080 000 unfunded. Cash flow:
    100 000 + 300 000 − 200 000 = 200 000; month 2 + 50 000 − 200 000 = 50 000; month 3
    + 100 000 − 200 000 = −50 000; month 4 back to 50 000. Repayment: net income 270 000, left
    120 000, bad month 60 000 < instalment 91 680.
    """
    profile_and_runway(store)
    capital = StartupCapitalModel(store=store, country="SN")
    capital.months, capital.months = "4", "3"  # the example as it is: saved by the second change
    loan(store, "1 000 000")
    cash_flow_lines(store, "100 000", {"sales": "300 000", "stock": "200 000"}, {"sales_m2": "50 000",
                                                                                 "sales_m3": "100 000"})
    capacity = RepaymentModel(store=store, country="SN", instalment="91 680", **NORMAL_MONTH)
    capacity.household_spending = "150 000"
