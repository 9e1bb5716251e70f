"""Benchmark: export a complete business plan to PDF, as the plan builder's "Save as PDF" button does.

Run:  .venv/bin/python benchmarks/plan_export.py [--runs 10]

Builds a complete answer set (modules 1-10, through the lessons' models) in a temporary
folder, then exports the PDF ``--runs`` times. Each export is timed whole: reading the
answers (``build_plan``), drawing the three charts (their cache is emptied before every
run, as after a trainee changes a figure), laying out and writing the PDF (fpdf2 reads the
two DejaVu fonts at every export). Target: under 2 s per export on this machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout: its tests hold the answer sets

from ritorno.answers import AnswerStore  # noqa: E402
from ritorno.plan import build_plan, export_pdf  # noqa: E402
from ritorno.plan._charts import chart_png  # noqa: E402
from tests.plan.answer_sets import complete  # noqa: E402

TARGET_SECONDS = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ritorno-plan-bench-") as scratch:
        folder = Path(scratch)
        store = AnswerStore(folder / "answers")
        complete(store)
        times = []
        for run in range(options.runs):
            chart_png.cache_clear()
            start = time.perf_counter()
            path = export_pdf(build_plan(store), folder / "business_plan.pdf")
            times.append(time.perf_counter() - start)
        size = path.stat().st_size
    median, longest = statistics.median(times), max(times)
    print(f"PDF export of a complete plan, {options.runs} runs on {os.cpu_count()} CPUs ({size / 1024:.0f} KiB):")
    print("  each run: " + ", ".join(f"{seconds:.2f}" for seconds in times) + " s")
    print(f"  median {median:.2f} s, max {longest:.2f} s")
    verdict = "within" if longest < TARGET_SECONDS else "ABOVE"
    print(f"  {verdict} the {TARGET_SECONDS:.0f} s target")
    return 0 if longest < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
