"""Tests for ritorno.countries: profiles load, are consistent and every fact is sourced."""
from __future__ import annotations

import dataclasses
import math
import shutil
from pathlib import Path

import babel
import pytest
from babel.numbers import is_currency

import ritorno.countries._profiles as profiles
from ritorno.countries import (
    COUNTRY_CODES,
    ITALY_REMITTANCE_FACTS,
    Country,
    Fact,
    all_countries,
    get_country,
)

EXPECTED = {
    # code: (name, currency, locale, course language)   -- CONTENT.md, Countries table
    "GH": ("Ghana", "GHS", "en_GH", "en"),
    "SN": ("Senegal", "XOF", "fr_SN", "fr"),
    "TN": ("Tunisia", "TND", "fr_TN", "fr"),
    "BO": ("Bolivia", "BOB", "es_BO", "es"),
    "PE": ("Peru", "PEN", "es_PE", "es"),
    "EC": ("Ecuador", "USD", "es_EC", "es"),
}

LOAN_KEYS = {"amount", "annual_rate", "periods", "frequency", "method", "rate_type",
             "upfront_fee", "compulsory_savings"}


def _all_facts():
    for country in all_countries():
        for key, fact in country.facts.items():
            yield f"{country.code}.{key}", fact
    for key, fact in ITALY_REMITTANCE_FACTS.items():
        yield f"italy.{key}", fact


ALL_FACTS = list(_all_facts())


class TestLoading:
    def test_country_codes_order(self):
        assert COUNTRY_CODES == ("GH", "SN", "TN", "BO", "PE", "EC")

    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_every_country_loads(self, code):
        country = get_country(code)
        assert isinstance(country, Country)
        assert (country.name, country.currency, country.locale, country.language) == EXPECTED[code]
        assert country.code == code

    def test_all_countries_in_order(self):
        assert tuple(c.code for c in all_countries()) == COUNTRY_CODES

    @pytest.mark.parametrize("typed", ["sn", "Sn", " SN ", "SN"])
    def test_case_insensitive(self, typed):
        assert get_country(typed).code == "SN"

    def test_profiles_are_cached(self):
        assert get_country("pe") is get_country("PE")

    def test_returned_dicts_are_copies(self):
        country = get_country("GH")
        country.example_loan["amount"] = -1
        country.facts.clear()
        country.household_example["income"].clear()
        assert get_country("GH").example_loan["amount"] == 10_000
        assert get_country("GH").facts
        assert get_country("GH").household_example["income"]

    def test_country_is_frozen(self):
        with pytest.raises(dataclasses.FrozenInstanceError):
            get_country("GH").currency = "EUR"


class TestErrors:
    @pytest.mark.parametrize("code", ["XX", "it", "", "GHA"])
    def test_unknown_country(self, code):
        shown = code.strip().upper()
        with pytest.raises(ValueError) as info:
            get_country(code)
        assert str(info.value) == f"Unknown country '{shown}'. Choose one of: GH, SN, TN, BO, PE, EC"

    def test_unknown_fact_names_key_and_country(self):
        with pytest.raises(ValueError, match=r"Senegal \(SN\) has no fact 'nope'"):
            get_country("SN").fact("nope")


class TestCurrenciesAndLocales:
    @pytest.mark.parametrize("country", all_countries(), ids=lambda c: c.code)
    def test_babel_knows_locale(self, country):
        locale = babel.Locale.parse(country.locale)
        assert locale.language == country.language

    @pytest.mark.parametrize("country", all_countries(), ids=lambda c: c.code)
    def test_currency_is_iso(self, country):
        assert is_currency(country.currency)

    @pytest.mark.parametrize("country", all_countries(), ids=lambda c: c.code)
    def test_mobile_money(self, country):
        assert country.mobile_money and all(isinstance(p, str) and p for p in country.mobile_money)
        assert isinstance(country.mobile_money, tuple)


