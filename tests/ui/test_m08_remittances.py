"""Module 8's remittance comparison: cost of each way, cheapest way, messages, chart, facts, persistence."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from ritorno.answers import AnswerStore
from ritorno.countries import COUNTRY_CODES, ITALY_REMITTANCE_FACTS, get_country
from ritorno.ui._remittance_model import WAYS, fee_trait, rate_trait
from ritorno.ui.remittances import (CHEAPEST_COLOUR, ITALY_FACTS_SHOWN, OTHER_COLOUR, RemittanceComparison,
                                    RemittanceModel, remittance_comparison)

GREEN, BLUE = to_hex(CHEAPEST_COLOUR), to_hex(OTHER_COLOUR)
PE_MARKET = get_country("PE").fact("eur_exchange_rate").value
# Peru's illustrative offers (curriculum/data/m08.toml): fee in EUR, rate offered = market × (1 − margin),
# rounded to 4 significant digits as the boxes show it
PE_FEES = {"bank": 12.0, "agency": 6.0, "online": 2.99, "mobile": 1.99}
PE_RATES = {way: float(f"{PE_MARKET * (1 - margin):.4g}")
            for way, margin in {"bank": 0.01, "agency": 0.035, "online": 0.012, "mobile": 0.018}.items()}


def cost(amount: float, fee: float, rate: float, market: float) -> float:
    """(fee + exchange margin × amount) ÷ amount, margin = 1 − offered ÷ market (none above market)."""
    return (fee + max(0.0, 1 - rate / market) * amount) / amount


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


class TestExample:
    def test_peru_costs_way_by_way(self):
        model = RemittanceModel(country="PE")
        assert model.errors == {}
        assert model.market_rate == "4.136"
        for way in WAYS:
            expected = cost(300, PE_FEES[way], PE_RATES[way], PE_MARKET)
            offer = model.offers[way]
            assert offer.cost == pytest.approx(expected, abs=1e-12)
            assert offer.cost_eur == pytest.approx(expected * 300, abs=0.005)
            assert offer.received == pytest.approx(300 * PE_RATES[way], abs=0.005)
        # online: (2.99 + (1 − 4.086 ÷ 4.136) × 300) ÷ 300 = 2.21%
        assert round(model.offers["online"].cost * 100, 2) == 2.21
        assert model.cheapest == "online"

    def test_peru_boxes_show_the_example(self):
        model = RemittanceModel(country="PE")
        assert (model.amount, model.fee_online, model.rate_online) == ("300", "2.99", "4.086")

    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_every_country_compares_four_ways(self, code):
        model = RemittanceModel(country=code)
        assert model.errors == {}
        assert sorted(model.offers) == sorted(WAYS)
        assert model.cheapest in WAYS

    def test_a_rate_above_market_costs_only_the_fee(self):
        model = RemittanceModel(country="PE", rate_bank="4.2")
        assert model.offers["bank"].margin == 0
        assert model.offers["bank"].cost == pytest.approx(12 / 300)


class TestTyping:
    def test_a_way_left_empty_is_left_out(self):
        model = RemittanceModel(country="PE", fee_agency="", rate_agency="", fee_bank=" ", rate_bank="")
        assert model.errors == {}
        assert sorted(model.offers) == ["mobile", "online"]

    def test_fewer_than_two_ways_names_no_cheapest(self):
        comparison = RemittanceComparison(country="PE")
        for way in ("bank", "agency", "online"):
            comparison.type_into(fee_trait(way), "")
            comparison.type_into(rate_trait(way), "")
        assert comparison.model.cheapest == ""
        assert comparison.verdict_text() == "Fill in at least two ways to compare them."
        assert comparison.chart_image.layout.display == "none"

    def test_a_new_amount_changes_every_cost(self):
        model = RemittanceModel(country="PE")
        model.amount = "150"
        assert model.offers["bank"].cost == pytest.approx(cost(150, 12, PE_RATES["bank"], PE_MARKET))
        assert model.cheapest == "mobile"  # a fixed fee weighs more on a small amount


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("amount", "", "This box is empty: please type an amount."),
        ("amount", "0", "0 is too small: type a number above 0."),
        ("amount", "abc", "Please type a number, for example 1,500."),
        ("amount", "2000000", "2000000 is too large: type at most 1,000,000."),
        ("market_rate", "", "This box is empty: please type an amount."),
        ("market_rate", "-4", "-4 is too small: type a number above 0."),
        ("fee_bank", "", "Type the fee in euros (0 if there is none)."),
        ("fee_bank", "-1", "-1 is below zero: type 0 or more."),
        ("fee_bank", "twelve", "Please type a number, for example 1,500."),
        ("fee_bank", "300", "The fee is as much as the amount sent, or more: check it."),
        ("rate_bank", "", "Type the rate this way offers: PEN for 1 euro."),
        ("rate_bank", "0", "0 is too small: type a number above 0."),
        ("rate_bank", "0.24", "0.24 is less than half the market rate (4.136): type how many PEN you get for 1 euro."),
        ("rate_bank", "4,095", "4,095 is far above the market rate (4.136): check the number."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        model = RemittanceModel(country="PE", **{box: text})
        assert model.offers == {}
        assert model.errors == {box: message}

    def test_the_message_is_under_the_box(self):
        comparison = RemittanceComparison(country="PE")
        comparison.type_into("rate_agency", "0.24")
        assert "⚠ 0.24 is less than half the market rate (4.136)" in comparison.message_for("rate_agency")
        assert comparison.message_for("rate_bank") == ""
        assert "Correct the boxes marked in red to see the results." in comparison.verdict.value
        comparison.type_into("rate_agency", "3.991")
        assert comparison.message_for("rate_agency") == ""


class TestVerdict:
    def test_cheapest_way_and_yearly_saving(self):
        comparison = RemittanceComparison(country="PE")
        online = cost(300, 2.99, PE_RATES["online"], PE_MARKET)
        agency = cost(300, 6.0, PE_RATES["agency"], PE_MARKET)
        assert plain(comparison.verdict_text()) == (
            "The cheapest way is Online service (app or website): "
            f"it costs {online * 100:.1f}% ({online * 300:.2f} €) to send 300.00 €, "
            f"and your family receives S/ {300 * PE_RATES['online']:,.2f}. Sending this every month, it saves {12 * 300 * (agency - online):.2f} € a year compared with Money-transfer agency.")

    def test_the_mobile_wallet_names_the_country_providers(self):
        comparison = RemittanceComparison(country="PE")
        comparison.type_into("fee_mobile", "0")
        assert comparison.model.cheapest == "mobile"
        assert comparison.verdict_text().startswith("The cheapest way is To a mobile money wallet (Yape, Plin):")

    def test_table_lists_each_way(self):
        comparison = RemittanceComparison(country="PE")
        assert comparison.table.value.count("<tr>") == 1 + len(WAYS)


class TestFacts:
    def test_market_rate_is_shown_with_source_and_year(self):
        fact = get_country("PE").fact("eur_exchange_rate")
        comparison = RemittanceComparison(country="PE")
        assert comparison.market_note_text() == f"{fact.label}: {fact.source}, {fact.year}. {fact.note}"

    def test_an_unverified_market_rate_says_so(self):
        fact = get_country("EC").fact("eur_exchange_rate")
        assert not fact.verified
        comparison = RemittanceComparison(country="EC")
        assert comparison.model.market_rate == "1,0411"  # all four decimals of the fact, es_EC writes a comma
        assert comparison.market_note_text().endswith("(not verified: check before relying on it)")

    def test_a_typed_market_rate_is_not_passed_off_as_the_source(self):
        comparison = RemittanceComparison(country="PE")
        comparison.type_into("market_rate", "4.2")
        assert comparison.market_note_text().startswith("You typed your own market rate. The course data give 4.136 (")

    def test_italian_averages_with_source_and_year(self):
        html = RemittanceComparison(country="PE").italy_html()
        for key in ITALY_FACTS_SHOWN:
            fact = ITALY_REMITTANCE_FACTS[key]
            assert fact.label in html and f"{fact.source}, {fact.year}" in html.replace("&#x27;", "'")
        average = ITALY_REMITTANCE_FACTS["average_cost_150_eur"]
        assert f"{average.value * 100:.2f}%" in html


class TestChart:
    def test_bars_are_the_costs_cheapest_in_green(self):
        comparison = RemittanceComparison(country="PE")
        expected = [cost(300, PE_FEES[way], PE_RATES[way], PE_MARKET) for way in WAYS]
        assert comparison.chart.heights == pytest.approx(expected, abs=1e-12)
        assert comparison.chart.colours == [GREEN if way == "online" else BLUE for way in WAYS]
        assert comparison.chart.average == ITALY_REMITTANCE_FACTS["average_cost_150_eur"].value
        assert bytes(comparison.chart_image.value).startswith(b"\x89PNG")

    def test_bars_are_labelled_with_short_names(self):
        comparison = RemittanceComparison(country="PE")
        assert [label.get_text() for label in comparison.chart.axes.get_xticklabels()] == [
            "Bank", "Agency", "Online", "Mobile money"]

    def test_a_way_left_out_has_no_bar(self):
        comparison = RemittanceComparison(country="PE")
        comparison.type_into("fee_bank", "")
        comparison.type_into("rate_bank", "")
        assert comparison.chart.heights[0] == 0


class TestCountry:
    def test_switching_country_changes_currency_rate_and_providers(self):
        comparison = RemittanceComparison(country="PE")
        comparison.type_into("fee_bank", "20")
        comparison.model.country = "SN"
        model = comparison.model
        assert model.profile.currency == "XOF"
        assert model.market_rate == "655,957"
        assert model.fee_bank == "12"
        assert model.cheapest == "mobile"  # the franc CFA is pegged: Senegal's example has small margins
        assert "To a mobile money wallet (Wave, Orange Money)" in comparison.verdict_text()


class TestPersistence:
    def test_typed_inputs_come_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        model = RemittanceModel(store=store, country="EC")
        model.amount = "150"
        model.fee_agency = "4"
        again = RemittanceModel(store=store)
        assert (again.country, again.amount, again.fee_agency) == ("EC", "150", "4")
        assert set(store.load("m08_remittance").values) == {
            "country", "amount", "market_rate", *(f"{kind}_{way}" for way in WAYS for kind in ("fee", "rate"))}

    def test_invalid_input_is_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        model = RemittanceModel(store=store, country="PE")
        model.amount = "200"
        model.amount = "0"
        assert RemittanceModel(store=store).amount == "200"


class TestFactory:
    def test_grading_builds_nothing(self, monkeypatch):
        monkeypatch.setenv("NBGRADER_EXECUTION", "1")
        assert remittance_comparison() is None

    def test_country_from_profile_else_peru(self, monkeypatch, tmp_path):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        assert remittance_comparison().model.country == "PE"
        AnswerStore(tmp_path).save("m01_profile", {"country": "EC"})
        assert remittance_comparison().model.country == "EC"


BOXES = ["amount", "market_rate", *(name for way in WAYS for name in (fee_trait(way), rate_trait(way)))]


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(box=st.sampled_from(BOXES), text=st.text(max_size=40))
    def test_any_text_in_any_box(self, box, text):
        model = RemittanceModel(country="PE")
        setattr(model, box, text)
        assert (model.offers == {}) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())
