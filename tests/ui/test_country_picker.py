"""Switching country never replaces a trainee's figures without asking."""
from __future__ import annotations

from ritorno.ui import LoanModel
from ritorno.ui._boxes import CountryPicker
from ritorno.ui.repayment_check import RepaymentModel

from .ui_reference import plain


def test_a_model_with_examples_asks_before_switching():
    model = LoanModel(country="SN")
    model.amount = "750 000"
    picker = CountryPicker(model)
    picker.dropdown.value = "GH"
    assert model.country == "SN" and plain(model.amount) == "750 000"
    assert picker.confirmation.layout.display is None
    assert "Switching to Ghana puts Ghana&#x27;s example in every box: your figures here will be replaced." in picker.question.value
    assert picker.switch.description == "Switch to Ghana"


def test_keeping_the_figures_puts_the_country_back():
    model = LoanModel(country="SN")
    picker = CountryPicker(model)
    picker.dropdown.value = "GH"
    picker.keep.click()
    assert picker.dropdown.value == "SN" and model.country == "SN" and picker.confirmation.layout.display == "none"


def test_switching_loads_the_example():
    model = LoanModel(country="SN")
    model.amount = "750 000"
    picker = CountryPicker(model)
    picker.dropdown.value = "GH"
    picker.switch.click()
    assert model.country == "GH" and model.amount == "10,000" and picker.confirmation.layout.display == "none"


def test_a_model_without_examples_switches_at_once():
    model = RepaymentModel(country="SN")
    picker = CountryPicker(model)
    picker.dropdown.value = "PE"
    assert model.country == "PE" and picker.confirmation.layout.display == "none"


def test_the_picker_follows_the_model():
    model = LoanModel(country="SN")
    picker = CountryPicker(model)
    model.country = "TN"
    assert picker.dropdown.value == "TN"
