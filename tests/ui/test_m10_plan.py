"""Module 10: the plan overview gathers modules 1-9, and the repayment check stresses the instalment."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStatus, AnswerStore
from ritorno.ui import LoanModel
from ritorno.ui._plan_sections import SECTIONS, gather_sections
from ritorno.ui._startup_capital_model import StartupCapitalModel
from ritorno.ui.plan_overview import PlanOverview, plan_overview
from ritorno.ui.repayment_check import RepaymentCheck, RepaymentModel, repayment_check

from .ui_reference import plain

NORMAL_MONTH = dict(monthly_sales="600 000", variable_costs="300 000", fixed_costs="80 000", other_income="50 000",
                    household_spending="150 000")


class TestRepaymentModel:
    def test_a_month_that_fails_the_stress_test(self):
        model = RepaymentModel(country="SN", instalment="91 680", **NORMAL_MONTH)
        # by hand: net = 600 − 300 − 80 + 50 = 270k; bad month: 300 × 0.8 − 80 + 50 = 210k; minus 150k spending
        assert (model.check.net_income, model.check.surplus, model.check.stressed_surplus) == (270_000, 120_000, 60_000)
        assert model.check.income_share == pytest.approx(91_680 / 270_000)
        assert not model.check.survives_stress and not model.check.affordable

    def test_a_smaller_instalment_passes(self):
        model = RepaymentModel(country="SN", instalment="50 000", **NORMAL_MONTH)
        assert model.check.affordable and model.check.stressed_cover == pytest.approx(60_000 / 50_000)

    @pytest.mark.parametrize(("box", "text", "message"), [
        ("instalment", "0", "0 is too small: type a number above 0."),
        ("monthly_sales", "lots", "Please type a number, for example 1 500."),
        ("sales_drop", "100", "100 is too large: type at most 99."),
        ("fixed_costs", "", "This box is empty: please type an amount."),
    ])
    def test_bad_boxes_get_their_own_message(self, box, text, message):
        model = RepaymentModel(country="SN", **{**NORMAL_MONTH, "instalment": "91 680", box: text})
        assert model.check is None and plain(model.errors[box]) == message

    def test_the_instalment_starts_from_the_loan_kept_in_module_9(self, tmp_path: Path):
        store = AnswerStore(tmp_path)
        loan = LoanModel(store=store, country="SN")
        loan.amount = "1 000 000"  # a change is saved
        model = RepaymentModel(store=store, country="SN")
        assert plain(model.instalment) == "91 680"
        assert model.instalment_source == "the loan you kept in module 9"

    def test_work_is_kept(self, tmp_path: Path):
        store = AnswerStore(tmp_path)
        first = RepaymentModel(store=store, country="SN", instalment="91 680", **NORMAL_MONTH)
        first.monthly_sales = "700 000"
        assert RepaymentModel(store=store).monthly_sales == "700 000"

    @settings(max_examples=40, deadline=None, database=None)
    @given(box=st.sampled_from(list(RepaymentModel.persisted[1:])), text=st.text(max_size=30))
    def test_any_text_never_raises(self, box, text):
        model = RepaymentModel(country="GH", instalment="500", **NORMAL_MONTH)
        setattr(model, box, text)
        assert (model.check is None) == bool(model.errors)


class TestRepaymentView:
    def test_verdict_and_bars(self):
        view = RepaymentCheck(RepaymentModel(country="SN", instalment="91 680", **NORMAL_MONTH))
        assert "In a bad month the household cannot pay this instalment" in view.verdict.value
        assert view.bar_values == [91_680, 120_000, 60_000]
        view.model.instalment = "50 000"
        assert "You can carry this instalment, even in a bad month." in view.verdict.value
        assert view.bar_values == [50_000, 120_000, 60_000]

    def test_invalid_box_hides_the_chart(self):
        view = RepaymentCheck(RepaymentModel(country="SN", instalment="x", **NORMAL_MONTH))
        assert view.chart.layout.display == "none" and "Correct what is marked in red" in view.verdict.value


class TestPlanOverview:
    def test_nothing_done(self, tmp_path: Path):
        sections = gather_sections(AnswerStore(tmp_path))
        assert len(sections) == len(SECTIONS) == 11
        assert all(section.status is AnswerStatus.MISSING and not section.figures for section in sections)
        assert sections[-1].lesson == "09_understanding_microcredit.ipynb"

    def test_kept_work_shows_with_its_warnings(self, tmp_path: Path):
        store = AnswerStore(tmp_path)
        LoanModel(store=store, country="SN").amount = "2 000 000"
        capital = StartupCapitalModel(store=store, country="EC")
        capital.loan = "0"  # the example then misses money: sources below uses
        sections = {section.title: section for section in gather_sections(store)}
        loan = sections["The loan"]
        assert loan.done and [(label, plain(value)) for label, value in loan.figures] == [
            ("Loan amount", "2 000 000 F CFA"), ("Instalment", "183 360 F CFA"), ("Number of instalments", "12"),
            ("APR", "21,9 %")]
        funding = sections["Start-up capital and funding"]
        assert funding.done and funding.warnings and funding.warnings[0].startswith("Sources do not cover uses:")
        assert capital.gap > 0 and math.isclose(capital.gap, capital.capital - capital.funding.total)

    def test_a_damaged_record_is_a_part_not_done(self, tmp_path: Path):
        (tmp_path / "m09_loan.json").write_text("{broken", encoding="utf-8")
        section = gather_sections(AnswerStore(tmp_path))[-1]
        assert section.status is AnswerStatus.CORRUPT and section.figures == []
        view = PlanOverview(AnswerStore(tmp_path))
        assert "saved work could not be read" in view.sections.value
        assert "0 of 11 parts of your plan are done; 0 point(s) to look at." in view.summary.value

    def test_links_lead_back_to_each_module(self, tmp_path: Path):
        html = PlanOverview(AnswerStore(tmp_path)).sections.value
        assert "href='05_startup_capital_and_funding.ipynb'" in html and html.count("not done yet") == 11


def test_factories_build_nothing_while_grading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert plan_overview() is None and repayment_check() is None
    monkeypatch.delenv("NBGRADER_EXECUTION")
    assert isinstance(plan_overview(), PlanOverview) and isinstance(repayment_check(), RepaymentCheck)
