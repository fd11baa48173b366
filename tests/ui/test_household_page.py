"""The household chooser: create, rename, duplicate, delete with undo, PIN, samples, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor.model import Household, Plan
from budget_tutor.planfile import save_plan_file
from budget_tutor.storage import Store
from budget_tutor.ui import messages
from budget_tutor.ui.household_page import HouseholdPage
from budget_tutor.ui.session import AppSession


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def page(qtbot, store):
    p = HouseholdPage(AppSession(store))
    qtbot.addWidget(p)
    p.show()
    return p


def _names(page) -> list[str]:
    return [page.list.item(i).text().split("\n")[0] for i in range(page.list.count())]


def _create(qtbot, page, name: str, people: int = 4, region: str = "") -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    d = page.name_dialog
    qtbot.keyClicks(d.name_edit, name)
    d.people_spin.setValue(people)
    qtbot.keyClicks(d.region_edit, region)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)


def test_create_household_opens_it(qtbot, page, store):
    assert page.hint_label.isVisible()
    with qtbot.waitSignal(page.household_opened):
        _create(qtbot, page, "Rahimov family", 5, "Isfara")
    infos = store.list_households()
    assert [(i.name, i.people, i.region) for i in infos] == [("Rahimov family", 5, "Isfara")]
    assert page.session.household_id == infos[0].id
    assert "5 people, Isfara" in page.list.item(0).text()


def test_empty_name_is_refused(qtbot, page, store):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    d = page.name_dialog
    qtbot.keyClicks(d.name_edit, "   ")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible() and "Enter a name" in d.problem_label.text()
    assert store.list_households() == []


def test_rename_duplicate_delete_and_undo(qtbot, page, store, monkeypatch):
    _create(qtbot, page, "Karimovs")
    page.session.close_household()
    page.select(store.list_households()[0].id)
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    page.name_dialog.name_edit.clear()
    qtbot.keyClicks(page.name_dialog.name_edit, "Karimov family")
    qtbot.mouseClick(page.name_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _names(page) == ["Karimov family"]

    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    assert page.name_dialog.name_edit.text() == "Karimov family (copy)"
    qtbot.mouseClick(page.name_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert sorted(_names(page)) == ["Karimov family", "Karimov family (copy)"]

    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: asked.append(a[2]) or True)
    page.select(next(i.id for i in store.list_households() if i.name.endswith("(copy)")))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Karimov family (copy)" in asked[0]
    assert _names(page) == ["Karimov family"]
    assert page.undo_banner.isVisible()
    assert "(copy)" in page.undo_label.text()
    qtbot.mouseClick(page.undo_delete_button, Qt.MouseButton.LeftButton)
    assert sorted(_names(page)) == ["Karimov family", "Karimov family (copy)"]
    assert not page.undo_banner.isVisible()


def test_declined_delete_keeps_household(qtbot, page, store, monkeypatch):
    _create(qtbot, page, "Nazarovs")
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: False)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert _names(page) == ["Nazarovs"]


def test_deleted_households_can_be_brought_back_from_the_menu(qtbot, page, store, monkeypatch):
    _create(qtbot, page, "Saidovs")
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.session.household_id is None  # the open household was closed
    page._fill_trash_menu()
    actions = page.trash_menu.actions()
    assert len(actions) == 1 and "Saidovs" in actions[0].text()
    actions[0].trigger()
    assert _names(page) == ["Saidovs"]


def test_pin_set_check_and_remove(qtbot, page, store):
    _create(qtbot, page, "Private family")
    hid = store.list_households()[0].id
    page.session.close_household()
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    d = page.pin_dialog
    assert "not encryption" in d.note_label.text()
    qtbot.keyClicks(d.new_edit, "2468")
    qtbot.keyClicks(d.repeat_edit, "2467")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert "not the same" in d.problem_label.text()
    qtbot.keyClicks(d.repeat_edit, "2468")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert store.list_households()[0].has_pin
    assert store.verify_pin(hid, "2468")

    # opening asks for the PIN; a wrong one keeps it closed
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    d = page.pin_dialog
    assert d.mode == "check"
    # only the PIN field: no stray "new PIN" fields floating in the corner
    assert d.current_edit.isVisible()
    assert not d.new_edit.isVisible() and not d.repeat_edit.isVisible()
    assert not d.new_label.isVisible() and not d.remove_check.isVisible()
    qtbot.keyClicks(d.current_edit, "1111")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert page.session.household_id is None
    assert "not right" in d.problem_label.text()
    assert "1 second" in d.problem_label.text() and not d.ok_button.isEnabled()
    qtbot.waitUntil(d.ok_button.isEnabled, timeout=3000)  # the real clock: one second
    qtbot.keyClicks(d.current_edit, "2468")
    with qtbot.waitSignal(page.household_opened):
        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert page.session.household_id == hid

    # removing needs the current PIN
    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    d = page.pin_dialog
    d.remove_check.setChecked(True)
    qtbot.keyClicks(d.current_edit, "2468")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert not store.list_households()[0].has_pin


def test_open_sample_household(qtbot, page, store, monkeypatch):
    monkeypatch.setattr(messages, "ask_choice", lambda *a, **k: 0)
    with qtbot.waitSignal(page.household_opened):
        qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    plan = page.session.plan
    assert plan is not None and plan.incomes  # a sample has a real plan
    from budget_tutor.samples import localized_samples

    assert plan.household.name == localized_samples()[0].household.name
    assert store.load_plan(page.session.household_id) == plan


def test_import_plan_file_and_bad_file(qtbot, page, store, monkeypatch, tmp_path):
    good = tmp_path / "good.json"
    save_plan_file(good, Plan(household=Household(name="From a file", people=3)))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "budget-tutor-plan", "version": 1, "household": 5}')
    monkeypatch.setattr(messages, "choose_file_to_open", lambda *a, **k: str(bad))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.session.last_error and "bad.json" in page.session.last_error
    assert store.list_households() == []
    monkeypatch.setattr(messages, "choose_file_to_open", lambda *a, **k: str(good))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert [i.name for i in store.list_households()] == ["From a file"]
    # an import is a change that can be undone: a backup was made first
    assert any(b.reason == "before-import" for b in store.backups())


def test_household_names_render_literally(qtbot, page, store):
    evil = "<b>x</b><img src=http://example.com/a.png>"
    store.create_household(Plan(household=Household(name=evil)))
    page.refresh()
    assert page.list.item(0).text().split("\n")[0] == evil
