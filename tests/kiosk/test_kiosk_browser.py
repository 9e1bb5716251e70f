"""The kiosk in Chromium, driven by Playwright, as strangers at a shared terminal use it."""
from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator

import pytest
import requests
from click.testing import CliRunner

from ritorno.cli import main
from ritorno.curriculum import MODULES

from ..browser import ARTIFACTS, answer_true_cost, browser  # noqa: F401 - the fixture
from .conftest import EXERCISE, start_kiosk, stop_kiosk

MODULE = "09_understanding_microcredit"
SUMMARY = ".ritorno-loan-calculator .ritorno-summary"


class Visitor:
    """One person at the terminal: a browser context of their own, every request it makes recorded."""

    def __init__(self, browser, kiosk) -> None:
        self.kiosk = kiosk
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.errors: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"{message.text} {message.location.get('url', '')}"))
        self.refused: list[str] = []
        self.page.on("response", lambda response: response.status >= 400 and self.refused.append(
            f"{response.status} {response.url}"))

    def open_lesson(self, number: int = 9) -> None:
        self.page.goto(self.kiosk.url + "/")
        self.page.locator(f"#module-{number} a").first.click()
        self.page.locator(SUMMARY).wait_for(timeout=60_000)

    def amount(self):
        return self.page.locator(".ritorno-loan-calculator .widget-text", has_text=re.compile("Amount borrowed|Montant emprunté")).locator("input").first

    def wait_for_summary(self, digits: str) -> None:
        pattern = digits.replace(" ", r"\W")
        self.page.wait_for_function(f"document.querySelector('{SUMMARY}').innerText.match(/{pattern}/) !== null",
                                    timeout=30_000)

    def kiosk_cookie(self) -> str | None:
        return next((cookie["value"] for cookie in self.context.cookies() if cookie["name"] == "ritorno_kiosk"), None)

    def kernel_id(self) -> str:
        config = json.loads(self.page.locator("#jupyter-config-data").text_content())
        return config["kernelId"]

    def close(self) -> None:
        """Leave as a visitor should, with End session (a seat stays taken until then, or until culled)."""
        self.context.request.post(self.kiosk.url + "/kiosk/end", max_redirects=0)
        self.context.close()


@pytest.fixture
def visitor(browser, kiosk) -> Iterator[Visitor]:
    person = Visitor(browser, kiosk)
    yield person
    person.close()


def test_home_lists_every_module_and_answers_the_keyboard(visitor) -> None:
    page = visitor.page
    page.goto(visitor.kiosk.url + "/")
    tiles = page.locator("main .tile")
    assert tiles.count() == len(MODULES)
    for module in MODULES:
        tile = page.locator(f"#module-{module.number}")
        assert module.title in tile.locator("h2").inner_text() and tile.locator("svg.icon").count() == 1
        assert tile.get_by_role("link", name="Lesson").is_visible() and tile.get_by_role("link", name="Exercise").is_visible()
    page.screenshot(path=str(ARTIFACTS / "kiosk_home.png"), full_page=True)
    # keyboard only: End session, then the languages (English, Español, Français); Enter chooses
    focused = []
    for _ in range(4):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent"))
    assert focused == ["End session", "English", "Español", "Français"]
    page.keyboard.press("Enter")
    page.locator("html[lang='fr']").wait_for(state="attached")  # the same address: wait for the new page itself
    assert page.locator("#module-9 a").first.inner_text() == "Leçon"


def test_an_app_renders_reacts_and_stays_offline(visitor) -> None:
    visitor.open_lesson(9)
    page = visitor.page
    assert page.get_by_role("link", name="Home").is_visible() and page.get_by_role("button", name="End session").is_visible()
    visitor.wait_for_summary("91 680")  # Senegal's example: 1,000,000 XOF at 18% over 12 months
    chart = page.locator(".ritorno-loan-calculator img").first
    before = chart.get_attribute("src")
    visitor.amount().fill("2 000 000")
    visitor.wait_for_summary("183 360")
    page.wait_for_function("(before) => document.querySelector('.ritorno-loan-calculator img').src !== before", arg=before)
    page.screenshot(path=str(ARTIFACTS / "kiosk_app_module09.png"), full_page=False)
    assert "def " not in page.content() and "import " not in page.locator("#rendered_cells").inner_text()
    elsewhere = [url for url in visitor.requests
                 if not url.startswith((visitor.kiosk.url, "data:", "blob:"))]
    assert elsewhere == []
    assert visitor.refused == [] and visitor.errors == []
    page.get_by_role("link", name="Home").click()
    page.locator("main .tile").first.wait_for()


def test_a_french_visitor_gets_french_widgets(visitor) -> None:
    page = visitor.page
    page.goto(visitor.kiosk.url + "/")
    page.get_by_role("button", name="Français").click()
    page.get_by_role("button", name="Sénégal").click()
    visitor.open_lesson(9)
    assert "Montant emprunté" in page.locator(".ritorno-loan-calculator").inner_text()
    assert page.get_by_role("link", name="Accueil").is_visible()


