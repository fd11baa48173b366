"""A lesson's planner task opens My plan at the right place with the suggested line ready."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor.model import ExpenseCategory, Household, Plan, SavingsKind, SavingsPlace
from budget_tutor.money import major
from budget_tutor.storage import Store
from budget_tutor.ui.main_window import MainWindow
from budget_tutor.ui.session import AppSession


@pytest.fixture
def window(qtbot, tmp_path: Path):
    store = Store.open(tmp_path / "data")
    store.set_setting("language", "en")
    plan = Plan(
        household=Household(name="Karimovs", people=6),
        savings=(SavingsPlace("box", "Cash box", SavingsKind.CASH),),
    )
    hid = store.create_household(plan)
    session = AppSession(store)
    w = MainWindow(session)
    qtbot.addWidget(w)
    session.open_household(hid)
    w.show_page("lessons")
    w.resize(1366, 768)
    w.show()
    yield w
    w.close()
    store.close()


def test_planner_task_adds_the_suggested_expense(qtbot, window):
    lessons = window.page("lessons")
    lessons.open_planner.emit(
        "expenses", {"action": "add_expense", "name": "Food for the month", "amount": "1120"}
    )
    assert window.current_page == "plan"
    plan_page = window.page("plan")
    assert plan_page.current_section() == "expenses"
    dialog = plan_page.section("expenses").dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name_edit.text() == "Food for the month"
    assert dialog.amount_edit.value() == major(1120)
    assert dialog.note_label.isVisibleTo(dialog)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(ExpenseCategory.FOOD))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = window.session.store.load_plan(window.session.household_id)
    assert [(e.name, e.schedule.amount) for e in stored.expenses] == [
        ("Food for the month", major(1120))
    ]


def test_planner_task_for_a_goal_uses_the_amount_the_plan_gives(qtbot, window):
    window.page("lessons").open_planner.emit(
        "goals",
        {
            "action": "add_goal",
            "name": "Emergency fund",
            "amount_rule": "months_of_food",
            "months": 3,
            "amount_minor": major(4500),
        },
    )
    savings = window.page("plan").section("savings")
    dialog = savings.goals.dialog
    assert dialog is not None and dialog.target_edit.value() == major(4500)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = window.session.store.load_plan(window.session.household_id)
    assert [(g.name, g.target, g.place_id) for g in stored.goals] == [
        ("Emergency fund", major(4500), "box")
    ]


def test_handout_menu_saves_a_pdf_with_the_familys_name(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from budget_tutor.ui import handout_export
    from tests.ui.test_handout_export import pdf_text, squeeze

    target = tmp_path / "handout.pdf"

    def save_here(dialog):  # the handout's save dialog: this folder, this name
        dialog.folder_edit.setText(str(tmp_path))
        dialog.name_edit.setText(target.name)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(handout_export.HandoutDialog, "exec", save_here)
    assert window.handout_action in window.file_menu.actions()
    assert window.handout_action.isEnabled()
    window.handout_action.trigger()
    assert target.is_file()
    text = squeeze("".join(pdf_text(target.read_bytes())))
    assert "Karimovs" in text


def test_handout_on_a_full_disk_says_so_in_words(qtbot, window, tmp_path, monkeypatch):
    import errno

    from PySide6.QtWidgets import QDialog

    from budget_tutor.ui import handout_export

    def save_here(dialog):  # the handout's save dialog: this folder
        dialog.folder_edit.setText(str(tmp_path))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(handout_export.HandoutDialog, "exec", save_here)

    def full(self, path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handout_export.HandoutExport, "write_pdf", full)
    window.handout_action.trigger()
    assert "the disk is full" in (window.session.last_error or "")
