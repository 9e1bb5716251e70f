"""The `ritorno` command: thin wrappers over the Python API, one line per failure."""
from __future__ import annotations

import os
from pathlib import Path

import click

from .plan.cli import plan

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



@main.command()
@click.option("--port", type=click.IntRange(1024, 65535), default=8866, show_default=True, help="Port to listen on.")
@click.option("--ip", default="127.0.0.1", show_default=True,
              help="Address to listen on (the terminal's own browser needs only 127.0.0.1).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("kiosk-data"),
              show_default=True, help="Where signed-in trainees' answers are saved, for `ritorno trainer collect`.")
@click.option("--max-sessions", type=click.IntRange(1, 500), default=10, show_default=True,
              help="Visitors with an app open at the same time; more see an 'all seats busy' page.")
@click.option("--idle-minutes", type=click.FloatRange(0.1, 240), default=5.0, show_default=True,
              help="After this long with no touch, key or click, the screen asks \"are you still there?\"; "
                   "without an answer the session ends and the screen is cleared.")
@click.option("--language", default="en", show_default=True, help="Language a new visitor sees first.")
@click.option("--roster", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The cohort's trainee CSV: only its codes can sign in (without it, any well-formed code).")
@click.option("--pool-size", type=click.IntRange(0, 8), default=1, show_default=True,
              help="Preheated kernels kept ready for each of the most used apps.")
def kiosk(port: int, ip: str, data_dir: Path, max_sessions: int, idle_minutes: float, language: str,
          roster: Path | None, pool_size: int) -> None:
    """Serve the course as apps for a shared terminal: no code, nothing kept for anonymous visitors."""
    from .i18n import SUPPORTED_LANGUAGES
    from .kiosk import KioskSettings, read_roster, run_kiosk
    from .serve import CourseNotFound
    from .trainer import TrainerError

    if language not in SUPPORTED_LANGUAGES:
        raise click.BadParameter(f"choose one of {', '.join(SUPPORTED_LANGUAGES)}", param_hint="--language")
    try:
        codes = read_roster(roster) if roster else None
        data_dir.mkdir(parents=True, exist_ok=True)
    except (TrainerError, OSError) as problem:
        raise click.ClickException(str(problem)) from None
    settings = KioskSettings(port=port, ip=ip, data_dir=data_dir, max_sessions=max_sessions,
                             idle_minutes=idle_minutes, language=language, roster=codes, pool_size=pool_size)
    click.echo(f"Ritorno kiosk: open http://{ip}:{port}/ on the terminal. Trainees' answers go to "
               f"{data_dir.resolve()}. Ctrl+C stops it.")
    try:
        run_kiosk(settings)
    except CourseNotFound as problem:
        raise click.ClickException(str(problem)) from None

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


@main.group()
def trainer() -> None:
    """For trainers: a cohort's exercises, from release to report, over nbgrader."""


def _cohort(directory: Path):
    from .trainer import Cohort, TrainerError

    try:
        return Cohort.open(directory)
    except TrainerError as problem:
        raise click.ClickException(str(problem)) from None


def _trainer_call(function, *args, **kwargs):
    """Run a trainer API call; its failures become a one-line message and exit code 1."""
    from .trainer import TrainerError

    try:
        return function(*args, **kwargs)
    except TrainerError as problem:
        raise click.ClickException(str(problem)) from None


_DIRECTORY = click.argument("directory", type=click.Path(file_okay=False, path_type=Path))


@trainer.command("init")
@_DIRECTORY
@click.option("--db", "db_url", help="Gradebook URL, e.g. postgresql://user@localhost/ritorno (default: SQLite in DIR).")
def trainer_init(directory: Path, db_url: str | None) -> None:
    """Create a cohort folder with the course's assignments and a gradebook."""
    from .serve import CourseNotFound, course_root
    from .trainer import init_cohort

    try:
        source = course_root()
    except CourseNotFound as problem:
        raise click.ClickException(str(problem)) from None
    cohort = _trainer_call(init_cohort, directory, source, db_url)
    click.echo(f"Cohort ready in {cohort.root} with {len(cohort.modules)} modules: {', '.join(cohort.modules)}")


@trainer.command("add-trainees")
@_DIRECTORY
@click.argument("csv_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def trainer_add_trainees(directory: Path, csv_file: Path) -> None:
    """Add the trainees of a CSV file (columns id,first_name,last_name,email)."""
    from .trainer import add_trainees

    added = _trainer_call(add_trainees, _cohort(directory), csv_file)
    click.echo(f"{len(added)} trainees in the gradebook.")


@trainer.command("release")
@_DIRECTORY
@click.argument("modules", nargs=-1)
def trainer_release(directory: Path, modules: tuple[str, ...]) -> None:
    """Generate the release notebooks of MODULES (all when none) into DIR/exercises."""
    from .trainer import TrainerError

    cohort = _cohort(directory)
    api = cohort.api()
    for module in _trainer_call(cohort.check_modules, modules):
        result = api.generate_assignment(module, force=True, create=True)
        if not result["success"]:
            raise click.ClickException(str(TrainerError(f"{module}: {result['error'].strip().splitlines()[-1]}")))
        click.echo(f"released {module} in {cohort.release_dir(module)}")


@trainer.command("collect")
@_DIRECTORY
@click.argument("source", type=click.Path(exists=True, path_type=Path))
def trainer_collect(directory: Path, source: Path) -> None:
    """Take trainees' answers from SOURCE (a folder <trainee>/<module>/... or zip files of such folders)."""
    from .trainer import collect

    report = _trainer_call(collect, _cohort(directory), source)
    for (trainee, module), exercises in sorted(report.collected.items()):
        click.echo(f"collected {trainee}/{module}: {len(exercises)} answer file(s)")
    for line in report.rejected:
        click.echo(line)
    click.echo(f"{len(report.collected)} submission(s) collected, {len(report.rejected)} file(s) rejected.")


@trainer.command("grade")
@_DIRECTORY
@click.option("--jobs", type=click.IntRange(1, 64), default=lambda: os.cpu_count() or 1, show_default="one per core",
              help="Submissions graded at once, each worker on its own warm kernel (more than the cores was not faster).")
def trainer_grade(directory: Path, jobs: int) -> None:
    """Autograde everything collected and not yet graded, JOBS at a time; print a summary table."""
    from .trainer import grade, scores

    cohort = _cohort(directory)

    def progress(outcome, done: int, total: int) -> None:
        status = "graded" if outcome.ok else f"FAILED: {outcome.problem}"
        click.echo(f"[{done}/{total}] {outcome.trainee} {outcome.module}: {status}")

    outcomes = _trainer_call(grade, cohort, jobs, progress)
    if not outcomes:
        click.echo("Nothing new to grade.")
    _print_table(scores(cohort))
    failed = [outcome for outcome in outcomes if not outcome.ok]
    if failed:
        raise click.ClickException(f"{len(failed)} of {len(outcomes)} submission(s) could not be graded (see above).")


def _print_table(rows) -> None:
    modules = sorted({row.module for row in rows})
    trainees = sorted({row.trainee for row in rows})
    cell = {(row.trainee, row.module): row for row in rows}
    click.echo("trainee".ljust(20) + "".join(module[:2].rjust(9) for module in modules))
    for trainee in trainees:
        values = []
        for module in modules:
            row = cell[(trainee, module)]
            values.append(("-" if row.score is None else f"{row.score:g}/{row.max_score:g}").rjust(9))
        click.echo(trainee[:20].ljust(20) + "".join(values))


@trainer.command("feedback")
@_DIRECTORY
def trainer_feedback(directory: Path) -> None:
    """Write HTML feedback for every graded submission into DIR/feedback."""
    from .trainer import generate_feedback

    written = _trainer_call(generate_feedback, _cohort(directory))
    click.echo(f"{len(written)} feedback file(s) in {directory / 'feedback'}")


@trainer.command("export")
@_DIRECTORY
@click.option("--csv", "csv_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="CSV file to write: trainee,module,score,max_score.")
def trainer_export(directory: Path, csv_file: Path) -> None:
    """Export one row per trainee and module with score and max score."""
    from .trainer import export_csv

    count = _trainer_call(export_csv, _cohort(directory), csv_file)
    click.echo(f"{count} row(s) written to {csv_file}")


@trainer.command("report")
@_DIRECTORY
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write.")
def trainer_report(directory: Path, out: Path) -> None:
    """Write a cohort report: score distribution per module, hardest exercises, who is behind."""
    from .trainer import write_report

    path = _trainer_call(write_report, _cohort(directory), out)
    click.echo(f"Report written to {path}")


main.add_command(plan)
