"""LoanModel: the loan calculator's boxes as typed, and the loan (or the messages) they give."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.countries import COUNTRY_CODES, get_country
from ritorno.ui import LoanModel
from ritorno.ui._loan_model import NUMERIC_INPUTS

from .ui_reference import plain, reference_apr


def senegal(**typed: str) -> LoanModel:
    """Senegal's example loan with some boxes retyped."""
    model = LoanModel(country="SN")
    for name, text in typed.items():
        setattr(model, name, text)
    return model


class TestExampleLoan:
    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_each_country_starts_with_its_example(self, code):
        example = get_country(code).example_loan
        model = LoanModel(country=code)
        assert model.errors == {}
        assert model.loan is not None
        assert model.loan.amount == example["amount"]
        assert model.loan.annual_rate == pytest.approx(example["annual_rate"])
        assert model.loan.periods == example["periods"]
        assert model.loan.frequency == example["frequency"]
        assert model.loan.method == example["method"]

    def test_senegal_boxes_are_written_the_french_way(self):
        model = LoanModel(country="SN")
        # fr_SN groups thousands with a narrow no-break space
        assert (plain(model.amount), model.rate, model.periods, model.fee) == ("1 000 000", "18", "12", "2")

    def test_without_country_the_default_is_senegal(self):
        assert LoanModel().loan.amount == get_country("SN").example_loan["amount"]

    def test_typed_terms_without_country_are_kept(self):
        model = LoanModel(amount="500 000", rate="10", periods="6")
        assert (model.loan.amount, model.loan.annual_rate, model.loan.periods) == (500_000, 0.10, 6)

    @pytest.mark.parametrize("typed", [{"amount": "500 000", "rate": "10", "periods": "6"}, {"rate": "30"}])
    def test_terms_given_with_the_country_are_kept(self, typed):
        model = LoanModel(country="GH", **typed)
        assert {name: getattr(model, name) for name in typed} == typed
        assert model.errors == {}

    def test_terms_given_with_the_country_change_only_those_boxes(self):
        # Ghana's example: 10,000 GHS at 48 % over 26 weekly flat instalments; only the rate is retyped
        model = LoanModel(country="GH", rate="30")
        assert (model.amount, model.periods) == ("10,000", "26")
        assert (model.loan.amount, model.loan.annual_rate, model.loan.periods) == (10_000, 0.30, 26)
        assert (model.loan.frequency, model.loan.method) == ("weekly", "flat")

    def test_all_terms_given_with_the_country_make_the_loan(self):
        model = LoanModel(country="GH", amount="500 000", rate="10", periods="6")
        assert (model.loan.amount, model.loan.annual_rate, model.loan.periods) == (500_000, 0.10, 6)