class TestFacts:
    @pytest.mark.parametrize(("where", "fact"), ALL_FACTS, ids=[w for w, _ in ALL_FACTS])
    def test_every_fact_is_sourced_and_dated(self, where, fact):
        assert isinstance(fact, Fact)
        assert fact.source.strip(), f"{where} has no source"
        assert fact.label.strip(), f"{where} has no label"
        assert isinstance(fact.year, int) and 2000 <= fact.year <= 2026, f"{where}: year {fact.year}"
        assert isinstance(fact.verified, bool)
        if fact.unit == "text":
            assert fact.value is None
        else:
            assert isinstance(fact.value, float) and math.isfinite(fact.value)

    @pytest.mark.parametrize(("where", "fact"), ALL_FACTS, ids=[w for w, _ in ALL_FACTS])
    def test_unverified_facts_say_why(self, where, fact):
        if not fact.verified:
            assert fact.note, f"{where} is unverified but has no note saying why"

    @pytest.mark.parametrize("country", all_countries(), ids=lambda c: c.code)
    def test_every_country_has_an_exchange_rate(self, country):
        rate = country.fact("eur_exchange_rate")
        assert rate.unit == "currency_per_eur"
        assert rate.value > 0

    def test_cfa_franc_peg_is_exact(self):
        # BCEAO: 1 EUR = 655.957 XOF, fixed since 1999.
        fact = get_country("SN").fact("eur_exchange_rate")
        assert fact.value == 655.957 and fact.verified

    @pytest.mark.parametrize(("code", "key", "value", "year"), [
        # all from CONTENT.md, "Countries" table
        ("SN", "mfi_rate_cap", 0.24, 2014),
        ("SN", "typical_nominal_rate", 0.18, 2024),
        ("SN", "typical_upfront_fee", 0.02, 2024),
        ("PE", "micro_tea_average", 0.5593, 2025),
        ("PE", "legal_rate_cap", 1.13, 2025),
        ("BO", "productive_rate_cap", 0.115, 2013),
        ("EC", "micro_rate_cap", 0.285, 2018),
        ("GH", "mfi_rate_low", 0.48, 2013),
        ("GH", "mfi_rate_high", 0.78, 2013),
        ("GH", "bank_average_lending_rate", 0.3178, 2023),
        ("TN", "average_effective_rate", 0.257, 2024),
    ])
    def test_content_figures(self, code, key, value, year):
        fact = get_country(code).fact(key)
        assert (fact.value, fact.year) == (value, year)
        assert fact.unit in ("annual_rate", "fraction")

    def test_ecuador_cap_is_flagged_unverified(self):
        # CONTENT.md: "28.5% (2018; current cap unverified)"
        assert get_country("EC").fact("micro_rate_cap").verified is False

    def test_tunisia_usury_rule_is_text(self):
        fact = get_country("TN").fact("usury_rule")
        assert fact.unit == "text" and fact.value is None and fact.year == 2025

    def test_italy_remittance_costs(self):
        # CONTENT.md: 4.6% average, 4.27% online, 5.18% agency (mandasoldiacasa.it, May 2022)
        costs = {k: ITALY_REMITTANCE_FACTS[k].value for k in
                 ("average_cost_150_eur", "online_cost_150_eur", "agency_cost_150_eur")}
        assert costs == {"average_cost_150_eur": 0.046, "online_cost_150_eur": 0.0427,
                         "agency_cost_150_eur": 0.0518}
        assert all(ITALY_REMITTANCE_FACTS[k].year == 2022 for k in costs)

    def test_fact_rejects_bad_unit(self):
        with pytest.raises(ValueError, match="unit must be one of"):
            Fact(0.1, "percent", "label", "source", 2020)

    def test_fact_rejects_nan(self):
        with pytest.raises(ValueError, match="finite number"):
            Fact(float("nan"), "annual_rate", "label", "source", 2020)

    def test_text_fact_has_no_value(self):
        with pytest.raises(ValueError, match="text fact has no value"):
            Fact(1.0, "text", "label", "source", 2020)


