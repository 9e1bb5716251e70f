"""Fixtures of the plan tests: answer stores filled through the lessons' models."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ritorno.answers import AnswerStore

from . import answer_sets

#: The date on every test plan's cover.
TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    """An empty answers folder."""
    return AnswerStore(tmp_path / "answers")


@pytest.fixture
def complete_store(store: AnswerStore) -> AnswerStore:
    """Modules 1 to 10 all done, every check passed."""
    answer_sets.complete(store)
    return store


@pytest.fixture
def inconsistent_store(store: AnswerStore) -> AnswerStore:
    """Sources short of uses, a month below zero, an instalment that fails the stress test."""
    answer_sets.inconsistent(store)
    return store


@pytest.fixture
def artifacts(repo_root: Path) -> Path:
    """``test-artifacts/`` (git-ignored): files the suite leaves for people to look at."""
    folder = repo_root / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder
