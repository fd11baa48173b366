"""Trainer mode's Narration… and Print the trainer's kit… in the real window."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from budget_tutor import i18n
from budget_tutor.ui.app import run_app


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)  # the confirmation: not shown
    code = run_app(["--data-dir", str(tmp_path / "data"), "--lang", "ru"], exec_loop=False)
    assert code == 0
    win = run_app.last_window
    qtbot.addWidget(win)
    yield win
    win.close()
    run_app.last_error_handler.uninstall()
    win.session.store.close()


def test_the_tools_appear_only_in_trainer_mode(window):
    assert not window.narration_action.isEnabled() and not window.trainer_kit_action.isEnabled()
    window.session.set_trainer_mode(True)
    assert window.narration_action.isEnabled() and window.trainer_kit_action.isEnabled()
    assert window.trainer_kit_action.text().replace("&", "") == "Напечатать комплект тренера…"
    assert window.trainer_kit_action in window.trainer_menu.actions()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")
def test_print_the_trainers_kit_writes_the_guide_and_every_module(window, tmp_path):
    window.session.set_trainer_mode(True)
    written = window.print_trainer_kit(str(tmp_path / "usb"))
    folder = tmp_path / "usb" / "budget-tutor-kit-ru"
    assert (folder / "guide.pdf").is_file()
    lessons = window.page("lessons").library.course_lessons()
    for lesson in lessons:
        assert (folder / f"{lesson.id}-script.pdf").is_file()
        assert (folder / f"{lesson.id}-take-home.pdf").is_file()
    assert len(written) == len(list(folder.glob("*.pdf")))
    assert "файл" in window.kit_message.text() and str(folder) in window.kit_message.text()
    assert i18n.current_language() == "ru"


def test_narration_dialog_opens_from_the_menu(window, monkeypatch):
    from budget_tutor.ui import narration_dialog

    monkeypatch.setattr(narration_dialog.NarrationDialog, "open", lambda self: None)
    window.session.set_trainer_mode(True)
    window.narration_action.trigger()
    dialog = window.narration_dialog
    assert dialog.table.rowCount() == len(window.page("lessons").library.course_lessons())
    assert dialog.windowTitle() == "Озвучивание"


def test_workshops_dialog_opens_from_the_menu(window, monkeypatch):
    from budget_tutor.ui import workshops_dialog

    monkeypatch.setattr(workshops_dialog.WorkshopsDialog, "open", lambda self: None)
    window.session.set_trainer_mode(True)
    assert window.workshops_action.isEnabled()
    window.workshops_action.trigger()
    assert window.workshops_dialog.windowTitle() == "Семинары"
