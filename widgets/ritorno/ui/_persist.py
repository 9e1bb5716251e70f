"""Lesson work that outlives the page: a model's typed inputs kept in the answer store.

A later module reads an earlier one's work by building the same model from the
same store (module 7's cash-flow plan starts from module 5's start-up capital).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import traitlets

from ..answers import AnswerStatus, AnswerStore, ExerciseSchema, FieldSpec

__all__ = ["PersistentModel"]


class PersistentModel(traitlets.HasTraits):
    """A model whose ``persisted`` Unicode traits are saved, as typed, under ``record_id``.

    Subclasses name ``record_id`` and ``persisted`` and implement ``_recompute``.
    With a ``store``, saved texts come back when the model is built (values
    given to the constructor win) and every change is saved again, but only
    when the inputs are valid, so a half-typed number never replaces good work.

    Examples
    --------
    >>> import tempfile
    >>> from ritorno.answers import AnswerStore
    >>> class Savings(PersistentModel):
    ...     record_id = "doc_savings"
    ...     persisted = ("amount",)
    ...     amount = traitlets.Unicode("")
    ...     def _recompute(self):
    ...         self.errors = {} if self.amount.isdigit() else {"amount": "digits please"}
    >>> store = AnswerStore(tempfile.mkdtemp())
    >>> first_visit = Savings(store=store)
    >>> first_visit.amount = "1500"         # each valid change is saved
    >>> Savings(store=store).amount         # the next visit finds it again
    '1500'
    >>> first_visit.amount = "fifteen"      # an invalid one is not
    >>> Savings(store=store).amount
    '1500'
    """

    record_id: ClassVar[str] = ""
    persisted: ClassVar[tuple[str, ...]] = ()

    errors = traitlets.Dict()
    save_problem = traitlets.Unicode("")

    def __init__(self, store: AnswerStore | None = None, **kwargs: Any) -> None:
        self._store = store
        self._restoring = True
        super().__init__()
        kwargs = self._prepare(kwargs)
        if store is not None:
            saved = store.load(self.record_id, self.schema())
            if saved.status is AnswerStatus.SAVED:
                for name in self.persisted:
                    if isinstance(saved.get(name), str):
                        setattr(self, name, saved.get(name))
        for name, value in kwargs.items():
            setattr(self, name, value)
        self._restoring = False
        self._recompute()
        self.observe(self._changed, names=list(self.persisted))

    @classmethod
    def schema(cls) -> ExerciseSchema:
        """Every persisted input is kept as the text the trainee typed."""
        return ExerciseSchema(cls.record_id, tuple(FieldSpec(name, "text") for name in cls.persisted))

    def _prepare(self, given: dict[str, Any]) -> dict[str, Any]:
        """Hook: set defaults (a country's example) before saved work is restored.

        Takes the constructor's keyword arguments and returns those still to
        apply over the saved work.
        """
        return given

    def _recompute(self) -> None:
        raise NotImplementedError

    def fill(self, texts: Mapping[str, str]) -> None:
        """Put ``texts`` in the boxes with one recomputation and one save (none while restoring)."""
        restoring, self._restoring = self._restoring, True
        try:
            with self.hold_trait_notifications():
                for name, text in texts.items():
                    setattr(self, name, text)
        finally:
            self._restoring = restoring
        if not restoring:
            self._recompute()
            self.save()

    def _changed(self, change: dict) -> None:
        if self._restoring:
            return
        self._recompute()
        self.save()

    def save(self) -> bool:
        """Keep the inputs if they are all valid; say why not in ``save_problem`` on a disk error."""
        if self._store is None or self.errors:
            return False
        try:
            self._store.save(self.record_id, {name: getattr(self, name) for name in self.persisted}, self.schema())
        except (OSError, ValueError) as problem:
            self.save_problem = str(problem)
            return False
        self.save_problem = ""
        return True
