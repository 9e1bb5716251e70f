"""Benchmark: grade a synthetic cohort with `ritorno trainer grade` against a sequential `nbgrader autograde`.

Run:  .venv/bin/python benchmarks/grading.py [--trainees 30] [--jobs N]   (N: one per core by default)

Both graders get the same submissions (a copy of the same cohort); the figures
printed are wall-clock times on this machine and the scores must agree.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nbgrader.api import Gradebook

from ritorno.answers import AnswerStore
from ritorno.curriculum import all_exercises
from ritorno.serve import course_root
from ritorno.trainer import add_trainees, collect, grade, init_cohort


def _synthetic_answers(exercise, rng: random.Random) -> dict:
    values = {}
    for field in exercise.fields:
        if rng.random() < 0.2:
            continue  # left empty
        if field.kind == "choice":
            values[field.name] = rng.choice([value for value, _ in field.choices])
        elif field.kind == "percent":
            values[field.name] = round(rng.uniform(0.05, 0.6), 3)
        else:
            values[field.name] = round(rng.uniform(0, 500_000), 0)
    return values


def _scores(db_url: str) -> dict[tuple[str, str], float]:
    with Gradebook(db_url, course_id="ritorno") as gradebook:
        return {(item.student.id, item.assignment.name): item.score
                for assignment in gradebook.assignments for item in assignment.submissions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    os.environ["PATH"] = os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]
    rng = random.Random(20261124)
    with tempfile.TemporaryDirectory(prefix="ritorno-bench-") as scratch:
        work = Path(scratch)
        cohort = init_cohort(work / "cohort", course_root())
        roster = work / "trainees.csv"
        ids = [f"trainee{number:02d}" for number in range(1, options.trainees + 1)]
        roster.write_text("id,first_name,last_name,email\n" + "".join(f"{i},T,{i},\n" for i in ids), encoding="utf-8")
        add_trainees(cohort, roster)
        inbox = work / "inbox"
        for trainee in ids:
            for module in cohort.modules:
                number = int(module.split("_", 1)[0])
                store = AnswerStore(inbox / trainee / module / "answers")
                for exercise in all_exercises():
                    if exercise.module == number:
                        store.save(exercise.exercise_id, _synthetic_answers(exercise, rng))
        collect(cohort, inbox)
        baseline = work / "baseline"
        shutil.copytree(cohort.root, baseline)
        baseline_db = f"sqlite:///{baseline / 'gradebook.db'}"
        (baseline / "nbgrader_config.py").write_text(
            (baseline / "nbgrader_config.py").read_text().replace(cohort.db_url, baseline_db))
        submissions = len(ids) * len(cohort.modules)
        print(f"{len(ids)} trainees × {len(cohort.modules)} module(s) = {submissions} submissions, "
              f"{os.cpu_count()} cores")

        started = time.perf_counter()
        for module in cohort.modules:
            subprocess.run(["nbgrader", "autograde", module, "--force"], cwd=baseline, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sequential = time.perf_counter() - started
        print(f"sequential nbgrader autograde: {sequential:7.1f} s  ({sequential / submissions:.2f} s per submission)")

        started = time.perf_counter()
        outcomes = grade(cohort, jobs=options.jobs)
        ours = time.perf_counter() - started
        failed = [outcome for outcome in outcomes if not outcome.ok]
        print(f"ritorno trainer grade --jobs {options.jobs}: {ours:7.1f} s  ({ours / submissions:.2f} s per submission)")
        print(f"speed-up: {sequential / ours:.2f}×")
        same = _scores(cohort.db_url) == _scores(baseline_db)
        print(f"failed submissions: {len(failed)}; scores identical to nbgrader's: {same}")
        for outcome in failed:
            print(f"  {outcome.trainee} {outcome.module}: {outcome.problem}")
        if failed or not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
