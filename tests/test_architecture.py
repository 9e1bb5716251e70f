"""The layers keep their promises: pure cores, figures from the world in data, notebooks that only wire."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ritorno.countries import all_countries

JUPYTER_MODULES = ("ipywidgets", "IPython", "ipykernel", "traitlets", "nbgrader", "voila", "jupyter_server",
                   "matplotlib", "nbformat", "nbclient")


@pytest.mark.parametrize("package", ["ritorno.finance", "ritorno.countries", "ritorno.answers", "ritorno.i18n"])
def test_core_imports_nothing_of_jupyter(package: str) -> None:
    probe = f"import sys, {package}; print(sorted({{m.split('.')[0] for m in sys.modules}} & set({JUPYTER_MODULES!r})))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]", f"{package} pulls in {loaded}"


def _notebook_text(path: Path) -> str:
    return "\n".join("".join(cell["source"]) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"])


def _world_figures() -> list[tuple[str, str]]:
    """Caps, averages and exchange rates from the country data, as a notebook might spell them."""
    spelled = []
    for country in all_countries():
        for key, fact in country.facts.items():
            if fact.value is None or not re.search(r"cap|average|exchange|high|low", key):
                continue
            if fact.unit in ("annual_rate", "fraction"):
                percent = f"{fact.value * 100:.2f}".rstrip("0").rstrip(".")
                spelled += [(f"{country.code}.{key}", f"{percent}%"), (f"{country.code}.{key}", f"{percent} %")]
            else:
                spelled.append((f"{country.code}.{key}", f"{fact.value:g}"))
    return spelled


def test_no_figure_from_the_world_is_written_into_a_notebook(repo_root: Path) -> None:
    notebooks = list(repo_root.glob("course/*.ipynb")) + list(repo_root.glob("solutions/*/*.ipynb"))
    found = [(path.name, fact, text) for path in notebooks for fact, text in _world_figures()
             if re.search(rf"(?<![\d.,]){re.escape(text)}", _notebook_text(path))]
    assert found == [], "show these with facts_table() from ritorno.countries instead"


def test_notebook_code_cells_only_wire(repo_root: Path) -> None:
    """Logic belongs in the package: code cells import and build widgets in a few lines."""
    for path in list(repo_root.glob("course/*.ipynb")) + list(repo_root.glob("solutions/*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] != "code" or "BEGIN HIDDEN TESTS" in source:
                continue
            assert not re.search(r"^\s*(def|class|for|while|if) ", source, re.M), f"{path.name}: logic in a cell:\n{source}"
            assert len(source.splitlines()) <= 6, f"{path.name}: a long cell:\n{source}"


# Which packages each layer may use, inside ritorno: dependencies point one way, toward the core.
# Known exception: `plan` builds the document from `ui`'s pure models while `ui`'s plan builder shows
# `plan`'s document; moving the models into a package of their own would end that loop.
_CORE = {"finance", "countries", "i18n", "answers"}
_ALLOWED = {
    "finance": set(), "countries": set(), "i18n": set(), "answers": set(),
    "curriculum": _CORE,
    "grading": _CORE | {"curriculum"},
    "ui": _CORE | {"curriculum", "grading", "plan"},
    "plan": _CORE | {"curriculum", "ui"},
    "serve": _CORE | {"curriculum"},
    "trainer": _CORE | {"curriculum", "grading", "ui"},
    "kiosk": _CORE | {"curriculum", "ui", "serve", "trainer"},
}


def _ritorno_imports(path: Path, package: str) -> set[str]:
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 2 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 0 and (node.module or "").startswith("ritorno."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("ritorno.")}
    return found - {package}


@pytest.mark.parametrize("package", sorted(_ALLOWED))
def test_dependencies_point_toward_the_core(repo_root: Path, package: str) -> None:
    folder = repo_root / "widgets" / "ritorno" / package
    wrong = {(path.name, used) for path in folder.rglob("*.py") for used in _ritorno_imports(path, package)
             if used not in _ALLOWED[package]}
    assert wrong == set()


def test_grading_an_exercise_loads_no_widgets_and_no_charts(repo_root: Path, tmp_path: Path) -> None:
    """While nbgrader grades, every factory returns None: the kernel must not pay for ipywidgets or matplotlib."""
    probe = (
        "import glob, json, sys\n"
        f"for path in sorted(glob.glob({str(repo_root / 'solutions' / '*' / '*.ipynb')!r})):\n"
        "    namespace = {}\n"
        "    for cell in json.load(open(path, encoding='utf-8'))['cells']:\n"
        "        if cell['cell_type'] == 'code':\n"
        "            exec(''.join(cell['source']), namespace)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({JUPYTER_MODULES!r})))"
    )
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "NBGRADER_EXECUTION": "autograde"})
    assert ran.returncode == 0, ran.stderr
    assert "No answer is saved" in ran.stdout, "the test cells ran"
    assert ran.stdout.strip().splitlines()[-1] == "[]", f"grading pulls in {ran.stdout.splitlines()[-1]}"
