"""The kiosk over HTTP: only its own pages, sessions, sign-in, the cap on live sessions."""
from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from ritorno.curriculum import MODULES

from .conftest import APP, EXERCISE, start_kiosk, stop_kiosk

BUSY = "All seats are busy"


def _kernel_id(html: str) -> str:
    return re.search(r'"kernelId": "([0-9a-f-]{36})"', html).group(1)


def _visitor(kiosk, path: str = APP) -> tuple[requests.Session, requests.Response]:
    visitor = requests.Session()
    return visitor, visitor.get(kiosk.app(path), timeout=120)


def _end(kiosk, visitor: requests.Session) -> None:
    assert visitor.post(kiosk.url + "/kiosk/end", timeout=60, allow_redirects=False).status_code == 303


@pytest.mark.parametrize("path", [
    "/lab", "/tree", "/voila/tree", "/voila/tree/course", "/api/contents", "/voila/api/contents/course",
    "/api/kernels", "/api/sessions", "/api/kernelspecs", "/login", "/logout", "/files/pyproject.toml",
    "/voila/files/course/09_understanding_microcredit.ipynb", "/voila/render/../pyproject.toml",
    "/voila/render/%2e%2e/pyproject.toml", "/voila/render/solutions/09_understanding_microcredit/09_understanding_microcredit.ipynb",
    "/voila/render/course/../../etc/passwd", "/voila/static/../../../../etc/passwd",
    "/voila/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/voila/templates/../../etc/passwd",
    "/voila/templates/lab/static/../../../../../../etc/passwd", "/kiosk/static/../_app.py",
    "/voila/execution/00000000-0000-0000-0000-000000000000",
])
def test_nothing_but_the_kiosk_is_served(kiosk, path) -> None:
    reply = requests.get(kiosk.url + path, timeout=30)
    assert reply.status_code in (403, 404), (path, reply.status_code)
    assert "root:x:0:0" not in reply.text and "[project]" not in reply.text


def test_home_lists_every_module_in_the_visitors_language(kiosk) -> None:
    home = requests.get(kiosk.url + "/", timeout=30)
    assert home.status_code == 200 and home.headers["Cache-Control"] == "no-store"
    assert "default-src 'self'" in home.headers["Content-Security-Policy"]
    for module in MODULES:
        assert f"id='module-{module.number}'" in home.text and module.title in home.text
        assert f"/voila/render/{module.exercise_path}" in home.text
    visitor = requests.Session()
    french = visitor.post(kiosk.url + "/kiosk/preferences", data={"language": "fr", "country": "SN"}, timeout=30)
    assert french.status_code == 200 and "<html lang='fr'>" in french.text and "Rentrer au pays" in french.text
    assert "aria-pressed='true'>Sénégal" in french.text
    _end(kiosk, visitor)


def test_preferences_outside_the_lists_are_refused(kiosk) -> None:
    visitor = requests.Session()
    reply = visitor.post(kiosk.url + "/kiosk/preferences", data={"language": "../../etc", "country": "XX"}, timeout=30)
    assert reply.status_code == 400 and "That did not work" in reply.text and "Traceback" not in reply.text


@pytest.mark.parametrize("code", ["../etc", "..", "a/b", "a\\b", "/root", "amina 07", ".hidden", "x" * 65, "amina\x00/../x", "é"])
def test_a_code_with_path_characters_is_refused(kiosk, code) -> None:
    visitor = requests.Session()
    reply = visitor.post(kiosk.url + "/kiosk/sign-in", data={"code": code}, timeout=30)
    assert reply.status_code == 400
    assert "A code has only letters, digits, - and _" in reply.text
    assert "Signed in" not in reply.text
    assert not kiosk.data_dir.exists() or list(kiosk.data_dir.iterdir()) == []


def test_an_empty_code_asks_for_one_in_french(kiosk) -> None:
    visitor = requests.Session()
    visitor.post(kiosk.url + "/kiosk/preferences", data={"language": "fr"}, timeout=30)
    reply = visitor.post(kiosk.url + "/kiosk/sign-in", data={"code": "  "}, timeout=30)
    assert reply.status_code == 400 and "role='alert'" in reply.text
    assert "Please type the code" not in reply.text  # it is said in French
    _end(kiosk, visitor)


def test_signing_in_and_ending_the_session(kiosk) -> None:
    visitor = requests.Session()
    home = visitor.post(kiosk.url + "/kiosk/sign-in", data={"code": " amina-07 "}, timeout=30)
    assert "Signed in as amina-07" in home.text
    page = visitor.get(kiosk.app(EXERCISE), timeout=120)
    kernel = _kernel_id(page.text)
    assert visitor.get(f"{kiosk.url}/api/kernels/{kernel}", timeout=30).status_code == 200
    ended = visitor.post(kiosk.url + "/kiosk/end", timeout=60, allow_redirects=False)
    assert ended.status_code == 303 and ended.headers["Clear-Site-Data"] == '"storage"'
    assert "ritorno_kiosk=;" in ended.headers["Set-Cookie"] or "expires" in ended.headers["Set-Cookie"].lower()
    assert "Signed in" not in visitor.get(kiosk.url + "/", timeout=30).text
    # the kernel is gone, for anybody
    assert visitor.get(f"{kiosk.url}/api/kernels/{kernel}", timeout=30).status_code == 403


