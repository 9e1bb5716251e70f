"""Module 10, The bankable business plan: self-checks and exercise definitions."""
from __future__ import annotations

from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["SELF_CHECKS", "COUNTRY", "MONTH_LABELS", "REPAYMENT_SCENARIO", "REPAYMENT_LABELS", "REPAYMENT_LOAN",
           "REPAYMENT", "BANKABLE_USES", "BANKABLE_USES_LABELS", "BANKABLE_SOURCES", "BANKABLE_SOURCES_LABELS",
           "BANKABLE_OPENING", "BANKABLE_CASH_IN", "BANKABLE_CASH_OUT", "BANKABLE", "EXERCISES"]

SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("Your plan needs 2,000,000 but your sources add up to 1,700,000. What does a loan officer conclude?"),
        (N_("The plan is fine: the rest will come from sales"), N_("The plan is not finished: 300,000 is not funded"),
         N_("The loan should simply be 300,000 larger")),
        1,
        (N_("No. Sales come later; what you need to open must be funded before you open."),
         N_("Right. Sources must equal uses: say where the missing 300,000 comes from, or spend less."),
         N_("Not necessarily. A larger loan means a larger instalment: check your repayment capacity first.")),
    ),
    SelfCheckQuestion(
        N_("Your cash-flow plan goes below zero in month 4. What should you do before you take the plan to the lender?"),
        (N_("Nothing: the year ends positive"), N_("Change the plan so that no month is negative"),
         N_("Ask the lender to wait and see")),
        1,
        (N_("No. You cannot pay bills with money you will only have in December."),
         N_("Right. Move a purchase, keep more working capital, or agree a grace period, so every month stays above zero."),
         N_("No. A lender wants to see that you have already found the problem and solved it.")),
    ),
    SelfCheckQuestion(
        N_("Debt-service cover is 0.8 in a bad month. What does it mean?"),
        (N_("In a bad month you can pay 80% of the instalment"), N_("You pay 80% of your income to the lender"),
         N_("The loan costs 0.8% a month")),
        0,
        (N_("Right. Below 1 the instalment is not covered: borrow less, for longer, or cut costs."),
         N_("No. Cover compares the money left for the loan with the instalment."),
         N_("No. Cover is not a price: it compares the money left for the loan with the instalment.")),
    ),
)


# ---------------------------------------------------------------------------------------------
# Graded exercises (solutions/10_bankable_business_plan). ILLUSTRATIVE scenarios: Marco's
# bakery in Cochabamba and Lucía's juice bar in Sucre, made-up businesses. Amounts in bolivianos (BOB).
# ---------------------------------------------------------------------------------------------

COUNTRY = "BO"
MONTH_LABELS: dict[str, str] = {
    "m1": N_("Month 1"), "m2": N_("Month 2"), "m3": N_("Month 3"),
    "m4": N_("Month 4"), "m5": N_("Month 5"), "m6": N_("Month 6"),
}

# A normal month of the bakery and of Marco's household (BOB).
REPAYMENT_SCENARIO: dict[str, float] = {
    "monthly_sales": 14_000,
    "variable_costs": 7_000,
    "fixed_costs": 2_600,
    "other_income": 1_200,
    "household_spending": 3_400,
    "instalment": 1_452,
}
REPAYMENT_LABELS: dict[str, str] = {
    "monthly_sales": N_("Sales of the bakery"),
    "variable_costs": N_("Variable costs (flour, butter, gas for the oven)"),
    "fixed_costs": N_("Fixed costs (rent, helper, electricity)"),
    "other_income": N_("Other income (his wife's work)"),
    "household_spending": N_("Household spending (food, school, health)"),
    "instalment": N_("Monthly instalment of the loan"),
}
# The loan behind the instalment: 1,452.445 rounded to the boliviano.
REPAYMENT_LOAN: dict[str, float | int | str] = {
    "amount": 24_000, "annual_rate": 0.11, "periods": 18, "frequency": "monthly", "method": "declining",
}

