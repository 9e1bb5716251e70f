"""The loan calculator's views (form, summary, schedule, chart) and the offer comparison."""
from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from ritorno.ui import LoanCalculator, LoanComparison, LoanForm, LoanModel, LoanSummary, ScheduleTable

from .ui_reference import annuity_payment, plain, reference_apr

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIX_THE_BOXES = "Correct what is marked in red to see the results."


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the notebook, whatever the shell sets."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def body_rows(table_html: str) -> list[str]:
    """The rows of an HTML table after its header row."""
    return re.findall(r"<tr>(.*?)</tr>", table_html)[1:]


def first_cells(table_html: str) -> list[str]:
    return [re.search(r"<td[^>]*>(.*?)</td>", row).group(1) for row in body_rows(table_html)]


@pytest.fixture
def calculator() -> LoanCalculator:
    """Senegal's calculator, showing the 1,000,000 XOF example."""
    return LoanCalculator(country="SN")


def summary_rows(summary_html: str) -> dict[str, str]:
    """The summary's figures by label, with plain spaces."""
    return dict(re.findall(r"<th[^>]*>(.*?)</th><td[^>]*>(.*?)</td>", plain(summary_html)))


class TestSummary:
    def test_example_shows_instalment_and_apr(self, calculator):
        # reference: annuity 1,000,000 × 0.015 / (1 − 1.015^−12) = 91,679.99… XOF; APR 21.9 %
        assert round(annuity_payment(1_000_000, 0.015, 12)) == 91_680
        assert round(reference_apr(1_000_000, 0.18, 12, fee=0.02) * 100, 1) == 21.9
        rows = summary_rows(calculator.summary.value)
        assert rows["Regular instalment"] == "91 680 F CFA"
        assert rows["APR (true yearly cost)"] == "21,9 %"
        assert rows["You receive in hand"] == "980 000 F CFA"  # 2 % fee withheld
        assert rows["Upfront fee"] == "20 000 F CFA"

    def test_typing_updates_the_summary(self, calculator):
        calculator.form.type_into("amount", "500 000")
        calculator.form.type_into("rate", "30")
        calculator.form.type_into("periods", "6")
        calculator.form.type_into("fee", "3")
        instalment = annuity_payment(500_000, 0.025, 6)  # 90,774.9… XOF
        apr = reference_apr(500_000, 0.30, 6, fee=0.03)  # 41.0 %
        rows = summary_rows(calculator.summary.value)
        assert rows["Regular instalment"] == f"{round(instalment):,} F CFA".replace(",", " ")
        assert rows["APR (true yearly cost)"] == f"{apr * 100:.1f} %".replace(".", ",")
        assert rows["You receive in hand"] == "485 000 F CFA"

    def test_an_invalid_box_replaces_the_figures_by_a_note(self, calculator):
        calculator.form.type_into("amount", "abc")
        assert calculator.summary.value == f"<div class='ritorno-note' style='color:#555'>{FIX_THE_BOXES}</div>"

    @pytest.mark.parametrize("typed", [{"fee": "60", "savings": "50"}, {"periods": "12", "grace": "12"}])
    def test_a_rule_between_boxes_does_not_point_to_red_boxes(self, calculator, typed):
        for box, text in typed.items():
            calculator.form.type_into(box, text)
        assert calculator.model.loan is None and list(calculator.model.errors) == ["loan"]
        assert calculator.form.message_for("loan").startswith("<div class='ritorno-error'")  # the rule, in red
        assert FIX_THE_BOXES in calculator.summary.value

    def test_summary_follows_a_change_of_country(self, calculator):
        calculator.model.country = "GH"
        assert "GH₵" in calculator.summary.value
        assert "F CFA" not in plain(calculator.summary.value)


