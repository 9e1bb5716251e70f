"""Module 7's cash-flow planner: the grid as typed, closing cash by month, messages, chart, prefill, persistence."""
from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from ritorno.answers import AnswerStore
from ritorno.countries import COUNTRY_CODES
from ritorno.ui import LoanModel
from ritorno.ui._cash_flow_model import LINES, MONTHS, month_trait
from ritorno.ui._startup_capital_model import StartupCapitalModel
from ritorno.ui.cash_flow import NEGATIVE_COLOUR, POSITIVE_COLOUR, CashFlowModel, CashFlowPlanner, cash_flow_planner

RED, BLUE = to_hex(NEGATIVE_COLOUR), to_hex(POSITIVE_COLOUR)

# Tunisia's illustrative plan (curriculum/data/m07.toml), copied here so the test checks the data too.
TN_OPENING = 1000
TN_SALES = [1500, 1800, 2200, 3000, 4000, 5000, 6000, 6000, 4500, 3200, 2500, 2200]
TN_STOCK = [3500, 700, 900, 1200, 1600, 2000, 2400, 2400, 1800, 1300, 1000, 900]
TN_FIXED = 450 + 400 + 150 + 800  # rent, wages, other costs, household drawings


def plain(text: str) -> str:
    """Babel's non-breaking spaces (fr_TN groups with U+202F) as ordinary spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def annuity(amount: float, rate: float, periods: int) -> float:
    """Equal instalment on the declining balance: P·i ÷ (1 − (1 + i)^−n)."""
    return amount * rate / (1 - (1 + rate) ** -periods)


def tnd(amount: float) -> str:
    """Dinars as fr_TN writes them, with plain spaces: -453,916 DT."""
    return f"{amount:,.3f}".replace(",", " ").replace(".", ",") + " DT"


def closings(opening: float, cash_in: list[float], cash_out: list[float]) -> list[float]:
    balance, result = opening, []
    for money_in, money_out in zip(cash_in, cash_out):
        balance += money_in - money_out
        result.append(balance)
    return result


def tunisia_closings(**changes: list[float]) -> list[float]:
    """Closing cash of Tunisia's example: 5,000 DT at 22% over 12 months, 1% fee, paid out in month 1."""
    instalment = round(annuity(5000, 0.22 / 12, 12), 3)  # 467.972 DT, as the box shows it (three decimals)
    sales = changes.get("sales", TN_SALES)
    cash_in = [sales[0] + 4950] + sales[1:]  # 5,000 less the 1% fee
    cash_out = [stock + TN_FIXED + (instalment if month > 1 else 0)
                for month, stock in enumerate(changes.get("stock", TN_STOCK), start=1)]
    return closings(TN_OPENING, cash_in, cash_out)


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the notebook, whatever the shell sets."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def store(tmp_path) -> AnswerStore:
    return AnswerStore(tmp_path)


class TestExample:
    def test_tunisia_closes_each_month_as_computed_by_hand(self):
        model = CashFlowModel(country="TN")
        assert model.errors == {}
        expected = tunisia_closings()
        assert [round(month.closing, 3) for month in model.plan] == [round(value, 3) for value in expected]
        assert model.negatives == [4, 5] == [m for m, value in enumerate(expected, start=1) if value < 0]
        # month 1: 1,000 + 1,500 + 4,950 − (3,500 + 1,800) = 2,150 DT
        assert model.plan[0].closing == pytest.approx(2150, abs=0.0005)

    def test_tunisia_boxes_show_the_example(self):
        model = CashFlowModel(country="TN")
        assert plain(model.opening) == "1 000"
        assert (model.rent, model.wages, model.drawings) == ("450", "400", "800")
        assert plain(model.loan_in) == "0" and plain(model.loan_in_m1) == "4 950"
        assert model.instalments == "467,972" and model.instalments_m1 == "0"
        # 900 DT is the stock of two months (3 and 12): it goes in "every month", the others are typed per month
        assert model.stock == "900"
        assert [plain(getattr(model, month_trait("stock", m))) for m in (1, 2, 3, 12)] == ["3 500", "700", "", ""]

    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_every_country_starts_valid_with_some_month_short(self, code):
        model = CashFlowModel(country=code)
        assert model.errors == {}
        assert len(model.plan) == MONTHS
        assert model.negatives, "each example shows a month that goes below zero"
        assert model.plan[-1].closing > 0, "each example ends the year with cash"


