"""Presentation mode: F11 full screen with a larger font; leaving restores window and font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.main_window import MainWindow
from budget_tutor.ui.session import AppSession


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "data")
    store.set_setting("language", "en")
    hid = store.create_household(Plan(household=Household(name="Projector family")))
    session = AppSession(store)
    session.open_household(hid)
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(800, 570)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    store.close()


def test_f11_enters_and_leaving_restores(qtbot, window):
    app = QApplication.instance()
    font_before = app.font().pointSizeF()
    size_before = window.size()
    window.presentation_action.trigger()  # F11
    assert window.session.presentation
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert app.font().pointSizeF() == pytest.approx(font_before * 1.5)
    assert window.presentation_action.isChecked()
    window.presentation_action.trigger()
    assert not window.session.presentation
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert app.font().pointSizeF() == pytest.approx(font_before)
    qtbot.waitUntil(lambda: window.size() == size_before, timeout=2000)


def test_escape_leaves_presentation(qtbot, window):
    window.session.set_presentation(True)
    qtbot.waitUntil(lambda: window.leave_presentation_action.isEnabled(), timeout=2000)
    window.leave_presentation_action.trigger()
    assert not window.session.presentation


def test_f11_shortcut_is_bound(window):
    assert window.presentation_action.shortcut().toString() == "F11"
    assert window.trainer_action.shortcut().toString() == "Ctrl+Shift+T"


def test_high_contrast_palette_and_back(qtbot, window):
    app = QApplication.instance()
    before = app.palette().color(QPalette.ColorRole.Window)
    window.high_contrast_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert window.settings.high_contrast()
    # labels with their own style sheet follow the new palette too
    title = window.household_page.title_label
    assert title.styleSheet() and title.text()
    window.show_households()
    QApplication.processEvents()
    image = window.grab().toImage()
    origin = title.mapTo(window, QPoint(0, 0))
    light = sum(
        1
        for x in range(origin.x(), origin.x() + title.width(), 2)
        for y in range(origin.y(), origin.y() + title.height())
        if image.pixelColor(x, y).lightness() > 180
    )
    assert light > 10, "the title is drawn dark on the dark background"
    window.high_contrast_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window) == before
    assert not window.settings.high_contrast()