class TestForm:
    def test_typed_text_reaches_the_model(self, calculator):
        calculator.form.type_into("rate", "21")
        assert calculator.model.rate == "21"
        assert calculator.model.loan.annual_rate == pytest.approx(0.21)

    def test_a_bad_box_shows_its_message_under_it(self, calculator):
        calculator.form.type_into("amount", "abc")
        assert plain(calculator.form.message_for("amount")) == (
            "<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ Please type a number, for example 1 500."
            "</div>")
        assert calculator.form.message_for("rate") == ""

    def test_an_empty_amount_is_explained(self, calculator):
        calculator.form.type_into("amount", "")
        assert "This box is empty: please type an amount." in calculator.form.message_for("amount")

    def test_a_rule_between_boxes_shows_under_the_form(self, calculator):
        calculator.form.type_into("fee", "60")
        calculator.form.type_into("savings", "50")
        assert "The fee (60%) and compulsory savings (50%) together take the whole loan" in \
            calculator.form.message_for("loan")
        assert calculator.form.message_for("fee") == calculator.form.message_for("savings") == ""

    def test_messages_clear_when_corrected(self, calculator):
        calculator.form.type_into("periods", "2.5")
        assert "whole number" in calculator.form.message_for("periods")
        calculator.form.type_into("periods", "24")
        assert calculator.form.message_for("periods") == ""
        assert calculator.model.loan.periods == 24

    def test_a_form_over_a_model_shows_its_current_errors(self):
        model = LoanModel(country="SN")
        model.amount = "abc"
        form = LoanForm(model, "Offer A", show_country=False)
        assert "Please type a number" in form.message_for("amount")
        assert not any(isinstance(child, widgets.Dropdown) and child.description == "Country"
                       for child in form.children)


class TestSchedule:
    def test_twelve_monthly_instalments_are_twelve_rows(self, calculator):
        html = calculator.schedule.value
        assert first_cells(html) == [str(period) for period in range(1, 13)]
        assert "…" not in html
        assert plain(body_rows(html)[-1]).endswith(">0 F CFA</td>")  # nothing owed after the last one

    def test_a_long_weekly_loan_shows_its_start_and_end(self, calculator):
        calculator.model.frequency = "weekly"
        calculator.form.type_into("periods", "52")
        rows = body_rows(calculator.schedule.value)
        assert len(rows) == 12 + 1 + 2
        assert "…" in rows[12]
        assert first_cells(calculator.schedule.value)[:12] == [str(period) for period in range(1, 13)]
        assert [re.search(r">(\d+)</td>", row).group(1) for row in rows[-2:]] == ["51", "52"]

    def test_schedule_is_empty_while_a_box_is_wrong(self, calculator):
        calculator.form.type_into("rate", "x")
        assert calculator.schedule.value == ""

    def test_schedule_table_alone_follows_its_model(self):
        model = LoanModel(country="SN")
        table = ScheduleTable(model)
        model.periods = "3"
        assert len(body_rows(table.value)) == 3


class TestChart:
    def test_bars_are_the_instalments(self, calculator):
        payments = [row.payment for row in calculator.model.loan.schedule()]
        assert calculator.chart.instalment_heights == pytest.approx(payments)
        assert len(payments) == 12

    def test_balance_starts_at_the_amount_and_ends_at_zero(self, calculator):
        balances = calculator.chart.balance_line.get_ydata()
        assert balances[0] == 1_000_000
        assert balances[-1] == 0
        assert len(balances) == 13

    def test_chart_follows_the_number_of_instalments(self, calculator):
        calculator.form.type_into("periods", "6")
        assert len(calculator.chart.instalment_heights) == 6
        assert calculator.chart.instalment_heights == pytest.approx(
            [row.payment for row in calculator.model.loan.schedule()])

    def test_image_is_a_png_that_changes_with_the_amount(self, calculator):
        before = bytes(calculator.chart_image.value)
        assert before.startswith(PNG_SIGNATURE)
        calculator.form.type_into("amount", "300 000")
        after = bytes(calculator.chart_image.value)
        assert after.startswith(PNG_SIGNATURE)
        assert after != before
        assert calculator.chart.balance_line.get_ydata()[0] == 300_000

    def test_image_is_hidden_while_a_box_is_wrong_and_back_after(self, calculator):
        assert calculator.chart_image.layout.display is None
        calculator.form.type_into("amount", "-")
        assert calculator.chart_image.layout.display == "none"
        calculator.form.type_into("amount", "400 000")
        assert calculator.chart_image.layout.display is None
        assert calculator.chart.balance_line.get_ydata()[0] == 400_000


