"""build_plan: every part from the saved work, "Not done yet" for the rest, never a crash, never a write."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from ritorno.answers import AnswerStore
from ritorno.plan import PlanDocument, build_plan
from ritorno.plan._document import CheckList, Figures, Paragraph, Table
from ritorno.ui._loan_model import LoanModel

from ..ui.ui_reference import plain
from . import answer_sets
from .conftest import TODAY

SECTION_KEYS = ["about_you", "idea", "market", "costs", "capital", "break_even", "cash_flow", "household", "loan",
                "capacity", "action_plan"]


def texts(plan: PlanDocument, key: str) -> list[str]:
    """Every text of a section, plain spaces: paragraphs, figures, table cells."""
    found = []
    for part in plan.section(key).parts:
        if isinstance(part, Paragraph):
            found.append(part.text)
        elif isinstance(part, Figures):
            found += [f"{label}: {value}" for label, value in part.rows]
        elif isinstance(part, Table):
            found += [" | ".join(row) for row in (part.columns, *part.rows)]
    return [plain(text) for text in found]


def missing_texts(plan: PlanDocument, key: str) -> list[str]:
    return [plain(part.text) for part in plan.section(key).parts
            if isinstance(part, Paragraph) and part.kind == "missing"]


class TestCompletePlan:
    def test_cover(self, complete_store):
        plan = build_plan(complete_store, today=TODAY)
        assert (plan.title, plan.name, plan.business, plan.country_name, plan.currency, plan.date_text) == \
            ("Business plan", "Awa", "Tailoring workshop in Thiès", "Senegal", "XOF", "March 2, 2026")

    def test_every_section_is_done(self, complete_store):
        plan = build_plan(complete_store)
        assert [section.key for section in plan.sections] == SECTION_KEYS
        assert [section.key for section in plan.sections if not section.done] == []
        assert plan.missing_modules == ()

    def test_money_in_the_currency(self, complete_store):
        plan = build_plan(complete_store)
        capital = texts(plan, "capital")
        assert "Start-up capital needed | 2 080 000 F CFA" in capital
        assert "IOM support in kind | 750 000 F CFA | 36 %" in capital  # 750 000 ÷ 2 080 000
        assert "Loan | 530 000 F CFA | 25 %" in capital
        assert "Start-up capital in euros (at 655,957 XOF for 1 euro): 3 170,94 €" in capital  # 2 080 000 ÷ 655.957

    def test_loan_schedule_apr_and_eir(self, complete_store):
        plan = build_plan(complete_store)
        loan = texts(plan, "loan")
        assert "APR (true yearly cost): 21,9 %" in loan and "EIR (with compounding): 24,2 %" in loan  # CONTENT.md
        schedule = next(part for part in plan.section("loan").parts if isinstance(part, Table))
        assert schedule.columns == ("No.", "Instalment", "Interest", "Principal", "Still owed")
        assert len(schedule.rows) == 12 and plain(schedule.rows[-1][-1]) == "0 F CFA"
        # the loan is compared with Senegal's cap, whose source and year are in the Sources
        assert any(text.startswith("Highest yearly rate microfinance institutions may charge") for text in loan)

    def test_narrative_in_its_sections(self, complete_store):
        plan = build_plan(complete_store)
        assert answer_sets.NARRATIVE["business"] in texts(plan, "idea")
        assert answer_sets.NARRATIVE["market"] in texts(plan, "market")
        assert answer_sets.NARRATIVE["action_plan"] in texts(plan, "action_plan")

    def test_cash_flow_table_and_three_charts(self, complete_store):
        plan = build_plan(complete_store)
        table = next(part for part in plan.section("cash_flow").parts if isinstance(part, Table))
        assert plain(" | ".join(table.rows[0])) == "1 | 600 000 | 500 000 | 440 000 | 660 000"
        assert table.alarm == ()
        assert [chart.key for chart in plan.charts] == ["break_even", "cash_flow", "loan_balance"]

    def test_checks_are_in_the_capacity_section(self, complete_store):
        plan = build_plan(complete_store)
        check_lists = [part for part in plan.section("capacity").parts if isinstance(part, CheckList)]
        assert check_lists == [CheckList(plan.checks)]

    def test_sources_of_figures_from_the_world(self, complete_store):
        plan = build_plan(complete_store)
        cited = {(note.source, note.year) for note in plan.sources}
        assert ("BCEAO / UEMOA usury rate for decentralised financial systems (SFD)", 2014) in cited  # the rate cap
        assert ("BCEAO: fixed CFA franc-euro parity, restated in its communiqué of March 2022", 2022) in cited
        assert ("mandasoldiacasa.it", 2022) in cited  # the cost of sending money from Italy

    def test_building_writes_nothing(self, complete_store):
        before = {path.name: (path.stat().st_mtime_ns, path.read_bytes()) for path in complete_store.root.iterdir()}
        build_plan(complete_store)
        assert {path.name: (path.stat().st_mtime_ns, path.read_bytes())
                for path in complete_store.root.iterdir()} == before


class TestPartialPlans:
    def test_nothing_saved(self, store):
        plan = build_plan(store, today=TODAY)
        assert (plan.name, plan.business, plan.country_name) == ("", "", "Senegal")
        for section in plan.sections:
            assert not section.done
            assert any(text.startswith("Not done yet") for text in missing_texts(plan, section.key)), section.key
        assert missing_texts(plan, "capital") == ["Not done yet: see module 5."]
        assert missing_texts(plan, "capacity") == ["Not done yet: do the repayment check in module 10."]
        assert plan.charts == () and plan.sources == ()
        assert not store.root.exists()  # reading an empty folder creates nothing

    def test_only_modules_1_and_9(self, store):
        answer_sets.profile_and_runway(store)
        answer_sets.loan(store)
        plan = build_plan(store)
        assert [section.key for section in plan.sections if section.done] == ["about_you", "loan"]
        assert plan.missing_modules == (2, 3, 4, 5, 6, 7, 8, 10)
        assert missing_texts(plan, "cash_flow") == ["Not done yet: see module 7."]
        assert "Name: Awa" in texts(plan, "about_you")
        assert [chart.key for chart in plan.charts] == ["loan_balance"]

    def test_without_a_name_the_cover_shows_the_business(self, store):
        answer_sets.profile_and_runway(store, first_name="")
        plan = build_plan(store)
        assert (plan.name, plan.business) == ("", "Tailoring workshop in Thiès")

    def test_without_a_profile_the_business_is_the_chosen_idea_and_the_country_the_first_saved(self, store):
        LoanModel(store=store, country="PE").amount = "8 000"
        plan = build_plan(store)
        assert (plan.country, plan.currency, plan.business) == ("PE", "PEN", "")


class TestInconsistentPlans:
    def test_the_month_below_zero_is_marked(self, inconsistent_store):
        plan = build_plan(inconsistent_store)
        table = next(part for part in plan.section("cash_flow").parts if isinstance(part, Table))
        assert table.alarm == (2,)  # month 3
        assert "Months 3 close below zero: change the plan so that every month stays above zero." in \
            texts(plan, "cash_flow")

    def test_sources_short_of_uses_is_a_warning(self, inconsistent_store):
        assert "Sources do not cover uses: 30 000 F CFA is still missing." in \
            texts(build_plan(inconsistent_store), "capital")

    def test_the_loan_differs_from_the_funding_plan(self, inconsistent_store):
        assert "The loan here (1 000 000 F CFA) is not the loan in your funding plan (500 000 F CFA, module 5): make " \
               "them the same." in texts(build_plan(inconsistent_store), "loan")

    def test_a_part_for_another_country(self, complete_store):
        loan_model = LoanModel(store=complete_store)
        loan_model.country = "GH"  # Ghana's example loan: GH₵10,000 (saved work wins over a country given when built)
        loan = texts(build_plan(complete_store), "loan")
        assert "Amount borrowed: GH₵10,000.00" in loan
        assert "This part is worked out for Ghana, in GHS, not for Senegal: redo it for Senegal." in loan

    def test_an_unreadable_answer_file(self, complete_store):
        (complete_store.root / "m05_capital.json").write_text("{not json", encoding="utf-8")
        plan = build_plan(complete_store)
        assert missing_texts(plan, "capital") == ["Your saved work could not be read: see module 5."]
        assert plan.checks[0].status == "not_checked"

    @pytest.mark.parametrize(("record", "values"), [
        ("m09_loan", {"country": "XX", "amount": "lots", "frequency": "daily"}),
        ("m05_capital", {"country": "SN", "months": "-3", "loan": "1e400"}),
        ("m07_cashflow", {"country": "??", "opening": "", "sales_m13": "1"}),
        ("m01_profile", {"country": 3, "first_name": None}),
    ])
    def test_answers_edited_by_hand_never_crash(self, complete_store, record, values):
        path = complete_store.path_for(record)
        document = json.loads(path.read_text(encoding="utf-8"))
        document["values"].update(values)
        path.write_text(json.dumps(document), encoding="utf-8")
        plan = build_plan(complete_store)
        assert [section.key for section in plan.sections] == SECTION_KEYS


class TestLanguageAndDate:
    def test_the_date_follows_the_country_when_it_speaks_the_language(self, complete_store):
        assert build_plan(complete_store, "fr", today=dt.date(2026, 3, 2)).date_text == "2 mars 2026"
        assert build_plan(complete_store, "en", today=dt.date(2026, 3, 2)).date_text == "March 2, 2026"

    def test_sources_speak_the_plans_language(self, complete_store):
        from ritorno.plan import plan_html

        page = plan_html(build_plan(complete_store, "fr"))
        assert "Taux annuel le plus élevé que les institutions de microfinance peuvent demander" in page
        assert "Highest yearly rate microfinance institutions may charge" not in page

    def test_the_store_is_read_from_anywhere(self, complete_store, tmp_path: Path, monkeypatch):
        monkeypatch.chdir(tmp_path.parent)
        assert build_plan(AnswerStore(os.path.relpath(complete_store.root))).name == "Awa"


def test_the_plan_package_imports_no_widgets(repo_root: Path):
    """ritorno.plan is for scripts and trainers too: its own modules never import ipywidgets."""
    for path in sorted((repo_root / "widgets" / "ritorno" / "plan").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "import ipywidgets" not in source and "from ipywidgets" not in source, path.name
