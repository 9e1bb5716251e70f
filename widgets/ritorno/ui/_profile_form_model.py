"""Models of module 1's profile and readiness check: what the trainee typed or chose, checked.

No ipywidgets here: :mod:`ritorno.ui.profile_form` holds the views. The small
checks shared by the lesson models of modules 1 to 3 (whole numbers on a scale,
text length, a known country) live here too.
"""
from __future__ import annotations

from typing import Any

import traitlets

from ..answers import AnswerStatus
from ..countries import Country, get_country
from ..curriculum import m01
from ..i18n import InvalidAmount
from ._parsing import check_length, known_country, parse_whole
from ._persist import PersistentModel
from ._profile import DEFAULT_COUNTRY, PROFILE_RECORD

__all__ = ["ProfileModel", "ReadinessModel"]


class ProfileModel(PersistentModel):
    """Who the trainee is and where they return to, kept as ``m01_profile`` for every later module.

    The first name and the idea may stay empty; the household size is needed.
    ``saved`` tells whether what is shown is what is kept.

    Examples
    --------
    >>> import tempfile
    >>> from ritorno.answers import AnswerStore
    >>> from ritorno.ui import profile_country
    >>> store = AnswerStore(tempfile.mkdtemp())
    >>> profile = ProfileModel(store=store, country="GH")
    >>> profile.household_size = "6"
    >>> profile.saved, profile_country(store)
    (True, 'GH')
    """

    record_id = PROFILE_RECORD
    persisted = ("country", "first_name", "household_size", "business_idea")

    country = traitlets.Unicode(DEFAULT_COUNTRY)
    language = traitlets.Unicode("en")
    first_name = traitlets.Unicode("")
    household_size = traitlets.Unicode("")
    business_idea = traitlets.Unicode("")

    size = traitlets.Any(None, allow_none=True)
    saved = traitlets.Bool(False)

    def __init__(self, store=None, **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        if store is not None and not self.errors:
            kept = store.load(self.record_id, self.schema())
            self.saved = kept.status is AnswerStatus.SAVED and all(
                (kept.get(name) or "") == getattr(self, name) for name in self.persisted)

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        return remaining

    @traitlets.validate("country")
    def _known_country(self, proposal: dict) -> str:
        return known_country(proposal["value"])

    @property
    def profile(self) -> Country:
        """The country the trainee returns to."""
        return get_country(self.country)

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        for name, limit in (("first_name", m01.NAME_MAX_LENGTH), ("business_idea", m01.IDEA_MAX_LENGTH)):
            try:
                check_length(getattr(self, name).strip(), limit, self.language)
            except InvalidAmount as problem:
                errors[name] = str(problem)
        size = None
        try:
            size = parse_whole(self.household_size, 1, m01.HOUSEHOLD_MAX, self.profile.locale, self.language)
        except InvalidAmount as problem:
            errors["household_size"] = str(problem)
        self.errors = errors
        self.size = size
        if errors:
            self.saved = False

    def save(self) -> bool:
        """Keep the profile if every box is valid; ``saved`` says whether it was kept."""
        kept = super().save()
        self.saved = kept
        return kept


class ReadinessModel(PersistentModel):
    """Yes or no to each statement of :data:`ritorno.curriculum.m01.READINESS`, kept as ``m01_readiness``.

    Examples
    --------
    >>> check = ReadinessModel()
    >>> check.answer_1, check.answer_2 = "yes", "no"
    >>> check.yes_count, check.answered, check.to_work_on
    (1, 2, [1])
    """

    record_id = "m01_readiness"
    persisted = tuple(f"answer_{number}" for number in range(1, len(m01.READINESS) + 1))  # one trait each below

    language = traitlets.Unicode("en")
    answer_1 = traitlets.Unicode("")
    answer_2 = traitlets.Unicode("")
    answer_3 = traitlets.Unicode("")
    answer_4 = traitlets.Unicode("")
    answer_5 = traitlets.Unicode("")
    answer_6 = traitlets.Unicode("")
    yes_count = traitlets.Int(0)
    answered = traitlets.Int(0)
    to_work_on = traitlets.List()  # positions (from 0) of the statements answered "no"
    updates = traitlets.Int(0)  # counts recomputations: views redraw once per change, on this

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        return remaining

    @traitlets.validate(*persisted)
    def _yes_or_no(self, proposal: dict) -> str:
        return proposal["value"] if proposal["value"] in ("yes", "no") else ""  # anything else: not answered

    def _recompute(self) -> None:
        answers = [getattr(self, name) for name in self.persisted]
        self.errors = {}
        self.yes_count = answers.count("yes")
        self.answered = answers.count("yes") + answers.count("no")
        self.to_work_on = [index for index, answer in enumerate(answers) if answer == "no"]
        self.updates += 1

