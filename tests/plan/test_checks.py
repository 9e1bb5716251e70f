"""The checks before export: outcome and the exact words a trainee reads, for each kind of answer set."""
from __future__ import annotations

import pytest

from ritorno.answers import AnswerStore
from ritorno.plan import FAILED, NOT_CHECKED, PASSED, build_plan
from ritorno.plan._checks import Capacity, check_debt_service_cover, check_repayment_capacity
from ritorno.finance import repayment_capacity
from ritorno.ui._break_even_model import BreakEvenModel
from ritorno.ui._household_model import HouseholdBudgetModel

from ..ui.ui_reference import plain
from . import answer_sets


def _checks(store: AnswerStore) -> dict[str, tuple[str, str, int]]:
    return {check.key: (check.status, plain(check.explanation), check.module) for check in build_plan(store).checks}


class TestCompletePlan:
    def test_every_check_passes_with_its_figures(self, complete_store):
        # figures worked out by hand in answer_sets.complete
        assert _checks(complete_store) == {
            "sources_uses": (PASSED, "Your sources (2 080 000 F CFA) pay for everything you need to open "
                                     "(2 080 000 F CFA).", 5),
            "cash_flow": (PASSED, "Every month of your cash-flow plan ends with cash in hand (the lowest: "
                                  "660 000 F CFA at the end of month 1).", 7),
            "repayment": (PASSED, "With 20 % less sales, the business and the household still have 72 000 F CFA a "
                                  "month before the instalment of 48 590 F CFA, and the instalment takes 16,2 % of net "
                                  "income (your limit: 35 %).", 10),
            # 150 000 ÷ 48 590 = 3.087; 72 000 ÷ 48 590 = 1.482
            "cover": (PASSED, "Debt-service cover: 3,09 in a normal month and 1,48 in a bad month (above 1 means the "
                              "instalment is covered).", 10),
        }


class TestInconsistentPlan:
    def test_every_check_fails_and_says_what_to_change(self, inconsistent_store):
        checks = _checks(inconsistent_store)
        assert checks["sources_uses"] == (FAILED, (
            "Your sources (2 050 000 F CFA) are 30 000 F CFA short of what you need to open (2 080 000 F CFA). Find "
            "30 000 F CFA more (own savings, family, a larger loan) or plan to buy less before you open, in "
            "module 5."), 5)
        assert checks["cash_flow"] == (FAILED, (
            "Your cash runs out in month 3: the lowest is -50 000 F CFA at the end of month 3. Move purchases to later "
            "months, keep more cash at the start, or ask the lender for a grace period, in module 7."), 7)
        assert checks["repayment"] == (FAILED, (
            "With 20 % less sales, the business and the household have 60 000 F CFA a month before the instalment: "
            "less than the instalment of 91 680 F CFA. Borrow less or over more months (module 9), lower your costs, "
            "or plan more sales; then do the repayment check again in module 10."), 10)
        # 120 000 ÷ 91 680 = 1.309; 60 000 ÷ 91 680 = 0.654
        assert checks["cover"] == (FAILED, (
            "Debt-service cover: 1,31 in a normal month but 0,65 in a bad month. Below 1, the money left does not "
            "cover the instalment: borrow less or over more months (module 9), or keep a reserve for bad months."), 10)

    def test_several_months_below_zero_are_all_named(self, store):
        answer_sets.cash_flow_lines(store, "0", {"sales": "100 000", "stock": "150 000"}, {"sales_m1": "200 000"})
        # 0 + 200 − 150 = 50; then −50 a month: 0, −50, −100 … months 3 to 12 below zero
        status, text, _module = _checks(store)["cash_flow"]
        assert status == FAILED
        assert text.startswith("Your cash runs out in months 3, 4, 5, 6, 7, 8, 9, 10, 11, and 12: the lowest is "
                               "-500 000 F CFA at the end of month 12.")

    def test_sources_above_uses(self, store):
        capital = answer_sets.StartupCapitalModel(store=store, country="SN")
        capital.loan = "600 000"  # 2 150 000 of sources for 2 080 000 of uses
        status, text, _module = _checks(store)["sources_uses"]
        assert (status, text) == (FAILED, "Your sources (2 150 000 F CFA) are 70 000 F CFA more than what you need to "
                                          "open (2 080 000 F CFA). Borrow 70 000 F CFA less, or add to the uses what "
                                          "this money is for, in module 5.")


