"""Self-checks, read-only tables, and the factories that build nothing while nbgrader grades."""
from __future__ import annotations

import re
from html import escape

import ipywidgets as widgets
import pytest

from ritorno.countries import get_country
from ritorno.curriculum import SelfCheckQuestion, m09
from ritorno.ui import (ExerciseForm, LoanCalculator, LoanComparison, SelfCheck, exercise_form, facts_table,
                        figures_table, grading_mode, loan_calculator, loan_comparison, loan_terms_table, self_checks)

from .ui_reference import plain

NOT_VERIFIED = "(not verified: check before relying on it)"


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the notebook, whatever the shell sets."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def table_rows(table_html: str) -> list[tuple[str, str]]:
    return [(label, plain(value)) for label, value in
            re.findall(r"<th[^>]*>(.*?)</th><td[^>]*>(.*?)</td>", table_html)]


def fact_items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html)


FACTORIES = {
    "loan_calculator": lambda: loan_calculator("SN"),
    "loan_comparison": lambda: loan_comparison("SN"),
    "figures_table": lambda: figures_table(m09.AFFORD_SCENARIO, m09.AFFORD_LABELS, "SN"),
    "loan_terms_table": lambda: loan_terms_table(m09.AFFORD_LOAN, "SN"),
    "facts_table": lambda: facts_table("SN"),
    "self_checks": lambda: self_checks(m09.SELF_CHECKS),
    "exercise_form": lambda: exercise_form(m09.AFFORD),
}


class TestGradingMode:
    @pytest.mark.parametrize("name", FACTORIES)
    def test_nothing_is_built_while_nbgrader_grades(self, name, monkeypatch, tmp_path):
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
        assert grading_mode()
        assert FACTORIES[name]() is None
        assert not (tmp_path / "answers").exists()

    @pytest.mark.parametrize("name", FACTORIES)
    def test_a_widget_is_built_otherwise(self, name, monkeypatch, tmp_path):
        monkeypatch.chdir(tmp_path)
        assert not grading_mode()
        assert isinstance(FACTORIES[name](), widgets.Widget)

    def test_factories_build_the_right_widgets(self, monkeypatch, tmp_path):
        monkeypatch.chdir(tmp_path)
        assert isinstance(loan_calculator("PE"), LoanCalculator)
        assert isinstance(loan_comparison("GH"), LoanComparison)
        assert isinstance(exercise_form(m09.TRUE_COST), ExerciseForm)


class TestSelfCheck:
    @pytest.fixture
    def flat_or_declining(self) -> SelfCheck:
        return SelfCheck(m09.SELF_CHECKS[0])

    def test_nothing_is_chosen_at_first(self, flat_or_declining):
        assert flat_or_declining.choices.value is None
        assert flat_or_declining.feedback.value == ""

    def test_the_right_option_shows_its_explanation_in_green(self, flat_or_declining):
        question = m09.SELF_CHECKS[0]
        flat_or_declining.choices.value = question.correct
        explanation = escape(question.explanations[question.correct])
        assert flat_or_declining.feedback.value == (
            f"<div class='ritorno-ok' style='color:#1e8449'>✔ {explanation}</div>")

    @pytest.mark.parametrize("choice", [1, 2])
    def test_a_wrong_option_shows_its_explanation_as_an_error(self, flat_or_declining, choice):
        question = m09.SELF_CHECKS[0]
        flat_or_declining.choices.value = choice
        assert flat_or_declining.feedback.value == (
            f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {escape(question.explanations[choice])}"
            "</div>")

    def test_changing_the_answer_changes_the_feedback(self, flat_or_declining):
        flat_or_declining.choices.value = 1
        flat_or_declining.choices.value = 0
        assert "ritorno-ok" in flat_or_declining.feedback.value
        assert "ritorno-error" not in flat_or_declining.feedback.value

    @pytest.mark.parametrize("question", m09.SELF_CHECKS, ids=lambda question: question.question[:30])
    def test_every_module_9_question_has_exactly_one_right_option(self, question):
        check = SelfCheck(question)
        styles = []
        for index in range(len(question.options)):
            check.choices.value = index
            styles.append("ritorno-ok" in check.feedback.value)
        assert styles == [index == question.correct for index in range(len(question.options))]

    def test_without_explanations_a_short_verdict(self):
        check = SelfCheck(SelfCheckQuestion("2 + 2?", ("4", "5"), 0))
        check.choices.value = 0
        assert check.feedback.value == "<div class='ritorno-ok' style='color:#1e8449'>✔ Right.</div>"
        check.choices.value = 1
        assert check.feedback.value == ("<div class='ritorno-error' role='alert' style='color:#b03a2e'>"
                                        "⚠ Not quite: think again.</div>")

    def test_options_are_shown_in_order(self, flat_or_declining):
        assert flat_or_declining.choices.options == (
            ("The flat one", 0), ("The declining-balance one", 1), ("They cost the same", 2))

    def test_self_checks_stacks_every_question(self):
        box = self_checks(m09.SELF_CHECKS)
        assert [child.question for child in box.children] == list(m09.SELF_CHECKS)


