"""Module 3's sales forecast: a normal month × price × seasonal index, for twelve months."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStore
from ritorno.countries import COUNTRY_CODES
from ritorno.ui.sales_forecast import SalesForecast, SalesForecastModel, month_names, sales_forecast
from ritorno.ui._sales_forecast_model import INDEXES

BOXES = ("price", "units", *INDEXES)
FIX_THE_BOXES = "<div class='ritorno-note' style='color:#555'>Correct the boxes marked in red to see the results.</div>"
# Rosa's queso helado in Arequipa (curriculum/data/m03.toml, illustrative): 1,500 cups at S/ 3
AREQUIPA = (1.3, 1.3, 1.1, 0.9, 0.8, 0.7, 0.8, 1.2, 0.9, 0.9, 0.9, 1.2)
GREEN, ORANGE, BLUE = "#1e8449", "#e67e22", "#5dade2"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def error(message: str) -> str:
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>"


def row(label: str, value: str) -> str:
    return f"<tr><th style='text-align:left;padding-right:1em'>{label}</th><td style='text-align:right'>{value}</td></tr>"


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def typed_indexes(forecast: SalesForecast, indexes) -> None:
    for name, index in zip(INDEXES, indexes):
        forecast.type_into(name, index)


class TestExample:
    def test_peru_starts_with_rosas_queso_helado(self):
        model = SalesForecastModel(country="PE")
        assert (model.price, model.units, model.index_1, model.index_6) == ("3", "1,500", "1.3", "0.7")
        assert model.monthly == pytest.approx([1500 * 3 * index for index in AREQUIPA])
        assert model.yearly_total == pytest.approx(54_000)  # the indexes sum to 12
        assert model.normal_month == 4500
        assert (model.best_months, model.worst_months) == ([0, 1], [5])

    def test_summary_of_the_example(self):
        forecast = SalesForecast(country="PE")
        assert plain(forecast.summary.value) == (
            "<table class='ritorno-summary' style='font-size:1.1em'>"
            + row("Sales in a normal month", "S/ 4,500.00") + row("Sales in the whole year", "S/ 54,000.00")
            + row("Best months: January and February", "S/ 5,850.00") + row("Worst month: June", "S/ 3,150.00")
            + "</table>")
        assert "queso helado stand (cups)" in forecast.example.value

    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_every_country_example_averages_one(self, code):
        model = SalesForecastModel(country=code)
        assert model.errors == {}
        assert model.average_index == pytest.approx(1)
        assert model.yearly_total == pytest.approx(12 * model.normal_month)


class TestResults:
    def test_typed_figures_to_the_cent(self):
        forecast = SalesForecast(country="PE")
        forecast.type_into("price", "2.75")
        forecast.type_into("units", "1,234")
        typed_indexes(forecast, ["1", "1.05", "0.5", "1", "1", "1", "1", "1", "1", "1", "2.5", "0.95"])
        # 1,234 × 2.75 = 3,393.50 a normal month; November 3,393.50 × 2.5 = 8,483.75; March × 0.5 = 1,696.75
        # February × 1.05 = 3,563.175 -> S/ 3,563.18 shown; year = 3,393.50 × 13 = 44,115.50
        expected = [1234 * 2.75 * index for index in (1, 1.05, 0.5, 1, 1, 1, 1, 1, 1, 1, 2.5, 0.95)]
        model = forecast.model
        assert model.monthly == pytest.approx(expected)
        assert model.yearly_total == pytest.approx(44_115.50)
        assert (model.best_months, model.worst_months) == ([10], [2])
        summary = plain(forecast.summary.value)
        assert row("Sales in a normal month", "S/ 3,393.50") in summary
        assert row("Sales in the whole year", "S/ 44,115.50") in summary
        assert row("Best month: November", "S/ 8,483.75") in summary
        assert row("Worst month: March", "S/ 1,696.75") in summary
        assert "average" not in summary  # 13 ÷ 12 = 1.08: close enough to 1 for no note

    def test_a_flat_year_has_no_best_month(self):
        forecast = SalesForecast(country="PE")
        typed_indexes(forecast, ["1"] * 12)
        assert row("Every month", "S/ 4,500.00") in plain(forecast.summary.value)
        assert "Best" not in forecast.summary.value
        assert forecast.chart.colours == [BLUE] * 12

    def test_a_closed_month_is_the_worst(self):
        model = SalesForecastModel(country="PE", index_2="0")
        assert model.monthly[1] == 0
        assert model.worst_months == [1]

    def test_indexes_far_from_one_get_a_note(self):
        forecast = SalesForecast(country="PE")
        typed_indexes(forecast, ["2"] * 12)
        assert ("Your indexes average 2.00. If 1 is a normal month, they should average about 1: check that your "
                "normal month is really a normal one.") in forecast.summary.value

    def test_senegal_money_has_no_decimals(self):
        forecast = SalesForecast(country="SN")
        # 40 outfits × 15,000 F CFA = 600,000; May (Tabaski) × 1.7 = 1,020,000
        assert row("Sales in a normal month", "600 000 F CFA") in plain(forecast.summary.value)
        assert row("Best month: May", "1 020 000 F CFA") in plain(forecast.summary.value)

    def test_tunisia_indexes_use_a_decimal_comma(self):
        model = SalesForecastModel(country="TN")
        assert model.index_3 == "1,6"
        model.index_3 = "1,8"
        assert model.monthly[2] == pytest.approx(150 * 35 * 1.8)


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("price", "", "This box is empty: please type an amount."),
        ("price", "cheap", "Please type a number, for example 1,500."),
        ("price", "0", "0 is too small: type a number above 0."),
        ("price", "-3", "-3 is too small: type a number above 0."),
        ("price", "2000000000", "2000000000 is too large: type at most 1,000,000,000."),
        ("units", "", "This box is empty: please type an amount."),
        ("units", "0", "0 is too small: type a number above 0."),
        ("units", "1e40", "Please type a number, for example 1,500."),
        ("index_1", "", "This box is empty: type 1 for a normal month."),
        ("index_2", "high", "Please type a number such as 1.2 (1 = a normal month)."),
        ("index_6", "-0.5", "-0.5 is below zero: type 0 or more."),
        ("index_12", "11", "11 is too large: type at most 10."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        forecast = SalesForecast(country="PE")
        forecast.type_into(box, text)
        assert forecast.model.errors == {box: message}
        assert forecast.message_for(box) == error(message)
        assert all(forecast.message_for(other) == "" for other in BOXES if other != box)
        assert forecast.summary.value == FIX_THE_BOXES
        assert forecast.chart_image.layout.display == "none"

    def test_french_example_number_in_an_index_message(self):
        assert SalesForecastModel(country="TN", index_1="élevé").errors == {
            "index_1": "Please type a number such as 1,2 (1 = a normal month)."}

    def test_messages_clear_when_corrected(self):
        forecast = SalesForecast(country="PE")
        forecast.type_into("price", "free")
        forecast.type_into("price", "3.50")
        assert forecast.message_for("price") == ""
        assert forecast.model.normal_month == 5250
        assert forecast.chart_image.layout.display is None


class TestChart:
    def test_bars_are_the_months_sales(self):
        forecast = SalesForecast(country="PE")
        assert forecast.chart.heights == pytest.approx([4500 * index for index in AREQUIPA])
        assert forecast.chart.colours == [GREEN, GREEN] + [BLUE] * 3 + [ORANGE] + [BLUE] * 6
        assert list(forecast.chart.normal_line.get_ydata()) == [4500, 4500]
        assert [label.get_text() for label in forecast.chart.axes.get_xticklabels()] == [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    def test_chart_follows_typing(self):
        forecast = SalesForecast(country="PE")
        before = bytes(forecast.chart_image.value)
        forecast.type_into("units", "3,000")
        assert forecast.chart.heights[0] == pytest.approx(3000 * 3 * 1.3)
        assert list(forecast.chart.normal_line.get_ydata()) == [9000, 9000]
        assert bytes(forecast.chart_image.value) != before


class TestKeepingWork:
    def test_a_second_model_gets_the_figures_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = SalesForecastModel(store=store, country="PE")
        first.price = "3.50"
        first.index_7 = "1.4"
        second = SalesForecastModel(store=store, country="PE")
        assert (second.price, second.index_7, second.units) == ("3.50", "1.4", "1,500")
        assert second.monthly[6] == pytest.approx(1500 * 3.5 * 1.4)

    def test_invalid_figures_are_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = SalesForecastModel(store=store, country="PE")
        first.price = "3.50"
        first.price = "0"
        assert store.load("m03_forecast").get("price") == "3.50"

    def test_factory_follows_the_profile(self, tmp_path, monkeypatch):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        AnswerStore(tmp_path).save("m01_profile", {"country": "EC", "household_size": "3"})
        forecast = sales_forecast()
        assert forecast.model.country == "EC"
        assert "$" in forecast.summary.value


class TestCountrySwitch:
    def test_switch_changes_currency_example_and_note(self):
        forecast = SalesForecast(country="PE")
        forecast.model.country = "GH"
        assert (forecast.model.price, forecast.model.units, forecast.model.index_1) == ("150", "60", "1.5")
        assert row("Sales in a normal month", "GH₵9,000.00") in forecast.summary.value
        assert "school uniforms" in forecast.example.value


def test_month_names_follow_the_language():
    assert month_names("fr")[0] == "janvier"
    assert month_names("xx-unknown")[0] == "January"


def test_nothing_is_built_while_nbgrader_grades(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert sales_forecast() is None


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=30) for box in BOXES}))
    def test_any_text_in_every_box(self, texts):
        model = SalesForecastModel(country="PE")
        for box, text in texts.items():
            setattr(model, box, text)
        assert (model.monthly == []) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(alphabet="0123456789 ,.-e", max_size=12) for box in BOXES}))
    def test_number_like_text_in_every_box(self, texts):
        model = SalesForecastModel(country="TN")
        for box, text in texts.items():
            setattr(model, box, text)
        assert (model.monthly == []) == bool(model.errors)
