"""The PIN guards every action on a PIN household: open, rename, duplicate, delete, bring back
(undo and the deleted households menu), set/remove; wrong tries slow down across a restart; a
trainer can clear a forgotten PIN after a warning. All against the real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor.model import Expense, ExpenseCategory, Household, Plan, Schedule
from budget_tutor.storage import Store
from budget_tutor.ui import messages
from budget_tutor.ui.household_page import HouseholdPage
from budget_tutor.ui.pin_dialog import PinDialog
from budget_tutor.ui.session import AppSession

PIN = "2468"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def private_plan(name: str = "Private family") -> Plan:
    return Plan(
        household=Household(name=name, people=3, region="Kulob"),
        expenses=(
            Expense(
                "rent", "Secret debt to cousin", ExpenseCategory.OTHER, Schedule.monthly(12345)
            ),
        ),
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data: Path):  # type: ignore[no-untyped-def]
    s = Store.open(data)
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def page(qtbot, store, clock):  # type: ignore[no-untyped-def]
    session = AppSession(store)
    session.pin_guard.clock = clock
    p = HouseholdPage(session)
    qtbot.addWidget(p)
    p.show()
    return p


@pytest.fixture
def hid(store, page) -> int:  # type: ignore[no-untyped-def]
    household = store.create_household(private_plan())
    store.set_pin(household, PIN)
    page.refresh()
    page.select(household)
    return household


def enter_pin(qtbot, page, pin: str) -> PinDialog:  # type: ignore[no-untyped-def]
    d = page.pin_dialog
    assert d is not None and d.isVisible() and d.mode == "check"
    d.current_edit.clear()
    qtbot.keyClicks(d.current_edit, pin)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    return d


def snapshot(store: Store) -> tuple:  # type: ignore[type-arg]
    """Everything an action could change: households, trash, plans, PINs."""
    live = [(h.id, h.name, h.has_pin) for h in store.list_households()]
    gone = [(h.id, h.name, h.has_pin) for h in store.deleted_households()]
    plans = {h[0]: store.load_plan(h[0]) for h in live + gone}
    return live, gone, plans


# -- each action: nothing without the PIN, done with it -------------------------------------------


def do_open(qtbot, page, store, hid) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)


def do_rename(qtbot, page, store, hid) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)


def do_duplicate(qtbot, page, store, hid) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)


def do_delete(qtbot, page, store, hid) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)


ACTIONS = {"open": do_open, "rename": do_rename, "duplicate": do_duplicate, "delete": do_delete}


@pytest.mark.parametrize("action", list(ACTIONS))
def test_without_the_pin_nothing_is_shown_or_changed(
    qtbot, page, store, hid, clock, monkeypatch, action
):  # type: ignore[no-untyped-def]
    confirmed = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: confirmed.append(a) or True)
    before = snapshot(store)
    ACTIONS[action](qtbot, page, store, hid)
    # the PIN is asked first: no name dialog, no question, nothing opened
    assert page.pin_dialog is not None and page.pin_dialog.isVisible()
    assert page.name_dialog is None and confirmed == []
    for wrong in ("0000", "1357", "2469"):
        clock.advance(page.session.pin_guard.wait_seconds(hid))
        enter_pin(qtbot, page, wrong)
        assert page.pin_dialog.isVisible() and "not right" in page.pin_dialog.problem_label.text()
    page.pin_dialog.reject()
    assert page.session.household_id is None and page.session.plan is None
    assert page.name_dialog is None and confirmed == []
    assert snapshot(store) == before


@pytest.mark.parametrize("action", list(ACTIONS))
def test_with_the_pin_the_action_works(qtbot, page, store, hid, monkeypatch, action):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    ACTIONS[action](qtbot, page, store, hid)
    d = page.pin_dialog
    purpose = {"open": "open the plan", "rename": "rename", "duplicate": "copy", "delete": "delete"}
    assert purpose[action] in d.intro_label.text()
    enter_pin(qtbot, page, PIN)
    assert not d.isVisible()
    if action == "open":
        assert page.session.household_id == hid
        assert page.session.plan == private_plan()
    elif action == "rename":
        page.name_dialog.name_edit.clear()
        qtbot.keyClicks(page.name_dialog.name_edit, "Renamed")
        qtbot.mouseClick(page.name_dialog.ok_button, Qt.MouseButton.LeftButton)
        assert store.household(hid).name == "Renamed"
    elif action == "duplicate":
        qtbot.mouseClick(page.name_dialog.ok_button, Qt.MouseButton.LeftButton)
        infos = store.list_households()
        copy = next(i for i in infos if i.id != hid)
        assert copy.name == "Private family (copy)"
        # the copy is as private as the original: the same PIN, asked before opening it
        assert copy.has_pin and store.verify_pin(copy.id, PIN)
        page.select(copy.id)
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        assert page.session.household_id is None and page.pin_dialog.isVisible()
    elif action == "delete":
        assert [h.id for h in store.deleted_households()] == [hid]


def test_bringing_back_asks_the_pin_from_the_banner_and_from_the_menu(
    qtbot, page, store, hid, clock, monkeypatch
):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    enter_pin(qtbot, page, PIN)
    assert [h.id for h in store.deleted_households()] == [hid]
    # Undo in the banner: the PIN again
    qtbot.mouseClick(page.undo_delete_button, Qt.MouseButton.LeftButton)
    enter_pin(qtbot, page, "1111")
    page.pin_dialog.reject()
    assert [h.id for h in store.deleted_households()] == [hid]
    # the deleted households menu: the PIN too
    page._fill_trash_menu()
    actions = page.trash_menu.actions()
    assert len(actions) == 1 and "(PIN)" in actions[0].text()
    actions[0].trigger()
    clock.advance(page.session.pin_guard.wait_seconds(hid))
    enter_pin(qtbot, page, "9999")
    page.pin_dialog.reject()
    assert store.list_households() == []
    actions[0].trigger()
    clock.advance(page.session.pin_guard.wait_seconds(hid))
    enter_pin(qtbot, page, PIN)
    assert [h.id for h in store.list_households()] == [hid]
    assert store.deleted_households() == []


def test_changing_or_removing_the_pin_needs_the_current_one(qtbot, page, store, hid, clock):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    d = page.pin_dialog
    d.remove_check.setChecked(True)
    qtbot.keyClicks(d.current_edit, "0000")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible() and store.household(hid).has_pin
    assert not d.ok_button.isEnabled()  # the wait counts here too
    clock.advance(1)
    d.update_wait()
    qtbot.keyClicks(d.current_edit, PIN)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert not store.household(hid).has_pin


def test_the_session_itself_refuses_a_pin_household_without_its_pin(qtbot, page, store, hid, clock):  # type: ignore[no-untyped-def]
    session = page.session
    session.open_household(hid)
    assert session.household_id is None and session.plan is None
    assert "PIN" in (session.last_error or "")
    session.open_household(hid, pin="0000")
    assert session.household_id is None
    clock.advance(1)
    session.open_household(hid, pin=PIN)
    assert session.household_id == hid


def test_wrong_tries_slow_down_and_a_restart_does_not_reset_it(qtbot, data, clock):  # type: ignore[no-untyped-def]
    with Store.open(data) as store:
        hid = store.create_household(private_plan())
        store.set_pin(hid, PIN)
        session = AppSession(store)
        session.pin_guard.clock = clock
        page = HouseholdPage(session)
        qtbot.addWidget(page)
        page.show()
        page.select(hid)
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        waits = []
        for _ in range(5):
            d = enter_pin(qtbot, page, "0000")
            waits.append(session.pin_guard.wait_seconds(hid))
            assert not d.ok_button.isEnabled() and not d.current_edit.isEnabled()
            assert f"{waits[-1]} second" in d.problem_label.text()
            # OK stays disabled (and a click does nothing) until the wait is over
            clock.advance(waits[-1] - 1)
            d.update_wait()
            assert not d.ok_button.isEnabled() and "1 second" in d.problem_label.text()
            clock.advance(1)
            d.update_wait()
            assert d.ok_button.isEnabled()
        assert waits == [1, 2, 4, 8, 16]
        clock.advance(-16)  # the fifth wrong try just happened
        page.pin_dialog.reject()
        page.close()
    clock.advance(5)
    with Store.open(data) as store:  # Budget Tutor started again
        session = AppSession(store)
        session.pin_guard.clock = clock
        page = HouseholdPage(session)
        qtbot.addWidget(page)
        page.show()
        page.select(hid)
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        d = page.pin_dialog
        assert not d.ok_button.isEnabled()
        assert "11 seconds" in d.problem_label.text() and "Too many" in d.problem_label.text()
        d.current_edit.setEnabled(True)  # even forced, a try before the wait is not checked
        d.current_edit.setText(PIN)
        d._on_ok()
        assert d.isVisible() and session.household_id is None
        clock.advance(11)
        d.update_wait()
        enter_pin(qtbot, page, PIN)
        assert session.household_id == hid
        assert session.pin_guard.failures(hid) == (0, None)
        page.close()


def test_a_trainer_can_clear_a_forgotten_pin_after_a_warning(qtbot, page, store, hid, monkeypatch):  # type: ignore[no-untyped-def]
    assert not page.clear_pin_button.isVisibleTo(page)
    page.clear_forgotten_pin()  # outside trainer mode: nothing
    assert store.household(hid).has_pin
    page.session.set_trainer_mode(True)
    assert page.clear_pin_button.isVisible() and page.clear_pin_button.isEnabled()
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: asked.append((a[2], k)) or False)
    qtbot.mouseClick(page.clear_pin_button, Qt.MouseButton.LeftButton)
    assert store.household(hid).has_pin  # declined: kept
    warning, options = asked[0]
    assert "Private family" in warning and "anyone using this laptop" in warning
    assert options == {"danger": True}
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    qtbot.mouseClick(page.clear_pin_button, Qt.MouseButton.LeftButton)
    assert not store.household(hid).has_pin
    assert not page.clear_pin_button.isEnabled()  # nothing left to clear
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.session.household_id == hid


def test_the_app_does_not_reopen_a_pin_household_and_offers_no_export_of_it(qtbot, data):  # type: ignore[no-untyped-def]
    from budget_tutor.ui.app import run_app

    with Store.open(data) as store:
        store.set_setting("language", "en")
        hid = store.create_household(private_plan())
        store.set_pin(hid, PIN)
        store.set_setting("last_household", str(hid))
    assert run_app(["--data-dir", str(data)], exec_loop=False) == 0
    window = run_app.last_window  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    try:
        assert window.session.household_id is None and window.session.plan is None
        assert window.current_page == "households"
        for action in (window.export_action, window.handout_action, window.print_action):
            assert not action.isEnabled()
        for key in ("plan", "whatif", "progress", "lessons"):
            assert not window.nav_actions[key].isEnabled()
            window.show_page(key)  # even forced: back to the household list, nothing shown
            assert window.current_page == "households"
        window.export_plan_file()  # nothing open: nothing to save, no dialog
        assert window.session.plan is None
    finally:
        window.close()
        run_app.last_error_handler.uninstall()  # type: ignore[attr-defined]
        window.session.store.close()


def test_going_back_to_the_household_list_locks_a_pin_household(qtbot, data, clock):  # type: ignore[no-untyped-def]
    from budget_tutor.ui.app import run_app

    with Store.open(data) as store:
        store.set_setting("language", "en")
        private = store.create_household(private_plan())
        store.set_pin(private, PIN)
        plain = store.create_household(private_plan("Open family"))
    assert run_app(["--data-dir", str(data)], exec_loop=False) == 0
    window = run_app.last_window  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    try:
        window.session.pin_guard.clock = clock
        page = window.household_page
        page.select(private)
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        enter_pin(qtbot, page, PIN)
        assert window.session.household_id == private and window.current_page != "households"
        window.households_action.trigger()  # Ctrl+H: someone else's turn at the laptop
        assert window.session.household_id is None and window.session.plan is None
        assert not window.nav_actions["plan"].isEnabled()
        window.show_page("plan")
        assert window.current_page == "households"
        # a household without a PIN stays open, as before
        page.select(plain)
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        window.households_action.trigger()
        assert window.session.household_id == plain
    finally:
        window.close()
        run_app.last_error_handler.uninstall()  # type: ignore[attr-defined]
        window.session.store.close()