class TestFactsTable:
    @pytest.mark.parametrize("code", ["SN", "GH", "EC", "BO", "PE", "TN"])
    def test_every_fact_with_its_source_and_year(self, code):
        profile = get_country(code)
        items = fact_items(facts_table(code).value)
        assert len(items) == len(profile.facts)
        for item, (key, fact) in zip(items, profile.facts.items(), strict=True):
            assert item.startswith(f"<b>{escape(fact.label)}</b>"), key
            assert f"({escape(fact.source)}, {fact.year}" in item, key
            assert (NOT_VERIFIED in item) is (not fact.verified), key

    def test_senegal_facts_are_all_verified(self):
        html = facts_table("SN").value
        assert html.startswith("<div class='ritorno-facts'><b>Facts about Senegal</b>")
        assert NOT_VERIFIED not in html
        assert "<b>Highest yearly rate microfinance institutions may charge (usury cap)</b>: 24,00 %" in plain(html)

    def test_facts_speak_the_visitors_language(self):
        html = facts_table("SN", ["mfi_rate_cap"], language="fr").value
        assert "<b>Données du pays\u00a0: Sénégal</b>" in html
        assert escape("Taux annuel le plus élevé que les institutions de microfinance peuvent demander (taux d'usure)") in html
        assert "— En vigueur depuis 2014." in html

    def test_unverified_facts_carry_the_caution(self):
        items = dict(zip(get_country("GH").facts, fact_items(facts_table("GH").value)))
        assert items["e_levy_abolished"].endswith(f" {NOT_VERIFIED})</small>")
        assert NOT_VERIFIED in items["eur_exchange_rate"]

    def test_chosen_keys_only_in_that_order(self):
        items = fact_items(facts_table("SN", ["typical_upfront_fee", "mfi_rate_cap"]).value)
        assert [plain(item).split("</b>: ")[1].split(" <small>")[0] for item in items] == ["2,00 %", "24,00 %"]

    def test_a_plain_number_fact_uses_the_locale(self):
        # fr_SN writes 655.957 XOF per euro with a decimal comma (a "." would read as a thousands separator)
        (item,) = fact_items(facts_table("SN", ["eur_exchange_rate"]).value)
        assert "</b>: 655,957 <small>" in item

    def test_a_text_fact_has_no_dangling_colon(self):
        fact = get_country("GH").fact("e_levy_abolished")
        assert fact.value is None
        (item,) = fact_items(facts_table("GH", ["e_levy_abolished"]).value)
        assert item.startswith(f"<b>{escape(fact.label)}</b> <small>(")
        assert "</b>:" not in item


class TestFigureTables:
    def test_scenario_amounts_in_the_country_currency(self):
        rows = table_rows(figures_table(m09.AFFORD_SCENARIO, m09.AFFORD_LABELS, "SN").value)
        assert rows == [
            ("Sales of the shop", "600 000 F CFA"),
            ("Variable costs (leather, glue, soles)", "300 000 F CFA"),
            ("Fixed costs (rent, electricity, phone)", "80 000 F CFA"),
            ("Other income (her husband&#x27;s work)", "50 000 F CFA"),
            ("Household spending (food, school, health)", "150 000 F CFA"),
        ]

    def test_loan_terms_as_a_lender_writes_them(self):
        rows = table_rows(loan_terms_table(m09.AFFORD_LOAN, "SN").value)
        assert rows == [
            ("Amount", "1 000 000 F CFA"),
            ("Interest rate per year", "18,0 %"),
            ("Interest method", "declining balance"),
            ("Instalments", "12 × monthly"),
            ("Upfront fee", "2,0 %"),
            ("Compulsory savings", "0,0 %"),
        ]

    def test_missing_optional_terms_default(self):
        rows = dict(table_rows(loan_terms_table({"amount": 10_000, "annual_rate": 0.48, "periods": 26,
                                                 "frequency": "weekly", "method": "flat"}, "GH").value))
        assert rows["Instalments"] == "26 × weekly"
        assert rows["Interest method"] == "flat"
        assert rows["Upfront fee"] == "0.0%"