class TestExamples:
    @pytest.mark.parametrize("country", all_countries(), ids=lambda c: c.code)
    def test_example_loan_shape(self, country):
        loan = country.example_loan
        assert set(loan) == LOAN_KEYS
        assert isinstance(loan["periods"], int) and loan["periods"] >= 1
        assert loan["amount"] > 0 and 0 <= loan["annual_rate"] < 5
        assert 0 <= loan["upfront_fee"] < 1 and 0 <= loan["compulsory_savings"] < 1

    @pytest.mark.parametrize("country", all_countries(), ids=lambda c: c.code)
    def test_example_loan_builds_a_finance_loan(self, country):
        finance = pytest.importorskip("ritorno.finance")
        loan = finance.Loan(**country.example_loan)
        assert loan.instalment > 0

    def test_vocabulary_matches_finance(self):
        loans = pytest.importorskip("ritorno.finance._loans")
        assert profiles.LOAN_METHODS == loans.METHODS
        assert profiles.RATE_TYPES == loans.RATE_TYPES
        assert set(profiles.FREQUENCIES) == set(loans.PERIODS_PER_YEAR)

    def test_senegal_worked_example(self):
        # CONTENT.md worked example: 1,000,000 XOF, 12 months, 18% declining, 2% fee
        loan = get_country("SN").example_loan
        assert (loan["amount"], loan["annual_rate"], loan["periods"], loan["method"],
                loan["upfront_fee"]) == (1_000_000, 0.18, 12, "declining", 0.02)

    def test_ghana_worked_example(self):
        # CONTENT.md: GHS 10,000, 4% a month flat, 26 weekly instalments, 3% fee
        loan = get_country("GH").example_loan
        assert (loan["amount"], loan["annual_rate"], loan["periods"], loan["frequency"],
                loan["method"], loan["upfront_fee"]) == (10_000, 0.48, 26, "weekly", "flat", 0.03)

    def test_peru_worked_example(self):
        # CONTENT.md: S/ 8,000 at TEA 45%, 12 months
        loan = get_country("PE").example_loan
        assert (loan["amount"], loan["annual_rate"], loan["rate_type"]) == (8000, 0.45, "effective")

    @pytest.mark.parametrize("country", all_countries(), ids=lambda c: c.code)
    def test_prices_and_household(self, country):
        assert country.example_prices
        assert all(isinstance(v, float) and v > 0 for v in country.example_prices.values())
        household = country.household_example
        assert set(household) == {"income", "spending"}
        for kind in ("income", "spending"):
            assert household[kind] and all(isinstance(v, float) and v >= 0 for v in household[kind].values())


class TestValidation:
    """A broken data file is reported with the file name and the key."""

    @pytest.fixture
    def data_dir(self, tmp_path, monkeypatch):
        for path in profiles._DATA_DIR.glob("*.toml"):
            shutil.copy(path, tmp_path / path.name)
        monkeypatch.setattr(profiles, "_DATA_DIR", tmp_path)
        profiles._load_country.cache_clear()
        yield tmp_path
        profiles._load_country.cache_clear()

    @staticmethod
    def _edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def test_missing_key(self, data_dir):
        self._edit(data_dir / "sn.toml", 'currency = "XOF"\n', "")
        with pytest.raises(ValueError, match=r"^sn\.toml: key 'currency' is missing$"):
            get_country("SN")

    def test_missing_fact_source(self, data_dir):
        self._edit(data_dir / "pe.toml", 'source = "SBS (Superintendencia de Banca, Seguros y AFP)"\n', "")
        with pytest.raises(ValueError, match=r"^pe\.toml: key 'facts\.micro_tea_average\.source' is missing$"):
            get_country("PE")

    def test_wrong_type(self, data_dir):
        self._edit(data_dir / "gh.toml", "periods = 26", 'periods = "26"')
        with pytest.raises(ValueError, match=r"^gh\.toml: key 'example_loan\.periods' must be an integer"):
            get_country("GH")

    def test_year_must_be_integer(self, data_dir):
        self._edit(data_dir / "bo.toml", "year = 2013", 'year = "2013"')
        with pytest.raises(ValueError, match=r"bo\.toml: key 'facts\.productive_rate_cap\.year'"):
            get_country("BO")

    def test_bad_method(self, data_dir):
        self._edit(data_dir / "ec.toml", 'method = "declining"', 'method = "annuity"')
        with pytest.raises(ValueError, match=r"ec\.toml: key 'example_loan\.method' must be one of"):
            get_country("EC")

    def test_not_toml(self, data_dir):
        (data_dir / "tn.toml").write_text("code = ", encoding="utf-8")
        with pytest.raises(ValueError, match=r"^tn\.toml: not valid TOML"):
            get_country("TN")
