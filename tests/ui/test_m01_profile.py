"""Module 1's profile (read by every later module) and readiness check."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStatus, AnswerStore
from ritorno.countries import COUNTRY_CODES
from ritorno.curriculum import m01
from ritorno.ui._boxes import CountryPicker
from ritorno.ui import PROFILE_RECORD, profile_country
from ritorno.ui.profile_form import ProfileForm, ProfileModel, ReadinessCheck, ReadinessModel, profile_form, \
    readiness_check

NOT_SAVED = ("<div class='ritorno-note' style='color:#555'>Not saved yet: correct the boxes marked in red. Later "
             "modules use your country once your profile is saved.</div>")


def error(message: str) -> str:
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>"


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


class TestProfileModel:
    def test_record_is_the_one_later_modules_read(self):
        assert ProfileModel.record_id == PROFILE_RECORD == "m01_profile"
        assert ProfileModel.persisted == ("country", "first_name", "household_size", "business_idea")

    def test_valid_profile(self):
        model = ProfileModel(country="GH", first_name="Kwame", household_size="6",
                             business_idea="Motorbike repair at Suame Magazine")
        assert model.errors == {}
        assert model.size == 6

    def test_name_and_idea_may_stay_empty(self):
        assert ProfileModel(household_size="1").errors == {}

    @pytest.mark.parametrize(("text", "message"), [
        ("", "This box is empty: please type a whole number, for example 4."),
        ("  ", "This box is empty: please type a whole number, for example 4."),
        ("four", "Please type a whole number, for example 4."),
        ("2.5", "Please type a whole number, for example 4."),
        ("1e40", "Please type a whole number, for example 4."),
        ("0", "0 is too small: type at least 1."),
        ("-3", "-3 is too small: type at least 1."),
        ("51", "51 is too large: type at most 50."),
        ("1" * 25, "111111111111111111… is too large: type at most 50."),
    ])
    def test_household_size_messages(self, text, message):
        model = ProfileModel(country="GH", household_size=text)
        assert model.errors == {"household_size": message}
        assert model.size is None

    @pytest.mark.parametrize("text", ["1", "50", " 6 ", "6.0"])
    def test_household_size_limits_are_allowed(self, text):
        assert ProfileModel(household_size=text).errors == {}

    def test_a_long_name_is_refused(self):
        model = ProfileModel(household_size="4", first_name="K" * 41)
        assert model.errors == {"first_name": "This is too long: keep it to 40 characters or fewer (now 41)."}

    def test_a_long_idea_is_refused(self):
        model = ProfileModel(household_size="4", business_idea="x" * 201)
        assert model.errors == {"business_idea": "This is too long: keep it to 200 characters or fewer (now 201)."}

    def test_spaces_around_do_not_count(self):
        assert ProfileModel(household_size="4", business_idea=" " * 10 + "x" * 200 + " " * 10).errors == {}

    def test_country_codes_are_normalised(self):
        assert ProfileModel(country="gh", household_size="2").country == "GH"
        assert ProfileModel(country="Italy", household_size="2").country == "SN"


class TestKeepingTheProfile:
    def test_later_modules_read_the_country(self, tmp_path):
        store = AnswerStore(tmp_path)
        model = ProfileModel(store=store, country="GH")
        assert profile_country(store, fallback="PE") == "PE"  # nothing valid typed yet: nothing saved
        model.household_size = "6"
        assert profile_country(store) == "GH"
        model.country = "BO"
        assert profile_country(store) == "BO"

    def test_a_second_model_gets_the_profile_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = ProfileModel(store=store, country="GH")
        first.first_name = "Kwame"
        first.household_size = "6"
        first.business_idea = "Motorbike repair"
        second = ProfileModel(store=store)
        assert (second.country, second.first_name, second.household_size, second.business_idea) == (
            "GH", "Kwame", "6", "Motorbike repair")
        assert second.saved

    def test_invalid_input_is_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = ProfileModel(store=store, country="GH")
        first.household_size = "6"
        first.household_size = "sixty"
        assert not first.saved
        assert store.load(PROFILE_RECORD).get("household_size") == "6"
        assert ProfileModel(store=store).household_size == "6"

    def test_a_damaged_country_is_not_passed_on(self, tmp_path):
        store = AnswerStore(tmp_path)
        store.save(PROFILE_RECORD, {"country": "ZZ", "household_size": "3"})
        assert ProfileModel(store=store).country == "SN"


class TestProfileForm:
    def test_country_dropdown_offers_every_country(self):
        form = ProfileForm(country="GH")
        dropdown = next(child for child in form.children if isinstance(child, CountryPicker)).dropdown
        assert [value for _label, value in dropdown.options] == list(COUNTRY_CODES)
        assert dropdown.value == "GH"
        dropdown.value = "PE"
        assert form.model.country == "PE"

    def test_bad_household_size_shows_under_its_box(self):
        form = ProfileForm(country="GH")
        form.type_into("household_size", "many")
        assert form.message_for("household_size") == error("Please type a whole number, for example 4.")
        assert form.message_for("first_name") == form.message_for("business_idea") == ""
        assert form.status.value == NOT_SAVED

    def test_long_idea_shows_under_its_area(self):
        form = ProfileForm(country="GH")
        form.type_into("business_idea", "y" * 250)
        assert form.message_for("business_idea") == error(
            "This is too long: keep it to 200 characters or fewer (now 250).")

    def test_status_says_what_is_kept(self, tmp_path):
        form = ProfileForm(country="GH", store=AnswerStore(tmp_path))
        assert form.status.value == NOT_SAVED  # household size still empty
        form.type_into("household_size", "6")
        assert form.status.value == ("<div class='ritorno-ok' style='color:#1e8449'>✔ Saved. Later modules will use "
                                     "Ghana and its currency (GHS).</div>")

    def test_without_a_store_the_profile_is_an_example(self):
        form = ProfileForm(country="GH")
        form.type_into("household_size", "3")
        assert form.status.value == ("<div class='ritorno-note' style='color:#555'>This profile is not kept: it is "
                                     "only an example.</div>")

    def test_factory_shows_the_saved_country(self, tmp_path, monkeypatch):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        AnswerStore(tmp_path).save(PROFILE_RECORD, {"country": "EC", "household_size": "2"})
        form = profile_form()
        assert (form.model.country, form.model.household_size) == ("EC", "2")
        assert form.model.saved

    def test_factory_saves_beside_the_notebook(self, tmp_path, monkeypatch):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        form = profile_form(country="TN")
        form.type_into("household_size", "5")
        assert AnswerStore(tmp_path).load(PROFILE_RECORD).status is AnswerStatus.SAVED
        assert profile_country(AnswerStore(tmp_path)) == "TN"


class TestReadiness:
    def test_every_statement_has_yes_and_no(self):
        check = ReadinessCheck()
        assert len(check.toggles) == len(m01.READINESS) == 6
        assert all([value for _label, value in toggle.options] == ["yes", "no"] for toggle in check.toggles)
        assert all(toggle.value is None for toggle in check.toggles)

    def test_asks_for_every_answer_first(self):
        check = ReadinessCheck()
        check.toggles[0].value = "yes"
        assert check.result.value == ("<div class='ritorno-note' style='color:#555'>Answer every statement to see "
                                      "where you stand (1 of 6 answered).</div>")

    def test_all_yes(self):
        check = ReadinessCheck()
        for toggle in check.toggles:
            toggle.value = "yes"
        assert check.result.value == ("<div class='ritorno-ok' style='color:#1e8449'>✔ You answered yes to every "
                                      "statement: you are ready to plan your business. The next modules test your "
                                      "idea and your numbers.</div>")

    def test_nearly_ready_lists_the_points_to_work_on(self):
        check = ReadinessCheck()
        for index, toggle in enumerate(check.toggles):
            toggle.value = "no" if index in (1, 4) else "yes"
        assert check.model.yes_count == 4
        assert check.result.value == (
            "<div class='ritorno-readiness-result'><p><b>You answered yes to 4 of 6. You are nearly ready: work on "
            "these points before you spend your savings:</b></p><ul><li>I know how my household will live in the "
            "first months, before the business earns money.</li><li>I keep part of my savings apart as a reserve "
            "for emergencies.</li></ul></div>")

    def test_not_ready(self):
        check = ReadinessCheck()
        for toggle in check.toggles:
            toggle.value = "no"
        assert "You answered yes to 0 of 6. Take time to prepare" in check.result.value
        assert check.result.value.count("<li>") == 6

    def test_answers_are_kept(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = ReadinessCheck(store=store)
        first.toggles[2].value = "yes"
        first.toggles[3].value = "no"
        second = ReadinessCheck(store=store)
        assert [toggle.value for toggle in second.toggles] == [None, None, "yes", "no", None, None]

    def test_a_damaged_answer_counts_as_unanswered(self):
        model = ReadinessModel(answer_1="maybe", answer_2="yes")
        assert (model.answer_1, model.answered, model.errors) == ("", 1, {})


@pytest.mark.parametrize("factory", [profile_form, readiness_check])
def test_nothing_is_built_while_nbgrader_grades(monkeypatch, factory):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert factory() is None


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=250) for box in
                                        ("first_name", "household_size", "business_idea")}))
    def test_any_text_in_every_box(self, texts):
        model = ProfileModel(country="GH")
        for box, text in texts.items():
            setattr(model, box, text)
        assert (model.size is None) == ("household_size" in model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=250) for box in
                                        ("first_name", "household_size", "business_idea")}))
    def test_only_valid_text_is_kept(self, tmp_path_factory, texts):
        store = AnswerStore(tmp_path_factory.mktemp("answers"))
        model = ProfileModel(store=store, country="GH")
        for box, text in texts.items():
            setattr(model, box, text)
        kept = store.load(PROFILE_RECORD)
        if not model.errors:
            assert kept.status is AnswerStatus.SAVED
            assert all(kept.get(box) == text for box, text in texts.items())
        if kept.status is AnswerStatus.SAVED:  # an earlier, valid state may be kept: never an invalid one
            assert ProfileModel(store=store).errors == {}