REPAYMENT = Exercise(
    exercise_id="m10_repayment",
    module=10,
    title=N_("Can Marco's bakery carry the loan, also in a bad month?"),
    country=COUNTRY,
    fields=(
        ExerciseField("net_income", N_("Net monthly income of the household (before the loan)"), "money"),
        ExerciseField("income_share", N_("Instalment as a share of net income"), "percent"),
        ExerciseField("stressed_surplus", N_("Money left in a bad month (sales 20% lower), before the instalment"),
                      "money"),
        ExerciseField("stressed_cover", N_("Debt-service cover in a bad month, in % (money left ÷ instalment × 100)"),
                      "percent"),
        ExerciseField("decision", N_("Can Marco take this loan as it is?"), "choice",
                      (("yes", N_("Yes: the instalment is well below 35% of net income")),
                       ("change", N_("Not as it is: borrow less or for longer, so that a bad month still pays "
                                     "the instalment")),
                       ("never", N_("No: a business that has bad months should never borrow")))),
    ),
)

# Lucía's plan for a juice bar in Sucre, for the lender: what she needs to open (uses) and where the
# money comes from (sources), in BOB.
BANKABLE_USES: dict[str, float] = {"equipment": 24_500, "first_stock": 4_000, "permits": 1_500,
                                   "working_capital": 6_000}
BANKABLE_USES_LABELS: dict[str, str] = {
    "equipment": N_("Blenders, fridge, counter and stools"),
    "first_stock": N_("First stock of fruit, sugar and cups"),
    "permits": N_("Permits and registration"),
    "working_capital": N_("Working capital (cash at the opening)"),
}
BANKABLE_SOURCES: dict[str, float] = {"iom_in_kind": 15_000, "savings": 8_000, "family": 3_000, "loan": 7_000}
BANKABLE_SOURCES_LABELS: dict[str, str] = {
    "iom_in_kind": N_("IOM support in kind (the fridge and the blenders)"),
    "savings": N_("Her own savings"),
    "family": N_("Her brother's contribution"),
    "loan": N_("Loan from the microfinance institution"),
}
# The first six months of her cash-flow plan (BOB): it opens with the working capital; money out
# includes the loan instalment.
BANKABLE_OPENING: float = BANKABLE_USES["working_capital"]
BANKABLE_CASH_IN: dict[str, float] = {"m1": 8_000, "m2": 9_500, "m3": 10_000, "m4": 12_000, "m5": 12_500, "m6": 13_000}
BANKABLE_CASH_OUT: dict[str, float] = {"m1": 11_400, "m2": 11_200, "m3": 11_300, "m4": 10_500, "m5": 11_300,
                                       "m6": 11_900}

BANKABLE = Exercise(
    exercise_id="m10_bankable",
    module=10,
    title=N_("Is Lucía's plan ready for the lender?"),
    country=COUNTRY,
    fields=(
        ExerciseField("uses", N_("Total uses: everything she needs to open"), "money"),
        ExerciseField("missing", N_("Amount still missing (uses − sources)"), "money"),
        ExerciseField("negative_month", N_("The month whose closing cash goes below zero"), "choice",
                      (("m1", N_("Month 1")), ("m2", N_("Month 2")), ("m3", N_("Month 3")), ("m4", N_("Month 4")),
                       ("m5", N_("Month 5")), ("m6", N_("Month 6")), ("none", N_("No month goes below zero")))),
        ExerciseField("lowest", N_("The lowest closing cash of the six months"), "money"),
        ExerciseField("bankable", N_("Can the plan go to the lender as it is?"), "choice",
                      (("yes", N_("Yes: it is complete")),
                       ("gap", N_("Not yet: money is still missing, but every month stays above zero")),
                       ("cash", N_("Not yet: the funding is complete, but a month goes below zero")),
                       ("both", N_("Not yet: money is still missing and a month goes below zero")))),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (REPAYMENT, BANKABLE)}
