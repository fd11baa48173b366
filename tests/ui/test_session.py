"""AppSession: every edit saved at once, undo/redo of whole-plan snapshots, errors shown calmly."""

from __future__ import annotations

import pytest

from budget_tutor.model import Household, Plan
from budget_tutor.ui.session import AppSession


class MemoryStore:
    """The part of the Store contract the session uses, in memory, with an injectable failure."""

    def __init__(self) -> None:
        self.plans: dict[int, Plan] = {}
        self.settings: dict[str, str] = {}
        self.fail_next_save: BaseException | None = None
        self.saves = 0

    def create_household(self, plan: Plan) -> int:
        new_id = len(self.plans) + 1
        self.plans[new_id] = plan
        return new_id

    def load_plan(self, household_id: int) -> Plan:
        return self.plans[household_id]

    def save_plan(self, household_id: int, plan: Plan) -> None:
        if self.fail_next_save is not None:
            exc, self.fail_next_save = self.fail_next_save, None
            raise exc
        self.saves += 1
        self.plans[household_id] = plan

    def set_setting(self, key: str, value: str) -> None:
        self.settings[key] = value

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self.settings.get(key, default)


def _plan(name: str, people: int = 1) -> Plan:
    return Plan(household=Household(name=name, people=people))


@pytest.fixture
def session(qtbot):
    store = MemoryStore()
    s = AppSession(store)
    hid = store.create_household(_plan("Rahimovs"))
    s.open_household(hid)
    return s


def _edit(plan: Plan, people: int) -> Plan:
    return plan.replace(household=plan.household.__class__(name=plan.household.name, people=people))


def test_edit_is_saved_at_once_and_announced(session, qtbot):
    new = _edit(session.plan, 5)
    with qtbot.waitSignal(session.plan_changed) as blocker:
        assert session.apply_edit(new, "people")
    assert blocker.args == [new]
    assert session.store.plans[session.household_id].household.people == 5
    assert session.can_undo() and not session.can_redo()


def test_undo_and_redo_restore_whole_plan_snapshots_in_the_store(session):
    hid = session.household_id
    first = session.plan
    session.apply_edit(_edit(first, 3), "three")
    session.apply_edit(_edit(session.plan, 4), "four")
    assert session.undo_description() == "four"
    session.undo()
    assert session.store.plans[hid].household.people == 3
    session.undo()
    assert session.store.plans[hid] == first
    assert not session.can_undo()
    session.redo()
    session.redo()
    assert session.store.plans[hid].household.people == 4
    assert not session.can_redo()
    # a new edit after undo drops the redo branch
    session.undo()
    session.apply_edit(_edit(session.plan, 9), "nine")
    assert not session.can_redo()


def test_failed_save_keeps_stored_plan_and_history(session, qtbot):
    hid = session.household_id
    before = session.plan
    session.store.fail_next_save = OSError(28, "No space left on device")
    with qtbot.assertNotEmitted(session.plan_changed):
        assert session.apply_edit(_edit(before, 7), "seven") is False
    assert session.plan == before
    assert session.store.plans[hid] == before
    assert not session.can_undo()
    assert session.last_error and "No space left" in session.last_error


def test_switching_household_clears_history_and_data(session, qtbot):
    session.apply_edit(_edit(session.plan, 2), "two")
    other = session.store.create_household(_plan("Karimovs"))
    with qtbot.waitSignal(session.household_changed) as blocker:
        session.open_household(other)
    assert blocker.args == [other]
    assert session.plan.household.name == "Karimovs"
    assert not session.can_undo()
    with qtbot.waitSignal(session.household_changed) as blocker:
        session.close_household()
    assert blocker.args == [-1]
    assert session.plan is None and session.household_id is None


def test_presentation_mode_sets_font_scale(session, qtbot):
    with qtbot.waitSignal(session.presentation_changed) as blocker:
        session.set_presentation(True)
    assert blocker.args == [True]
    assert session.font_scale == pytest.approx(1.5)
    session.set_presentation(False)
    assert session.font_scale == 1.0


def test_language_switch_is_remembered_and_announced(session, qtbot):
    with qtbot.waitSignal(session.language_changed) as blocker:
        session.set_language("ru")
    assert blocker.args == ["ru"]
    assert session.store.settings["language"] == "ru"
    assert session.language == "ru"


def test_error_boxes_close_and_do_not_pile_up(session, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QMessageBox

    def boxes():
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]

    session.show_error("The disk is full.")
    session.show_error("The disk is full.")  # the same message is not shown twice
    assert len([b for b in boxes() if b.text() == "The disk is full."]) == 1
    box = next(b for b in boxes() if b.text() == "The disk is full.")
    assert box.buttons()[0].text() == "OK"
    box.close()  # deletes itself
    qtbot.waitUntil(lambda: not [b for b in boxes() if b.text() == "The disk is full."])
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # delete it now
    session.show_error("Another problem.")  # must not touch the deleted box
    assert session.last_error == "Another problem."
    for b in boxes():
        b.close()
