"""Wrong PIN tries slow down (0, 1, 2, 4, 8 … s, capped), per household, across restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from budget_tutor.model import Household, Plan
from budget_tutor.pin_guard import MAX_DELAY_SECONDS, PinGuard, delay_after
from budget_tutor.storage import Store


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data: Path):  # type: ignore[no-untyped-def]
    s = Store.open(data)
    yield s
    s.close()


def household(store: Store, name: str, pin: str | None = "2468") -> int:
    hid = store.create_household(Plan(household=Household(name=name)))
    if pin:
        store.set_pin(hid, pin)
    return hid


def test_the_delay_table() -> None:
    # written out by hand: no wait before the first try, then doubling, capped at 5 minutes
    assert [delay_after(n) for n in range(0, 12)] == [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    assert delay_after(10_000) == MAX_DELAY_SECONDS == 300


def test_the_wait_grows_with_each_wrong_try_and_early_tries_are_not_checked(store: Store) -> None:
    clock = Clock()
    guard = PinGuard(store, clock)
    hid = household(store, "Private")
    assert guard.wait_seconds(hid) == 0
    waits = []
    for _ in range(5):
        result = guard.try_pin(hid, "0000")
        assert not result.ok and not result.refused
        waits.append(result.wait)
        assert guard.wait_seconds(hid) == result.wait
        # too early: refused without checking, even with the right PIN, and not counted
        if result.wait:
            clock.advance(result.wait - 0.5)
            early = guard.try_pin(hid, "2468")
            assert early.refused and not early.ok and early.wait == 1
            assert early.failures == result.failures
            clock.advance(0.5)
        assert guard.wait_seconds(hid) == 0
    assert waits == [1, 2, 4, 8, 16]
    assert guard.try_pin(hid, "2468").ok
    assert guard.failures(hid) == (0, None)  # a right PIN starts afresh
    assert guard.try_pin(hid, "1111").wait == 1


def test_the_count_survives_a_restart_and_is_kept_per_household(data: Path) -> None:
    clock = Clock()
    with Store.open(data) as store:
        a = household(store, "A")
        b = household(store, "B", "1357")
        guard = PinGuard(store, clock)
        for _ in range(4):
            guard.try_pin(a, "9999")
            clock.advance(delay_after(guard.failures(a)[0]))
        guard.try_pin(a, "9999")  # the fifth wrong try: 16 s
    clock.advance(3)
    with Store.open(data) as store:
        guard = PinGuard(store, clock)
        assert guard.failures(a)[0] == 5
        assert guard.wait_seconds(a) == 13
        assert guard.try_pin(a, "2468").refused
        assert guard.wait_seconds(b) == 0  # B is not slowed by A's wrong tries
        assert guard.try_pin(b, "1357").ok


def test_setting_the_clock_back_does_not_lift_the_wait(store: Store) -> None:
    clock = Clock()
    guard = PinGuard(store, clock)
    hid = household(store, "Private")
    for _ in range(4):
        clock.advance(guard.wait_seconds(hid))
        guard.try_pin(hid, "0000")
    assert guard.wait_seconds(hid) == 8
    clock.advance(-3600)
    assert guard.wait_seconds(hid) == 8  # the full wait again, from the new "now"
    clock.advance(7)
    assert guard.wait_seconds(hid) == 1


def test_a_read_only_store_still_slows_tries_down(data: Path) -> None:
    with Store.open(data) as store:
        hid = household(store, "Private")
    clock = Clock()
    with Store.open(data, read_only=True) as store:
        guard = PinGuard(store, clock)
        assert guard.try_pin(hid, "0000").wait == 1  # nothing can be written, yet it counts
        assert guard.try_pin(hid, "2468").refused
        clock.advance(1)
        assert guard.try_pin(hid, "2468").ok


def test_a_damaged_record_counts_as_a_wrong_try(store: Store) -> None:
    clock = Clock()
    guard = PinGuard(store, clock)
    hid = household(store, "Private")
    store.set_setting(f"pin-failures/{hid}", "lots yesterday")
    assert guard.failures(hid)[0] == 1
    assert guard.wait_seconds(hid) == 1


def test_clearing_a_forgotten_pin(store: Store) -> None:
    clock = Clock()
    guard = PinGuard(store, clock)
    hid = household(store, "Forgotten")
    for _ in range(3):
        clock.advance(guard.wait_seconds(hid))
        guard.try_pin(hid, "0000")
    guard.clear_forgotten_pin(hid)
    assert store.household(hid).has_pin is False
    assert guard.failures(hid) == (0, None)
    assert guard.try_pin(hid, "").ok
