"""Qt's own translations and the language-change broadcast.

Qt ships a Russian translation of its own strings (``qtbase_ru.qm``) but none for Tajik; the
texts Qt would show in Tajik (standard buttons, text-field context menus) are set by
:mod:`budget_tutor.ui.messages` instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

#: Qt's locale for each of our languages.
QT_LOCALES = {"tg": "tg_TJ", "ru": "ru_RU", "en": "en_US"}

_installed: list[QTranslator] = []


def install_qt_translator(lang: str) -> bool:
    """Swap Qt's own translator for ``lang``; True when Qt has a catalog for it."""
    app = QCoreApplication.instance()
    QLocale.setDefault(QLocale(QT_LOCALES.get(lang, "en_US")))
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        return False
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False


def post_language_change() -> None:
    """Post ``QEvent.LanguageChange`` to every top-level widget; Qt passes it to children."""
    for widget in QApplication.topLevelWidgets():
        QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))
