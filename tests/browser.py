"""Headless Chromium for the browser tests: Debian's package, driven by Playwright."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """One Chromium per test module (`make test` installs Debian's chromium when it is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        yield launched
        launched.close()


def answer_true_cost(page) -> None:
    """Module 9's "which offer costs less" exercise, partly answered (offer A's APR and the cheaper one), saved."""
    form = page.locator(".ritorno-exercise", has_text="Which offer really costs less?")
    form.wait_for(timeout=60_000)
    form.locator(".ritorno-field-apr_a input").fill("26.6")
    form.locator(".ritorno-field-apr_b input").press("Tab")
    form.get_by_text("Offer A", exact=True).click()
    form.get_by_role("button", name="Save my answers").click()
    form.locator(".ritorno-ok").wait_for(timeout=10_000)
