"""The apps really render and react in Chromium, driven by Playwright."""
from __future__ import annotations

import json
import re

import pytest

from ..browser import ARTIFACTS, answer_true_cost, browser  # noqa: F401 - the fixture

MODULE = "09_understanding_microcredit"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _box(page, scope: str, label: str):
    return page.locator(f"{scope} .widget-text", has_text=label).locator("input").first


def test_lesson_calculator_reacts_to_a_new_amount(server, page) -> None:
    url, _ = server
    page.goto(url + "/")
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    page.locator("#module-9 a", has_text="Lesson").click()
    calculator = page.locator(".ritorno-loan-calculator")
    calculator.wait_for(timeout=60_000)
    summary = calculator.locator(".ritorno-summary")
    assert re.search(r"Regular instalment\s*91\W680", summary.inner_text())  # Senegal's example: 1,000,000 XOF, 18%, 12 months
    amount = _box(page, ".ritorno-loan-calculator", "Amount borrowed")
    amount.fill("2 000 000")
    page.wait_for_function("document.querySelector('.ritorno-summary').innerText.match(/183\\W360/) !== null")
    page.screenshot(path=str(ARTIFACTS / "lesson_module09.png"), full_page=False)
    amount.fill("two million")
    page.locator(".ritorno-loan-calculator .ritorno-error").first.wait_for()
    assert "Please type a number" in page.locator(".ritorno-loan-calculator .ritorno-error").first.inner_text()


def test_exercise_saves_the_answer_beside_the_notebook(server, page) -> None:
    url, workspace = server
    page.goto(f"{url}/voila/render/exercises/{MODULE}/{MODULE}.ipynb")
    answer_true_cost(page)
    saved = json.loads((workspace / "exercises" / MODULE / "answers" / "m09_true_cost.json").read_text())
    assert saved["values"] == {"apr_a": 0.266, "cheaper": "A"}
    page.screenshot(path=str(ARTIFACTS / "exercise_module09.png"), full_page=False)


def test_plan_builder_offers_the_pdf_for_download(server, page) -> None:
    url, workspace = server
    page.goto(f"{url}/voila/render/course/10_bankable_business_plan.ipynb")
    builder = page.locator(".ritorno-plan-builder")
    builder.wait_for(timeout=60_000)
    builder.get_by_role("button", name="Save as PDF").click()
    link = builder.locator("a.ritorno-download")
    link.wait_for(timeout=30_000)
    assert link.get_attribute("download") == "business_plan.pdf"
    assert link.get_attribute("href").startswith("data:application/pdf;base64,")
    assert (workspace / "course" / "business_plan.pdf").read_bytes().startswith(b"%PDF")
