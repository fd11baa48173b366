"""Battery 4: a second instance and stale locks.

A first Budget Tutor (a child process) holds the data folder and keeps saving. A second one gets
AlreadyOpen with a clear message — never SQLite's "database is locked" — and can look read-only
while the first one writes. After kill -9 the next start opens normally, every time.

Pass figures: 0 "database is locked" errors, 0 tracebacks in messages, RESTARTS_FAST (slow:
RESTARTS_SLOW) restarts after kill -9 all open without AlreadyOpen.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from budget_tutor.storage import AlreadyOpen, ReadOnlyStore, StorageError, Store

from .helpers import integrity_ok, plan_for
from .test_kill_while_saving import Child

RESTARTS_FAST = 10
RESTARTS_SLOW = 50


def test_second_instance_is_told_clearly_and_can_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = Child("hold", data)
    first.wait_ready()
    try:
        for _ in range(20):
            with pytest.raises(AlreadyOpen) as info:
                Store.open(data)
            message = info.value.user_message()
            assert str(data) in message and "already open" in message
            assert "locked" not in message and "Traceback" not in message
        # a read-only look while the first one keeps saving: never "database is locked"
        with Store.open(data, read_only=True) as viewer:
            deadline = time.monotonic() + 1.5
            reads = 0
            while time.monotonic() < deadline:
                try:
                    (info_,) = viewer.list_households()
                    assert viewer.load_plan(info_.id).household.name.startswith("Family ")
                    reads += 1
                except StorageError as exc:  # allowed, as long as it is a message
                    assert "locked" not in exc.user_message()
                except sqlite3.Error as exc:  # pragma: no cover - the failure this test hunts
                    raise AssertionError(f"raw SQLite error reached the caller: {exc}") from exc
            assert reads > 10
            with pytest.raises(ReadOnlyStore):
                viewer.set_setting("language", "ru")
    finally:
        first.kill()
    assert first.last("SAVED") > 0
    with Store.open(data) as store:  # the first one was killed: no stale lock
        assert store.list_households()


def test_the_app_offers_read_only_when_already_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real start-up code (ui.app.open_store) turns AlreadyOpen into a choice, not a crash."""
    from budget_tutor.ui import app, messages

    data = tmp_path / "data"
    first = Child("hold", data)
    first.wait_ready()
    asked: list[str] = []

    def ask_choice(parent, title, text, choices, cancel=False):  # the one modal dialog
        asked.append(text)
        return 0  # "Open read-only"

    monkeypatch.setattr(messages, "ask_choice", ask_choice)
    try:
        store = app.open_store(data)
        assert store is not None and store.read_only
        store.close()
    finally:
        first.kill()
    assert len(asked) == 1 and "already open" in asked[0] and "locked" not in asked[0]


def restarts(tmp_path: Path, count: int) -> int:
    data = tmp_path / "data"
    saved_total = 0
    for _ in range(count):
        child = Child("hold", data)
        child.wait_ready()
        time.sleep(0.05)
        child.kill()
        saved_total += child.last("SAVED")
        try:
            store = Store.open(data)
        except AlreadyOpen as exc:  # pragma: no cover - the failure this test hunts
            raise AssertionError("a stale lock blocked the restart") from exc
        try:
            households = store.list_households()
            assert households
            store.save_plan(households[0].id, plan_for(0))
        finally:
            store.close()
        assert integrity_ok(data / "budget.sqlite")
    return saved_total


def test_restarts_after_kill_9_open_normally(tmp_path: Path) -> None:
    restarts(tmp_path, RESTARTS_FAST)


@pytest.mark.slow
def test_restarts_after_kill_9_open_normally_full(tmp_path: Path) -> None:
    print("RESTARTS", RESTARTS_SLOW, "saves", restarts(tmp_path, RESTARTS_SLOW))
