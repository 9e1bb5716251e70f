"""Module 10's plan builder: the narrative kept as typed, the checks with links, files beside the notebook."""
from __future__ import annotations

import base64
import errno
from pathlib import Path

import pytest

from ritorno.answers import AnswerStore
from ritorno.plan import NARRATIVE_RECORD, narrative_schema
from ritorno.ui import _plan_builder_model
from ritorno.ui._plan_builder_model import NarrativeModel, PlanBuilderModel
from ritorno.ui.plan_builder import PlanBuilder, plan_builder

from . import answer_sets


@pytest.fixture
def notebook_folder(tmp_path: Path, monkeypatch) -> Path:
    """A lesson's folder as the working directory, its answers in ``answers/`` beside the notebook."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RITORNO_ANSWERS_DIR", raising=False)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("RITORNO_LANGUAGE", raising=False)
    return tmp_path


@pytest.fixture
def builder(notebook_folder: Path) -> PlanBuilder:
    answer_sets.complete(AnswerStore(notebook_folder / "answers"))
    return plan_builder()


class TestNarrative:
    def test_kept_as_typed(self, notebook_folder: Path):
        view = plan_builder()
        view.type_into("market", "Mothers buy uniforms in September.")
        saved = AnswerStore(notebook_folder / "answers").load(NARRATIVE_RECORD, narrative_schema())
        assert saved.get("market") == "Mothers buy uniforms in September."
        assert plan_builder()._areas["market"].box.value == "Mothers buy uniforms in September."

    def test_too_long_a_text_gets_a_message_and_is_not_kept(self, notebook_folder: Path):
        view = plan_builder()
        view.type_into("business", "Shoes.")
        view.type_into("business", "x" * 2001)
        assert "This is too long: keep it to 2000 characters or fewer (now 2001)." in view.message_for("business")
        assert NarrativeModel(store=AnswerStore(notebook_folder / "answers")).business == "Shoes."
        outcome = view.export("html")
        assert "One of your texts is too long: the plan keeps the last version that fitted." in outcome.message
        assert "Shoes." in (notebook_folder / "business_plan.html").read_text(encoding="utf-8")

    def test_exactly_2000_characters_is_fine(self):
        model = NarrativeModel()
        model.action_plan = "y" * 2000
        assert model.errors == {}

    def test_the_plan_uses_the_words_on_screen_even_without_keeping_work(self, notebook_folder: Path):
        view = plan_builder(keep_work=False)
        view.type_into("action_plan", "Open on 1 June.")
        view.export("html")
        assert "Open on 1 June." in (notebook_folder / "business_plan.html").read_text(encoding="utf-8")
        assert not AnswerStore(notebook_folder / "answers").path_for(NARRATIVE_RECORD).exists()


class TestChecks:
    def test_every_check_passes_for_a_complete_plan(self, builder: PlanBuilder):
        assert builder.checks.value.count("ritorno-check-passed") == 4
        assert "Every part of the plan is done." in builder.missing.value

    def test_a_failed_check_is_explained_with_a_link_to_its_module(self, notebook_folder: Path):
        answer_sets.inconsistent(AnswerStore(notebook_folder / "answers"))
        view = plan_builder()
        assert view.checks.value.count("ritorno-check-failed") == 4
        assert "Your cash runs out in month 3" in view.checks.value
        assert "href='05_startup_capital_and_funding.ipynb'" in view.checks.value
        assert "href='07_cash_flow_plan.ipynb'" in view.checks.value
        assert "href='02_from_idea_to_choice.ipynb'" in view.missing.value  # a part not done yet

    def test_check_again_reads_new_work(self, notebook_folder: Path):
        view = plan_builder()
        assert "ritorno-check-passed" not in view.checks.value
        store = AnswerStore(notebook_folder / "answers")
        answer_sets.StartupCapitalModel(store=store, country="SN").loan = "530 000"
        view.refresh()
        assert view.checks.value.count("ritorno-check-passed") == 1


class TestExport:
    @pytest.mark.parametrize(("kind", "button", "media", "magic"), [
        ("pdf", "pdf_button", "application/pdf", b"%PDF-"),
        ("html", "html_button", "text/html;charset=utf-8", b"<!DOCTYPE html>"),
    ])
    def test_writes_the_file_beside_the_notebook_and_offers_a_download(self, builder, notebook_folder, kind, button,
                                                                       media, magic):
        getattr(builder, button).click()
        path = notebook_folder / f"business_plan.{kind}"
        assert path.read_bytes().startswith(magic)
        assert f"Saved business_plan.{kind} beside this notebook." in builder.status.value
        link = builder.download.value
        assert f"download='business_plan.{kind}'" in link
        prefix = f"href='data:{media};base64,"
        assert prefix in link
        encoded = link.split(prefix, 1)[1].split("'", 1)[0]
        assert base64.b64decode(encoded) == path.read_bytes()
        assert not builder.pdf_button.disabled and not builder.html_button.disabled

    @pytest.mark.parametrize("problem", [OSError(errno.ENOSPC, "No space left on device"),
                                         PermissionError(errno.EACCES, "Permission denied")])
    def test_a_failing_write_gives_a_message_and_still_the_download(self, builder, notebook_folder, monkeypatch,
                                                                     problem):
        def fail(path, data):
            raise problem

        monkeypatch.setattr(_plan_builder_model, "write_atomically", fail)
        outcome = builder.export("pdf")
        assert outcome.message == (f"business_plan.pdf could not be saved beside the notebook ({problem.strerror}). "
                                   "Use the download link instead.")
        assert "ritorno-error" in builder.status.value and "Traceback" not in builder.status.value
        assert "href='data:application/pdf;base64," in builder.download.value
        assert not (notebook_folder / "business_plan.pdf").exists()

    def test_a_read_only_folder(self, notebook_folder: Path):
        store = AnswerStore(notebook_folder / "answers")
        answer_sets.profile_and_runway(store)
        outcome = PlanBuilderModel(store, folder=notebook_folder / "no such folder").export("html")
        assert not outcome.saved and "could not be saved beside the notebook" in outcome.message
        assert outcome.data_uri.startswith("data:text/html;charset=utf-8;base64,")

    def test_a_plan_that_cannot_be_made(self, builder, monkeypatch):
        def broken(document):
            raise RuntimeError("no fonts")

        monkeypatch.setattr(_plan_builder_model, "plan_pdf_bytes", broken)
        outcome = builder.export("pdf")
        assert outcome.message == "The plan could not be made (RuntimeError: no fonts). Please tell your trainer."
        assert builder.download.value == "" and "ritorno-error" in builder.status.value


def test_nothing_is_built_while_grading(notebook_folder: Path, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert plan_builder() is None
