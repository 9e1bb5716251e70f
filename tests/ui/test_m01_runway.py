"""Module 1's runway calculator: how long the savings keep the household going."""
from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStatus, AnswerStore
from ritorno.countries import COUNTRY_CODES, get_country
from ritorno.curriculum import m01
from ritorno.ui.runway import RunwayCalculator, RunwayModel, runway_calculator

EXAMPLES = tomllib.loads((Path(m01.__file__).parent / "data" / "m01.toml").read_text(encoding="utf-8"))["countries"]
BOXES = ("savings", *m01.SPENDING_LINES)
FIX_THE_BOXES = "<div class='ritorno-note' style='color:#555'>Correct the boxes marked in red to see the results.</div>"
VERDICTS = {
    "short": "Less than 3 months: risky. If sales start slowly, the household runs out of money before the business "
             "can help. Keep the savings for the family, start smaller, or find some income first.",
    "medium": "Between 3 and 6 months: a cushion, but a thin one. Most businesses need several months to earn "
              "enough for a family: keep part of the savings apart as a reserve.",
    "long": "More than 6 months: a good cushion. Still keep the household&#x27;s money apart from the business&#x27;s "
            "money, and decide now how much of the savings the business may use.",
}


def plain(text: str) -> str:
    """Babel's non-breaking spaces as ordinary spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def error(message: str) -> str:
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>"


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def ghana(**typed: str) -> RunwayModel:
    model = RunwayModel(country="GH")
    for name, text in typed.items():
        setattr(model, name, text)
    return model


def typed_household(savings: str, food: str = "0", housing: str = "0", school_health: str = "0",
                    transport_phone: str = "0", family: str = "0") -> dict[str, str]:
    return {"savings": savings, "food": food, "housing": housing, "school_health": school_health,
            "transport_phone": transport_phone, "family": family}


class TestExample:
    def test_ghana_example_is_kwames_household(self):
        # curriculum/data/m01.toml and countries/data/gh.toml (illustrative): savings 20,000;
        # food 2,000; rent 600 + electricity and water 300; school 500 + health 200;
        # transport 400 + phone 150; family support 350 -> 4,500 a month; 20,000 ÷ 4,500 = 4.44 months
        model = RunwayModel(country="GH")
        assert (model.savings, model.food, model.housing, model.school_health, model.transport_phone,
                model.family) == ("20,000", "2,000", "900", "700", "550", "350")
        assert model.total_spending == 4500
        assert model.months == pytest.approx(20_000 / 4_500)
        assert model.verdict == "medium"
        assert model.balances == [20_000, 15_500, 11_000, 6_500, 2_000, 0]

    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_each_country_starts_with_its_household(self, code):
        model = RunwayModel(country=code)
        spending = get_country(code).household_example["spending"]
        assert model.errors == {}
        example = EXAMPLES[code]  # read from the data file, not through the code under test
        assert model.total_spending == pytest.approx(sum(spending.values()) + example["family_support"])
        assert model.balances[0] == example["savings"]

    def test_senegal_boxes_are_written_the_french_way(self):
        model = RunwayModel(country="SN")
        assert (plain(model.savings), plain(model.food)) == ("1 500 000", "150 000")


class TestResults:
    def test_months_to_the_cent(self):
        model = ghana(**typed_household("12,345.67", food="1,234.56", housing="765.44", family="0.01"))
        spending = 1234.56 + 765.44 + 0.01
        assert model.total_spending == pytest.approx(spending, abs=1e-9)
        assert model.months == pytest.approx(12_345.67 / spending)
        expected = [max(12_345.67 - spending * month, 0.0) for month in range(math.ceil(12_345.67 / spending) + 1)]
        assert model.balances == pytest.approx(expected, abs=0.005)

    def test_summary_shows_money_and_months(self):
        calculator = RunwayCalculator(country="GH")
        for name, text in typed_household("12,345.67", food="1,234.56", housing="765.44").items():
            calculator.type_into(name, text)
        # 12,345.67 ÷ 2,000.00 = 6.17… months, shown rounded down: 6.1
        summary = calculator.summary.value
        assert "<td style='text-align:right'>GH₵12,345.67</td>" in summary
        assert "<td style='text-align:right'>GH₵2,000.00</td>" in summary
        assert "<td style='text-align:right'>6.1 months</td>" in summary
        assert VERDICTS["long"] in summary

    @pytest.mark.parametrize(("savings", "verdict", "shown"), [
        ("0", "short", "0.0"), ("2,999.99", "short", "2.9"), ("2,980", "short", "2.9"), ("3,000", "medium", "3.0"),
        ("6,000", "medium", "6.0"), ("6,001", "long", "6.0"), ("24,000", "long", "24.0"),
    ])
    def test_verdict_thresholds(self, savings, verdict, shown):
        # spending 1,000 a month: savings ÷ 1,000 months; under 3 short, 3 to 6 medium, above 6 long
        calculator = RunwayCalculator(country="GH")
        for name, text in typed_household(savings, food="1,000").items():
            calculator.type_into(name, text)
        assert calculator.model.verdict == verdict
        assert f"<td style='text-align:right'>{shown} months</td>" in calculator.summary.value
        assert VERDICTS[verdict] in calculator.summary.value

    def test_zero_savings_last_no_month(self):
        model = ghana(savings="0")
        assert (model.months, model.balances, model.verdict) == (0.0, [0.0], "short")

    def test_exact_months_end_on_zero(self):
        model = ghana(**typed_household("9,000", food="3,000"))
        assert model.balances == [9_000, 6_000, 3_000, 0]

    def test_language_is_kept_for_messages(self):
        assert RunwayModel(country="GH", language="en").language == "en"


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("savings", "", "This box is empty: please type an amount."),
        ("savings", "   ", "This box is empty: please type an amount."),
        ("savings", "lots", "Please type a number, for example 1,500."),
        ("savings", "1e40", "Please type a number, for example 1,500."),
        ("savings", "-5", "-5 is below zero: type 0 or more."),
        ("savings", "2000000000000", "2000000000000 is too large: type at most 1,000,000,000,000."),
        ("food", "", "This box is empty: type 0 if your household spends nothing on this."),
        ("housing", "nine hundred", "Please type a number, for example 1,500."),
        ("family", "-350", "-350 is below zero: type 0 or more."),
        ("school_health", "1" * 30, "111111111111111111… is too large: type at most 1,000,000,000,000."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        calculator = RunwayCalculator(country="GH")
        calculator.type_into(box, text)
        assert calculator.model.errors == {box: message}
        assert calculator.message_for(box) == error(message)
        assert all(calculator.message_for(other) == "" for other in BOXES if other != box)
        assert calculator.summary.value == FIX_THE_BOXES
        assert calculator.chart_image.layout.display == "none"

    def test_nothing_to_spend_is_a_message_under_the_lines(self):
        calculator = RunwayCalculator(country="GH")
        for name, text in typed_household("20,000").items():
            calculator.type_into(name, text)
        message = "Your essential spending adds up to 0: type what your household spends each month."
        assert calculator.model.errors == {"spending": message}
        assert calculator.message_for("spending") == error(message)
        assert calculator.summary.value == error(message)
        assert calculator.model.months is None

    def test_messages_clear_when_corrected(self):
        calculator = RunwayCalculator(country="GH")
        calculator.type_into("food", "x")
        calculator.type_into("food", "2,500")
        assert calculator.message_for("food") == ""
        assert calculator.model.total_spending == 5000
        assert calculator.chart_image.layout.display is None

    def test_senegal_messages_use_french_numbers(self):
        model = RunwayModel(country="SN", savings="beaucoup")
        assert plain(model.errors["savings"]) == "Please type a number, for example 1 500."


class TestChart:
    def test_bars_run_the_savings_down(self):
        calculator = RunwayCalculator(country="GH")
        assert calculator.chart.heights == [20_000, 15_500, 11_000, 6_500, 2_000, 0]

    def test_bars_short_of_a_month_are_orange(self):
        calculator = RunwayCalculator(country="GH")
        colours = [bar.get_facecolor() for bar in calculator.chart.bars if bar.get_visible()]
        blue, orange = (0.18, 0.525, 0.757), (0.902, 0.494, 0.133)
        assert [tuple(round(channel, 3) for channel in colour[:3]) for colour in colours] == \
            [blue] * 4 + [orange] * 2

    def test_chart_follows_typing(self):
        calculator = RunwayCalculator(country="GH")
        calculator.type_into("savings", "9,000")
        assert calculator.chart.heights == [9_000, 4_500, 0]
        assert bytes(calculator.chart_image.value).startswith(b"\x89PNG")

    def test_long_runways_stop_after_24_months(self):
        calculator = RunwayCalculator(country="GH")
        calculator.type_into("savings", "450,000")  # 100 months
        assert len(calculator.chart.heights) == 25
        assert calculator.chart.heights[-1] == 450_000 - 24 * 4_500
        assert "The chart stops after 24 months." in calculator.summary.value

    def test_threshold_marks_are_at_3_and_6_months(self):
        calculator = RunwayCalculator(country="GH")
        lines = [line.get_xdata()[0] for line in calculator.chart.axes.get_lines()]
        assert lines == [3, 6]


class TestKeepingWork:
    def test_a_second_model_gets_the_typed_figures_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = RunwayModel(store=store, country="GH")
        first.savings = "35,000"
        first.food = "2,200"
        second = RunwayModel(store=store, country="GH")
        assert (second.savings, second.food, second.housing) == ("35,000", "2,200", "900")
        assert second.months == pytest.approx(35_000 / 4_700)

    def test_invalid_figures_are_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = RunwayModel(store=store, country="GH")
        first.savings = "35,000"
        first.savings = "-1"
        assert store.load("m01_runway").get("savings") == "35,000"
        assert RunwayModel(store=store, country="GH").savings == "35,000"

    def test_saved_country_comes_back_with_its_figures(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = RunwayModel(store=store, country="GH")
        first.country = "PE"
        second = RunwayModel(store=store, country="GH")
        assert second.country == "PE"
        assert second.profile.currency == "PEN"
        assert second.savings == "12,500"

    def test_a_damaged_country_falls_back_to_the_default(self, tmp_path):
        store = AnswerStore(tmp_path)
        store.save("m01_runway", {"country": "XX", "savings": "100"}, RunwayModel.schema())
        model = RunwayModel(store=store)
        assert model.country == "SN"
        assert model.savings == "100"

    def test_factory_keeps_work_beside_the_notebook_and_follows_the_profile(self, tmp_path, monkeypatch):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        AnswerStore(tmp_path).save("m01_profile", {"country": "TN", "household_size": "4"})
        calculator = runway_calculator()
        assert calculator.model.country == "TN"
        calculator.type_into("savings", "10 000")
        assert AnswerStore(tmp_path).load("m01_runway").status is AnswerStatus.SAVED


class TestCountrySwitch:
    def test_switch_changes_currency_and_example(self):
        calculator = RunwayCalculator(country="GH")
        calculator.model.country = "SN"
        assert plain(calculator.model.savings) == "1 500 000"
        assert calculator.model.total_spending == 325_000  # 295,000 + 30,000 family support
        assert "F CFA" in plain(calculator.summary.value)
        assert "GH₵" not in calculator.summary.value


def test_nothing_is_built_while_nbgrader_grades(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert runway_calculator() is None


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=30) for box in BOXES}))
    def test_any_text_in_every_box(self, texts):
        model = RunwayModel(country="GH")
        for box, text in texts.items():
            setattr(model, box, text)
        assert (model.months is None) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=15, deadline=None, database=None)  # each keystroke redraws the chart: keep it short
    @given(texts=st.fixed_dictionaries({box: st.text(alphabet="0123456789 ,.-e", max_size=14) for box in BOXES}))
    def test_number_like_text_through_the_view(self, texts):
        calculator = RunwayCalculator(country="SN")
        for box, text in texts.items():
            calculator.type_into(box, text)
        assert (calculator.model.months is None) == bool(calculator.model.errors)
