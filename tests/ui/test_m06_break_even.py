"""Module 6's widget: break-even units and sales, margin of safety, profit at the plan, and the picture.

Expected figures are worked out by hand in the comments (break-even = fixed ÷ (price −
variable cost); safety = (planned − break-even) ÷ planned; profit = planned × (price −
variable cost) − fixed), not by calling ritorno.finance.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStore
from ritorno.countries import COUNTRY_CODES, get_country
from ritorno.curriculum import m06
from ritorno.ui.break_even import BreakEvenChart, BreakEvenModel, break_even_chart
from ritorno.ui._break_even_model import BREAK_EVEN_INPUTS

from .ui_reference import plain


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the notebook, whatever the shell sets."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def ghana(**typed: str) -> BreakEvenModel:
    """Ghana's example bakery (fixed 6,000; loaf 25; variable 15; plan 900) with some boxes retyped."""
    model = BreakEvenModel(country="GH")
    for name, text in typed.items():
        setattr(model, name, text)
    return model


def error(message: str) -> str:
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>"


def summary_rows(html: str) -> dict[str, str]:
    return dict(re.findall(r"<th[^>]*>(.*?)</th><td[^>]*>(.*?)</td>", plain(html)))


class TestExample:
    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_each_country_starts_with_its_example(self, code):
        example = m06.EXAMPLES[code]
        result = BreakEvenModel(country=code).result
        expected = example.fixed_costs / (example.price - example.variable_cost)
        assert result.break_even_units == pytest.approx(expected)
        assert result.profit == pytest.approx(
            example.planned_units * (example.price - example.variable_cost) - example.fixed_costs)

    def test_ghana_boxes(self):
        model = ghana()
        assert [getattr(model, name) for name in BREAK_EVEN_INPUTS] == ["6,000", "25", "15", "900"]


