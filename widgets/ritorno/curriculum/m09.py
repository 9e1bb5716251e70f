"""Module 9, Understanding microcredit: exercise definitions, scenarios and self-checks.

Scenario figures are illustrative (a made-up family and made-up offers); figures
from the world, such as Senegal's rate cap, come from :mod:`ritorno.countries`.
"""
from __future__ import annotations

from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "AFFORD", "AFFORD_SCENARIO", "AFFORD_LABELS", "AFFORD_LOAN", "TRUE_COST", "TRUE_COST_OFFERS", "SELF_CHECKS", "EXERCISES"]

COUNTRY = "SN"

# Aminata's household in Thiès, one month (XOF). Illustrative.
AFFORD_SCENARIO: dict[str, float] = {
    "monthly_sales": 600_000,
    "variable_costs": 300_000,
    "fixed_costs": 80_000,
    "other_income": 50_000,
    "household_spending": 150_000,
}
AFFORD_LABELS: dict[str, str] = {
    "monthly_sales": N_("Sales of the shop"),
    "variable_costs": N_("Variable costs (leather, glue, soles)"),
    "fixed_costs": N_("Fixed costs (rent, electricity, phone)"),
    "other_income": N_("Other income (her husband's work)"),
    "household_spending": N_("Household spending (food, school, health)"),
}
AFFORD_LOAN: dict[str, float | int | str] = {
    "amount": 1_000_000, "annual_rate": 0.18, "periods": 12, "frequency": "monthly",
    "method": "declining", "upfront_fee": 0.02,
}

AFFORD = Exercise(
    exercise_id="m09_afford",
    module=9,
    title=N_("Can Aminata's family afford this instalment?"),
    country=COUNTRY,
    fields=(
        ExerciseField("net_income", N_("Net monthly income of the household (before the loan)"), "money"),
        ExerciseField("instalment", N_("Monthly instalment of the loan"), "money"),
        ExerciseField("income_share", N_("Instalment as a share of net income"), "percent"),
        ExerciseField("stressed_surplus", N_("Surplus left each month if sales fall by 20% (before the instalment)"), "money"),
        ExerciseField("decision", N_("Can the family safely take this loan?"), "choice",
                      (("yes", N_("Yes")), ("no", N_("No")))),
    ),
)

# Two offers for the same 1,000,000 XOF over 12 months. Illustrative.
TRUE_COST_OFFERS: dict[str, dict[str, float | int | str]] = {
    "A": {"amount": 1_000_000, "annual_rate": 0.18, "periods": 12, "frequency": "monthly",
          "method": "declining", "upfront_fee": 0.02, "compulsory_savings": 0.10},
    "B": {"amount": 1_000_000, "annual_rate": 0.15, "periods": 12, "frequency": "monthly",
          "method": "flat", "upfront_fee": 0.01},
}

TRUE_COST = Exercise(
    exercise_id="m09_true_cost",
    module=9,
    title=N_("Which offer really costs less?"),
    country=COUNTRY,
    fields=(
        ExerciseField("apr_a", N_("APR of offer A"), "percent"),
        ExerciseField("apr_b", N_("APR of offer B"), "percent"),
        ExerciseField("cheaper", N_("Which offer is cheaper?"), "choice", (("A", N_("Offer A")), ("B", N_("Offer B")))),
        ExerciseField("above_cap", N_("Which offers cost more than the legal cap for microfinance in Senegal?"), "choice",
                      (("none", N_("Neither")), ("A", N_("Only A")), ("B", N_("Only B")), ("both", N_("Both")))),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (AFFORD, TRUE_COST)}

SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("Two lenders both say “18% a year”. One charges flat, the other on the declining balance. Which costs more?"),
        (N_("The flat one"), N_("The declining-balance one"), N_("They cost the same")),
        0,
        (N_("Right. Flat interest is charged on the whole amount for the whole term, even after you have paid most of it back."),
         N_("No. On the declining balance you pay interest only on what you still owe, so it costs less."),
         N_("No. The same quoted rate costs more when it is flat: you pay interest on money you have already repaid.")),
    ),
    SelfCheckQuestion(
        N_("The lender keeps 10% of your loan as compulsory savings until the end. What happens to the true cost (APR)?"),
        (N_("It goes down, because you get the savings back"), N_("It goes up"), N_("It does not change")),
        1,
        (N_("Not quite. You get the savings back, but you pay interest all year on money you cannot use."),
         N_("Right. You pay interest on the whole amount but can use only 90% of it."),
         N_("No. Blocked money still costs you interest, so the APR rises.")),
    ),
    SelfCheckQuestion(
        N_("Which number lets you compare two loan offers fairly?"),
        (N_("The instalment"), N_("The quoted interest rate"), N_("The APR, which includes fees and savings")),
        2,
        (N_("No. A smaller instalment can hide a longer loan or higher fees."),
         N_("No. A quoted rate can be flat or declining and leaves out fees."),
         N_("Right. The APR counts interest, fees and blocked savings the same way for every offer.")),
    ),
)
