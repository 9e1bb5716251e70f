"""Module 2's idea screening (weighted criteria) and SWOT."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ritorno.answers import AnswerStore
from ritorno.ui.idea_screening import (IdeaScreening, IdeaScreeningModel, SwotForm, SwotModel, chosen_idea,
                                       idea_screening, swot_analysis)
from ritorno.ui._idea_screening_model import IDEAS, SCORES, WEIGHTS

BOXES = (*IDEAS, *WEIGHTS, *SCORES)
FIX_THE_BOXES = "<div class='ritorno-note' style='color:#555'>Correct the boxes marked in red to see the results.</div>"
# Leila's example in Sfax (curriculum/data/m02.toml, illustrative), weights 5, 4, 4, 2, 3
TN_WEIGHTS = (5, 4, 4, 2, 3)
TN_SCORES = ((5, 4, 4, 2, 4), (2, 4, 2, 4, 4), (3, 3, 4, 3, 3))


def error(message: str) -> str:
    return f"<div class='ritorno-error' role='alert' style='color:#b03a2e'>⚠ {message}</div>"


def verdict(text: str) -> str:
    return f"<p class='ritorno-verdict' style='font-size:1.1em'>{text}</p>"


def weighted(weights, scores) -> float:
    """Σ weight × score, recomputed here."""
    total = 0
    for weight, score in zip(weights, scores):
        total += weight * score
    return float(total)


@pytest.fixture(autouse=True)
def outside_nbgrader_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NBGRADER_EXECUTION", "RITORNO_LANGUAGE", "RITORNO_ANSWERS_DIR"):
        monkeypatch.delenv(name, raising=False)


def typed(screening: IdeaScreening, weights, rows) -> None:
    """Type weights and one row of scores per idea into the grid."""
    for criterion, weight in enumerate(weights):
        screening.type_into(WEIGHTS[criterion], str(weight))
    for idea, row in enumerate(rows):
        for criterion, score in enumerate(row):
            screening.type_into(f"score_{idea + 1}_{criterion + 1}", str(score))


class TestExample:
    def test_tunisia_starts_with_leilas_ideas(self):
        model = IdeaScreeningModel(country="TN")
        assert model.names == ["Pastries for weddings", "Laundry and ironing", "Olive-oil soap sold online"]
        # 5·5 + 4·4 + 4·4 + 2·2 + 3·4 = 73; 5·2 + 4·4 + 4·2 + 2·4 + 3·4 = 54; 5·3 + 4·3 + 4·4 + 2·3 + 3·3 = 58
        assert model.totals == [weighted(TN_WEIGHTS, row) for row in TN_SCORES] == [73.0, 54.0, 58.0]
        assert model.best == [0]
        assert model.top_possible == 5 * sum(TN_WEIGHTS) == 90

    @pytest.mark.parametrize("code", ["GH", "SN", "TN", "BO", "PE", "EC"])
    def test_every_country_has_a_clear_example_winner(self, code):
        model = IdeaScreeningModel(country=code)
        assert model.errors == {}
        assert len(model.best) == 1
        assert all(name for name in model.names)

    def test_verdict_names_the_best(self):
        screening = IdeaScreening(country="TN")
        assert screening.verdict.value == verdict(
            "Pastries for weddings fits your criteria best: 73 points out of 90. Test it now with a SWOT.")
        assert [cell.value for cell in screening._total_cells] == ["<b>73</b>", "<b>54</b>", "<b>58</b>"]


class TestResults:
    def test_typed_scores_give_weighted_totals(self):
        screening = IdeaScreening(country="TN")
        weights, rows = (1, 2, 3, 4, 5), ((5, 5, 5, 5, 5), (1, 2, 3, 4, 5), (5, 4, 3, 2, 1))
        typed(screening, weights, rows)
        # 5·15 = 75; 1 + 4 + 9 + 16 + 25 = 55; 5 + 8 + 9 + 8 + 5 = 35
        assert screening.model.totals == [weighted(weights, row) for row in rows] == [75.0, 55.0, 35.0]
        assert screening.model.top_possible == 75
        assert screening.verdict.value == verdict(
            "Pastries for weddings fits your criteria best: 75 points out of 75. Test it now with a SWOT.")

    def test_a_tie_is_broken_by_the_heaviest_criterion(self):
        screening = IdeaScreening(country="TN")
        weights = (5, 1, 1, 1, 1)
        rows = ((4, 2, 2, 2, 2), (3, 3, 3, 3, 3), (1, 1, 1, 1, 1))  # 28, 27, 9
        typed(screening, weights, rows)
        screening.type_into("score_2_2", "4")  # 5·3 + 4 + 3 + 3 + 3 = 28: a tie with idea 1
        assert screening.model.totals == [28.0, 28.0, 9.0]
        assert screening.model.best == [0, 1]
        assert screening.verdict.value == verdict(
            "A tie: Pastries for weddings and Laundry and ironing share the best score, 28 points out of 45. The "
            "scores alone cannot choose. On what matters most to you (I know this trade), Pastries for weddings "
            "scores higher: look at it first, then test both with a SWOT.")

    def test_a_tie_on_every_count_leaves_it_to_the_swot(self):
        screening = IdeaScreening(country="TN")
        typed(screening, (3, 3, 1, 1, 1), ((5, 1, 3, 3, 3), (1, 5, 3, 3, 3), (4, 4, 3, 3, 3)))
        # 15 + 3 + 9 = 27 for ideas 1 and 2; 12 + 12 + 9 = 33 for idea 3: no tie yet
        assert screening.model.best == [2]
        screening.type_into("score_3_1", "3")
        screening.type_into("score_3_2", "3")  # idea 3: 9 + 9 + 9 = 27, three-way tie
        assert screening.model.best == [0, 1, 2]
        assert screening.verdict.value == verdict(
            "A tie: Pastries for weddings, Laundry and ironing and Olive-oil soap sold online share the best score, "
            "27 points out of 45. The scores alone cannot choose. They also score the same on what matters most "
            "to you (I know this trade and Customers need it): let a SWOT of each idea decide.")

    def test_one_idea_has_nothing_to_compare(self):
        screening = IdeaScreening(country="TN")
        screening.type_into("idea_2", "")
        screening.type_into("idea_3", "   ")
        assert screening.model.totals == [73.0, None, None]
        assert screening.verdict.value == verdict(
            "With one idea there is nothing to compare: Pastries for weddings scores 73 out of 90. Try to find one "
            "or two more ideas: comparing shows the weak points.")
        assert [cell.value for cell in screening._total_cells] == ["<b>73</b>", "", ""]

    def test_an_unnamed_ideas_scores_are_not_checked(self):
        model = IdeaScreeningModel(country="TN")
        model.idea_3 = ""
        model.score_3_1 = "nonsense"
        assert model.errors == {}
        assert model.totals == [73.0, 54.0, None]

    def test_a_second_idea_alone_can_be_scored(self):
        model = IdeaScreeningModel(country="TN", idea_1="", idea_3="")
        assert model.totals == [None, 54.0, None]
        assert model.best == [1]


class TestMessages:
    @pytest.mark.parametrize(("box", "text", "message"), [
        ("weight_1", "", "This box is empty: please type a whole number, for example 3."),
        ("weight_2", "high", "Please type a whole number, for example 3."),
        ("weight_3", "2.5", "Please type a whole number, for example 3."),
        ("weight_4", "0", "0 is too small: type at least 1."),
        ("weight_5", "6", "6 is too large: type at most 5."),
        ("score_1_1", "-1", "-1 is too small: type at least 1."),
        ("score_2_3", "", "This box is empty: please type a whole number, for example 3."),
        ("score_3_5", "five", "Please type a whole number, for example 3."),
        ("score_3_5", "1e40", "Please type a whole number, for example 3."),
        ("idea_2", "x" * 61, "This is too long: keep it to 60 characters or fewer (now 61)."),
        ("idea_3", " pastries for WEDDINGS ", "Another idea has this name: give each idea its own name."),
    ])
    def test_a_bad_box_gets_its_own_message(self, box, text, message):
        screening = IdeaScreening(country="TN")
        screening.type_into(box, text)
        assert screening.model.errors == {box: message}
        assert screening.message_for(box) == error(message)
        assert all(screening.message_for(other) == "" for other in BOXES if other != box)
        assert screening.verdict.value == FIX_THE_BOXES
        assert screening.chart_image.layout.display == "none"
        assert screening.model.totals == []

    def test_no_idea_at_all(self):
        screening = IdeaScreening(country="TN")
        for name in IDEAS:
            screening.type_into(name, "")
        assert screening.model.errors == {"idea_1": "Name at least one idea to score it."}
        assert screening.message_for("idea_1") == error("Name at least one idea to score it.")

    def test_several_bad_boxes(self):
        model = IdeaScreeningModel(country="TN", weight_1="9", score_2_2="", idea_3="Laundry and ironing")
        assert sorted(model.errors) == ["idea_3", "score_2_2", "weight_1"]

    def test_messages_clear_when_corrected(self):
        screening = IdeaScreening(country="TN")
        screening.type_into("weight_1", "7")
        screening.type_into("weight_1", "5")
        assert screening.message_for("weight_1") == ""
        assert screening.model.totals == [73.0, 54.0, 58.0]


class TestChart:
    def test_bars_are_the_weighted_scores(self):
        screening = IdeaScreening(country="TN")
        assert screening.chart.widths == [73.0, 54.0, 58.0]
        assert screening.chart.colours == ["#1e8449", "#85929e", "#85929e"]
        assert [label.get_text() for label in screening.chart.axes.get_yticklabels()] == [
            "Pastries for weddings", "Laundry and ironing", "Olive-oil soap sold onl…"]

    def test_a_perfect_idea_is_marked(self):
        screening = IdeaScreening(country="TN")
        assert list(screening.chart.perfect.get_xdata()) == [90, 90]
        assert screening.chart.perfect_label.get_text() == "a perfect idea: 90 "

    def test_ties_are_all_green(self):
        screening = IdeaScreening(country="TN")
        screening.type_into("score_3_1", "5")  # soap: 58 + 5·2 = 68
        screening.type_into("score_3_2", "4")  # + 4 = 72
        screening.type_into("score_3_4", "2")  # − 2 = 70
        screening.type_into("score_3_5", "4")  # + 3 = 73: tie with the pastries
        assert screening.chart.widths == [73.0, 54.0, 73.0]
        assert screening.chart.colours == ["#1e8449", "#85929e", "#1e8449"]

    def test_unnamed_ideas_have_no_bar(self):
        screening = IdeaScreening(country="TN")
        screening.type_into("idea_2", "")
        assert screening.chart.widths == [73.0, 58.0]
        assert bytes(screening.chart_image.value).startswith(b"\x89PNG")


class TestKeepingWork:
    def test_a_second_model_gets_the_screening_back(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = IdeaScreeningModel(store=store, country="TN")
        first.idea_2 = "Couscous catering"
        first.score_2_1 = "4"
        second = IdeaScreeningModel(store=store, country="TN")
        assert (second.idea_2, second.score_2_1) == ("Couscous catering", "4")
        assert second.totals == [73.0, 64.0, 58.0]

    def test_invalid_input_is_not_saved(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = IdeaScreeningModel(store=store, country="TN")
        first.weight_1 = "4"
        first.weight_1 = "40"
        assert store.load("m02_ideas").get("weight_1") == "4"
        assert IdeaScreeningModel(store=store).weight_1 == "4"

    def test_swot_is_kept_apart(self, tmp_path):
        store = AnswerStore(tmp_path)
        first = SwotModel(store=store, idea="Pastries for weddings")
        first.strengths = "Ten years in a pastry lab in Milan"
        first.threats = "t" * 501
        second = SwotModel(store=store, idea="Something else")
        assert second.idea == "Pastries for weddings"  # the saved idea wins over the default
        assert second.strengths == "Ten years in a pastry lab in Milan"
        assert second.threats == ""  # too long: never saved

    def test_swot_starts_from_the_best_saved_idea(self, tmp_path, monkeypatch):
        monkeypatch.setenv("RITORNO_ANSWERS_DIR", str(tmp_path))
        screening = idea_screening(country="TN")
        screening.type_into("score_3_1", "5")
        screening.type_into("score_3_3", "5")  # soap: 58 + 10 + 4 = 72, still below 73
        screening.type_into("score_3_4", "5")  # + 4 = 76: soap wins
        assert chosen_idea(AnswerStore(tmp_path), "TN") == "Olive-oil soap sold online"
        assert swot_analysis(country="TN").model.idea == "Olive-oil soap sold online"

    def test_without_saved_work_the_example_winner_is_chosen(self):
        assert chosen_idea(None, "TN") == "Pastries for weddings"

    def test_a_tie_leaves_the_choice_to_the_trainee(self, tmp_path):
        store = AnswerStore(tmp_path)
        screening = IdeaScreeningModel(store=store, country="TN")
        screening.idea_2 = ""
        screening.idea_3 = "Pastry school"
        for criterion in range(1, 6):
            setattr(screening, f"score_3_{criterion}", getattr(screening, f"score_1_{criterion}"))
        assert screening.best == [0, 2]
        assert chosen_idea(store, "TN") == ""
        swot = SwotForm(chosen_idea(store, "TN"))
        assert swot.model.idea == ""
        assert swot.message_for("idea") == ""


class TestSwotForm:
    def test_four_areas_and_the_idea(self):
        swot = SwotForm("Pastries for weddings")
        swot.type_into("opportunities", "Summer weddings")
        assert swot.model.opportunities == "Summer weddings"
        assert swot.model.errors == {}

    @pytest.mark.parametrize("area", ["strengths", "weaknesses", "opportunities", "threats"])
    def test_each_area_is_limited_to_500_characters(self, area):
        swot = SwotForm("Pastries")
        swot.type_into(area, "w" * 500)
        assert swot.message_for(area) == ""
        swot.type_into(area, "w" * 512)
        assert swot.message_for(area) == error("This is too long: keep it to 500 characters or fewer (now 512).")

    def test_long_idea_name(self):
        swot = SwotForm("")
        swot.type_into("idea", "i" * 70)
        assert swot.message_for("idea") == error("This is too long: keep it to 60 characters or fewer (now 70).")


class TestCountrySwitch:
    def test_switch_changes_the_example_ideas(self):
        screening = IdeaScreening(country="TN")
        screening.model.country = "GH"
        assert screening.model.names == ["Motorbike repair", "Cold drinks and water", "Tailoring"]
        # 5·5 + 4·5 + 4·3 + 2·2 + 3·5 = 76
        assert screening.model.totals[0] == weighted(TN_WEIGHTS, (5, 5, 3, 2, 5)) == 76.0
        assert "Motorbike repair fits your criteria best" in screening.verdict.value

    def test_switch_redraws_once_or_twice_not_once_per_box(self, tmp_path):
        screening = IdeaScreening(country="TN", store=AnswerStore(tmp_path))
        redraws = []
        screening.model.observe(redraws.append, names="updates")
        screening.model.country = "PE"
        assert len(redraws) <= 2
        assert IdeaScreeningModel(store=AnswerStore(tmp_path)).idea_1 == "Queso helado stand"


@pytest.mark.parametrize("factory", [idea_screening, swot_analysis])
def test_nothing_is_built_while_nbgrader_grades(monkeypatch, factory):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert factory() is None


class TestNeverRaises:
    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=20) for box in BOXES}))
    def test_any_text_in_every_box(self, texts):
        model = IdeaScreeningModel(country="TN")
        for box, text in texts.items():
            setattr(model, box, text)
        assert (model.totals == []) == bool(model.errors)
        assert all(isinstance(message, str) and message for message in model.errors.values())

    @settings(max_examples=40, deadline=None, database=None)
    @given(texts=st.fixed_dictionaries({box: st.text(max_size=600) for box in SwotModel.persisted}))
    def test_any_text_in_the_swot(self, texts):
        model = SwotModel()
        for box, text in texts.items():
            setattr(model, box, text)
        assert all(isinstance(message, str) and message for message in model.errors.values())
