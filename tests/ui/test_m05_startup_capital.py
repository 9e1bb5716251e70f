"""Module 5's widget: start-up capital (uses), funding mix (sources) and the gap between them.

Expected figures are worked out by hand in the comments (capital = equipment + pre-opening
costs + months × running costs; gap = capital − sources), not by calling ritorno.finance.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStore
from ritorno.countries import COUNTRY_CODES, get_country
from ritorno.curriculum import m05
from ritorno.ui.startup_capital import (StartupCapitalModel, StartupCapitalPlanner, saved_startup_capital,
                                        startup_capital_planner)
from ritorno.ui._startup_capital_model import AMOUNT_INPUTS, LINE_KINDS, LINE_NAMES, SOURCES

from .ui_reference import plain

ALL_BOXES = StartupCapitalModel.persisted[1:]


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the notebook, whatever the shell sets."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def ecuador(**typed: str) -> StartupCapitalModel:
    """Ecuador's example café with some boxes retyped.

    Equipment 450 + 700 + 350 + 250 = 1,750; before opening 150 + 400 + 400 + 150 = 1,100;
    3 months × 900 = 2,700; capital 5,550. Sources 1,150 + 2,000 + 500 + 1,500 = 5,150; gap 400.
    """
    model = StartupCapitalModel(country="EC")
    for name, text in typed.items():
        setattr(model, name, text)
    return model


def error(message: str) -> str:
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>"


def summary_rows(html: str) -> dict[str, tuple[str, str]]:
    rows = re.findall(r"<th[^>]*>(.*?)</th><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>", plain(html))
    return {label: (value, share) for label, value, share in rows}


class TestExample:
    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_each_country_starts_with_its_example(self, code):
        example = m05.EXAMPLES[code]
        model = StartupCapitalModel(country=code)
        assert model.errors == {}
        uses = sum(amount for _, amount in example.equipment + example.pre_opening)
        assert model.capital == pytest.approx(uses + example.running_costs * example.months)
        assert model.funding.total == pytest.approx(example.iom_in_kind + example.savings + example.family
                                                    + example.loan)

    def test_ecuador_boxes(self):
        model = ecuador()
        assert [(getattr(model, f"{line}_name"), getattr(model, line)) for line in LINE_NAMES["equipment"]] == [
            ("Industrial stove", "450"), ("Refrigerator", "700"), ("Tables and chairs", "350"),
            ("Pots, pans and kitchen tools", "250")]
        assert (model.running_costs, model.months, model.iom_in_kind, model.loan) == ("900", "3", "1.150", "1.500")

    def test_a_country_with_fewer_lines_leaves_the_others_empty(self):
        model = StartupCapitalModel(country="SN")
        assert (model.equipment_4_name, model.equipment_4) == ("", "")
        assert [name for name, _ in model.plan.equipment] == ["Sewing machine", "Workbench and tools", "Shelves"]

    def test_example_iom_line_is_the_value_of_named_goods(self):
        # the IOM line is never an invented IOM amount: it is what the listed goods cost
        for example in m05.EXAMPLES.values():
            prices = dict(example.equipment + example.pre_opening)
            assert example.iom_in_kind == sum(prices[item] for item in example.iom_items)


class TestFigures:
    def test_ecuador_example_to_the_cent(self):
        model = ecuador()
        assert (model.capital, model.gap) == (5550.0, 400.0)
        plan = model.plan
        assert (plan.fixed_assets, plan.pre_opening_total, plan.working_capital) == (1750.0, 1100.0, 2700.0)
        # opening cash: 5,150 − 1,750 − 1,100 = 2,300 (= 2,700 working capital − 400 missing)
        assert plan.opening_cash == 2300.0
        assert model.funding.loan == 1500.0

    def test_typing_updates_capital_and_gap(self):
        model = ecuador(equipment_3="420,50", pre_opening_2="", months="4", loan="2.000", family="")
        # equipment 450 + 700 + 420.50 + 250 = 1,820.50; before 150 + 400 + 150 = 700; 4 × 900 = 3,600
        assert model.capital == pytest.approx(6120.50)
        # sources 1,150 + 2,000 + 0 + 2,000 = 5,150; gap 970.50
        assert model.gap == pytest.approx(970.50)

    def test_more_than_needed_is_a_negative_gap(self):
        assert ecuador(loan="2.500").gap == pytest.approx(-600)

    def test_funding_mix_and_shares(self):
        funding = ecuador(loan="1.900").funding
        assert (funding.iom_in_kind, funding.savings, funding.family, funding.loan) == (1150, 2000, 500, 1900)
        assert funding.shares()["savings"] == pytest.approx(2000 / 5550)

    def test_empty_lines_and_sources_count_as_nothing(self):
        empty = {line: "" for kind in LINE_KINDS for line in LINE_NAMES[kind]}
        model = ecuador(**empty, **{source: "" for source in SOURCES})
        assert model.errors == {}
        assert (model.capital, model.funding.total, model.gap) == (2700.0, 0.0, 2700.0)

    def test_a_named_line_without_amount_is_kept_as_zero(self):
        model = ecuador(equipment_4_name="Blender", equipment_4="")
        assert model.plan.equipment[-1] == ("Blender", 0.0)

    def test_an_amount_without_a_name_is_counted(self):
        model = ecuador(pre_opening_1_name="", pre_opening_1="150")
        assert model.plan.pre_opening[0] == ("", 150.0)
        assert model.capital == 5550.0

    def test_no_months_of_working_capital(self):
        assert ecuador(months="0").capital == 2850.0


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("equipment_1", "abc", "Please type a number, for example 1.500."),
        ("equipment_1", "-450", "-450 is below zero: type 0 or more."),
        ("pre_opening_3", "1e40", "Please type a number, for example 1.500."),
        ("pre_opening_3", "1" + "0" * 13, "10000000000000 is too large: type at most 1.000.000.000.000."),
        ("running_costs", "", "This box is empty: please type an amount."),
        ("running_costs", "-900", "-900 is below zero: type 0 or more."),
        ("months", "", "This box is empty: please type a number."),
        ("months", "2,5", "Please type a whole number, for example 12."),
        ("months", "-1", "-1 is below zero: type 0 or more."),
        ("months", "37", "37 is too large: type at most 36."),
        ("iom_in_kind", "-1", "-1 is below zero: type 0 or more."),
        ("savings", "all of it", "Please type a number, for example 1.500."),
        ("family", "-500", "-500 is below zero: type 0 or more."),
        ("loan", "$ -1.500", "$ -1.500 is below zero: type 0 or more."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        model = ecuador(**{box: text})
        assert model.plan is None and model.capital is None and model.gap is None and model.funding is None
        assert model.errors == {box: message}

    def test_a_name_that_is_too_long(self):
        model = ecuador(equipment_2_name="x" * 61)
        assert model.errors == {"equipment_2_name": "This name is too long: use at most 60 characters."}
        assert ecuador(equipment_2_name="x" * 60).errors == {}

    def test_messages_clear_when_corrected(self):
        model = ecuador(months="x")
        model.months = "6"
        assert model.errors == {} and model.capital == 1750 + 1100 + 6 * 900


class TestView:
    @pytest.fixture
    def planner(self) -> StartupCapitalPlanner:
        return StartupCapitalPlanner(country="EC")

    def test_still_missing(self, planner):
        assert planner.verdict.value == error(
            "Still missing $400,00: sources must equal uses. Add money from a source, or cut some costs.")

    def test_fully_funded(self, planner):
        planner.type_into("loan", "1900")
        assert planner.verdict.value == ("<div class='ritorno-ok' style='color:#1e8449'>✔ Sources equal uses: the "
                                         "plan is fully funded.</div>")

    def test_more_than_needed(self, planner):
        planner.type_into("savings", "2.250,50")
        # sources 1,150 + 2,250.50 + 500 + 1,500 = 5,400.50 → still 149.50 missing
        assert "Still missing $149,50" in planner.verdict.value
        planner.type_into("family", "1.000")
        # 1,150 + 2,250.50 + 1,000 + 1,500 = 5,900.50 → 350.50 more than needed
        assert planner.verdict.value == ("<div class='ritorno-note' style='color:#555'>$350,50 more than needed: "
                                         "sources must equal uses. You could borrow less.</div>")

    def test_summary_lists_uses_and_sources_with_shares(self, planner):
        rows = summary_rows(planner.summary.value)
        # shares of 5,150: 1,150 → 22 %, 2,000 → 39 %, 500 → 10 %, 1,500 → 29 %
        assert rows == {
            "Equipment and other fixed assets": ("$1.750,00", ""),
            "Costs before opening": ("$1.100,00", ""),
            "Running costs kept aside (3 × $900,00)": ("$2.700,00", ""),
            "Start-up capital needed": ("$5.550,00", ""),
            "IOM support in goods and services": ("$1.150,00", "22%"),
            "Your own savings": ("$2.000,00", "39%"),
            "Family contribution": ("$500,00", "10%"),
            "Loan": ("$1.500,00", "29%"),
            "All sources together": ("$5.150,00", ""),
        }

    def test_a_bad_box_shows_its_message_and_hides_the_results(self, planner):
        planner.type_into("months", "37")
        assert planner.message_for("months") == error("37 is too large: type at most 36.")
        assert planner.message_for("running_costs") == ""
        assert planner.summary.value == ""
        assert planner.verdict.value == ("<div class='ritorno-note' style='color:#555'>Correct the boxes marked in red "
                                         "to see the results.</div>")
        assert planner.chart_image.layout.display == "none"

    def test_a_line_name_message_shows_under_the_name(self, planner):
        planner.type_into("pre_opening_2_name", "y" * 80)
        assert planner.message_for("pre_opening_2_name") == error("This name is too long: use at most 60 characters.")

    def test_country_switch(self, planner):
        planner.model.country = "GH"
        assert planner.model.profile.currency == get_country("GH").currency == "GHS"
        assert planner.model.equipment_1_name == "Oven"
        # Ghana: 15,500 + 7,300 + 3 × 5,000 = 37,800; sources 36,000
        assert summary_rows(planner.summary.value)["Start-up capital needed"] == ("GH₵37,800.00", "")
        assert "Still missing GH₵1,800.00" in planner.verdict.value
        assert "a bakery in Tamale" in planner._example.value


    def test_a_country_switch_recomputes_once(self, planner):
        plans = []
        planner.model.observe(lambda change: plans.append(change["new"]), names="plan")
        planner.model.country = "PE"
        assert len(plans) == 1 and plans[0].capital == 22_000  # not one chart per box of the example


class TestChart:
    def test_bars_are_uses_and_sources(self):
        planner = StartupCapitalPlanner(country="EC")
        assert planner.chart.use_heights == {"equipment": 1750, "pre_opening": 1100, "working_capital": 2700}
        assert planner.chart.source_heights == {"iom_in_kind": 1150, "savings": 2000, "family": 500, "loan": 1500}
        assert planner.chart.missing_height == 400
        assert planner.chart.share_labels == {"iom_in_kind": "22%", "savings": "39%", "family": "10%", "loan": "29%"}

    def test_the_missing_block_disappears_when_funded(self):
        planner = StartupCapitalPlanner(country="EC")
        planner.type_into("loan", "2.500")
        assert planner.chart.missing_height == 0
        assert planner.chart.source_heights["loan"] == 2500
        assert bytes(planner.chart_image.value).startswith(b"\x89PNG")

    def test_a_source_of_zero_has_no_label(self):
        planner = StartupCapitalPlanner(country="EC")
        planner.type_into("family", "")
        assert planner.chart.share_labels["family"] == ""


class TestPersistence:
    def test_typed_plan_comes_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = StartupCapitalModel(store=store, country="EC")
        first.equipment_4_name = "Blender"
        first.equipment_4 = "80"
        first.loan = "1.730"
        second = StartupCapitalModel(store=store, country="GH")
        assert (second.country, second.equipment_4_name, second.equipment_4, second.loan) == (
            "EC", "Blender", "80", "1.730")
        # (450 + 700 + 350 + 80) + 1,100 + 2,700 = 5,380; sources 1,150 + 2,000 + 500 + 1,730 = 5,380
        assert (second.capital, second.gap) == (5380.0, 0.0)
        saved = json.loads((tmp_path / "m05_capital.json").read_text(encoding="utf-8"))["values"]
        assert set(saved) == set(StartupCapitalModel.persisted)

    def test_invalid_input_is_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = StartupCapitalModel(store=store, country="EC")
        first.months = "4"
        first.months = "forty"
        assert StartupCapitalModel(store=store).months == "4"

    def test_saved_startup_capital_for_later_modules(self, tmp_path):
        store = AnswerStore(tmp_path)
        assert saved_startup_capital(store) is None
        assert StartupCapitalModel.from_store(store) is None
        StartupCapitalModel(store=store, country="PE").loan = "8,300"
        model = saved_startup_capital(store)
        # Peru: 6,000 + 4,000 + 3 × 4,000 = 22,000; sources 3,700 + 8,000 + 2,000 + 8,300 = 22,000
        assert (model.country, model.capital, model.gap, model.funding.loan) == ("PE", 22_000.0, 0.0, 8_300.0)
        assert model.plan.opening_cash == 12_000.0  # 22,000 − 6,000 − 4,000
        assert StartupCapitalModel.from_store(store).capital == 22_000.0

    def test_a_saved_country_that_is_unknown_falls_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        store.save("m05_capital", {"country": "XX", "loan": "5"}, StartupCapitalModel.schema())
        model = saved_startup_capital(store)
        assert model.country == "SN" and model.loan == "5"

    def test_factory_keeps_work_and_uses_the_profile_country(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        AnswerStore(tmp_path / "answers").save("m01_profile", {"country": "BO"})
        planner = startup_capital_planner()
        assert planner.model.country == "BO"
        planner.type_into("family", "5.900")
        assert startup_capital_planner().model.gap == 0  # Bolivia: 1,900 missing, 1,900 more from family

    def test_nothing_is_built_while_grading(self, monkeypatch):
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
        assert startup_capital_planner("EC") is None


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=30) for box in ALL_BOXES}))
    def test_any_text_in_every_box(self, texts):
        planner = StartupCapitalPlanner(country="TN")
        for box, text in texts.items():
            planner.type_into(box, text)
        model = planner.model
        assert (model.plan is None) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(alphabet="0123456789 ,.-e", max_size=14)
                                        for box in AMOUNT_INPUTS}))
    def test_number_like_text_in_every_amount(self, texts):
        model = StartupCapitalModel(country="SN")
        for box, text in texts.items():
            setattr(model, box, text)
        if model.plan is not None:
            assert model.gap == pytest.approx(model.capital - model.funding.total)