class TestPartialPlans:
    def test_nothing_saved(self, store):
        assert _checks(store) == {
            "sources_uses": (NOT_CHECKED, "Not checked yet: do the start-up capital plan in module 5.", 5),
            "cash_flow": (NOT_CHECKED, "Not checked yet: do the cash-flow plan in module 7.", 7),
            "repayment": (NOT_CHECKED, "Not checked yet: do the repayment check in module 10.", 10),
            "cover": (NOT_CHECKED, "Not checked yet: do the repayment check in module 10.", 10),
        }

    def test_only_modules_1_and_9(self, store):
        answer_sets.profile_and_runway(store)
        answer_sets.loan(store)
        assert {key: status for key, (status, _text, _module) in _checks(store).items()} == dict.fromkeys(
            ("sources_uses", "cash_flow", "repayment", "cover"), NOT_CHECKED)

    def test_without_module_10_the_test_is_worked_out_from_modules_6_8_and_9(self, store):
        break_even = BreakEvenModel(store=store, country="SN")  # 250 × 5 000 planned; costs 3 500 each, 250 000 fixed
        break_even.planned_units, break_even.planned_units = "251", "250"  # saved by the second change
        HouseholdBudgetModel(store=store, country="SN").food = "150 000"  # other income 160 000, spending 310 000
        answer_sets.loan(store, "1 000 000")  # 91 680 a month
        status, text, module = _checks(store)["repayment"]
        # net income 1 250 000 − 875 000 − 250 000 + 160 000 = 285 000; bad month 300 000 − 250 000 + 160 000
        # − 310 000 = −100 000
        assert (status, module) == (FAILED, 10)
        assert text.startswith("With 20 % less sales, the business and the household have -100 000 F CFA a month "
                               "before the instalment: less than the instalment of 91 680 F CFA.")
        assert text.endswith("(Worked out from your break-even plan, household budget and loan, with 20 % less sales: "
                             "do the repayment check in module 10 to use your own figures.)")

    def test_a_box_typed_wrong_after_saving_keeps_the_saved_check(self, store):
        capacity = answer_sets.RepaymentModel(store=store, country="SN", instalment="91 680",
                                              **answer_sets.NORMAL_MONTH)
        capacity.household_spending = "150 000"
        capacity.household_spending = "lots"  # not saved: the saved work stays valid
        assert _checks(store)["repayment"][0] == FAILED

    def test_a_repayment_check_edited_by_hand(self, store):
        record = answer_sets.RepaymentModel
        store.save(record.record_id, {"country": "SN", "instalment": "a lot"}, record.schema())
        assert _checks(store)["repayment"] == (NOT_CHECKED, "Not checked yet: some boxes of your repayment check are "
                                                            "not valid. Correct them in module 10.", 10)


class TestCheckFunctions:
    @pytest.mark.parametrize(("instalment", "status"), [(75_000, PASSED), (125_000, FAILED)])
    def test_income_share_limit(self, instalment, status):
        check = repayment_capacity(monthly_sales=600_000, variable_costs=300_000, fixed_costs=80_000,
                                   other_income=50_000, household_spending=0, instalment=instalment)
        result = check_repayment_capacity(Capacity(check, "module_10", "SN"))
        # a bad month leaves 240 000 − 80 000 + 50 000 = 210 000, enough for both; but of 270 000 of net income
        # 75 000 is 27.8 % (within 35 %) and 125 000 is 46.3 % (above it)
        assert result.status == status
        if status == FAILED:
            assert plain(result.explanation).startswith(
                "The instalment takes 46,3 % of the household's net income, above your limit of 35 %.")

    def test_a_household_without_net_income(self):
        check = repayment_capacity(monthly_sales=100, variable_costs=100, fixed_costs=50, other_income=0,
                                   household_spending=0, instalment=10)
        result = check_repayment_capacity(Capacity(check, "module_10", "GH"))
        assert "The household's net income (-GH₵50.00) cannot pay any instalment." in result.explanation
        assert check_debt_service_cover(Capacity(check, "module_10", "GH")).status == FAILED

    def test_the_lesson_of_a_check(self, store):
        lessons = [check.lesson for check in build_plan(store).checks]
        assert lessons == ["05_startup_capital_and_funding.ipynb", "07_cash_flow_plan.ipynb",
                           "10_bankable_business_plan.ipynb", "10_bankable_business_plan.ipynb"]
