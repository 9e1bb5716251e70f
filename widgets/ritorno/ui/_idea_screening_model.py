"""Models of module 2: ideas scored on weighted criteria, and a SWOT of the chosen idea.

No ipywidgets here: :mod:`ritorno.ui.idea_screening` holds the views.
"""
from __future__ import annotations

from typing import Any

import traitlets

from ..countries import Country, get_country
from ..curriculum import m02
from ..finance import best_ideas, weighted_scores
from ..i18n import InvalidAmount, translator
from ._persist import PersistentModel
from ._profile import DEFAULT_COUNTRY
from ._parsing import check_length, known_country, parse_whole

__all__ = ["IdeaScreeningModel", "SwotModel", "IDEAS", "WEIGHTS", "SCORES", "score_name"]

IDEAS: tuple[str, ...] = tuple(f"idea_{idea}" for idea in range(1, m02.MAX_IDEAS + 1))
WEIGHTS: tuple[str, ...] = tuple(f"weight_{criterion}" for criterion in range(1, len(m02.CRITERIA) + 1))


def score_name(idea: int, criterion: int) -> str:
    """The box of idea ``idea``'s score on criterion ``criterion`` (both from 0): ``score_1_1`` for the first."""
    return f"score_{idea + 1}_{criterion + 1}"


SCORES: tuple[str, ...] = tuple(score_name(idea, criterion) for idea in range(m02.MAX_IDEAS)
                                for criterion in range(len(m02.CRITERIA)))


class IdeaScreeningModel(PersistentModel):
    """Up to three ideas, a weight per criterion and a score per idea and criterion, as typed.

    An idea whose name is empty is left out (its scores are not checked). While
    every box used is valid, ``totals`` holds each idea's weighted score (``None``
    for an unnamed idea), ``best`` the positions of the ideas with the highest
    score (more than one is a tie) and ``top_possible`` the score of a perfect idea.

    Examples
    --------
    >>> model = IdeaScreeningModel(country="TN")
    >>> model.totals, model.best, model.top_possible
    ([73.0, 54.0, 58.0], [0], 90.0)
    >>> model.weight_1 = "six"
    >>> model.totals, model.errors
    ([], {'weight_1': 'Please type a whole number, for example 3.'})
    """

    record_id = "m02_ideas"
    persisted = ("country", *IDEAS, *WEIGHTS, *SCORES)

    country = traitlets.Unicode(DEFAULT_COUNTRY)
    language = traitlets.Unicode("en")
    # one Unicode trait per box, as typed: idea_1…idea_3, weight_1…weight_5, score_1_1…score_3_5
    vars().update({name: traitlets.Unicode("") for name in (*IDEAS, *WEIGHTS, *SCORES)})

    totals = traitlets.List()
    best = traitlets.List()
    top_possible = traitlets.Float(0.0)
    weights = traitlets.List()
    scores = traitlets.Dict()  # idea position -> its scores, for named ideas
    updates = traitlets.Int(0)  # counts recomputations: views redraw once per change, on this

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.country = remaining.pop("country", self.country)
        self.use_example()
        return remaining

    @traitlets.validate("country")
    def _known_country(self, proposal: dict) -> str:
        return known_country(proposal["value"])

    @property
    def profile(self) -> Country:
        """The country whose example ideas are in use."""
        return get_country(self.country)

    @property
    def names(self) -> list[str]:
        """The ideas' names as typed, without surrounding spaces ("" for an unused idea)."""
        return [getattr(self, name).strip() for name in IDEAS]

    def use_example(self) -> None:
        """Fill the boxes with the country's illustrative ideas, weights and scores."""
        _ = translator(self.language).gettext
        texts = {name: str(weight) for name, weight in zip(WEIGHTS, m02.EXAMPLE_WEIGHTS)}
        for idea, (label, scores) in enumerate(m02.example_ideas(self.country)):
            texts[IDEAS[idea]] = _(label)
            texts.update({score_name(idea, criterion): str(score) for criterion, score in enumerate(scores)})
        self.fill(texts)

    @traitlets.observe("country")
    def _country_changed(self, change: dict) -> None:
        if not self._restoring:
            self.use_example()

    @traitlets.observe("language")
    def _language_changed(self, change: dict) -> None:
        if not self._restoring:
            self._recompute()

    def _whole(self, name: str, errors: dict[str, str]) -> int | None:
        low, high = m02.SCALE
        try:
            return parse_whole(getattr(self, name), low, high, self.profile.locale, self.language, example=3)
        except InvalidAmount as problem:
            errors[name] = str(problem)
            return None

    def _recompute(self) -> None:
        _ = translator(self.language).gettext
        errors: dict[str, str] = {}
        names = self.names
        seen: set[str] = set()
        for idea, name in enumerate(names):
            try:
                check_length(name, m02.IDEA_NAME_MAX_LENGTH, self.language)
            except InvalidAmount as problem:
                errors[IDEAS[idea]] = str(problem)
            if name and name.casefold() in seen:
                errors[IDEAS[idea]] = _("Another idea has this name: give each idea its own name.")
            seen.add(name.casefold())
        named = [idea for idea, name in enumerate(names) if name]
        if not named:
            errors[IDEAS[0]] = _("Name at least one idea to score it.")
        weights = [self._whole(name, errors) for name in WEIGHTS]
        scores = {idea: [self._whole(score_name(idea, criterion), errors) for criterion in range(len(WEIGHTS))]
                  for idea in named}
        totals: list[float | None] = []
        best: list[int] = []
        if not errors:
            computed = weighted_scores(weights, [scores[idea] for idea in named])
            by_idea = dict(zip(named, computed))
            totals = [by_idea.get(idea) for idea in range(len(IDEAS))]
            best = [named[position] for position in best_ideas(computed)]
        self.errors = errors
        self.weights = weights if not errors else []
        self.scores = scores if not errors else {}
        self.top_possible = float(m02.SCALE[1] * sum(weights)) if not errors else 0.0
        self.totals = totals
        self.best = best
        self.updates += 1

    def tie_breaker(self) -> tuple[list[int], list[int]]:
        """For a tie: the criteria with the highest weight, and which tied ideas score most on them.

        Returns ``([], [])`` when there is no tie.
        """
        if len(self.best) < 2:
            return [], []
        top = max(self.weights)
        criteria = [criterion for criterion, weight in enumerate(self.weights) if weight == top]
        sums = {idea: sum(self.scores[idea][criterion] for criterion in criteria) for idea in self.best}
        leaders = [idea for idea in self.best if sums[idea] == max(sums.values())]
        return criteria, leaders