class TestFigures:
    def test_ghana_example(self):
        result = ghana().result
        # 6,000 ÷ (25 − 15) = 600 loaves; sales 600 × 25 = 15,000; safety (900 − 600) ÷ 900 = 1/3;
        # profit 900 × 10 − 6,000 = 3,000
        assert (result.break_even_units, result.units_to_sell, result.break_even_sales) == (600, 600, 15_000)
        assert result.margin_of_safety == pytest.approx(1 / 3)
        assert result.profit == 3_000

    def test_break_even_is_rounded_up_for_the_verdict(self):
        result = ghana(fixed_costs="6,001").result
        # 6,001 ÷ 10 = 600.1 → sell 601
        assert result.break_even_units == pytest.approx(600.1)
        assert result.units_to_sell == 601

    def test_a_whole_break_even_is_not_rounded_up_by_float_noise(self):
        # 0.30 ÷ (0.30 − 0.20) is 3.0000000000000004 in floats, 6 ÷ (0.30 − 0.20) is 60.00000000000001: still 3 and 60
        assert ghana(fixed_costs="0.3", price="0.3", variable_cost="0.2").result.units_to_sell == 3
        assert ghana(fixed_costs="6", price="0.3", variable_cost="0.2").result.units_to_sell == 60

    def test_planned_below_break_even_is_a_loss(self):
        result = ghana(planned_units="450").result
        # 450 × 10 − 6,000 = −1,500; safety (450 − 600) ÷ 450 = −1/3
        assert result.profit == -1_500
        assert result.margin_of_safety == pytest.approx(-1 / 3)

    def test_no_fixed_costs_breaks_even_at_once(self):
        result = ghana(fixed_costs="0").result
        assert (result.break_even_units, result.margin_of_safety, result.profit) == (0, 1, 9_000)

    def test_senegal_to_the_franc(self):
        result = BreakEvenModel(country="SN").result
        # 250,000 ÷ (5,000 − 3,500) = 166.67 → 167 pairs; sales 833,333.33; profit 250 × 1,500 − 250,000 = 125,000
        assert result.units_to_sell == 167
        assert round(result.break_even_sales, 2) == 833_333.33
        assert result.profit == 125_000


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("fixed_costs", "", "This box is empty: please type an amount."),
        ("fixed_costs", "rent", "Please type a number, for example 1,500."),
        ("fixed_costs", "-6000", "-6000 is below zero: type 0 or more."),
        ("price", "", "This box is empty: please type an amount."),
        ("price", "0", "0 is too small: type a number above 0."),
        ("price", "-25", "-25 is too small: type a number above 0."),
        ("price", "1e40", "Please type a number, for example 1,500."),
        ("variable_cost", "-1", "-1 is below zero: type 0 or more."),
        ("variable_cost", "flour", "Please type a number, for example 1,500."),
        ("planned_units", "", "This box is empty: please type a number."),
        ("planned_units", "0", "0 is too small: type at least 1."),
        ("planned_units", "900.5", "Please type a whole number, for example 12."),
        ("planned_units", "1" + "0" * 30, "100000000000000000… is too large: type at most 1,000,000,000."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        model = ghana(**{box: text})
        assert model.result is None
        assert model.errors == {box: message}

    @pytest.mark.parametrize(("price", "variable", "shown_price", "shown_variable"), [
        ("15", "15", "GH₵15.00", "GH₵15.00"),
        ("14.5", "15", "GH₵14.50", "GH₵15.00"),
        ("1500000", "2000000", "GH₵1,500,000.00", "GH₵2,000,000.00"),
    ])
    def test_price_not_above_variable_cost(self, price, variable, shown_price, shown_variable):
        model = ghana(price=price, variable_cost=variable)
        assert model.result is None
        assert model.errors == {"price": f"The price ({shown_price}) must be higher than the variable cost per unit "
                                         f"({shown_variable}): otherwise every sale loses money and the business never "
                                         "breaks even."}

    def test_the_rule_message_uses_the_country_money(self):
        model = BreakEvenModel(country="SN", price="3 000")
        assert plain(model.errors["price"]).startswith("The price (3 000 F CFA) must be higher than the variable cost "
                                                       "per unit (3 500 F CFA)")

    def test_messages_clear_when_corrected(self):
        model = ghana(price="10")
        model.price = "30"
        assert model.errors == {}
        assert model.result.break_even_units == 400  # 6,000 ÷ 15


class TestView:
    @pytest.fixture
    def widget(self) -> BreakEvenChart:
        return BreakEvenChart(country="GH")

    def test_summary(self, widget):
        assert summary_rows(widget.summary.value) == {
            "Each unit leaves to pay the fixed costs": "GH₵10.00",
            "Break-even point (units a month)": "600.0",
            "Units to sell to cover all costs": "600",
            "Break-even sales": "GH₵15,000.00",
            "Margin of safety": "33.3%",
            "Profit at your planned sales": "GH₵3,000.00",
        }

    def test_verdict_above_break_even(self, widget):
        assert widget.verdict.value == ("<div class='ritorno-ok' style='color:#1e8449'>✔ Sell at least 600 units a "
                                        "month to cover all costs. You plan 900: sales can fall by 33.3% before you "
                                        "make a loss.</div>")

    def test_verdict_below_break_even(self, widget):
        widget.type_into("planned_units", "450")
        assert widget.verdict.value == error("Sell at least 600 units a month to cover all costs. You plan only 450: "
                                             "at that volume you lose GH₵1,500.00 a month. Raise the price, cut costs "
                                             "or plan to sell more.")
        assert summary_rows(widget.summary.value)["Loss at your planned sales"] == "GH₵1,500.00"
        assert summary_rows(widget.summary.value)["Margin of safety"] == "-33.3%"

    def test_price_rule_shows_under_the_price_box(self, widget):
        widget.type_into("price", "12")
        assert widget.message_for("price") == error(
            "The price (GH₵12.00) must be higher than the variable cost per unit (GH₵15.00): otherwise every sale "
            "loses money and the business never breaks even.")
        assert widget.message_for("variable_cost") == ""
        assert widget.summary.value == ""
        assert widget.chart_image.layout.display == "none"

    def test_country_switch(self, widget):
        widget.model.country = "BO"
        assert widget.model.profile.currency == get_country("BO").currency == "BOB"
        assert (widget.model.fixed_costs, widget.model.price) == ("1.800", "7,2")
        # 1,800 ÷ (7.20 − 4.20) = 600; safety (3,000 − 600) ÷ 3,000 = 80 %
        assert summary_rows(widget.summary.value)["Break-even sales"] == "Bs4.320,00"
        assert summary_rows(widget.summary.value)["Margin of safety"] == "80,0%"
        assert "salteñas in Cochabamba" in widget._example.value


class TestPicture:
    def test_lines_cross_at_break_even(self):
        picture = BreakEvenChart(country="GH").picture
        # x runs to 1.3 × max(900, 600) = 1,170 units
        assert list(picture.sales_line.get_xdata()) == pytest.approx([0, 1170])
        assert list(picture.sales_line.get_ydata()) == pytest.approx([0, 29_250])  # 1,170 × 25
        assert list(picture.cost_line.get_ydata()) == pytest.approx([6_000, 23_550])  # 6,000 + 1,170 × 15
        assert list(picture.fixed_line.get_ydata()) == pytest.approx([6_000, 6_000])
        assert list(picture.break_even_point.get_xdata()) == pytest.approx([600])
        assert list(picture.break_even_point.get_ydata()) == pytest.approx([15_000])
        assert picture.planned_units == 900

    def test_picture_follows_typing(self):
        widget = BreakEvenChart(country="GH")
        widget.type_into("planned_units", "2000")
        assert widget.picture.planned_units == 2000
        assert widget.picture.axes.get_xlim() == pytest.approx((0, 2600))
        assert bytes(widget.chart_image.value).startswith(b"\x89PNG")


class TestPersistence:
    def test_typed_figures_come_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        BreakEvenModel(store=store, country="TN").planned_units = "650"
        second = BreakEvenModel(store=store, country="GH")
        assert (second.country, second.planned_units, second.price) == ("TN", "650", "6,5")
        saved = json.loads((tmp_path / "m06_breakeven.json").read_text(encoding="utf-8"))["values"]
        assert set(saved) == {"country", *BREAK_EVEN_INPUTS}

    def test_invalid_input_is_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = BreakEvenModel(store=store, country="GH")
        first.price = "30"
        first.price = "10"  # below the variable cost: not kept
        assert BreakEvenModel(store=store).price == "30"

    def test_factory_keeps_work_and_uses_the_profile_country(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        AnswerStore(tmp_path / "answers").save("m01_profile", {"country": "PE"})
        widget = break_even_chart()
        assert widget.model.country == "PE"
        widget.type_into("planned_units", "1600")
        assert break_even_chart().model.planned_units == "1600"

    def test_nothing_is_built_while_grading(self, monkeypatch):
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
        assert break_even_chart("GH") is None


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=30) for box in BREAK_EVEN_INPUTS}))
    def test_any_text_in_every_box(self, texts):
        widget = BreakEvenChart(country="EC")
        for box, text in texts.items():
            widget.type_into(box, text)
        model = widget.model
        assert (model.result is None) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(alphabet="0123456789 ,.-e", max_size=14)
                                        for box in BREAK_EVEN_INPUTS}))
    def test_number_like_text_in_every_box(self, texts):
        widget = BreakEvenChart(country="SN")
        for box, text in texts.items():
            widget.type_into(box, text)
        result = widget.model.result
        if result is not None:
            assert result.price > result.variable_cost
            assert result.profit == pytest.approx(result.contribution * (result.planned_units - result.break_even_units),
                                                  rel=1e-9, abs=1e-3)