def test_two_visitors_never_see_each_others_values(browser, kiosk) -> None:
    first, second = Visitor(browser, kiosk), Visitor(browser, kiosk)
    try:
        first.open_lesson(9)
        second.open_lesson(9)
        assert first.kernel_id() != second.kernel_id()
        first.amount().fill("2 000 000")
        first.wait_for_summary("183 360")
        second.wait_for_summary("91 680")
        second.amount().fill("3 000 000")
        second.wait_for_summary("275 040")
        first.wait_for_summary("183 360")
        assert first.amount().input_value() == "2 000 000" and second.amount().input_value() == "3 000 000"
    finally:
        first.close()
        second.close()


def _eventually(condition, seconds: float = 10.0) -> bool:
    """Whether ``condition()`` becomes true within ``seconds`` (a widget saves after the screen updates)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_signed_in_trainee_saves_for_the_trainer(visitor, tmp_path) -> None:
    page, kiosk = visitor.page, visitor.kiosk
    page.goto(kiosk.url + "/")
    page.get_by_label("Your code").fill("amina-07")
    page.get_by_label("Your code").press("Enter")
    assert "Signed in as amina-07" in page.locator("#signed-in").inner_text()
    visitor.open_lesson(9)  # lesson work is kept too, where later modules find it
    visitor.amount().fill("2 000 000")
    visitor.wait_for_summary("183 360")
    lesson_work = kiosk.data_dir / "amina-07" / "course" / "answers"
    assert _eventually(lambda: any(lesson_work.glob("*.json")))
    page.get_by_role("link", name="Home").click()
    page.locator("#module-9").get_by_role("link", name="Exercise").click()
    answer_true_cost(page)
    saved = kiosk.data_dir / "amina-07" / MODULE / "answers" / "m09_true_cost.json"
    assert json.loads(saved.read_text())["values"] == {"apr_a": 0.266, "cheaper": "A"}
    # the trainer's collect takes it as it is
    cohort, roster = tmp_path / "cohort", tmp_path / "trainees.csv"
    roster.write_text("id,first_name,last_name,email\namina-07,Amina,Diop,\n", encoding="utf-8")
    runner = CliRunner()
    for args in (["init", str(cohort)], ["add-trainees", str(cohort), str(roster)], ["collect", str(cohort), str(kiosk.data_dir)]):
        result = runner.invoke(main, ["trainer", *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert "0 file(s) rejected" in result.output and "rejected:" not in result.output
    assert (cohort / "submitted" / "amina-07" / MODULE / "answers" / "m09_true_cost.json").is_file()


def test_end_session_leaves_nothing_behind(visitor) -> None:
    page, kiosk = visitor.page, visitor.kiosk
    page.goto(kiosk.url + f"/voila/render/{EXERCISE}")
    answer_true_cost(page)  # an anonymous visitor: kept in memory only
    kernel = visitor.kernel_id()
    cookie = visitor.kiosk_cookie()
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(kiosk.url + "/")
    assert visitor.kiosk_cookie() is None
    assert "Nothing you type is kept" in page.locator("footer").inner_text()
    gone = requests.get(f"{kiosk.url}/api/kernels/{kernel}", cookies={"ritorno_kiosk": cookie}, timeout=30)
    assert gone.status_code == 403
    assert not kiosk.data_dir.exists() or not any(kiosk.data_dir.rglob("*.json")) or \
        all("amina-07" in str(path) for path in kiosk.data_dir.rglob("*.json"))
    assert not any(path.name == "answers" for path in kiosk.scratch.rglob("*"))
    # Back shows no earlier values: the page comes again, empty, for a new visitor
    page.go_back()
    form = page.locator(".ritorno-exercise", has_text="Which offer really costs less?")
    form.wait_for(timeout=60_000)
    assert form.locator(".ritorno-field-apr_a input").input_value() == ""


def test_a_quiet_screen_asks_then_clears_itself(browser, tmp_path) -> None:
    kiosk = start_kiosk(tmp_path, idle_minutes=0.1)  # 6 s, then 1.5 s to answer
    person = Visitor(browser, kiosk)
    try:
        person.open_lesson(9)
        kernel, cookie = person.kernel_id(), person.kiosk_cookie()
        person.page.locator("#still-there").wait_for(state="visible", timeout=20_000)
        person.page.wait_for_url(kiosk.url + "/", timeout=20_000)
        assert person.kiosk_cookie() is None
        assert requests.get(f"{kiosk.url}/api/kernels/{kernel}", cookies={"ritorno_kiosk": cookie},
                            timeout=30).status_code == 403
    finally:
        person.close()
        stop_kiosk(kiosk)
