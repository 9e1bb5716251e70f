"""``ritorno plan export ANSWERS_DIR --out FILE``: the trainers' command, tried through click's CliRunner."""
from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner, Result

from ritorno.answers import AnswerStore
from ritorno.i18n import SUPPORTED_LANGUAGES
from ritorno.plan.cli import plan


def run_plan(args: list[str], retcode: int = 0) -> Result:
    """Run ``plan ARGS`` and check its exit code (like the trainer tests' ``run_trainer``)."""
    result = CliRunner().invoke(plan, args, catch_exceptions=False)
    assert result.exit_code == retcode, result.output
    return result


@pytest.mark.parametrize("suffix", ["pdf", "html"])
def test_exports_a_trainee_s_plan(complete_store: AnswerStore, tmp_path: Path, suffix: str):
    out = tmp_path / f"awa.{suffix}"
    result = run_plan(["export", str(complete_store.root), "--out", str(out)])
    assert result.output == f"wrote {out} (11 of 11 parts done)\n"
    if suffix == "pdf":
        assert "Awa" in pypdf.PdfReader(out).pages[0].extract_text()
    else:
        assert "<h1>Business plan</h1>" in out.read_text(encoding="utf-8")


def test_a_notebook_folder_is_read_through_its_answers_folder(complete_store: AnswerStore, tmp_path: Path):
    out = tmp_path / "plan.html"
    run_plan(["export", str(complete_store.root.parent), "--out", str(out), "--language", "en"])
    assert "Awa" in out.read_text(encoding="utf-8")


def test_an_empty_folder_gives_a_plan_of_missing_parts(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = run_plan(["export", str(tmp_path / "empty"), "--out", str(tmp_path / "plan.pdf")])
    assert result.output.endswith("(0 of 11 parts done)\n")


@pytest.mark.parametrize(("args", "message"), [
    (["export", "{answers}", "--out", "{tmp}/plan.docx"], "Error: Cannot write plan.docx: the file must end in .pdf or "
                                                          ".html.\n"),
    (["export", "{tmp}/nobody", "--out", "{tmp}/plan.pdf"], "Error: No answers folder at {tmp}/nobody.\n"),
    (["export", "{answers}", "--out", "{tmp}/no/such/folder/plan.pdf"],
     "Error: Cannot write {tmp}/no/such/folder/plan.pdf: No such file or directory.\n"),
    (["export", "{answers}", "--out", "{tmp}/plan.pdf", "--language", "xx"],
     "Error: No catalog for language 'xx': choose one of {languages}.\n"),
])
def test_refusals_are_one_line_with_exit_code_1(complete_store: AnswerStore, tmp_path: Path, args, message):
    fill = {"answers": str(complete_store.root), "tmp": str(tmp_path), "languages": ", ".join(SUPPORTED_LANGUAGES)}
    result = run_plan([arg.format(**fill) for arg in args], retcode=1)
    assert result.output == message.format(**fill)
    assert not (tmp_path / "plan.docx").exists()


def test_help():
    assert "ANSWERS_DIR" in run_plan(["export", "--help"]).output
    assert "export" in run_plan(["--help"]).output


def test_missing_argument():
    assert "Missing argument 'ANSWERS_DIR'" in run_plan(["export"], retcode=2).output
