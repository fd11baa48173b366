"""Trainer conveniences: Ctrl+N from anywhere, a sample that is already there is switched to
(or freshly copied, when asked), and "Reset the demo" puts the samples back after a backup."""

from __future__ import annotations

import dataclasses
import sqlite3
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from budget_tutor import demo, i18n
from budget_tutor.model import Household, Plan
from budget_tutor.samples import SAMPLES, build_sample, localized
from budget_tutor.ui import messages
from budget_tutor.ui.app import run_app


@pytest.fixture
def start(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    windows = []

    def _start(lang: str = "en"):  # type: ignore[no-untyped-def]
        assert run_app(["--data-dir", str(tmp_path / "data"), "--lang", lang], exec_loop=False) == 0
        window = run_app.last_window  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        return window

    yield _start
    for window in windows:
        if getattr(window.session.store, "_conn", None) is not None:
            window.close()
            run_app.last_error_handler.uninstall()  # type: ignore[attr-defined]
            window.session.store.close()


def open_household(qtbot, window, name: str) -> int:  # type: ignore[no-untyped-def]
    store = window.session.store
    hid = store.create_household(Plan(household=Household(name=name, people=2)))
    window.household_page.refresh()
    window.household_page.select(hid)
    qtbot.mouseClick(window.household_page.open_button, Qt.MouseButton.LeftButton)
    assert window.session.household_id == hid
    return hid


def test_ctrl_n_creates_a_household_from_any_page(qtbot, start) -> None:  # type: ignore[no-untyped-def]
    window = start()
    open_household(qtbot, window, "First family")
    window.show_page("plan")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert window.new_household_action.shortcut().toString() == "Ctrl+N"
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    dialog = window.household_page.name_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.current_page == "households"
    qtbot.keyClicks(dialog.name_edit, "Second family")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    names = sorted(h.name for h in window.session.store.list_households())
    assert names == ["First family", "Second family"]
    assert window.session.current_household_name() == "Second family"
    assert window.current_page == "plan"


def test_a_sample_already_there_is_opened_not_copied(qtbot, start, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = start()
    page, store = window.household_page, window.session.store
    answers = [1, 0]  # the Sharipov family; then "open the one already here"
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: answers.pop(0))
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    first = window.session.household_id
    assert [h.name for h in store.list_households()] == ["Sharipov family (Isfara)"]
    # the family practised: a change in the plan
    plan = window.session.plan
    window.session.apply_edit(
        plan.replace(household=dataclasses.replace(plan.household, people=9)), "x"
    )
    window.show_households()
    asked = []

    def choose(parent, title, text, choices, **k):  # type: ignore[no-untyped-def]
        asked.append((text, choices))
        return [1, 0][len(asked) - 1]

    monkeypatch.setattr(messages, "ask_choice", choose)
    # still open: opening the sample again goes back to it and keeps its undo history
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert window.session.household_id == first and window.session.can_undo()
    asked.clear()
    window.show_households()
    window.session.close_household()
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert len(store.list_households()) == 1  # switched to it, no second copy
    assert window.session.household_id == first
    assert window.session.plan.household.people == 9  # as it is now
    assert "already on this computer" in asked[1][0] and "Sharipov" in asked[1][0]
    assert asked[1][1] == ["Open the one already here", "Make a fresh copy"]
    # "make a fresh copy" makes one, the original as shipped
    answers2 = [1, 1]
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: answers2.pop(0))
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    infos = store.list_households()
    assert len(infos) == 2
    fresh = window.session.household_id
    assert fresh != first and store.load_plan(fresh) == localized(build_sample("sharipov-isfara"))
    # and cancelling the question does nothing
    answers3 = [1, -1]
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: answers3.pop(0))
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert len(store.list_households()) == 2 and window.session.household_id == fresh


def test_a_sample_made_before_it_was_remembered_is_found_by_name(qtbot, start, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = start("ru")
    store = window.session.store
    i18n.set_language("en")
    old = store.create_household(build_sample("karimov-kulob"))  # English name, not remembered
    i18n.set_language("ru")
    window.household_page.refresh()
    answers = [0, 0]
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: answers.pop(0))
    qtbot.mouseClick(window.household_page.sample_button, Qt.MouseButton.LeftButton)
    assert window.session.household_id == old and len(store.list_households()) == 1


def test_reset_the_demo(qtbot, start, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = start()
    store = window.session.store
    page = window.household_page
    # two samples opened and used: edited, renamed, a PIN, lesson progress
    for choice in (0, 2):
        monkeypatch.setattr(messages, "ask_choice", lambda *a, choice=choice, **k: choice)
        qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    kulob, rasht = (
        demo.sample_households(store, sid)[0] for sid in ("karimov-kulob", "nazarov-rasht")
    )
    store.save_plan(kulob, Plan(household=Household(name="Our real family?", people=2)))
    store.set_pin(rasht, "1234")
    store.record_step(kulob, "m01", "s1", answer={"a": 1}, score=Decimal(1), done=True)
    store.record_step(rasht, "m02", "s1", answer=None, score=None, done=True)
    own = store.create_household(Plan(household=Household(name="A real family", people=5)))
    store.record_step(own, "m01", "s1", answer=None, score=None, done=True)
    window.session.open_household(kulob)
    assert not window.reset_demo_action.isEnabled()  # trainer mode only
    window.reset_demo()
    assert store.load_plan(kulob).household.name == "Our real family?"
    window.session.set_trainer_mode(True)
    assert window.reset_demo_action.isEnabled()
    assert window.reset_demo_action in window.trainer_menu.actions()
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: asked.append((a[2], k)) or False)
    window.reset_demo_action.trigger()
    question, options = asked[0]
    assert options == {"danger": True}
    assert '"Our real family?"' in question and '"Nazarov family (Rasht)"' in question
    assert "A real family" not in question and "backup" in question
    assert store.load_plan(kulob).household.name == "Our real family?"  # declined: nothing done
    backups_before = len(store.backups())

    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    window.reset_demo_action.trigger()
    # a backup first, holding the state before the reset
    newest = store.backups()[0]
    assert newest.reason == "before-demo-reset" and len(store.backups()) == backups_before + 1
    with sqlite3.connect(f"{newest.path.as_uri()}?mode=ro", uri=True) as kept:
        kept_names = {row[0] for row in kept.execute("SELECT name FROM households")}
    assert {"Our real family?", "A real family", "Nazarov family (Rasht)"} <= kept_names
    # the samples as shipped (English on an English screen), no PIN, no progress
    expected = {sid: localized(build()) for sid, build in SAMPLES.items()}
    assert store.load_plan(kulob) == expected["karimov-kulob"]
    assert store.load_plan(rasht) == expected["nazarov-rasht"]
    assert not store.household(rasht).has_pin
    assert store.progress(kulob) == {} and store.progress(rasht) == {}
    # the missing sample is added; the family's own household is untouched
    isfara = demo.sample_households(store, "sharipov-isfara")
    assert len(isfara) == 1 and store.load_plan(isfara[0]) == expected["sharipov-isfara"]
    assert store.load_plan(own) == Plan(household=Household(name="A real family", people=5))
    assert store.progress(own) != {}
    assert len(store.list_households()) == 4
    # the open sample shows its fresh plan, with a fresh undo history
    assert window.session.household_id == kulob
    assert window.session.plan == expected["karimov-kulob"] and not window.session.can_undo()
    assert "3 sample households" in window.statusBar().currentMessage()
