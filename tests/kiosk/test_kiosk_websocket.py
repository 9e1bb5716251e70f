"""Nobody can run code through the kiosk: the kernel channel forwards widget messages only."""
from __future__ import annotations

import json
import re
import time
import uuid

import pytest
import requests
import websocket

from .conftest import APP


def _message(msg_type: str, content: dict, session: str) -> str:
    return json.dumps({
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "visitor", "session": session,
                   "date": "2026-11-25T00:00:00Z", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": [],
    })


def _replies(channel, seconds: float) -> list[dict]:
    found, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        channel.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            found.append(json.loads(channel.recv()))
        except (websocket.WebSocketTimeoutException, ValueError):
            break
    return found


def _open_channel(kiosk, visitor: requests.Session, kernel: str):
    cookies = "; ".join(f"{name}={value}" for name, value in visitor.cookies.items())
    session = uuid.uuid4().hex
    url = kiosk.url.replace("http", "ws") + f"/api/kernels/{kernel}/channels?session_id={session}"
    return websocket.create_connection(url, header=[f"Cookie: {cookies}"], timeout=30), session


@pytest.fixture
def visitor_and_kernel(kiosk):
    visitor = requests.Session()
    page = visitor.get(kiosk.app(APP), timeout=120)
    yield visitor, re.search(r'"kernelId": "([0-9a-f-]{36})"', page.text).group(1)
    visitor.post(kiosk.url + "/kiosk/end", timeout=60)


def test_an_execute_request_runs_nothing(kiosk, visitor_and_kernel) -> None:
    visitor, kernel = visitor_and_kernel
    marker = kiosk.scratch / f"executed-{uuid.uuid4().hex}"
    channel, session = _open_channel(kiosk, visitor, kernel)
    try:
        code = f"open({str(marker)!r}, 'w').write('ran'); print('ran')"
        channel.send(_message("execute_request", {"code": code, "silent": False, "store_history": False,
                                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
                              session))
        channel.send(_message("kernel_info_request", {}, session))
        replies = _replies(channel, 10)
    finally:
        channel.close()
    kinds = [reply.get("msg_type") or reply["header"]["msg_type"] for reply in replies]
    assert "kernel_info_reply" in kinds  # the channel works: the execute_request itself was dropped
    assert "execute_reply" not in kinds and "execute_input" not in kinds and "stream" not in kinds
    time.sleep(1)
    assert not marker.exists()


def test_another_visitor_cannot_open_the_channel(kiosk, visitor_and_kernel) -> None:
    _, kernel = visitor_and_kernel
    stranger = requests.Session()
    stranger.get(kiosk.url + "/", timeout=30)
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        _open_channel(kiosk, stranger, kernel)
    assert refused.value.status_code == 403


def test_a_browser_cannot_listen_for_a_preheated_kernels_request(kiosk) -> None:
    url = kiosk.url.replace("http", "ws") + f"/voila/query/{uuid.uuid4()}"
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(url, header=[f"Origin: {kiosk.url}"], timeout=30)
    assert refused.value.status_code == 403