class SwotModel(PersistentModel):
    """Strengths, weaknesses, opportunities and threats of the chosen idea, each a short free text.

    ``idea`` given to the constructor is only a default: the idea saved with the
    SWOT, if any, wins (the trainee may have typed another one).

    Examples
    --------
    >>> swot = SwotModel(idea="Pastries for weddings")
    >>> swot.threats = "x" * 501
    >>> swot.errors
    {'threats': 'This is too long: keep it to 500 characters or fewer (now 501).'}
    """

    record_id = "m02_swot"
    persisted = ("idea", "strengths", "weaknesses", "opportunities", "threats")

    language = traitlets.Unicode("en")
    idea = traitlets.Unicode("")
    strengths = traitlets.Unicode("")
    weaknesses = traitlets.Unicode("")
    opportunities = traitlets.Unicode("")
    threats = traitlets.Unicode("")

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        remaining = dict(given)
        self.language = remaining.pop("language", self.language)
        self.idea = remaining.pop("idea", self.idea)
        return remaining

    def _recompute(self) -> None:
        errors: dict[str, str] = {}
        limits = {"idea": m02.IDEA_NAME_MAX_LENGTH, **dict.fromkeys(m02.SWOT_LABELS, m02.SWOT_MAX_LENGTH)}
        for name, limit in limits.items():
            try:
                check_length(getattr(self, name).strip(), limit, self.language)
            except InvalidAmount as problem:
                errors[name] = str(problem)
        self.errors = errors
