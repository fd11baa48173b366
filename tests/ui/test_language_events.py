"""A language switch tells every widget exactly once (each retranslation, and each chart draw,
happens once)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.session import AppSession


class _Counter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.count += 1
        return False


def test_every_switch_delivers_one_language_change(qtbot, tmp_path):
    store = Store.open(tmp_path / "data")
    try:
        store.create_household(Plan(household=Household(name="K")))
        session = AppSession(store)
        label = QLabel("x")
        qtbot.addWidget(label)
        label.show()
        counter = _Counter()
        label.installEventFilter(counter)
        for lang in ("ru", "tg", "en", "en", "ru", "ru"):
            counter.count = 0
            session.set_language(lang)
            for _ in range(3):
                QApplication.processEvents()
            assert counter.count == 1, lang
        session.set_language("en")
    finally:
        store.close()