def test_a_visitor_cannot_reach_another_visitors_kernel(kiosk) -> None:
    owner, page = _visitor(kiosk)
    stranger = requests.Session()
    stranger.get(kiosk.url + "/", timeout=30)
    kernel = _kernel_id(page.text)
    assert owner.get(f"{kiosk.url}/api/kernels/{kernel}", timeout=30).status_code == 200
    assert stranger.get(f"{kiosk.url}/api/kernels/{kernel}", timeout=30).status_code == 403
    assert stranger.delete(f"{kiosk.url}/api/kernels/{kernel}", timeout=30).status_code == 403
    stranger.get(kiosk.app(), timeout=120)  # gets an _xsrf cookie of its own
    shutdown = stranger.post(f"{kiosk.url}/voila/api/shutdown/{kernel}", data={"_xsrf": stranger.cookies["_xsrf"]}, timeout=30)
    assert shutdown.status_code == 403
    assert owner.get(f"{kiosk.url}/api/kernels/{kernel}", timeout=30).status_code == 200
    _end(kiosk, owner)
    _end(kiosk, stranger)


def test_the_template_and_theme_cannot_be_changed_from_the_url(kiosk) -> None:
    visitor = requests.Session()
    page = visitor.get(kiosk.app() + "?voila-template=reveal&voila-theme=dark&template=reveal&theme=dark", timeout=120)
    assert page.status_code == 200 and "kiosk-bar" in page.text and "reveal.js" not in page.text
    assert "theme-dark" not in page.text
    _end(kiosk, visitor)


def test_app_pages_are_stripped_and_offline(kiosk) -> None:
    visitor, page = _visitor(kiosk)
    assert page.status_code == 200 and page.headers["Cache-Control"].startswith("no-cache, no-store")
    assert "from ritorno" not in page.text and "import " not in re.sub(r"<script.*?</script>", "", page.text, flags=re.S)
    external = {url for url in re.findall(r"(?:src|href)=[\"'](https?://[^\"']+)", page.text)}
    assert external == set()
    assert "cdn.jsdelivr.net" not in page.text and "cdnjs.cloudflare.com" not in page.text
    _end(kiosk, visitor)


def test_the_cap_holds_under_a_burst_of_page_loads(kiosk) -> None:
    before = len(kiosk.kernel_processes())
    visitors = [requests.Session() for _ in range(3 * kiosk.max_sessions)]
    with ThreadPoolExecutor(len(visitors)) as pool:
        replies = list(pool.map(lambda visitor: visitor.get(kiosk.app(), timeout=180), visitors))
    served = [visitor for visitor, reply in zip(visitors, replies) if reply.status_code == 200]
    busy = [reply for reply in replies if reply.status_code == 503]
    assert len(served) == kiosk.max_sessions and len(busy) == 2 * kiosk.max_sessions
    assert all(BUSY in reply.text and reply.headers["Retry-After"] == "60" for reply in busy)
    # the pool refills itself (one kernel per preheated app); beyond that, one kernel per seat
    assert len(kiosk.kernel_processes()) <= before + kiosk.max_sessions
    for visitor in served:
        _end(kiosk, visitor)
    late, page = _visitor(kiosk)
    assert page.status_code == 200
    _end(kiosk, late)


def test_a_closed_page_frees_its_seat(kiosk) -> None:
    visitors = []
    for _ in range(kiosk.max_sessions):
        visitor, page = _visitor(kiosk)
        assert page.status_code == 200
        visitors.append((visitor, _kernel_id(page.text)))
    assert _visitor(kiosk)[1].status_code == 503
    first, kernel = visitors[0]
    # what Voila's page sends when it is left (navigator.sendBeacon with the _xsrf cookie)
    left = first.post(f"{kiosk.url}/voila/api/shutdown/{kernel}", data={"_xsrf": first.cookies["_xsrf"]}, timeout=60)
    assert left.status_code == 204
    assert _visitor(kiosk)[1].status_code == 200
    for visitor, _ in visitors:
        _end(kiosk, visitor)
    time.sleep(0.5)


def test_a_visitor_who_walked_away_is_forgotten_by_the_server(tmp_path) -> None:
    """No browser script here: the server's own sweep ends the quiet session and frees the seat."""
    kiosk = start_kiosk(tmp_path, max_sessions=1, idle_minutes=0.1)
    try:
        visitor = requests.Session()
        assert "Signed in as kofi" in visitor.post(kiosk.url + "/kiosk/sign-in", data={"code": "kofi"}, timeout=30).text
        kernel = _kernel_id(visitor.get(kiosk.app(EXERCISE), timeout=120).text)
        assert _visitor(kiosk)[1].status_code == 503
        time.sleep(12)  # 6 s of quiet, a sweep every 1.5 s (a request now would count as activity)
        assert "Signed in as kofi" not in visitor.get(kiosk.url + "/", timeout=30).text
        assert visitor.get(f"{kiosk.url}/api/kernels/{kernel}", timeout=30).status_code == 403
        assert _visitor(kiosk)[1].status_code == 200
    finally:
        stop_kiosk(kiosk)