class TestNoCrashWhileTyping:
    @pytest.mark.parametrize(("rate", "quoted"), [("1000000000", "1000000000"),
                                                  ("1" + "0" * 300, "100000000000000000…")])
    def test_an_absurd_rate_gives_a_message_not_an_exception(self, calculator, rate, quoted):
        calculator.form.type_into("rate", rate)
        assert calculator.model.loan is None
        assert plain(calculator.form.message_for("rate")) == (
            f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {quoted} is too large: "
            "type at most 1 000.</div>")
        assert calculator.summary.value == f"<div class='ritorno-note' style='color:#555'>{FIX_THE_BOXES}</div>"
        assert calculator.schedule.value == ""

    @pytest.mark.parametrize(("box", "text", "message"), [
        ("amount", "-1000000", "-1000000 is too small: type a number above 0."),
        ("periods", "0", "0 is too small: type at least 1."),
        ("grace", "-1", "-1 is below zero: type 0 or more."),
    ])
    def test_an_out_of_range_box_is_marked_in_red_under_it(self, calculator, box, text, message):
        calculator.form.type_into(box, text)
        assert plain(calculator.form.message_for(box)) == (
            f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>")
        assert calculator.form.message_for("loan") == ""

    def test_a_cost_beyond_reckoning_shows_under_the_form(self, calculator):
        calculator.model.method, calculator.model.frequency = "flat", "weekly"
        for box, text in {"rate": "1000", "periods": "1", "fee": "99", "savings": "0,99999999999"}.items():
            calculator.form.type_into(box, text)
        assert calculator.model.loan is None
        assert calculator.form.message_for("loan") == (
            "<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ This loan&#x27;s cost is too high to "
            "calculate.</div>")
        assert all(calculator.form.message_for(box) == "" for box in ("amount", "rate", "periods", "fee", "savings"))


class TestComparison:
    def test_starts_with_flat_against_declining_and_names_the_cheaper(self):
        comparison = LoanComparison(country="SN")
        assert [offer.method for offer in comparison.offers] == ["declining", "flat"]
        declining = reference_apr(1_000_000, 0.18, 12, fee=0.02)
        flat = reference_apr(1_000_000, 0.18, 12, fee=0.02, method="flat")
        assert (round(declining * 100, 1), round(flat * 100, 1)) == (21.9, 35.8)
        assert plain(comparison.verdict.value) == (
            "<p style='font-size:1.2em'><b>Offer A is cheaper: its APR is 21,9 %, against 35,8 % for offer B.</b></p>")

    def test_offer_b_can_be_the_cheaper(self):
        comparison = LoanComparison(country="SN")
        comparison.offers[1].rate = "5"
        low = reference_apr(1_000_000, 0.05, 12, fee=0.02, method="flat")
        expected = f"Offer B is cheaper: its APR is {low * 100:.1f} %, against 21,9 % for offer A.".replace(".", ",", 1)
        assert expected in plain(comparison.verdict.value)

    def test_equal_offers_cost_the_same(self):
        comparison = LoanComparison(country="SN")
        comparison.offers[1].method = "declining"
        assert "Both offers cost the same: APR 21,9 %." in plain(comparison.verdict.value)

    @pytest.mark.parametrize("offer", [0, 1])
    def test_an_invalid_offer_asks_for_both(self, offer):
        comparison = LoanComparison(country="SN")
        comparison.offers[offer].amount = "abc"
        assert comparison.verdict.value == ("<div class='ritorno-note' style='color:#555'>"
                                            "Fill in both offers to compare them.</div>")

    def test_each_offer_has_its_own_summary(self):
        comparison = LoanComparison(country="SN")
        summaries = [widget for column in comparison.children[0].children for widget in column.children
                     if isinstance(widget, LoanSummary)]
        assert len(summaries) == 2
        assert "21,9 %" in plain(summaries[0].value) and "35,8 %" in plain(summaries[1].value)
