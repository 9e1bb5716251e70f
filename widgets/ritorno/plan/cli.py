"""``ritorno plan``: trainers export a trainee's business plan from the answers they collected.

The command parses its arguments, calls :mod:`ritorno.plan` and turns every failure into a
one-line message with exit code 1.
"""
from __future__ import annotations

from pathlib import Path

import click

__all__ = ["plan"]

_KINDS = {".pdf": "pdf", ".html": "html"}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def plan() -> None:
    """For trainers: a trainee's business plan (module 10) from their saved answers."""


def _answers_folder(folder: Path) -> Path:
    """``folder`` itself, or its ``answers`` subfolder when the answer files are there (a notebook's folder)."""
    if not any(folder.glob("*.json")) and (folder / "answers").is_dir():
        return folder / "answers"
    return folder


@plan.command("export")
@click.argument("answers_dir", type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write: a .pdf or a .html file.")
@click.option("--language", default="en", show_default=True, help="Language of the plan's words.")
def export(answers_dir: Path, out: Path, language: str) -> None:
    """Write the business plan kept in ANSWERS_DIR (a trainee's answers folder) as a PDF or HTML file."""
    from ..answers import AnswerStore
    from ..i18n import SUPPORTED_LANGUAGES

    kind = _KINDS.get(out.suffix.lower())
    if kind is None:
        raise click.ClickException(f"Cannot write {out.name}: the file must end in .pdf or .html.")
    if not answers_dir.is_dir():
        raise click.ClickException(f"No answers folder at {answers_dir}.")
    if language not in SUPPORTED_LANGUAGES:
        choices = ", ".join(SUPPORTED_LANGUAGES)
        raise click.ClickException(f"No catalog for language {language!r}: choose one of {choices}.")
    from . import build_plan, export_html, export_pdf

    document = build_plan(AnswerStore(_answers_folder(answers_dir)), language)
    try:
        written = (export_pdf if kind == "pdf" else export_html)(document, out)
    except OSError as problem:
        raise click.ClickException(f"Cannot write {out}: {problem.strerror or problem}.") from None
    done = sum(section.done for section in document.sections)
    click.echo(f"wrote {written} ({done} of {len(document.sections)} parts done)")