class TestTyping:
    def test_senegal_apr_matches_an_independent_irr(self):
        model = senegal(amount="1 000 000", rate="18", periods="12", fee="2")
        # reference: 1,000,000 XOF at 18 %/12 declining, 980,000 received -> APR ≈ 21.9 % (course worked example)
        expected = reference_apr(1_000_000, 0.18, 12, fee=0.02)
        assert expected == pytest.approx(0.219, abs=0.0005)
        assert model.loan.apr == pytest.approx(expected, abs=0.0005)

    def test_english_grouping_is_read_too(self):
        assert senegal(amount="1,000,000").loan.amount == 1_000_000

    def test_typing_a_new_amount_updates_the_loan(self):
        model = senegal()
        model.amount = "250 000"
        assert model.loan.amount == 250_000

    def test_percent_boxes_become_fractions(self):
        model = senegal(rate="24,5", fee="1.5", savings="10")
        assert model.loan.annual_rate == pytest.approx(0.245)
        assert model.loan.upfront_fee == pytest.approx(0.015)
        assert model.loan.compulsory_savings == pytest.approx(0.10)

    @pytest.mark.parametrize("name", ["fee", "savings", "grace"])
    @pytest.mark.parametrize("text", ["", "   "])
    def test_optional_boxes_may_be_left_empty(self, name, text):
        model = senegal(**{name: text})
        assert model.errors == {}
        assert model.loan is not None
        assert getattr(model.loan, NUMERIC_INPUTS[name][1]) == 0

    def test_changing_country_switches_example_and_currency(self):
        model = senegal(amount="5")
        model.country = "GH"
        ghana = get_country("GH")
        assert model.profile.currency == ghana.currency == "GHS"
        assert model.amount == "10,000"
        assert model.loan.amount == ghana.example_loan["amount"]
        assert (model.loan.frequency, model.loan.method) == ("weekly", "flat")

    def test_dropdown_choices_reach_the_loan(self):
        model = senegal()
        model.frequency, model.method, model.rate_type = "weekly", "flat", "effective"
        assert (model.loan.frequency, model.loan.method, model.loan.rate_type) == ("weekly", "flat", "effective")


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("amount", "", "This box is empty: please type an amount."),
        ("amount", "abc", "Please type a number, for example 1 500."),
        ("amount", "1e40", "Please type a number, for example 1 500."),
        ("rate", "", "This box is empty: please type a number."),
        ("rate", "eighteen", "Please type a percentage, for example 18,5."),
        ("rate", "18 %%", "Please type a percentage, for example 18,5."),
        ("fee", "two", "Please type a percentage, for example 18,5."),
        ("savings", "1e40", "Please type a percentage, for example 18,5."),
        ("periods", "", "This box is empty: please type a number."),
        ("periods", "2.5", "Please type a whole number, for example 12."),
        ("periods", "2,5", "Please type a whole number, for example 12."),
        ("grace", "1,5", "Please type a whole number, for example 12."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        model = senegal(**{box: text})
        assert model.loan is None
        assert {name: plain(value) for name, value in model.errors.items()} == {box: message}

    @pytest.mark.parametrize(("box", "text", "message"), [
        ("amount", "-1000000", "-1000000 is too small: type a number above 0."),
        ("amount", "0", "0 is too small: type a number above 0."),
        ("amount", "1000000000001", "1000000000001 is too large: type at most 1 000 000 000 000."),
        ("periods", "0", "0 is too small: type at least 1."),
        ("periods", "521", "521 is too large: type at most 520."),
        ("rate", "-5", "-5 is below zero: type 0 or more."),
        ("rate", "1001", "1001 is too large: type at most 1 000."),
        ("fee", "-5", "-5 is below zero: type 0 or more."),
        ("fee", "100", "100 is too large: type at most 99."),
        ("fee", "99,5", "99,5 is too large: type at most 99."),
        ("savings", "-5", "-5 is below zero: type 0 or more."),
        ("savings", "100", "100 is too large: type at most 99."),
        ("grace", "-1", "-1 is below zero: type 0 or more."),
        ("grace", "520", "520 is too large: type at most 519."),
    ])
    def test_an_out_of_range_box_is_refused_with_a_message(self, box, text, message):
        model = senegal(**{box: text})
        assert model.loan is None
        assert {name: plain(value) for name, value in model.errors.items()} == {box: message}

    @pytest.mark.parametrize("typed", [
        {"amount": "1 000 000 000 000"}, {"amount": "1"}, {"periods": "1"}, {"periods": "520"}, {"rate": "0"},
        {"rate": "1000"}, {"fee": "99"}, {"fee": "0", "savings": "99"}, {"periods": "520", "grace": "519"},
    ], ids=lambda typed: "-".join(f"{box}={text}" for box, text in typed.items()))
    def test_the_limits_themselves_are_allowed(self, typed):
        model = senegal(**typed)
        assert model.errors == {}
        assert model.loan is not None

    def test_fee_and_savings_together_break_a_rule_between_boxes(self):
        model = senegal(fee="60", savings="50")
        assert model.loan is None
        assert model.errors == {"loan": "The fee (60%) and compulsory savings (50%) together take the whole loan: "
                                         "nothing would be left to receive."}

    @pytest.mark.parametrize("grace", ["12", "13"])
    def test_grace_must_be_shorter_than_the_loan(self, grace):
        model = senegal(periods="12", grace=grace)
        assert model.loan is None
        assert model.errors == {"loan": f"The grace period ({grace} instalments) must be shorter than the loan "
                                         "(12 instalments)."}

    def test_several_bad_boxes_each_get_a_message(self):
        model = senegal(amount="abc", rate="", periods="2.5")
        assert sorted(model.errors) == ["amount", "periods", "rate"]

    def test_messages_clear_when_the_box_is_corrected(self):
        model = senegal(amount="abc")
        model.amount = "750 000"
        assert model.errors == {}
        assert model.loan.amount == 750_000

    def test_a_rule_message_clears_when_corrected(self):
        model = senegal(fee="60", savings="50")
        model.savings = "10"
        assert model.errors == {}
        assert model.loan.compulsory_savings == pytest.approx(0.10)

    @pytest.mark.parametrize(("box", "text"), [("amount", "-1000000"), ("periods", "0"), ("rate", "-5"),
                                               ("grace", "-1")])
    def test_an_out_of_range_box_is_marked_under_that_box(self, box, text):
        assert list(senegal(**{box: text}).errors) == [box]

    def test_several_out_of_range_boxes_each_get_a_message(self):
        model = senegal(amount="0", periods="521", fee="100")
        assert {name: plain(value) for name, value in model.errors.items()} == {
            "amount": "0 is too small: type a number above 0.",
            "periods": "521 is too large: type at most 520.",
            "fee": "100 is too large: type at most 99.",
        }

    @pytest.mark.parametrize(("box", "text", "message"), [
        ("amount", "-1000000", "-1000000 is too small: type a number above 0."),  # not "-1e+06"
        ("rate", "-5", "-5 is below zero: type 0 or more."),  # not "-0.05"
        ("rate", "-18 %", "-18 % is below zero: type 0 or more."),
        ("periods", " 521 ", "521 is too large: type at most 520."),
        # 20 characters are quoted whole, longer texts cut to 18 and "…"
        ("amount", "-1111111111111111111", "-1111111111111111111 is too small: type a number above 0."),
        ("amount", "-11111111111111111111", "-11111111111111111… is too small: type a number above 0."),
        ("periods", "100000000000000000000000", "100000000000000000… is too large: type at most 520."),
    ])
    def test_a_range_message_quotes_what_was_typed(self, box, text, message):
        assert {name: plain(value) for name, value in senegal(**{box: text}).errors.items()} == {box: message}

    def test_an_absurd_amount_typed_in_digits_is_refused(self):
        model = senegal(amount="1" + "0" * 40)
        assert model.loan is None
        # fr_SN groups the limit with narrow no-break spaces
        assert model.errors == {"amount": "100000000000000000… is too large: type at most "
                                          "1\u202f000\u202f000\u202f000\u202f000."}

    def test_the_amount_limit_is_written_for_the_country(self):
        model = LoanModel(country="GH", amount="2000000000000")
        assert model.errors == {"amount": "2000000000000 is too large: type at most 1,000,000,000,000."}

    @pytest.mark.parametrize(("box", "text", "fraction"), [
        ("rate", "18 %", 0.18), ("rate", "18%", 0.18), ("rate", " 18 % ", 0.18), ("rate", "26,6 %", 0.266),
        ("fee", "2 %", 0.02), ("savings", "10%", 0.10),
    ])
    def test_a_percent_sign_is_accepted_in_a_percent_box(self, box, text, fraction):
        model = senegal(**{box: text})
        assert model.errors == {}
        assert getattr(model.loan, NUMERIC_INPUTS[box][1]) == pytest.approx(fraction)

    def test_the_percent_example_is_written_for_the_country(self):
        assert LoanModel(country="GH", rate="eighteen").errors == {
            "rate": "Please type a percentage, for example 18.5."}

    def test_a_cost_beyond_reckoning_is_a_message_not_an_exception(self):
        # 99 % fee and almost 1 % savings withheld: the trainee receives about a billionth of the loan
        model = senegal(method="flat", frequency="weekly", rate="1000", periods="1", fee="99",
                        savings="0,99999999999")
        assert model.loan is None
        assert model.errors == {"loan": "This loan's cost is too high to calculate."}

    @pytest.mark.parametrize("box", ["periods", "grace"])
    def test_a_count_box_gives_a_count_example(self, box):
        assert senegal(**{box: "twelve"}).errors == {box: "Please type a whole number, for example 12."}

    def test_a_lone_percent_sign_asks_for_a_percentage(self):
        assert senegal(rate="%").errors == {"rate": "Please type a percentage, for example 18,5."}


class TestNeverRaises:
    @pytest.mark.parametrize("box", list(NUMERIC_INPUTS))
    @settings(max_examples=50, deadline=None, database=None)
    @given(text=st.text(max_size=40))
    def test_any_text_gives_a_loan_or_messages(self, box, text):
        model = LoanModel(country="SN")
        setattr(model, box, text)
        assert (model.loan is None) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=50, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(alphabet="0123456789 ,.-e%", max_size=12)
                                        for box in NUMERIC_INPUTS}))
    def test_number_like_text_in_every_box_at_once(self, texts):
        model = LoanModel(country="PE")
        for box, text in texts.items():
            setattr(model, box, text)
        assert (model.loan is None) == bool(model.errors)
