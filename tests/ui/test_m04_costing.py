"""Module 4's widget: unit cost, price with a markup, margin, a competitor's price, and the markup for a margin.

Expected figures are worked out by hand in the comments (unit cost = materials + labour +
overheads ÷ units; price = cost × (1 + markup); margin = markup ÷ (1 + markup)), not by
calling ritorno.finance.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStore
from ritorno.countries import COUNTRY_CODES, get_country
from ritorno.curriculum import m04
from ritorno.ui.costing import CostingModel, UnitCostPricing, unit_cost_pricing
from ritorno.ui._costing_model import COSTING_INPUTS

from .ui_reference import plain

FIX_THE_BOXES = "<div class='ritorno-note' style='color:#555'>Correct the boxes marked in red to see the results.</div>"


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the notebook, whatever the shell sets."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def ghana(**typed: str) -> CostingModel:
    """Ghana's example (a shirt: 60 + 40 + 1,500 ÷ 100, markup 30 %, competitor 160) with some boxes retyped."""
    model = CostingModel(country="GH")
    for name, text in typed.items():
        setattr(model, name, text)
    return model


def summary_rows(html: str) -> dict[str, str]:
    return dict(re.findall(r"<th[^>]*>(.*?)</th><td[^>]*>(.*?)</td>", plain(html)))


def error(message: str) -> str:
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>"


class TestExample:
    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_each_country_starts_with_its_example(self, code):
        example = m04.EXAMPLES[code]
        model = CostingModel(country=code)
        assert model.errors == {}
        expected_cost = example.materials + example.labour + example.overheads / example.units
        assert model.result.unit_cost == pytest.approx(expected_cost, abs=1e-9)
        assert model.result.price == pytest.approx(expected_cost * (1 + example.markup), abs=1e-9)
        assert model.result.competitor_price == pytest.approx(example.competitor_price)
        assert model.target.margin == pytest.approx(example.wanted_margin)

    def test_ghana_boxes_are_written_the_english_way(self):
        model = CostingModel(country="GH")
        assert [getattr(model, name) for name in COSTING_INPUTS] == ["60", "40", "1,500", "100", "30", "160", "25"]

    def test_bolivia_boxes_are_written_the_bolivian_way(self):
        model = CostingModel(country="BO")
        assert (model.materials, model.overheads, model.markup) == ("3,2", "1.800", "50")

    def test_without_country_the_default_is_senegal(self):
        assert CostingModel().profile.currency == "XOF"

    def test_texts_given_with_the_country_are_kept(self):
        model = CostingModel(country="GH", materials="70", markup="40")
        assert (model.materials, model.labour, model.markup) == ("70", "40", "40")
        # 70 + 40 + 15 = 125; × 1.4 = 175
        assert model.result.price == pytest.approx(175)


