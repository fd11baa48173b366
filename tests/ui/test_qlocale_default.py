"""A language switch while the app runs sets Qt's default locale too, so the numbers Qt itself
formats (spin boxes, the amount fields' validators) follow the language: "1 234,50" in Russian,
"1,234.50" in English."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDoubleSpinBox

from budget_tutor.storage import Store
from budget_tutor.ui.session import AppSession

NBSP = "\u00a0"


def test_switching_language_switches_qt_numbers(qtbot, tmp_path):
    store = Store.open(tmp_path / "data")
    try:
        session = AppSession(store)
        session.set_language("ru")
        assert QLocale().toString(1234.5, "f", 2).replace(NBSP, " ") == "1 234,50"
        box = QDoubleSpinBox()
        qtbot.addWidget(box)
        box.setMaximum(10**6)
        box.setValue(1234.5)
        assert box.text().replace(NBSP, " ").replace("\u202f", " ") in ("1234,50", "1 234,50")
        session.set_language("en")
        assert QLocale().toString(1234.5, "f", 2) == "1,234.50"
        session.set_language("tg")
        assert QLocale().decimalPoint() == ","
    finally:
        store.close()
