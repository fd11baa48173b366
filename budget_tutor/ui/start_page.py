"""The first screen on a new laptop: choose the language, with big buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from budget_tutor.i18n import LANGUAGE_NAMES, LANGUAGES

#: "Choose your language" in each language: shown in all three at once, before any is chosen.
CHOOSE_LANGUAGE = {
    "tg": "Забонро интихоб кунед",
    "ru": "Выберите язык",
    "en": "Choose your language",
}


class StartPage(QWidget):
    """Three big buttons: Тоҷикӣ, Русский, English."""

    language_chosen = Signal(str)

    def __init__(self, session: object | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title_label = QLabel(self)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        layout.addSpacing(24)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.0)
        for lang in LANGUAGES:
            button = QPushButton(LANGUAGE_NAMES[lang], self)
            button.setFont(big)
            button.setMinimumHeight(80)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(
                lambda _checked=False, lang=lang: self.language_chosen.emit(lang)
            )
            button.setAccessibleName(LANGUAGE_NAMES[lang])
            button.setAccessibleDescription(CHOOSE_LANGUAGE[lang])
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            button.setMinimumWidth(360)
            self.buttons[lang] = button
        layout.addStretch(2)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        # The same in every language: nobody has chosen one yet.
        self.title_label.setText("\n".join(CHOOSE_LANGUAGE[lang] for lang in LANGUAGES))
        self.setAccessibleName(CHOOSE_LANGUAGE["en"])
