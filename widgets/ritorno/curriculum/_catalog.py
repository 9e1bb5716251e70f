"""The ten modules of the course, in order, as the home page and the tests see them."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_

__all__ = ["LESSONS_FOLDER", "ModuleInfo", "MODULES", "module_by_number"]

#: Folder of the lesson notebooks; also where a trainee's lesson work is kept (never graded).
LESSONS_FOLDER = "course"


@dataclass(frozen=True)
class ModuleInfo:
    """One module: where its lesson and its graded exercise live, and how it is presented."""

    number: int
    slug: str
    title: str
    summary: str
    icon: str

    @property
    def name(self) -> str:
        """Folder and notebook name, e.g. ``09_understanding_microcredit``."""
        return f"{self.number:02d}_{self.slug}"

    @property
    def lesson_path(self) -> str:
        """Lesson notebook, relative to the course root."""
        return f"{LESSONS_FOLDER}/{self.name}.ipynb"

    @property
    def exercise_path(self) -> str:
        """Release version of the graded exercise, relative to the course root."""
        return f"exercises/{self.name}/{self.name}.ipynb"


MODULES: tuple[ModuleInfo, ...] = (
    ModuleInfo(1, "returning_as_an_entrepreneur", N_("Returning as an entrepreneur"),
               N_("Are you ready? Family needs, risks, and how long your savings last."), "🧭"),
    ModuleInfo(2, "from_idea_to_choice", N_("From idea to choice"),
               N_("Find business ideas, score them, and pick one with a SWOT."), "💡"),
    ModuleInfo(3, "market_and_sales_forecast", N_("Market and sales forecast"),
               N_("Know your customers and competitors; forecast sales across the seasons."), "📈"),
    ModuleInfo(4, "costs_and_prices", N_("Costs and prices"),
               N_("Work out what one unit costs and set a price: markup and margin."), "🏷️"),
    ModuleInfo(5, "startup_capital_and_funding", N_("Start-up capital and funding"),
               N_("What you need to open, and how IOM support, savings, family and a loan pay for it."), "🧰"),
    ModuleInfo(6, "profit_plan_and_break_even", N_("Profit plan and break-even"),
               N_("Fixed and variable costs, the break-even point and your margin of safety."), "⚖️"),
    ModuleInfo(7, "cash_flow_plan", N_("Cash-flow plan"),
               N_("Plan twelve months of money in and out and spot the months that go negative."), "💧"),
    ModuleInfo(8, "household_money_and_remittances", N_("Household money and remittances"),
               N_("Keep household and business money apart, save, and send money cheaply."), "🏠"),
    ModuleInfo(9, "understanding_microcredit", N_("Understanding microcredit"),
               N_("Read the true cost of a loan: flat or declining rates, fees, savings, APR."), "🏦"),
    ModuleInfo(10, "bankable_business_plan", N_("The bankable business plan"),
               N_("Put it all together in a plan for IOM and a microfinance institution."), "📄"),
)


def module_by_number(number: int) -> ModuleInfo:
    """The module with this number (1 to 10)."""
    for module in MODULES:
        if module.number == number:
            return module
    raise ValueError(f"There is no module {number}: modules are numbered 1 to {len(MODULES)}.")