class TestTyping:
    def test_every_month_applies_to_months_left_empty(self):
        model = CashFlowModel(country="TN")
        for month in range(1, MONTHS + 1):
            setattr(model, month_trait("sales", month), "")
        model.sales = "5 000"
        assert model.monthly["sales"] == (5000.0,) * MONTHS
        assert [round(m.closing, 3) for m in model.plan] == [round(v, 3) for v in tunisia_closings(sales=[5000] * 12)]

    def test_a_month_box_overrides_every_month(self):
        model = CashFlowModel(country="TN")
        model.sales_m4 = "9 000"
        sales = TN_SALES[:3] + [9000] + TN_SALES[4:]
        assert model.monthly["sales"][3] == 9000
        assert [round(m.closing, 3) for m in model.plan] == [round(v, 3) for v in tunisia_closings(sales=sales)]
        assert model.negatives == []

    def test_an_empty_line_counts_as_nothing(self):
        model = CashFlowModel(country="TN")
        model.wages = ""
        assert model.errors == {}
        assert model.monthly["wages"] == (0.0,) * MONTHS

    def test_closing_of_one_month_opens_the_next(self):
        plan = CashFlowModel(country="SN").plan
        assert all(after.opening == before.closing for before, after in zip(plan, plan[1:]))

    def test_money_in_and_out_add_up_the_lines(self):
        model = CashFlowModel(country="TN")
        march = model.plan[2]
        assert march.cash_in == pytest.approx(2200)
        assert march.cash_out == pytest.approx(900 + TN_FIXED + 467.972)


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("opening", "", "This box is empty: please type an amount."),
        ("opening", "abc", "Please type a number, for example 1 500."),
        ("opening", "-5", "-5 is below zero: type 0 or more."),
        ("opening", "10000000000000", "10000000000000 is too large: type at most 1 000 000 000 000."),
        ("sales", "lots", "Please type a number, for example 1 500."),
        ("rent", "-450", "-450 is below zero: type 0 or more."),
        ("sales_m3", "1e40", "Please type a number, for example 1 500."),
        ("drawings_m12", "-1", "-1 is below zero: type 0 or more."),
        ("stock_m1", "1" + "0" * 40, "100000000000000000… is too large: type at most 1 000 000 000 000."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        model = CashFlowModel(country="TN", **{box: text})
        assert model.plan is None
        assert {name: plain(value) for name, value in model.errors.items()} == {box: message}

    def test_the_grid_marks_the_box_and_names_the_month_under_its_row(self):
        planner = CashFlowPlanner(country="TN")
        planner.grid.type_into("sales_m3", "abc")
        planner.grid.type_into("rent", "-1")
        assert planner.grid.is_marked("sales_m3") and planner.grid.is_marked("rent")
        assert not planner.grid.is_marked("sales_m4")
        assert plain(planner.grid.message_for("sales")) == (
            "<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ Month 3: Please type a number, "
            "for example 1 500.</div>")
        assert "⚠ Every month: -1 is below zero: type 0 or more." in planner.grid.message_for("rent")
        assert planner.grid.message_for("wages") == ""
        assert "Correct the boxes marked in red to see the results." in planner.verdict.value

    def test_messages_clear_when_corrected(self):
        planner = CashFlowPlanner(country="TN")
        planner.grid.type_into("sales_m3", "abc")
        planner.grid.type_into("sales_m3", "2 200")
        assert planner.model.errors == {} and not planner.grid.is_marked("sales_m3")
        assert planner.grid.message_for("sales") == ""

    def test_opening_message_is_under_its_box(self):
        planner = CashFlowPlanner(country="TN")
        planner.opening.box.value = ""
        assert "This box is empty: please type an amount." in planner.opening.message.value

    def test_an_empty_month_box_shows_every_month_greyed(self):
        planner = CashFlowPlanner(country="TN")
        planner.grid.type_into("rent", "500")
        assert planner.grid.placeholder_of("rent_m7") == "500"
        planner.grid.type_into("rent", "")
        assert planner.grid.placeholder_of("rent_m7") == "0"


class TestVerdict:
    def test_two_months_below_zero(self):
        planner = CashFlowPlanner(country="TN")
        lowest = min(tunisia_closings())  # month 4
        assert plain(planner.verdict_text()) == (
            "Months 4 and 5 go below zero: you would run out of cash and could not pay what is due. "
            f"The lowest point is {tnd(lowest)} at the end of month 4. "
            + "Find cash before then (more savings, a loan paid out earlier, a grace period on the loan) or spend "
            "less in those months (less stock, smaller household drawings).")
        assert "color:#c0392b" in planner.verdict.value

    def test_one_month_below_zero(self):
        planner = CashFlowPlanner(country="BO")
        assert planner.model.negatives == [4]
        assert planner.verdict_text().startswith("Month 4 goes below zero: you would run out of cash")

    def test_three_months_are_listed_in_plain_words(self):
        planner = CashFlowPlanner(country="SN")
        assert planner.verdict_text().startswith("Months 3, 4, and 5 go below zero:")

    def test_no_month_below_zero(self):
        planner = CashFlowPlanner(country="TN")
        planner.grid.type_into("drawings", "500")
        expected = closings(TN_OPENING, [TN_SALES[0] + 4950] + TN_SALES[1:],
                            [s + 450 + 400 + 150 + 500 + (467.972 if m > 0 else 0) for m, s in enumerate(TN_STOCK)])
        low = min(expected)
        month = expected.index(low) + 1
        assert plain(planner.verdict_text()) == (
            "Cash stays at zero or above in every month. The lowest point is "
            f"{tnd(low)} at the end of month {month}.")


class TestChart:
    def test_bars_are_the_closing_cash_red_below_zero(self):
        planner = CashFlowPlanner(country="TN")
        expected = tunisia_closings()
        assert planner.chart.heights == pytest.approx(expected, abs=0.0005)
        assert planner.chart.colours == [RED if value < 0 else BLUE for value in expected]
        assert bytes(planner.chart_image.value).startswith(b"\x89PNG")

    def test_bars_follow_the_typing(self):
        planner = CashFlowPlanner(country="TN")
        planner.grid.type_into("sales_m4", "9 000")
        sales = TN_SALES[:3] + [9000] + TN_SALES[4:]
        assert planner.chart.heights == pytest.approx(tunisia_closings(sales=sales), abs=0.0005)
        assert RED not in planner.chart.colours

    def test_the_table_shows_closing_cash_in_red_when_negative(self):
        planner = CashFlowPlanner(country="TN")
        assert planner.table.value.count("color:#c0392b") == 2

    def test_chart_is_hidden_while_a_box_is_bad(self):
        planner = CashFlowPlanner(country="TN")
        planner.grid.type_into("rent", "x")
        assert planner.chart_image.layout.display == "none"


class TestCountry:
    def test_switching_country_changes_currency_and_example(self):
        model = CashFlowModel(country="TN")
        model.rent = "1"
        model.country = "SN"
        assert model.profile.currency == "XOF"
        assert plain(model.rent) == "90 000"
        assert plain(model.loan_in_m1) == "980 000"  # 1,000,000 F CFA less the 2% fee
        assert model.negatives == [3, 4, 5]

    def test_the_planner_table_names_the_currency(self):
        planner = CashFlowPlanner(country="GH")
        assert "Month (amounts in GH₵)" in planner.table.value


class TestPersistence:
    def test_typed_inputs_come_back(self, store):
        first = CashFlowModel(store=store, country="TN")
        first.sales_m4 = "9 000"
        first.rent = "500"
        second = CashFlowModel(store=store)
        assert (second.country, second.sales_m4, second.rent) == ("TN", "9 000", "500")
        assert second.monthly["sales"][3] == 9000 and second.monthly["rent"] == (500.0,) * MONTHS

    def test_invalid_input_is_not_saved(self, store):
        first = CashFlowModel(store=store, country="TN")
        first.rent = "500"
        first.rent = "five hundred"
        assert CashFlowModel(store=store).rent == "500"

    def test_record_holds_every_box_as_text(self, store):
        CashFlowModel(store=store, country="TN").rent = "500"
        saved = store.load("m07_cashflow")
        assert set(saved.values) == {"country", "opening", *LINES,
                                     *(month_trait(line, m) for line in LINES for m in range(1, MONTHS + 1))}
        assert saved.get("rent") == "500"

    def test_an_unknown_country_in_a_hand_edited_file_keeps_the_country_in_use(self, store):
        store.save("m07_cashflow", {"country": "IT", "rent": "500"})
        model = CashFlowModel(store=store, country="TN")
        assert (model.country, model.rent) == ("TN", "500")
        assert model.errors == {}

    def test_saved_work_of_another_country_keeps_its_sources(self, store):
        model = CashFlowModel(store=store, country="TN")
        model.country = "PE"
        again = CashFlowModel(store=store)
        assert again.country == "PE"
        assert "an illustrative example for Peru" in " ".join(again.prefilled_sources())


def amount(text: str) -> float:
    """A French-style amount typed in module 5 ("3 000", "1 500,5") as a number."""
    return float(plain(text).replace(" ", "").replace(",", ".") or 0)


class TestPrefill:
    def test_module_5_plan_gives_opening_cash_and_the_loan(self, store):
        capital = StartupCapitalModel(store=store, country="TN")
        capital.loan = "3 000"  # saved: module 5's Tunisian example with this loan
        typed = store.load("m05_capital").values
        sources = sum(amount(typed[name]) for name in ("iom_in_kind", "savings", "family", "loan"))
        spent = sum(amount(text) for name, text in typed.items()
                    if name.startswith(("equipment_", "pre_opening_")) and not name.endswith("_name"))
        model = CashFlowModel(store=store, country="TN")
        assert amount(model.opening) == sources - spent > 0
        # the loan paid for the equipment on the opening day: nothing comes in during the months
        assert model.loan_in == "0" and all(getattr(model, month_trait("loan_in", m)) == "" for m in range(1, 13))
        # no module 9 loan: 3,000 DT repaid on the example's terms (22%, 12 months), from month 2
        assert model.instalments == f"{annuity(3000, 0.22 / 12, 12):.3f}".replace(".", ",")
        assert model.instalments_m1 == "0"
        assert model.prefilled_sources() == [
            "Figures you have not changed come from an illustrative example for Tunisia: replace them with your own.",
            "Loan received: nothing in these months, because the loan of your start-up capital plan (module 5) is "
            "already in the opening cash.",
            "Loan instalments from month 2: the loan of your start-up capital plan, repaid on this example's terms "
            "(12 months, 22,0\xa0% a year). Type your lender's instalments if they differ.",
            "Opening cash: what your start-up capital plan (module 5) leaves once the equipment and start-up costs "
            "are paid.",
        ]

    def test_module_5_plan_short_of_money_starts_at_zero(self, store):
        capital = StartupCapitalModel(store=store, country="TN")
        capital.savings, capital.loan = "0", "0"
        typed = store.load("m05_capital").values
        missing = sum(amount(text) for name, text in typed.items()
                      if name.startswith(("equipment_", "pre_opening_")) and not name.endswith("_name")) \
            - amount(typed["iom_in_kind"]) - amount(typed["family"])
        model = CashFlowModel(store=store, country="TN")
        assert model.opening == "0" and missing > 0
        assert model.instalments == "0" and model.loan_in == "0"
        sources = model.prefilled_sources()
        assert (f"Opening cash 0: your start-up capital plan (module 5) is short of {tnd(missing)} even for the "
                "equipment and start-up costs. Find that money before you open.") in map(plain, sources)
        assert "No loan instalments: your start-up capital plan (module 5) has no loan." in sources

    def test_module_5_plan_of_another_country_is_not_used(self, store):
        StartupCapitalModel(store=store, country="SN").loan = "100 000"
        model = CashFlowModel(store=store, country="TN")
        assert plain(model.opening) == "1 000" and plain(model.loan_in_m1) == "4 950"
        assert ("Your start-up capital plan (module 5) is for another country: this plan uses the example."
                in model.prefilled_sources())

    def test_module_5_and_module_9_together(self, store):
        StartupCapitalModel(store=store, country="TN").loan = "4 000"
        LoanModel(store=store, country="TN", amount="4 000", rate="20", periods="6", fee="0").save()
        model = CashFlowModel(store=store, country="TN")
        assert model.loan_in == "0"
        assert model.instalments_m2 == f"{annuity(4000, 0.20 / 12, 6):.3f}".replace(".", ",")


class TestPrefillFromTheRecord:
    """Without module 5's model, its record is read field by field: own savings, family money, loan."""

    @pytest.fixture(autouse=True)
    def without_module_5_model(self, monkeypatch):
        monkeypatch.setitem(sys.modules, "ritorno.ui._startup_capital_model", None)

    def test_savings_and_loan(self, store):
        store.save("m05_capital", {"country": "TN", "own_savings": "2 500", "loan": "6 000", "iom_in_kind": "3000"})
        model = CashFlowModel(store=store, country="TN")
        assert plain(model.opening) == "2 500"
        assert plain(model.loan_in_m1) == "6 000" and model.loan_in == "0"
        assert model.instalments == f"{annuity(6000, 0.22 / 12, 12):.3f}".replace(".", ",")
        assert "Loan received in month 1: the loan in your start-up capital plan (module 5)." in \
            model.prefilled_sources()
        assert "Opening cash: your own savings, from your start-up capital plan (module 5)." in \
            model.prefilled_sources()

    def test_numbers_and_family(self, store):
        store.save("m05_capital", {"savings": 1200.0, "family": 300, "loan": 0})
        model = CashFlowModel(store=store, country="TN")
        assert plain(model.opening) == "1 200"
        assert model.other_in_m1 == "300"
        assert model.loan_in_m1 == "" and model.loan_in == "0"
        assert model.instalments == "0"

    @pytest.mark.parametrize("record", [
        {"country": "TN", "savings": "lots", "loan": "-5"},
        {"country": "SN", "savings": "2 500", "loan": "6 000"},
        {"notes": "nothing useful"},
    ])
    def test_unusable_falls_back_to_the_example(self, store, record):
        store.save("m05_capital", record)
        model = CashFlowModel(store=store, country="TN")
        assert plain(model.opening) == "1 000" and plain(model.loan_in_m1) == "4 950"


class TestPrefillFromModule9:
    def test_module_9_monthly_loan_gives_the_instalments(self, store):
        LoanModel(store=store, country="TN", amount="4 000", rate="20", periods="6", fee="0", savings="10").save()
        model = CashFlowModel(store=store, country="TN")
        instalment = annuity(4000, 0.20 / 12, 6)
        assert model.instalments == "0"
        assert [getattr(model, month_trait("instalments", m)) for m in range(1, 9)] == \
            [""] + [f"{instalment:.3f}".replace(".", ",")] * 6 + [""]
        assert plain(model.loan_in_m1) == "3 600"  # 4,000 less 10% blocked savings
        assert model.other_in_m7 == "400"  # the savings come back with the last instalment
        sources = model.prefilled_sources()
        assert ("Loan instalments from month 2: the loan you saved in module 9 "
                f"({instalment:.3f}\xa0DT a month).".replace(".", ",", 1)) in sources
        assert "Other money in, month 7: your compulsory savings come back with the last instalment (module 9)." \
            in sources

    def test_module_9_weekly_loan_is_not_used_and_says_why(self, store):
        LoanModel(store=store, country="TN", amount="4 000", rate="20", periods="26", frequency="weekly").save()
        model = CashFlowModel(store=store, country="TN")
        assert model.instalments == "467,972"
        assert ("Your loan from module 9 is not repaid monthly: add up the instalments that fall in each month and "
                "type them in the Loan instalments line.") in model.prefilled_sources()

    def test_module_9_loan_of_another_country_is_not_used(self, store):
        LoanModel(store=store, country="SN").save()
        model = CashFlowModel(store=store, country="TN")
        assert model.instalments == "467,972"
        assert ("Your loan from module 9 is in another country's currency: this plan uses the example's "
                "instalments.") in model.prefilled_sources()

    def test_a_source_disappears_once_the_line_is_changed(self, store):
        StartupCapitalModel(store=store, country="TN").loan = "3 000"
        planner = CashFlowPlanner(country="TN", store=store)
        opening_source = "Opening cash: what your start-up capital plan (module 5) leaves"
        assert opening_source in planner.sources.value
        planner.opening.box.value = "3 000"
        assert opening_source not in planner.sources.value
        assert "Loan received: nothing in these months" in planner.sources.value

    def test_start_again_restores_the_example(self):
        planner = CashFlowPlanner(country="TN")
        planner.grid.type_into("rent", "1")
        planner.reset.click()
        assert planner.model.rent == "450"


class TestFactory:
    def test_grading_builds_nothing(self, monkeypatch):
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
        assert cash_flow_planner() is None

    def test_country_comes_from_the_profile_else_tunisia(self, monkeypatch, tmp_path):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        assert cash_flow_planner().model.country == "TN"
        AnswerStore(tmp_path).save("m01_profile", {"country": "GH"})
        assert cash_flow_planner().model.country == "GH"
        assert cash_flow_planner(country="PE", keep_work=False).model.country == "PE"

    def test_keep_work_saves_beside_the_notebook(self, monkeypatch, tmp_path):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        cash_flow_planner(country="TN").grid.type_into("rent", "500")
        assert AnswerStore(tmp_path).load("m07_cashflow").get("rent") == "500"


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(box=st.sampled_from(["opening", *LINES, *(month_trait(line, m) for line in LINES for m in (1, 6, 12))]),
           text=st.text(max_size=40))
    def test_any_text_in_any_box_gives_a_plan_or_messages(self, box, text):
        model = CashFlowModel(country="TN")
        setattr(model, box, text)
        assert (model.plan is None) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.lists(st.text(alphabet="0123456789 ,.-e%", max_size=10), min_size=4, max_size=4))
    def test_number_like_text_everywhere_in_a_row(self, texts):
        model = CashFlowModel(country="SN")
        for box, text in zip(("opening", "sales", "sales_m1", "instalments_m12"), texts):
            setattr(model, box, text)
        assert (model.plan is None) == bool(model.errors)
