"""Module 8's household budget: lines as typed, surplus or deficit, savings goal, chart, persistence."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStore
from ritorno.countries import COUNTRY_CODES, get_country
from ritorno.ui._household_model import INCOME, SPENDING
from ritorno.ui.household_budget import HouseholdBudget, HouseholdBudgetModel, household_budget

# Peru's illustrative household: the country data's lines plus module 8's (curriculum/data/m08.toml)
PE_INCOME = {"pay": 2500, "partner_wages": 1300, "from_abroad": 1200, "other_income": 0}
PE_SPENDING = {"food": 1200, "rent": 600, "transport": 200, "school": 250, "health": 120, "utilities": 150,
               "phone": 60, "other_spending": 150}
PE_GOAL, PE_SAVING = 5000, 450


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


class TestExample:
    def test_peru_totals_and_goal(self):
        model = HouseholdBudgetModel(country="PE")
        income, spending = sum(PE_INCOME.values()), sum(PE_SPENDING.values())
        assert (income, spending) == (5000, 2730)
        assert model.total_income == income and model.total_spending == spending
        assert model.surplus == income - spending == 2270
        assert model.months == math.ceil(PE_GOAL / PE_SAVING) == 12

    def test_peru_boxes_show_the_example(self):
        model = HouseholdBudgetModel(country="PE")
        assert {line: getattr(model, line) for line in INCOME} == {"pay": "2,500", "partner_wages": "1,300",
                                                                   "from_abroad": "1,200", "other_income": "0"}
        assert (model.goal, model.saving) == ("5,000", "450")

    def test_country_data_names_are_mapped_to_lines(self):
        # Bolivia calls the line "electricity, water and gas"
        bolivia = get_country("BO").household_example["spending"]
        assert HouseholdBudgetModel(country="BO").amounts["utilities"] == bolivia["electricity, water and gas"]

    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_every_country_starts_valid_with_a_surplus(self, code):
        model = HouseholdBudgetModel(country=code)
        assert model.errors == {}
        assert model.surplus > 0
        data = get_country(code).household_example
        assert model.total_income - model.amounts["from_abroad"] == sum(data["income"].values())
        assert model.total_spending - model.amounts["other_spending"] == sum(data["spending"].values())


class TestTyping:
    def test_changing_a_line_changes_the_surplus(self):
        model = HouseholdBudgetModel(country="PE")
        model.rent = "900"
        assert model.surplus == 2270 - 300

    def test_empty_lines_count_as_nothing(self):
        model = HouseholdBudgetModel(country="PE")
        model.from_abroad = ""
        model.food = "  "
        assert model.errors == {}
        assert model.surplus == 2270 - 1200 + 1200

    def test_decimals_and_grouping(self):
        model = HouseholdBudgetModel(country="PE", food="1,234.56")
        assert model.amounts["food"] == 1234.56
        assert model.total_spending == pytest.approx(2730 - 1200 + 1234.56)

    def test_no_goal_no_months(self):
        model = HouseholdBudgetModel(country="PE", goal="")
        assert model.errors == {} and model.months is None

    def test_nothing_put_aside_never_reaches_the_goal(self):
        model = HouseholdBudgetModel(country="PE", saving="")
        assert model.months == math.inf

    def test_months_to_goal_rounds_up(self):
        model = HouseholdBudgetModel(country="PE", goal="1,000", saving="300")
        assert model.months == 4  # 1,000 ÷ 300 = 3.3


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("food", "abc", "Please type a number, for example 1,500."),
        ("pay", "-100", "-100 is below zero: type 0 or more."),
        ("rent", "1e40", "Please type a number, for example 1,500."),
        ("goal", "2000000000000", "2000000000000 is too large: type at most 1,000,000,000,000."),
        ("saving", "ten", "Please type a number, for example 1,500."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        model = HouseholdBudgetModel(country="PE", **{box: text})
        assert model.surplus is None
        assert model.errors == {box: message}

    def test_the_message_is_under_the_box(self):
        budget = HouseholdBudget(country="PE")
        budget.type_into("food", "abc")
        assert "⚠ Please type a number, for example 1,500." in budget.message_for("food")
        assert budget.message_for("rent") == ""
        assert "Correct the boxes marked in red to see the results." in budget.summary.value
        budget.type_into("food", "1,200")
        assert budget.message_for("food") == ""

    def test_surplus_and_goal_sentences(self):
        budget = HouseholdBudget(country="PE")
        assert [(tone, plain(text)) for tone, text in budget.advice_texts()] == [
            ("ok", "Your household has S/ 2,270.00 left each month."),
            ("note", "Putting aside S/ 450.00 a month, you reach your goal of S/ 5,000.00 in 12 months."),
        ]

    def test_one_month(self):
        budget = HouseholdBudget(country="PE")
        budget.type_into("goal", "450")
        assert plain(budget.advice_texts()[-1][1]) == (
            "Putting aside S/ 450.00 a month, you reach your goal of S/ 450.00 in 1 month.")

    def test_deficit_and_saving_more_than_is_left(self):
        budget = HouseholdBudget(country="PE")
        budget.type_into("rent", "3,000")  # spending 5,130 against income 5,000
        assert [(tone, plain(text)) for tone, text in budget.advice_texts()] == [
            ("warn", "Your household spends S/ 130.00 more than it earns each month. Look at each spending line, "
                     "or find more income, before you borrow: a loan does not close a gap that comes back every "
                     "month."),
            ("warn", "You plan to put aside S/ 450.00 a month, but only S/ 0.00 is left: spend less or save less."),
            ("note", "Putting aside S/ 450.00 a month, you reach your goal of S/ 5,000.00 in 12 months."),
        ]
        assert "Missing each month" in budget.summary.value

    def test_nothing_put_aside(self):
        budget = HouseholdBudget(country="PE")
        budget.type_into("saving", "0")
        assert plain(budget.advice_texts()[-1][1]) == (
            "Put something aside each month to reach your goal of S/ 5,000.00.")

    def test_keep_household_and_business_money_apart(self):
        budget = HouseholdBudget(country="PE")
        assert plain(budget.separate_text()) == (
            "Keep household money and business money apart. Pay yourself a fixed amount from the business each "
            "month (here S/ 2,500.00) and let the family live on it; never take the family's money from the till. "
            "Keep the business's cash in its own box or account, so you always know whether the business makes "
            "money.")
        assert "Keep household money and business money apart." in budget.separate.value


class TestChart:
    def test_bars_are_the_spending_lines(self):
        budget = HouseholdBudget(country="PE")
        assert budget.chart.widths == [PE_SPENDING[line] for line in SPENDING]
        budget.type_into("rent", "900")
        assert budget.chart.widths[SPENDING.index("rent")] == 900
        assert bytes(budget.chart_image.value).startswith(b"\x89PNG")

    def test_labels_are_the_lines_in_order(self):
        budget = HouseholdBudget(country="PE")
        assert [label.get_text() for label in budget.chart.axes.get_yticklabels()] == [
            "Food", "Rent", "Transport", "School fees", "Health", "Electricity, water and gas",
            "Phone and mobile data", "Other spending"]


class TestCountry:
    def test_switching_country_changes_currency_and_example(self):
        budget = HouseholdBudget(country="PE")
        budget.type_into("rent", "1")
        budget.model.country = "EC"
        assert budget.model.profile.currency == "USD"
        assert budget.model.rent == "200"
        assert budget.model.amounts["food"] == get_country("EC").household_example["spending"]["food"]
        assert plain(budget.advice_texts()[0][1]).startswith("Your household has $750,00")  # es_EC: 1,170 − 420


class TestPersistence:
    def test_an_unknown_country_in_a_hand_edited_file_keeps_the_country_in_use(self, tmp_path):
        store = AnswerStore(tmp_path)
        store.save("m08_budget", {"country": "XX", "rent": "650"})
        model = HouseholdBudgetModel(store=store, country="PE")
        assert (model.country, model.rent, model.surplus) == ("PE", "650", 2270 - 50)

    def test_typed_inputs_come_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        HouseholdBudgetModel(store=store, country="EC").rent = "250"
        again = HouseholdBudgetModel(store=store)
        assert (again.country, again.rent) == ("EC", "250")
        assert set(store.load("m08_budget").values) == {"country", *INCOME, *SPENDING, "goal", "saving"}

    def test_invalid_input_is_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        model = HouseholdBudgetModel(store=store, country="PE")
        model.rent = "700"
        model.rent = "-700"
        assert HouseholdBudgetModel(store=store).rent == "700"


class TestFactory:
    def test_grading_builds_nothing(self, monkeypatch):
        monkeypatch.setenv("NBGRADER_EXECUTION", "1")
        assert household_budget() is None

    def test_country_from_profile_else_peru(self, monkeypatch, tmp_path):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        assert household_budget().model.country == "PE"
        AnswerStore(tmp_path).save("m01_profile", {"country": "SN"})
        assert household_budget().model.country == "SN"


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(box=st.sampled_from([*INCOME, *SPENDING, "goal", "saving"]), text=st.text(max_size=40))
    def test_any_text_in_any_box(self, box, text):
        model = HouseholdBudgetModel(country="PE")
        setattr(model, box, text)
        assert (model.surplus is None) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())
