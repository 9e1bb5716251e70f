"""The graded exercise form: typing, checking, saving, reloading, and what the trainee is told."""
from __future__ import annotations

import json

import ipywidgets as widgets
import pytest

from ritorno.answers import AnswerStore
from ritorno.curriculum import m09
from ritorno.ui import ExerciseForm, ExerciseFormModel, exercise_form

from .ui_reference import plain

NOTHING_SAVED = "Nothing saved yet. Fill in the boxes and press Save."
FIX_FIRST = "Correct the boxes marked in red first: nothing was saved."


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No grading mode, English widgets, answers beside the notebook, whatever the shell sets."""
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def store(tmp_path) -> AnswerStore:
    """An empty answer store beside a temporary notebook."""
    return AnswerStore(tmp_path / "answers")


def shown(form: ExerciseForm) -> dict[str, object]:
    """What each box of the form shows, read from its widget tree (field order)."""
    boxes = [child for child in form.children if isinstance(child, (widgets.Text, widgets.RadioButtons))]
    return {field.name: box.value for field, box in zip(form.model.exercise.fields, boxes, strict=True)}


def saved_values(store: AnswerStore, exercise) -> dict:
    return json.loads(store.path_for(exercise.exercise_id).read_text(encoding="utf-8"))["values"]


@pytest.fixture
def afford(store) -> ExerciseForm:
    """A fresh form for “Can Aminata's family afford this instalment?”."""
    return ExerciseForm(ExerciseFormModel(m09.AFFORD, store))


def fill_afford(form: ExerciseForm) -> None:
    """The right answer, typed the French way (as in Senegal)."""
    form.type_into("net_income", "270 000")
    form.type_into("instalment", "91 680")
    form.type_into("income_share", "33,96")
    form.type_into("stressed_surplus", "60 000")
    form.type_into("decision", "no")


class TestFirstVisit:
    def test_nothing_saved_yet(self, afford):
        assert afford.model.status == NOTHING_SAVED
        assert afford.status.value == f"<div class='ritorno-note' style='color:#555'>{NOTHING_SAVED}</div>"

    def test_boxes_start_empty(self, afford):
        assert shown(afford) == {"net_income": "", "instalment": "", "income_share": "", "stressed_surplus": "",
                                 "decision": None}

    def test_money_boxes_show_the_currency_and_percent_boxes_a_percent_sign(self, afford):
        units = {child.description for child in afford.children if isinstance(child, widgets.Text)}
        assert units == {"XOF", "%"}

    def test_choices_are_radio_buttons_with_their_labels(self, afford):
        (radio,) = [child for child in afford.children if isinstance(child, widgets.RadioButtons)]
        assert radio.options == (("Yes", "yes"), ("No", "no"))


