"""Tests for ritorno.i18n: catalogs, translators, formatting and parsing."""
from __future__ import annotations

import math
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from babel.messages.pofile import read_po

import ritorno.i18n as i18n
import ritorno.i18n._catalog as catalog
from ritorno.i18n import (
    N_,
    SUPPORTED_LANGUAGES,
    InvalidAmount,
    format_money,
    format_number,
    format_percent,
    parse_amount,
    translator,
)
from ritorno.i18n.__main__ import main

# -- strategies ------------------------------------------------------------
LOCALES = ["en", "fr_SN", "es_PE"]
cents = st.integers(min_value=-10**13, max_value=10**13)
whole = st.integers(min_value=-10**12, max_value=10**12)

WIDGETS_DIR = Path(catalog.PACKAGE_DIR).parent


def plain(text: str) -> str:
    """Babel's non-breaking spaces as plain spaces, for readable assertions."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


class TestPublicApi:
    def test_all(self):
        assert set(i18n.__all__) == {"translator", "N_", "format_money", "format_number", "format_percent",
                                     "parse_amount", "SUPPORTED_LANGUAGES", "InvalidAmount"}

    def test_supported_languages(self):
        assert SUPPORTED_LANGUAGES[0] == "en"
        assert "en" in SUPPORTED_LANGUAGES

    def test_no_jupyter_imports(self):
        code = ("import sys, ritorno.i18n, ritorno.countries; "
                "bad = [m for m in sys.modules if m.split('.')[0] in "
                "('ipywidgets', 'IPython', 'ipykernel', 'jupyter_client', 'traitlets')]; "
                "print(bad); sys.exit(1 if bad else 0)")
        result = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


class TestTranslator:
    def test_english_returns_msgid(self):
        assert translator("en").gettext("Hello") == "Hello"

    def test_plural(self):
        t = translator("en")
        assert t.ngettext("{n} month", "{n} months", 1).format(n=1) == "1 month"
        assert t.ngettext("{n} month", "{n} months", 5).format(n=5) == "5 months"

    def test_cached(self):
        assert translator("en") is translator("en")

    @pytest.mark.parametrize("language", ["xx", "zz_ZZ", "", "EN", "en-GH", "en_GH"])
    def test_fallback_to_english(self, language):
        assert translator(language) is translator("en")

    def test_n_marker(self):
        assert N_("Monthly instalment") == "Monthly instalment"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(WIDGETS_DIR), env.get("PYTHONPATH")]))
    return env


class TestCatalogUpToDate:
    def test_check_passes(self):
        result = catalog.check_catalogs()
        assert result.ok, "\n".join(result.problems) + "\nRun: python -m ritorno.i18n update"

    def test_cli_check_exit_code(self):
        result = subprocess.run([sys.executable, "-m", "ritorno.i18n", "check"], env=_env(),
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("catalogs up to date")

    def test_format_messages_are_extracted(self):
        ids = {m.id for m in catalog.extract_messages()}
        assert "Please type a number, for example {example}." in ids
        assert "This box is empty: please type an amount." in ids

    def test_help(self, capsys):
        with pytest.raises(SystemExit) as info:
            main(["--help"])
        assert info.value.code == 0
        assert "update" in capsys.readouterr().out

    def test_missing_command(self, capsys):
        with pytest.raises(SystemExit) as info:
            main([])
        assert info.value.code == 2


class TestCatalogTooling:
    """update / check / init on a throw-away package and locale folder."""

    @pytest.fixture
    def project(self, tmp_path, monkeypatch):
        package = tmp_path / "src" / "demo"
        package.mkdir(parents=True)
        (package / "a.py").write_text('from x import N_\nA = N_("Hello")\n', encoding="utf-8")
        locale_dir = tmp_path / "locale"
        monkeypatch.setattr(catalog, "PACKAGE_DIR", package)
        monkeypatch.setattr(catalog, "LOCALE_DIR", locale_dir)
        catalog._load_translator.cache_clear()
        translator.cache_clear()
        yield package, locale_dir
        catalog._load_translator.cache_clear()
        translator.cache_clear()

    def test_round_trip(self, project, capsys):
        package, locale_dir = project
        assert main(["check"]) == 1                      # no template yet
        assert main(["update"]) == 0
        assert (locale_dir / "ritorno.pot").is_file()
        assert main(["init", "it"]) == 0
        po = locale_dir / "it" / "LC_MESSAGES" / "ritorno.po"
        po.write_text(po.read_text(encoding="utf-8").replace(
            'msgid "Hello"\nmsgstr ""', 'msgid "Hello"\nmsgstr "Ciao"'), encoding="utf-8")
        assert main(["check"]) == 0
        assert catalog.available_languages() == ("it",)
        assert translator("it").gettext("Hello") == "Ciao"    # a .po is enough

        # a new string in the code: check fails, naming it, until update
        (package / "b.py").write_text('_("Goodbye")\n', encoding="utf-8")
        capsys.readouterr()
        assert main(["check"]) == 1
        err = capsys.readouterr().err
        assert "ritorno.pot lacks 1 message(s) found in the code: 'Goodbye'" in err
        assert "Run: python -m ritorno.i18n update" in err
        assert main(["update"]) == 0
        assert main(["check"]) == 0
        text = po.read_text(encoding="utf-8")
        assert 'msgstr "Ciao"' in text and 'msgid "Goodbye"' in text   # translation kept

    def test_update_twice_writes_nothing(self, project, capsys):
        main(["update"])
        pot = project[1] / "ritorno.pot"
        before = pot.read_bytes()
        capsys.readouterr()
        main(["update"])
        assert capsys.readouterr().out.strip() == "catalogs already up to date"
        assert pot.read_bytes() == before

    def test_line_numbers_do_not_matter(self, project):
        package, _ = project
        main(["update"])
        (package / "a.py").write_text('\n\n\nfrom x import N_\nA = N_("Hello")\n', encoding="utf-8")
        assert catalog.check_catalogs().ok

    def test_removed_message_is_reported(self, project):
        package, _ = project
        main(["update"])
        (package / "a.py").write_text("A = 1\n", encoding="utf-8")
        result = catalog.check_catalogs()
        assert not result.ok
        assert result.problems[0] == "ritorno.pot has 1 message(s) no longer in the code: 'Hello'"

    def test_init_twice(self, project, capsys):
        main(["update"])
        assert main(["init", "fr"]) == 0
        assert main(["init", "fr"]) == 1
        assert "exists already" in capsys.readouterr().err


class TestFormatMoney:
    def test_xof_has_no_decimals(self):
        assert plain(format_money(1234.5, "XOF", "fr_SN")) == "1 235 F CFA"   # half-up

    def test_xof_exact_characters(self):
        assert format_money(1234.5, "XOF", "fr_SN") == "1\u202f235\xa0F\u202fCFA"

    def test_tnd_has_three_decimals(self):
        assert plain(format_money(1234.5, "TND", "fr_TN")) == "1 234,500 DT"
        assert plain(format_money(0.0005, "TND", "fr_TN")) == "0,001 DT"

    def test_ghs_has_two_decimals(self):
        assert format_money(1234.5, "GHS", "en_GH") == "GH₵1,234.50"
        assert format_money(0.125, "GHS", "en_GH") == "GH₵0.13"             # half-up

    @pytest.mark.parametrize(("amount", "currency", "locale", "expected"), [
        (810.66, "PEN", "es_PE", "S/ 810.66"),
        (1234.5, "BOB", "es_BO", "Bs1.234,50"),
        (3000, "USD", "es_EC", "$3.000,00"),
        (150, "EUR", "it", "150,00 €"),
    ])
    def test_other_currencies(self, amount, currency, locale, expected):
        assert plain(format_money(amount, currency, locale)) == expected

    def test_no_negative_zero(self):
        assert plain(format_money(-0.4, "XOF", "fr_SN")) == "0 F CFA"

    def test_negative(self):
        assert plain(format_money(-91680, "XOF", "fr_SN")) == "-91 680 F CFA"

    @pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
    def test_nan_and_inf(self, bad):
        with pytest.raises(ValueError, match="finite"):
            format_money(bad, "XOF", "fr_SN")

    def test_unknown_currency(self):
        with pytest.raises(ValueError, match="Unknown currency code 'ABC'"):
            format_money(1, "ABC", "en")

    def test_unknown_locale(self):
        with pytest.raises(ValueError, match="Unknown locale 'xx_YY'"):
            format_money(1, "XOF", "xx_YY")

    @settings(max_examples=200, deadline=None, database=None)
    @given(amount=st.floats(allow_nan=False, allow_infinity=False),
           currency=st.sampled_from(["XOF", "GHS", "TND", "BOB", "PEN", "USD"]),
           locale=st.sampled_from(["en_GH", "fr_SN", "fr_TN", "es_BO", "es_PE", "es_EC"]))
    def test_never_raises_for_finite(self, amount, currency, locale):
        assert isinstance(format_money(amount, currency, locale), str)


class TestFormatNumberAndPercent:
    def test_percent_fr(self):
        assert plain(format_percent(0.219, "fr_SN", digits=1)) == "21,9 %"

    @pytest.mark.parametrize(("fraction", "locale", "digits", "expected"), [
        (0.18, "en", 0, "18%"),
        (0.5593, "es_PE", 2, "55.93%"),
        (0.2655, "en", 1, "26.6%"),        # half-up
        (1.13, "es_BO", 1, "113,0%"),
        (0.0427, "it", 2, "4,27%"),
    ])
    def test_percent(self, fraction, locale, digits, expected):
        assert plain(format_percent(fraction, locale, digits=digits)) == expected

    @pytest.mark.parametrize(("number", "locale", "digits", "expected"), [
        (1234.5, "en", None, "1,234.5"),
        (1234.5, "fr_SN", None, "1 234,5"),
        (1234.5, "es_BO", 2, "1.234,50"),
        (0.12345, "en", None, "0.123"),
        (1234.5, "en", 0, "1,235"),
        (-0.0001, "en", None, "0"),
    ])
    def test_number(self, number, locale, digits, expected):
        assert plain(format_number(number, locale, digits=digits)) == expected

    @pytest.mark.parametrize("bad", [math.nan, math.inf])
    def test_nan_inf(self, bad):
        with pytest.raises(ValueError):
            format_number(bad, "en")
        with pytest.raises(ValueError):
            format_percent(bad, "en")

    @pytest.mark.parametrize("digits", [-1, 1.5, True])
    def test_bad_digits(self, digits):
        with pytest.raises(ValueError, match="digits must be a whole number"):
            format_number(1, "en", digits=digits)


class TestParseAmount:
    @pytest.mark.parametrize(("text", "locale", "expected"), [
        ("1 000 000", "fr_SN", 1_000_000.0),
        ("1\u202f000\u202f000", "fr_SN", 1_000_000.0),
        ("1000000", "fr_SN", 1_000_000.0),
        ("1000000", "en", 1_000_000.0),
        ("1,000,000.50", "en", 1_000_000.5),
        ("1,000,000.50", "fr_SN", 1_000_000.5),
        ("1 000 000,50", "fr_SN", 1_000_000.5),
        ("1.000.000,50", "es_BO", 1_000_000.5),
        ("1,000,000.50", "es_PE", 1_000_000.5),
        ("  250  ", "en", 250.0),
        ("91 680 F CFA", "fr_SN", 91_680.0),
        ("F CFA 91 680", "fr_SN", 91_680.0),
        ("XOF 91680", "fr_SN", 91_680.0),
        ("S/ 810.66", "es_PE", 810.66),
        ("GH₵1,234.50", "en_GH", 1234.5),
        ("GHS 10,000", "en_GH", 10_000.0),
        ("1 234,500 DT", "fr_TN", 1234.5),
        ("Bs 1.234,50", "es_BO", 1234.5),
        ("$3.000,00", "es_EC", 3000.0),
        ("1,5", "fr_SN", 1.5),
        ("1.5", "en", 1.5),
        ("1,000", "en", 1000.0),
        ("1.000", "es_BO", 1000.0),
        ("-1 234,5", "fr_SN", -1234.5),
        ("0", "en", 0.0),
        ("-0", "en", 0.0),
    ])
    def test_good(self, text, locale, expected):
        assert parse_amount(text, locale) == expected

    @pytest.mark.parametrize("text", ["", "   ", "\xa0"])
    def test_empty(self, text):
        with pytest.raises(InvalidAmount) as info:
            parse_amount(text, "fr_SN")
        assert str(info.value) == "This box is empty: please type an amount."

    @pytest.mark.parametrize("text", ["abc", "ten thousand", "NaN", "nan", "inf", "-inf", "Infinity",
                                      "1e5", "12abc", "1,00,0", "1.2.3", "--5", "5-", "1 000 F CFA abc",
                                      "9" * 400])
    def test_bad_en(self, text):
        with pytest.raises(InvalidAmount) as info:
            parse_amount(text, "en")
        assert str(info.value) == "Please type a number, for example 1,500."

    def test_bad_example_follows_locale(self):
        with pytest.raises(InvalidAmount) as info:
            parse_amount("abc", "fr_SN")
        assert plain(str(info.value)) == "Please type a number, for example 1 500."
        with pytest.raises(InvalidAmount) as info:
            parse_amount("abc", "es_BO")
        assert str(info.value) == "Please type a number, for example 1.500."

    def test_is_value_error(self):
        assert issubclass(InvalidAmount, ValueError)
        with pytest.raises(ValueError):
            parse_amount("abc", "en")

    def test_keeps_the_text(self):
        with pytest.raises(InvalidAmount) as info:
            parse_amount("abc", "en")
        assert info.value.text == "abc"

    def test_unknown_locale_is_a_programming_error(self):
        with pytest.raises(ValueError, match="Unknown locale 'xx_YY'") as info:
            parse_amount("12", "xx_YY")
        assert not isinstance(info.value, InvalidAmount)

    def test_message_speaks_the_language(self):
        with pytest.raises(InvalidAmount, match="^Cette case est vide\u00a0: veuillez taper un montant.$"):
            parse_amount("", "fr_SN", language="fr")

    def test_language_without_catalog_falls_back_to_english(self):
        with pytest.raises(InvalidAmount, match="^This box is empty: please type an amount.$"):
            parse_amount("", "de_DE", language="de")

    @settings(max_examples=300, deadline=None, database=None)
    @given(n=cents, locale=st.sampled_from(LOCALES))
    def test_round_trip_two_decimals(self, n, locale):
        value = n / 100
        assert parse_amount(format_number(value, locale, digits=2), locale) == value

    @settings(max_examples=300, deadline=None, database=None)
    @given(n=whole, locale=st.sampled_from(LOCALES))
    def test_round_trip_whole(self, n, locale):
        assert parse_amount(format_number(n, locale), locale) == float(n)

    @settings(max_examples=200, deadline=None, database=None)
    @given(n=cents, currency=st.sampled_from(["GHS", "PEN", "USD"]),
           locale=st.sampled_from(["en_GH", "es_PE", "es_EC", "es_BO"]))
    def test_round_trip_money(self, n, currency, locale):
        value = n / 100
        assert parse_amount(format_money(value, currency, locale), locale) == value


class TestTranslations:
    """Every language we offer is complete and keeps each message's placeholders."""

    PLACEHOLDER = re.compile(r"\{[^{}]*\}")

    @staticmethod
    def _entries(language):
        with catalog._po_path(language).open("rb") as stream:
            return [message for message in read_po(stream, locale=language) if message.id]

    @pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
    def test_every_message_is_translated(self, language):
        untranslated = [message.id for message in self._entries(language)
                        if message.fuzzy or not all(text.strip() for text in
                                   (message.string if isinstance(message.string, tuple) else (message.string,)))]
        assert untranslated == []

    @pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
    def test_placeholders_are_kept(self, language):
        changed = []
        for message in self._entries(language):
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(self.PLACEHOLDER.findall(ids[-1]))
            for text in strings:
                # a singular may say "one" instead of {n}; no translation may add a placeholder
                if not set(self.PLACEHOLDER.findall(text)) <= wanted or (
                        len(strings) == 1 and set(self.PLACEHOLDER.findall(text)) != wanted):
                    changed.append((ids[0], text))
        assert changed == []

    def test_french_and_spanish_are_offered(self):
        assert {"en", "fr", "es"} <= set(SUPPORTED_LANGUAGES)


def test_no_message_is_hidden_inside_an_f_string() -> None:
    """Babel cannot see ``_("...")`` inside an f-string: such a message would never be translated."""
    import tokenize

    hidden = []
    for path in sorted(catalog.PACKAGE_DIR.rglob("*.py")):
        with path.open("rb") as source:
            for token in tokenize.tokenize(source.readline):
                if token.type == tokenize.STRING and re.match(r"(?i)[rb]*f", token.string) and re.search(
                        r"\{[^{}]*\b(_|gettext|ngettext)\(\s*['\"]", token.string):
                    hidden.append(f"{path.name}:{token.start[0]}")
    assert hidden == []
