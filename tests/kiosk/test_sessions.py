"""The kiosk's bookkeeping of visitors and seats, without a server."""
from __future__ import annotations

import pytest

from ritorno.kiosk import SessionRegistry


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def registry(clock) -> SessionRegistry:
    return SessionRegistry(max_seats=2, idle_seconds=300, clock=clock)


def test_a_cookie_finds_its_visitor_and_nothing_else(registry) -> None:
    visitor = registry.new("fr")
    assert registry.get(visitor.session_id) is visitor and visitor.language == "fr"
    assert registry.get("forged") is None and registry.get(None) is None and registry.get("") is None
    assert len(visitor.session_id) >= 40  # unguessable


def test_seats_are_capped_and_a_seated_visitor_may_open_more_apps(registry) -> None:
    first, second, third = registry.new("en"), registry.new("en"), registry.new("en")
    assert registry.take_seat(first) and registry.take_seat(second)
    assert not registry.take_seat(third)
    assert registry.take_seat(first)  # already seated: another app of theirs
    assert registry.seats_taken == 2


def test_a_reservation_that_never_got_a_kernel_is_given_back(registry) -> None:
    first, second, third = registry.new("en"), registry.new("en"), registry.new("en")
    registry.take_seat(first), registry.take_seat(second)
    registry.start_failed(second)
    assert registry.take_seat(third)


def test_kernels_belong_to_their_visitor_until_dropped(registry) -> None:
    visitor = registry.new("en")
    registry.take_seat(visitor)
    registry.kernel_started(visitor, "k1")
    registry.take_seat(visitor)
    registry.kernel_started(visitor, "k2")
    assert registry.owner_of("k1") is visitor and visitor.starting == 0
    assert registry.drop_kernels(visitor, keep="k2") == ["k1"]
    assert registry.owner_of("k1") is None and registry.owner_of("k2") is visitor


def test_closed_or_culled_kernels_free_their_seats(registry) -> None:
    first, second, third = registry.new("en"), registry.new("en"), registry.new("en")
    for visitor, kernel in ((first, "k1"), (second, "k2")):
        registry.take_seat(visitor)
        registry.kernel_started(visitor, kernel)
    assert not registry.take_seat(third)
    registry.reconcile(alive={"k2"})
    assert registry.owner_of("k1") is None and not first.seated
    assert registry.take_seat(third)


def test_forgetting_a_visitor_returns_their_kernels(registry) -> None:
    visitor = registry.new("en")
    registry.take_seat(visitor)
    registry.kernel_started(visitor, "k1")
    assert registry.forget(visitor) == ["k1"]
    assert registry.get(visitor.session_id) is None and registry.seats_taken == 0


def test_quiet_visitors_are_found(registry, clock) -> None:
    early, late = registry.new("en"), registry.new("en")
    clock.now = 200
    registry.get(late.session_id)
    clock.now = 301
    assert registry.idle_sessions() == [early]


def test_at_least_one_seat() -> None:
    with pytest.raises(ValueError):
        SessionRegistry(max_seats=0, idle_seconds=60)
