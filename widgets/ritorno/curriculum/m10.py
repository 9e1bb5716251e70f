"""Module 10, The bankable business plan: self-checks."""
from __future__ import annotations

from ..i18n import N_
from ._exercise import SelfCheckQuestion

__all__ = ["SELF_CHECKS"]

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
