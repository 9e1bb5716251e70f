"""Widgets learn their user from the kernel's environment: Jupyter, or a kiosk visitor."""
from __future__ import annotations

import json

import pytest

from ritorno.answers import AnswerStore, MemoryAnswerStore
from ritorno.ui import course_language, current_session, notebook_store, profile_country
from ritorno.ui import _session
from ritorno.ui._plan_builder_model import PlanBuilderModel


@pytest.fixture
def kiosk_kernel(monkeypatch, tmp_path):
    """Environment of a kernel the kiosk started; returns a function that sets the visitor's header."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RITORNO_KIOSK", "1")
    monkeypatch.delenv("HTTP_X_RITORNO_SESSION", raising=False)
    monkeypatch.delenv("RITORNO_LANGUAGE", raising=False)
    _session._kiosk_memory_store.cache_clear()

    def visitor(**session) -> None:
        monkeypatch.setenv("HTTP_X_RITORNO_SESSION", json.dumps(session))

    yield visitor
    _session._kiosk_memory_store.cache_clear()


@pytest.mark.parametrize("raw", [None, "", "not json", "[1, 2]", '{"language": 5}', '{"answers_dir": "relative/dir"}'])
def test_odd_headers_mean_an_anonymous_visitor(raw) -> None:
    session = _session.parse_session_header(raw)
    assert session == _session.NotebookSession("en", None, None, at_kiosk=True)


def test_unknown_language_and_country_are_ignored() -> None:
    session = _session.parse_session_header('{"language": "de", "country": "IT"}', default_language="fr")
    assert (session.language, session.country) == ("fr", None)


def test_outside_a_kiosk_work_is_kept_beside_the_notebook(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RITORNO_KIOSK", raising=False)
    monkeypatch.delenv("RITORNO_ANSWERS_DIR", raising=False)
    monkeypatch.setenv("RITORNO_LANGUAGE", "es")
    monkeypatch.setenv("HTTP_X_RITORNO_SESSION", '{"language": "fr"}')  # ignored: not a kiosk
    assert notebook_store().root == (tmp_path / "answers").resolve()
    assert course_language() == "es" and not current_session().at_kiosk


def test_an_anonymous_visitor_keeps_work_in_memory_only(kiosk_kernel, tmp_path) -> None:
    store = notebook_store()
    assert isinstance(store, MemoryAnswerStore) and notebook_store() is store  # shared by the page's widgets
    store.save("m09_afford", {"net_income": 270_000})
    assert store.load("m09_afford").get("net_income") == 270_000
    assert list(tmp_path.rglob("*")) == []


def test_a_signed_in_visitor_saves_in_their_folder(kiosk_kernel, tmp_path) -> None:
    folder = tmp_path / "data" / "kofi" / "09_understanding_microcredit" / "answers"
    kiosk_kernel(language="fr", country="GH", answers_dir=str(folder))
    store = notebook_store()
    assert type(store) is AnswerStore and store.root == folder.resolve()
    assert course_language() == "fr"
    assert profile_country(store, fallback="SN") == "GH"  # no profile saved yet: the country picked at the kiosk


def test_a_saved_profile_wins_over_the_kiosk_country(kiosk_kernel, tmp_path) -> None:
    kiosk_kernel(country="GH", answers_dir=str(tmp_path / "answers"))
    store = notebook_store()
    store.save("m01_profile", {"country": "PE"})
    assert profile_country(store, fallback="SN") == "PE"


def test_at_the_kiosk_the_plan_goes_to_the_download_only(kiosk_kernel, tmp_path) -> None:
    model = PlanBuilderModel(MemoryAnswerStore(), "en", download_only=True, folder=tmp_path)
    outcome = model.export("pdf")
    assert outcome.path is None and outcome.data_uri.startswith("data:application/pdf;base64,")
    assert "download business_plan.pdf with the link" in outcome.message
    assert list(tmp_path.iterdir()) == []
