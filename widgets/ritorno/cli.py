"""The `ritorno` command: thin wrappers over the Python API, one line per failure."""
from __future__ import annotations

from pathlib import Path

import click

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Ritorno: a course for returnees from Italy who start a microenterprise."""


@main.command()
@click.option("--workspace", type=click.Path(file_okay=False, path_type=Path), default=Path("workspace"),
              show_default=True, help="Folder where the apps run and trainees' answers are saved.")
@click.option("--port", type=click.IntRange(1024, 65535), default=8866, show_default=True, help="Port on localhost.")
@click.option("--language", default="en", show_default=True, help="Language of the apps.")
@click.option("--open-browser/--no-browser", default=True, help="Open the home page in a browser.")
def serve(workspace: Path, port: int, language: str, open_browser: bool) -> None:
    """Start the course as standalone apps on http://localhost:PORT/."""
    from .i18n import SUPPORTED_LANGUAGES
    from .serve import CourseNotFound, prepare_workspace
    from .serve import serve as run_server

    if language not in SUPPORTED_LANGUAGES:
        raise click.BadParameter(f"choose one of {', '.join(SUPPORTED_LANGUAGES)}", param_hint="--language")
    try:
        folder = prepare_workspace(workspace)
    except (CourseNotFound, OSError) as problem:
        raise click.ClickException(str(problem)) from None
    click.echo(f"Ritorno is starting: open http://localhost:{port}/ (answers are saved in {folder}). Ctrl+C stops it.")
    run_server(folder, port=port, open_browser=open_browser, language=language)


@main.group()
def exercises() -> None:
    """For course authors: the graded exercises."""


@exercises.command("generate")
@click.argument("assignments", nargs=-1)
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("."),
              show_default=True, help="The Ritorno checkout (holds solutions/ and exercises/).")
def generate(assignments: tuple[str, ...], root: Path) -> None:
    """Regenerate exercises/ from solutions/ with nbgrader (all assignments unless named)."""
    from .authoring import ReleaseFailed, generate_exercises, source_assignments

    if not (root / "solutions").is_dir():
        raise click.ClickException(f"No solutions/ folder in {root.resolve()}.")
    unknown = sorted(set(assignments) - set(source_assignments(root)))
    if unknown:
        raise click.ClickException(f"No source assignment called {', '.join(unknown)} in solutions/.")
    try:
        written = generate_exercises(root, assignments or None)
    except ReleaseFailed as problem:
        raise click.ClickException(str(problem)) from None
    for path in written:
        click.echo(f"wrote {path.relative_to(root.resolve())}")
