"""Every control a person can reach on the shell's screens has an accessible name, and the
screens fit 1024x768 without a horizontal scroll bar on the forms."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QWidget,
)

from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.line_dialog import SECTION_PREFIX, LineDialog
from budget_tutor.ui.main_window import MainWindow
from budget_tutor.ui.session import AppSession

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QListWidget, QTableWidget)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        parent = widget.parentWidget()
        # the line edit inside a spin box or combo box is named through its owner
        if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue
        if type(widget).__name__ in ("QToolBarExtension", "QScrollBar"):
            continue
        if widget.objectName().startswith("qt_"):
            continue
        name = widget.accessibleName()
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text().replace("&", "")
        if not name:
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    return missing


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "data")
    store.set_setting("language", "ru")
    hid = store.create_household(Plan(household=Household(name="Семья")))
    session = AppSession(store)
    w = MainWindow(session)
    qtbot.addWidget(w)
    session.open_household(hid)
    w.show_page("plan")
    w.resize(1024, 768)
    w.show()
    yield w
    w.close()
    store.close()


def test_plan_page_controls_are_named(window):
    page = window.page("plan")
    for key in ("incomes", "expenses", "savings", "household", "rates"):
        page.show_section(key)
        QApplication.processEvents()
        assert _unnamed(page) == [], key


def test_household_page_and_toolbar_controls_are_named(window):
    window.show_households()
    assert _unnamed(window.household_page) == []
    assert _unnamed(window.toolbar) == []


@pytest.mark.parametrize("section", sorted(SECTION_PREFIX))
def test_line_dialog_controls_are_named(qtbot, window, section):
    dialog = LineDialog(section, window.session.plan, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _unnamed(dialog) == []
    dialog.reject()