class TestSave:
    def test_saves_every_box(self, afford, store):
        fill_afford(afford)
        assert afford.save() is True
        assert store.path_for("m09_afford").is_file()
        assert saved_values(store, m09.AFFORD) == {"net_income": 270_000, "instalment": 91_680,
                                                   "income_share": 0.3396, "stressed_surplus": 60_000,
                                                   "decision": "no"}
        assert afford.status.value.startswith("<div class='ritorno-ok' style='color:#1e8449'>✔ Saved ")
        assert afford.model.status.endswith(". Your answers stay here when you come back.")

    def test_the_save_button_saves(self, afford, store):
        afford.type_into("net_income", "120000")
        afford.save_button.click()
        assert saved_values(store, m09.AFFORD) == {"net_income": 120_000}

    @pytest.mark.parametrize("typed", ["26,6", "26.6", " 26,6 "])
    def test_a_percent_is_stored_as_a_fraction(self, store, typed):
        form = ExerciseForm(ExerciseFormModel(m09.TRUE_COST, store))
        form.type_into("apr_a", typed)
        assert form.message_for("apr_a") == ""
        assert form.save()
        assert saved_values(store, m09.TRUE_COST) == {"apr_a": 0.266}

    @pytest.mark.parametrize("typed", ["26,6 %", "26.6%", " 26,6 % "])
    def test_a_percent_sign_is_accepted_in_a_percent_box(self, store, typed):
        model = ExerciseFormModel(m09.TRUE_COST, store)
        model.set_value("apr_a", typed)
        assert model.errors == {}
        assert model.save()
        assert saved_values(store, m09.TRUE_COST) == {"apr_a": 0.266}

    @pytest.mark.parametrize(("name", "typed", "stored"), [
        ("income_share", "1000", 10.0), ("income_share", "-1000", -10.0),
        ("net_income", "1 000 000 000 000", 1e12), ("stressed_surplus", "-1 000 000 000 000", -1e12),
    ])
    def test_the_limits_themselves_can_be_saved(self, afford, store, name, typed, stored):
        afford.type_into(name, typed)
        assert afford.model.errors == {}
        assert afford.save()
        assert saved_values(store, m09.AFFORD) == {name: stored}

    def test_only_filled_boxes_are_saved(self, afford, store):
        afford.type_into("instalment", "91 680")
        afford.type_into("income_share", "")
        assert afford.save()
        assert saved_values(store, m09.AFFORD) == {"instalment": 91_680}

    def test_saving_again_replaces_the_answer(self, afford, store):
        fill_afford(afford)
        afford.save()
        afford.type_into("decision", "yes")
        afford.type_into("net_income", "")
        afford.save()
        values = saved_values(store, m09.AFFORD)
        assert values["decision"] == "yes" and "net_income" not in values

    def test_exercise_form_saves_beside_the_notebook(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        form = exercise_form(m09.TRUE_COST)
        assert isinstance(form, ExerciseForm)
        form.type_into("cheaper", "A")
        assert form.save()
        assert json.loads((tmp_path / "answers" / "m09_true_cost.json").read_text())["values"] == {"cheaper": "A"}


class TestBadInput:
    def test_text_gets_an_inline_message(self, afford):
        afford.type_into("net_income", "abc")
        assert plain(afford.message_for("net_income")) == (
            "<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ Please type a number, "
            "for example 1 500.</div>")
        assert afford.message_for("instalment") == ""

    def test_the_message_clears_when_corrected(self, afford):
        afford.type_into("income_share", "lots")
        afford.type_into("income_share", "50")
        assert afford.message_for("income_share") == ""
        assert afford.model.errors == {}

    def test_save_is_refused_and_the_file_kept(self, afford, store):
        fill_afford(afford)
        afford.save()
        before = store.path_for("m09_afford").read_bytes()
        afford.type_into("instalment", "abc")
        afford.type_into("decision", "yes")
        assert afford.save() is False
        assert afford.model.status == FIX_FIRST
        assert afford.status.value == (
            f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {FIX_FIRST}</div>")
        assert "Please type a number" in afford.message_for("instalment")
        assert store.path_for("m09_afford").read_bytes() == before

    def test_nothing_is_written_when_the_first_save_is_refused(self, afford, store):
        afford.type_into("net_income", "abc")
        assert not afford.save()
        assert not store.path_for("m09_afford").exists()

    def test_a_word_in_a_percent_box_asks_for_a_percentage(self, afford):
        afford.type_into("income_share", "a third")
        assert plain(afford.message_for("income_share")) == (
            "<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ Please type a percentage, "
            "for example 18,5.</div>")

    @pytest.mark.parametrize(("name", "typed", "message"), [
        ("income_share", "1000000", "1000000 is too large: type at most 1 000."),
        ("income_share", "1000,5", "1000,5 is too large: type at most 1 000."),
        ("income_share", "-1000,5", "-1000,5 is too small: type at least -1 000."),
        ("net_income", "1000000000001", "1000000000001 is too large: type at most 1 000 000 000 000."),
        ("stressed_surplus", "-1000000000001", "-1000000000001 is too small: type at least -1 000 000 000 000."),
        ("instalment", "1" + "0" * 40, "100000000000000000… is too large: type at most 1 000 000 000 000."),
    ])
    def test_an_out_of_range_number_is_flagged_under_its_box(self, afford, name, typed, message):
        afford.type_into(name, typed)
        assert {box: plain(text) for box, text in afford.model.errors.items()} == {name: message}
        assert plain(afford.message_for(name)) == (
            f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>")

    def test_an_out_of_range_percent_is_not_saved(self, afford, store):
        afford.type_into("income_share", "1000000")
        assert afford.save() is False
        assert afford.model.status == FIX_FIRST
        assert not store.path_for("m09_afford").exists()

    def test_a_save_failure_is_reported_not_raised(self, tmp_path):
        (tmp_path / "answers").write_text("a file where the answers folder should be", encoding="utf-8")
        form = ExerciseForm(ExerciseFormModel(m09.AFFORD, AnswerStore(tmp_path / "answers")))
        form.type_into("decision", "no")
        assert form.save() is False
        assert form.model.status.startswith("Your answers could not be saved. Ask your trainer for help. "
                                            "(For your trainer: ")
        assert form.status.value.startswith("<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ "
                                            "Your answers could not be saved.")

    def test_the_save_failure_status_reads_cleanly(self, store, monkeypatch):
        def disk_full(*args, **kwargs):
            raise OSError("No space left on device")

        model = ExerciseFormModel(m09.AFFORD, store)
        model.set_value("decision", "no")
        monkeypatch.setattr(store, "save", disk_full)
        assert model.save() is False
        assert model.status == ("Your answers could not be saved. Ask your trainer for help. "
                                "(For your trainer: No space left on device)")


class TestReload:
    def test_saved_texts_come_back(self, afford, store):
        fill_afford(afford)
        afford.save()
        again = ExerciseForm(ExerciseFormModel(m09.AFFORD, store))
        assert {name: plain(text) if isinstance(text, str) else text for name, text in shown(again).items()} == {
            "net_income": "270 000", "instalment": "91 680", "income_share": "33,96", "stressed_surplus": "60 000",
            "decision": "no"}
        assert again.model.status.startswith("Your saved answers are back (saved ")
        assert again.status.value.startswith("<div class='ritorno-note' style='color:#555'>Your saved answers are back")

    def test_a_partial_answer_comes_back_partial(self, afford, store):
        afford.type_into("income_share", "26.6")
        afford.save()
        again = ExerciseFormModel(m09.AFFORD, store)
        assert again.values == {"net_income": None, "instalment": None, "income_share": "26,6",
                                "stressed_surplus": None, "decision": None}

    def test_reloaded_texts_save_the_same_values(self, afford, store):
        fill_afford(afford)
        afford.save()
        first = saved_values(store, m09.AFFORD)
        assert ExerciseFormModel(m09.AFFORD, store).save()
        assert saved_values(store, m09.AFFORD) == first

    def test_a_corrupt_file_is_reported_not_raised(self, store):
        path = store.path_for("m09_afford")
        path.parent.mkdir(parents=True)
        path.write_text("this is not JSON", encoding="utf-8")
        form = ExerciseForm(ExerciseFormModel(m09.AFFORD, store))
        assert form.model.status == (
            "Your saved answers could not be read. Type them again and press Save. (For your trainer: The answer "
            "file 'm09_afford.json' is not valid JSON (error at line 1, column 1).)")
        assert shown(form)["net_income"] == ""

    def test_saving_over_a_corrupt_file_repairs_it(self, store):
        path = store.path_for("m09_afford")
        path.parent.mkdir(parents=True)
        path.write_text("{", encoding="utf-8")
        form = ExerciseForm(ExerciseFormModel(m09.AFFORD, store))
        form.type_into("decision", "yes")
        assert form.save()
        assert saved_values(store, m09.AFFORD) == {"decision": "yes"}

    def test_the_corrupt_file_status_reads_cleanly(self, store):
        path = store.path_for("m09_afford")
        path.parent.mkdir(parents=True)
        path.write_text("this is not JSON", encoding="utf-8")
        status = ExerciseFormModel(m09.AFFORD, store).status
        assert status.startswith("Your saved answers could not be read. Type them again and press Save. ")
        assert ".)." not in status and ".." not in status


class TestModel:
    def test_unknown_field_is_a_programming_error(self, store):
        model = ExerciseFormModel(m09.AFFORD, store)
        with pytest.raises(ValueError, match="has no field 'salary'"):
            model.set_value("salary", "1")

    def test_empty_boxes_are_not_errors(self, store):
        model = ExerciseFormModel(m09.AFFORD, store)
        model.set_value("net_income", "   ")
        assert model.errors == {}
        assert model.save()
        assert not store.path_for("m09_afford").read_text().count("net_income")
