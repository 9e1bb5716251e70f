"""Module 2, From idea to choice: criteria, illustrative ideas per country, SWOT labels and self-checks.

The example ideas and their scores are illustrative (``data/m02.toml``).
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from ..countries import COUNTRY_CODES, get_country
from ..i18n import N_
from ._exercise import Exercise, ExerciseField, SelfCheckQuestion

__all__ = ["COUNTRY", "MAX_IDEAS", "CRITERIA", "EXAMPLE_WEIGHTS", "SCALE", "IDEA_NAME_MAX_LENGTH", "IDEA_NAMES",
           "SWOT_LABELS", "SWOT_HINTS", "SWOT_MAX_LENGTH", "example_ideas", "SELF_CHECKS",
           "SCREENING_COUNTRY", "SCREENING_IDEAS", "SCREENING_SCORES", "SCREENING_WEIGHTS", "WEIGHT_POINTS",
           "IDEA_SCORES", "FAMILY_WEIGHTS", "EXERCISES"]

COUNTRY = "TN"
MAX_IDEAS = 3
#: Lowest and highest weight or score.
SCALE = (1, 5)
IDEA_NAME_MAX_LENGTH = 60
SWOT_MAX_LENGTH = 500

#: The screening criteria, in order: key, label.
CRITERIA: tuple[tuple[str, str], ...] = (
    ("trade", N_("I know this trade")),
    ("need", N_("Customers need it")),
    ("cost", N_("Start-up cost I can afford")),
    ("competition", N_("Little competition")),
    ("iom", N_("I can start it with IOM's in-kind support")),
)
#: Illustrative weights (1 to 5), one per criterion.
EXAMPLE_WEIGHTS: tuple[int, ...] = (5, 4, 4, 2, 3)

IDEA_NAMES: dict[str, str] = {
    "motorbike_repair": N_("Motorbike repair"),
    "cold_drinks": N_("Cold drinks and water"),
    "tailoring": N_("Tailoring"),
    "shoe_repair": N_("Shoe repair and sales"),
    "poultry": N_("Poultry farming"),
    "mobile_money_kiosk": N_("Mobile money kiosk"),
    "wedding_pastries": N_("Pastries for weddings"),
    "laundry": N_("Laundry and ironing"),
    "olive_oil_soap": N_("Olive-oil soap sold online"),
    "bakery": N_("Bakery"),
    "phone_repair": N_("Phone repair"),
    "queso_helado": N_("Queso helado stand"),
    "guinea_pigs": N_("Guinea-pig farming"),
    "cleaning": N_("Cleaning services"),
}

SWOT_LABELS: dict[str, str] = {
    "strengths": N_("Strengths (inside: what you and the idea do well)"),
    "weaknesses": N_("Weaknesses (inside: what you lack)"),
    "opportunities": N_("Opportunities (outside: what could help you)"),
    "threats": N_("Threats (outside: what could harm you)"),
}
SWOT_HINTS: dict[str, str] = {
    "strengths": N_("e.g. I learned the trade in Italy; I have the recipes"),
    "weaknesses": N_("e.g. I have no shop yet; I do not know the suppliers"),
    "opportunities": N_("e.g. many weddings in summer; customers order on WhatsApp"),
    "threats": N_("e.g. prices of flour and sugar rise; two shops nearby"),
}


@functools.cache
def _examples() -> dict[str, dict]:
    with (Path(__file__).resolve().parent / "data" / "m02.toml").open("rb") as handle:
        data = tomllib.load(handle)["countries"]
    for code in COUNTRY_CODES:
        example = data.get(code)
        if example is None:
            raise ValueError(f"m02.toml has no example for {code}")
        if len(example["ideas"]) != MAX_IDEAS or any(idea not in IDEA_NAMES for idea in example["ideas"]):
            raise ValueError(f"m02.toml: {code} needs {MAX_IDEAS} ideas named in IDEA_NAMES")
        if len(example["scores"]) != MAX_IDEAS or any(len(row) != len(CRITERIA) for row in example["scores"]):
            raise ValueError(f"m02.toml: {code} needs one score per criterion for each idea")
    return data


def example_ideas(country: str) -> list[tuple[str, tuple[int, ...]]]:
    """Illustrative ideas for ``country``: (name to translate, scores per criterion).

    >>> example_ideas("TN")[0]
    ('Pastries for weddings', (5, 4, 4, 2, 4))
    """
    example = _examples()[get_country(country).code]
    return [(IDEA_NAMES[key], tuple(row)) for key, row in zip(example["ideas"], example["scores"])]


SELF_CHECKS: tuple[SelfCheckQuestion, ...] = (
    SelfCheckQuestion(
        N_("Two criteria have the weights 5 and 1. An idea scores 2 on the first and 5 on the second. "
           "What is its weighted score?"),
        (N_("7"), N_("15"), N_("10")),
        1,
        (N_("No. 7 is the sum of the scores: multiply each score by its weight first."),
         N_("Right. 5 × 2 + 1 × 5 = 15."),
         N_("No. Multiply each score by its weight, then add: 5 × 2 + 1 × 5.")),
    ),
    SelfCheckQuestion(
        N_("Two ideas share the best weighted score. What do you do?"),
        (N_("Pick one at random"),
         N_("Compare them on the criterion that matters most to you, and with a SWOT"),
         N_("Add new criteria until one of them wins")),
        1,
        (N_("No. Your savings deserve a better reason than luck."),
         N_("Right. The scores show the ideas are close; look at what matters most to you."),
         N_("No. Changing the rules until one idea wins only hides the choice you have to make.")),
    ),
    SelfCheckQuestion(
        N_("In a SWOT, “a big new housing estate is being built near my shop” is:"),
        (N_("a strength"), N_("a weakness"), N_("an opportunity"), N_("a threat")),
        2,
        (N_("No. Strengths are inside: what you and your business do well."),
         N_("No. Weaknesses are inside: what you or your business lack."),
         N_("Right. It comes from outside and could bring you customers."),
         N_("No. It comes from outside, but it helps you: it could bring you customers.")),
    ),
    SelfCheckQuestion(
        N_("Why give a high weight to “I know this trade”?"),
        (N_("Because a trade you know makes fewer costly mistakes at the start"),
         N_("Because it is the first criterion in the list"),
         N_("It does not matter: any trade can be learned in a week")),
        0,
        (N_("Right. Skills learned in Italy are one of a returnee's best assets."),
         N_("No. The order of the list says nothing: the weight says how much a criterion matters to you."),
         N_("No. Learning a trade takes time, and mistakes cost money.")),
    ),
)


# ---- Graded exercises (solutions/02_from_idea_to_choice) -------------------------------------------
# Scenario figures below are ILLUSTRATIVE (a made-up returnee's ideas), not market studies. Scores and
# weights are not money, so the notebook's text gives them in a table; they are kept here for the tests.

# Karim comes back from Turin to Sfax, Tunisia, with three ideas. Illustrative.
SCREENING_COUNTRY = "TN"
#: The ideas, in the order of the notebook's table (keys of IDEA_NAMES).
SCREENING_IDEAS: tuple[str, ...] = ("phone_repair", "laundry", "olive_oil_soap")
#: Karim's score of each idea (1 to 5) on each criterion, in the order of CRITERIA.
SCREENING_SCORES: dict[str, tuple[int, ...]] = {
    "phone_repair": (5, 4, 2, 2, 4),
    "laundry": (2, 4, 5, 4, 3),
    "olive_oil_soap": (3, 3, 4, 3, 2),
}
#: Weight points Karim shares out among the criteria: with scores up to 5, a perfect idea scores 100.
WEIGHT_POINTS = 20
#: His weights (1 to 5, in the order of CRITERIA) on his own, then after talking with his family.
SCREENING_WEIGHTS: dict[str, tuple[int, ...]] = {
    "alone": (5, 5, 3, 2, 5),
    "family": (2, 5, 5, 3, 5),
}

_SCREENING_CHOICES: tuple[tuple[str, str], ...] = tuple((idea, IDEA_NAMES[idea]) for idea in SCREENING_IDEAS)

IDEA_SCORES = Exercise(
    exercise_id="m02_idea_scores",
    module=2,
    title=N_("Which of Karim's ideas scores best?"),
    country=SCREENING_COUNTRY,
    fields=(
        ExerciseField("phone_repair", N_("Weighted score of phone repair (out of 100)"), "percent"),
        ExerciseField("laundry", N_("Weighted score of laundry and ironing (out of 100)"), "percent"),
        ExerciseField("olive_oil_soap", N_("Weighted score of olive-oil soap sold online (out of 100)"), "percent"),
        ExerciseField("best", N_("Which idea fits Karim's criteria best?"), "choice", _SCREENING_CHOICES),
    ),
)

FAMILY_WEIGHTS = Exercise(
    exercise_id="m02_family_weights",
    module=2,
    title=N_("Karim's family changes the weights"),
    country=SCREENING_COUNTRY,
    fields=(
        ExerciseField("phone_repair", N_("New weighted score of phone repair (out of 100)"), "percent"),
        ExerciseField("laundry", N_("New weighted score of laundry and ironing (out of 100)"), "percent"),
        ExerciseField("olive_oil_soap", N_("New weighted score of olive-oil soap sold online (out of 100)"), "percent"),
        ExerciseField("best", N_("Which idea fits the new weights best?"), "choice", _SCREENING_CHOICES),
        ExerciseField("changed", N_("Does the best idea change?"), "choice",
                      (("yes", N_("Yes")), ("no", N_("No")))),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.exercise_id: exercise for exercise in (IDEA_SCORES, FAMILY_WEIGHTS)}