class TestFigures:
    def test_ghana_example_to_the_cent(self):
        result = ghana().result
        # 60 + 40 + 1,500 ÷ 100 = 115; 115 × 1.3 = 149.50; profit 34.50; margin 0.3 ÷ 1.3 = 23.08 %
        assert round(result.unit_cost, 2) == 115.00
        assert round(result.price, 2) == 149.50
        assert round(result.split.profit, 2) == 34.50
        assert round(result.split.overheads, 2) == 15.00
        assert result.margin == pytest.approx(0.3 / 1.3)
        assert round(result.competitor_difference, 2) == -10.50  # 149.50 − 160

    def test_typing_updates_the_figures(self):
        model = ghana(materials="85.50", labour="20", overheads="2,000", units="80", markup="45")
        # 85.50 + 20 + 2,000 ÷ 80 = 130.50; × 1.45 = 189.225 → 189.23 (half up); margin 0.45 ÷ 1.45
        assert round(model.result.unit_cost, 2) == 130.50
        assert model.result.price == pytest.approx(189.225)
        assert model.result.margin == pytest.approx(0.45 / 1.45)

    def test_zero_markup_sells_at_cost(self):
        result = ghana(markup="0").result
        assert result.price == pytest.approx(115) and result.margin == 0 and result.split.profit == 0

    def test_labour_and_overheads_may_be_zero(self):
        result = ghana(labour="0", overheads="0").result
        assert result.unit_cost == 60 and result.price == pytest.approx(78)

    def test_a_percent_sign_is_accepted(self):
        assert ghana(markup="30 %").result.markup == pytest.approx(0.30)

    def test_wanted_margin_gives_the_markup_needed(self):
        model = ghana(wanted_margin="40")
        # markup = 0.4 ÷ 0.6 = 66.67 %; price = 115 × (1 + 2/3) = 191.67
        assert model.target.markup == pytest.approx(2 / 3)
        assert round(model.target.price, 2) == 191.67

    def test_wanted_margin_of_zero_needs_no_markup(self):
        assert ghana(wanted_margin="0").target.markup == 0

    def test_wanted_margin_works_while_a_cost_is_wrong(self):
        model = ghana(materials="abc", wanted_margin="20")
        assert model.result is None
        assert model.target.markup == pytest.approx(0.25) and model.target.price is None

    def test_an_empty_wanted_margin_gives_no_target_and_no_message(self):
        model = ghana(wanted_margin=" ")
        assert model.target is None and model.errors == {}

    def test_an_empty_competitor_price_gives_no_comparison(self):
        model = ghana(competitor_price="")
        assert model.errors == {}
        assert model.result.competitor_price is None and model.result.competitor_difference is None


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("materials", "", "This box is empty: please type an amount."),
        ("materials", "abc", "Please type a number, for example 1,500."),
        ("materials", "1e40", "Please type a number, for example 1,500."),
        ("materials", "-5", "-5 is below zero: type 0 or more."),
        ("labour", "", "This box is empty: please type an amount."),
        ("labour", "-1", "-1 is below zero: type 0 or more."),
        ("overheads", "lots", "Please type a number, for example 1,500."),
        ("overheads", "1" + "0" * 40, "100000000000000000… is too large: type at most 1,000,000,000,000."),
        ("units", "", "This box is empty: please type a number."),
        ("units", "many", "Please type a whole number, for example 12."),
        ("units", "0", "0 is too small: type at least 1."),
        ("units", "-100", "-100 is too small: type at least 1."),
        ("units", "2.5", "Please type a whole number, for example 12."),
        ("units", "1000000001", "1000000001 is too large: type at most 1,000,000,000."),
        ("markup", "", "This box is empty: please type a number."),
        ("markup", "%", "Please type a percentage, for example 18.5."),
        ("markup", "thirty", "Please type a percentage, for example 18.5."),
        ("markup", "-10", "-10 is below zero: a negative markup sells below cost and loses money on every unit. "
                          "Type 0 or more."),
        ("markup", "1001", "1001 is too large: type at most 1,000."),
        ("competitor_price", "0", "0 is too small: type a number above 0."),
        ("competitor_price", "-160", "-160 is too small: type a number above 0."),
        ("competitor_price", "cheap", "Please type a number, for example 1,500."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        model = ghana(**{box: text})
        assert model.result is None
        assert model.errors == {box: message}

    @pytest.mark.parametrize(("text", "message"), [
        ("100", "100 is too large: the margin is a share of the price, so it must stay below 100."),
        ("150 %", "150 % is too large: the margin is a share of the price, so it must stay below 100."),
        ("-5", "-5 is below zero: type 0 or more."),
        ("half", "Please type a percentage, for example 18.5."),
    ])
    def test_a_bad_wanted_margin_has_a_message_but_keeps_the_price(self, text, message):
        model = ghana(wanted_margin=text)
        assert model.errors == {"wanted_margin": message}
        assert model.target is None
        assert round(model.result.price, 2) == 149.50

    def test_costs_all_zero_is_a_rule_message(self):
        model = ghana(materials="0", labour="0", overheads="0")
        assert model.result is None
        assert model.errors == {"costs": "Materials, labour and overheads are all 0: type what one unit really "
                                         "costs you."}

    def test_french_numbers_in_senegal(self):
        model = CostingModel(country="SN", materials="2 500,5x")
        assert plain(model.errors["materials"]) == "Please type a number, for example 1 500."

    def test_a_long_negative_markup_is_quoted_short(self):
        model = ghana(markup="-" + "1" * 25)
        assert model.errors["markup"].startswith("-11111111111111111… is below zero")

    def test_messages_clear_when_corrected(self):
        model = ghana(units="0")
        model.units = "120"
        assert model.errors == {}
        # 60 + 40 + 1,500 ÷ 120 = 112.50
        assert model.result.unit_cost == pytest.approx(112.5)


class TestView:
    @pytest.fixture
    def widget(self) -> UnitCostPricing:
        return UnitCostPricing(country="GH")

    def test_summary_shows_cost_price_and_margin_beside_the_markup(self, widget):
        rows = summary_rows(widget.summary.value)
        assert rows == {
            "Materials": "GH₵60.00", "Labour": "GH₵40.00", "Share of the overheads": "GH₵15.00",
            "Unit cost": "GH₵115.00", "Markup (on the cost)": "30.0%", "Price": "GH₵149.50",
            "Profit per unit": "GH₵34.50", "Margin (profit as a share of the price)": "23.1%",
        }
        assert "<p><b>A markup of 30.0% on the cost is a margin of 23.1% of the price.</b></p>" in widget.summary.value

    def test_cheaper_than_the_competitor(self, widget):
        # 160 − 149.50 = 10.50, 10.50 ÷ 160 = 6.6 %
        assert widget.comparison.value == ("<p>Your price is GH₵10.50 (6.6%) cheaper than the competitor&#x27;s price "
                                           "of GH₵160.00.</p>")

    def test_dearer_than_the_competitor(self, widget):
        widget.type_into("competitor_price", "130")
        # 149.50 − 130 = 19.50, 19.50 ÷ 130 = 15.0 %
        assert widget.comparison.value == ("<p>Your price is GH₵19.50 (15.0%) dearer than the competitor&#x27;s price "
                                           "of GH₵130.00.</p>")

    def test_same_price_as_the_competitor(self, widget):
        widget.type_into("competitor_price", "149.50")
        assert widget.comparison.value == "<p>Your price is the same as the competitor&#x27;s: GH₵149.50.</p>"

    def test_a_competitor_below_your_cost_is_a_warning(self, widget):
        widget.type_into("competitor_price", "100")
        # 115 − 100 = 15 lost on each unit at the competitor's price
        assert widget.comparison.value.endswith(error(
            "Careful: the competitor&#x27;s price is below your unit cost. At that price you would lose GH₵15.00 on "
            "every unit."))

    def test_no_competitor_asks_for_one(self, widget):
        widget.type_into("competitor_price", "")
        assert widget.comparison.value == ("<div class='ritorno-note' style='color:#555'>Type a competitor&#x27;s price "
                                           "to compare yours with it.</div>")

    def test_target_sentence(self, widget):
        # 25 % margin: markup 0.25 ÷ 0.75 = 33.3 %; price 115 × 4/3 = 153.33
        assert widget.target.value == ("<p><b>To keep 25.0% of the price as profit, you need a markup of 33.3% on "
                                       "the cost. With your unit cost, that is a price of GH₵153.33.</b></p>")

    def test_a_bad_box_shows_its_message_under_it_and_hides_the_results(self, widget):
        widget.type_into("units", "0")
        assert widget.message_for("units") == error("0 is too small: type at least 1.")
        assert widget.message_for("materials") == ""
        assert widget.summary.value == FIX_THE_BOXES
        assert widget.comparison.value == ""
        assert widget.chart_image.layout.display == "none"

    def test_a_rule_message_shows_under_the_form(self, widget):
        for box in ("materials", "labour", "overheads"):
            widget.type_into(box, "0")
        assert widget.message_for("costs") == error(
            "Materials, labour and overheads are all 0: type what one unit really costs you.")
        assert "marked in red" not in widget.summary.value

    def test_a_bad_wanted_margin_shows_under_its_box(self, widget):
        widget.type_into("wanted_margin", "100")
        assert widget.message_for("wanted_margin") == error(
            "100 is too large: the margin is a share of the price, so it must stay below 100.")
        assert widget.target.value == ""
        assert widget.chart_image.layout.display is None

    def test_example_note_names_the_product(self, widget):
        assert "a made-to-measure shirt in Accra" in widget._example.value


class TestChart:
    def test_the_bar_is_the_price_split(self):
        widget = UnitCostPricing(country="SN")
        # Senegal: sandals 2,500 + 1,000 + 150,000 ÷ 300 = 4,000; profit 25 % = 1,000; price 5,000
        assert widget.chart.segment_heights == pytest.approx(
            {"materials": 2500, "labour": 1000, "overheads": 500, "profit": 1000})
        assert widget.chart.segment_bottoms == pytest.approx(
            {"materials": 0, "labour": 2500, "overheads": 3500, "profit": 4000})
        assert widget.chart.competitor_level == 5500

    def test_chart_follows_typing(self):
        widget = UnitCostPricing(country="SN")
        widget.type_into("markup", "50")
        widget.type_into("competitor_price", "")
        assert widget.chart.segment_heights["profit"] == pytest.approx(2000)
        assert widget.chart.competitor_level is None
        assert bytes(widget.chart_image.value).startswith(b"\x89PNG")


class TestCountrySwitch:
    def test_changing_country_switches_example_and_currency(self):
        widget = UnitCostPricing(country="GH")
        widget.model.country = "BO"
        assert widget.model.profile.currency == get_country("BO").currency == "BOB"
        assert (widget.model.materials, widget.model.overheads) == ("3,2", "1.800")
        # salteña: 3.20 + 1.00 + 1,800 ÷ 3,000 = 4.80; × 1.5 = 7.20
        assert summary_rows(widget.summary.value)["Price"] == "Bs7,20"
        assert "one salteña in Cochabamba" in widget._example.value


class TestPersistence:
    def test_typed_figures_come_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = CostingModel(store=store, country="PE")
        first.markup = "70"
        first.competitor_price = "19,50"
        second = CostingModel(store=store, country="GH")
        assert (second.country, second.markup, second.competitor_price) == ("PE", "70", "19,50")
        saved = json.loads((tmp_path / "m04_costing.json").read_text(encoding="utf-8"))["values"]
        assert set(saved) == {"country", *COSTING_INPUTS}

    def test_invalid_input_is_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = CostingModel(store=store, country="GH")
        first.markup = "40"
        first.markup = "-40"
        assert CostingModel(store=store).markup == "40"

    def test_factory_keeps_work_beside_the_notebook_and_uses_the_profile_country(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        AnswerStore(tmp_path / "answers").save("m01_profile", {"country": "TN"})
        widget = unit_cost_pricing()
        assert widget.model.country == "TN"
        widget.type_into("units", "1200")
        assert unit_cost_pricing().model.units == "1200"

    def test_factory_without_keep_work_saves_nothing(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        unit_cost_pricing("GH", keep_work=False).type_into("units", "90")
        assert not (tmp_path / "answers" / "m04_costing.json").exists()

    def test_nothing_is_built_while_grading(self, monkeypatch):
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
        assert unit_cost_pricing("GH") is None


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=30) for box in COSTING_INPUTS}))
    def test_any_text_in_every_box(self, texts):
        widget = UnitCostPricing(country="TN")
        for box, text in texts.items():
            widget.type_into(box, text)
        model = widget.model
        assert all(isinstance(message, str) and message for message in model.errors.values())
        assert (model.result is None) == any(box in model.errors for box in (*COSTING_INPUTS[:-1], "costs"))

    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(alphabet="0123456789 ,.-e%", max_size=14)
                                        for box in COSTING_INPUTS}))
    def test_number_like_text_in_every_box(self, texts):
        model = CostingModel(country="BO")
        for box, text in texts.items():
            setattr(model, box, text)
        if model.result is not None:
            assert model.result.price >= model.result.unit_cost > 0
