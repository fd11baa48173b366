"""Qt's own translations and the language-change broadcast.

Qt ships a Russian translation of its own strings (``qtbase_ru.qm``) but none for Tajik; the
texts Qt would show in Tajik (standard buttons, text-field context menus) are set by
:mod:`budget_tutor.ui.messages` instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from budget_tutor import i18n
from budget_tutor.i18n import _, pgettext

#: Qt's locale for each of our languages.
QT_LOCALES = {"tg": "tg_TJ", "ru": "ru_RU", "en": "en_US"}

_installed: list[QTranslator] = []


def swap_qt_translators(lang: str) -> bool:
    """Swap Qt's own translators for ``lang``. True when any translator was installed or
    removed: Qt has then already sent ``LanguageChange`` to every widget, and posting another
    would make every widget (and every chart) retranslate twice."""
    changed = bool(_installed)
    install_qt_translator(lang)
    return changed or bool(_installed)


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
    found = translator.load(f"qtbase_{lang}", folder)
    if found:
        app.installTranslator(translator)
        _installed.append(translator)
    # Installed last, asked first: our catalog's texts for Qt's own widgets.
    ours = QtTextTranslator(app)
    app.installTranslator(ours)
    _installed.append(ours)
    return found


def post_language_change() -> None:
    """Post ``QEvent.LanguageChange`` to every top-level widget; Qt passes it to children."""
    for widget in QApplication.topLevelWidgets():
        QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))


def _english(message: str) -> str:
    return message


def _english_p(_context: str, message: str) -> str:
    return message


def _qt_texts(
    _: Callable[[str], str] = _, pgettext: Callable[[str, str], str] = pgettext
) -> dict[tuple[str, str], str]:
    """Our texts for what Qt draws itself, by (Qt context, Qt's English text).

    Built when asked (never at import time) from the ``budget_tutor`` catalog, so translators
    edit them like every other text. Called with :func:`_english`/:func:`_english_p` it gives
    our English wording, to tell which entries are translated.
    """
    menu = {
        "&Undo": pgettext("text menu", "&Undo"),
        "&Redo": pgettext("text menu", "&Redo"),
        "Cu&t": pgettext("text menu", "Cu&t"),
        "&Copy": pgettext("text menu", "&Copy"),
        "&Paste": pgettext("text menu", "&Paste"),
        "Delete": pgettext("text menu", "Delete"),
        "Select All": pgettext("text menu", "Select All"),
    }
    texts = {("QLineEdit", k): v for k, v in menu.items()}
    texts.update({("QWidgetTextControl", k): v for k, v in menu.items()})
    texts.update(
        {
            ("QAbstractSpinBox", "&Step up"): pgettext("text menu", "&Step up"),
            ("QAbstractSpinBox", "Step &down"): pgettext("text menu", "Step &down"),
            ("QPlatformTheme", "OK"): pgettext("button", "OK"),
            ("QPlatformTheme", "Cancel"): pgettext("button", "Cancel"),
            ("QPlatformTheme", "&Yes"): pgettext("button", "Yes"),
            ("QPlatformTheme", "&No"): pgettext("button", "No"),
            ("QPlatformTheme", "Save"): pgettext("button", "Save"),
            ("QPlatformTheme", "Close"): pgettext("button", "Close"),
            ("QPlatformTheme", "Open"): pgettext("button", "Open"),
            ("QPlatformTheme", "Apply"): pgettext("button", "Apply"),
            ("QPlatformTheme", "Reset"): pgettext("button", "Reset"),
            ("QPlatformTheme", "Help"): pgettext("button", "Help"),
            ("QPlatformTheme", "Don't Save"): pgettext("button", "Don't save"),
            ("QPlatformTheme", "Restore Defaults"): pgettext("button", "Restore defaults"),
            # Qt's own file dialog (the app always uses it, not the platform's).
            ("QFileDialog", "&Look in:"): _("Look in:"),
            ("QFileDialog", "File &name:"): _("File name:"),
            ("QFileDialog", "Files of &type:"): _("Files of type:"),
            ("QFileDialog", "Directory:"): pgettext("file dialog", "Folder:"),
            ("QFileDialog", "Directories"): pgettext("file dialog", "Folders"),
            ("QFileDialog", "&Open"): pgettext("button", "Open"),
            ("QFileDialog", "&Save"): pgettext("button", "Save"),
            ("QFileDialog", "&Choose"): pgettext("file dialog", "Choose"),
            ("QFileDialog", "Back"): pgettext("file dialog", "Back"),
            ("QFileDialog", "Go back"): pgettext("file dialog", "Back"),
            ("QFileDialog", "Forward"): pgettext("file dialog", "Forward"),
            ("QFileDialog", "Go forward"): pgettext("file dialog", "Forward"),
            ("QFileDialog", "Parent Directory"): pgettext("file dialog", "Up one folder"),
            ("QFileDialog", "Go to the parent directory"): pgettext("file dialog", "Up one folder"),
            ("QFileDialog", "Create New Folder"): pgettext("file dialog", "New folder"),
            ("QFileDialog", "Create a New Folder"): pgettext("file dialog", "New folder"),
            ("QFileDialog", "&New Folder"): pgettext("file dialog", "New folder"),
            ("QFileDialog", "New Folder"): pgettext("file dialog", "New folder"),
            ("QFileDialog", "List View"): pgettext("file dialog", "List"),
            ("QFileDialog", "Change to list view mode"): pgettext("file dialog", "List"),
            ("QFileDialog", "Detail View"): pgettext("file dialog", "Details"),
            ("QFileDialog", "Change to detail view mode"): pgettext("file dialog", "Details"),
            ("QFileDialog", "Sidebar"): pgettext("file dialog", "Places"),
            ("QFileDialog", "List of places and bookmarks"): pgettext("file dialog", "Places"),
            ("QFileDialog", "Files"): pgettext("file dialog", "Files"),
            ("QFileDialog", "&Delete"): pgettext("file dialog", "Delete"),
            ("QFileDialog", "&Rename"): pgettext("file dialog", "Rename"),
            ("QFileDialog", "Show &hidden files"): pgettext("file dialog", "Show hidden files"),
            ("QFileDialog", "All Files (*)"): _("All files (*)"),
            ("QFileSystemModel", "Name"): pgettext("file dialog", "Name"),
            ("QFileSystemModel", "Size"): pgettext("file dialog", "Size"),
            ("QFileSystemModel", "Type"): pgettext("file dialog", "Type"),
            ("QFileSystemModel", "Date Modified"): pgettext("file dialog", "Date changed"),
            ("QFileSystemModel", "Computer"): pgettext("file dialog", "Computer"),
            ("QAbstractFileIconProvider", "Drive"): pgettext("file dialog", "Drive"),
            ("QAbstractFileIconProvider", "Folder"): pgettext("file dialog", "Folder"),
            ("QAbstractFileIconProvider", "File"): pgettext("file dialog", "File"),
        }
    )
    return texts


class QtTextTranslator(QTranslator):
    """Gives Qt's own widgets our catalog's texts (Qt has no Tajik; ours also fill Russian
    gaps). Returns "" for anything it does not know, so Qt keeps looking or shows English."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[str, str], str] | None = None
        self._english = _qt_texts(_english, _english_p)
        self._listener = self._forget
        i18n.add_language_listener(self._listener)
        self.destroyed.connect(lambda *_a: i18n.remove_language_listener(self._listener))

    def _forget(self, _lang: str) -> None:
        self._cache = None

    def isEmpty(self) -> bool:
        return False

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if i18n.current_language() == i18n.SOURCE_LANGUAGE:
            return None  # type: ignore[return-value]  # a null QString: "not mine"
        table = self._cache
        if table is None:
            table = self._cache = _qt_texts()
        key = (context, source_text)
        text = table.get(key)
        if text is None or text == self._english.get(key):
            return None  # type: ignore[return-value]  # untranslated: Qt or English answers
        return text
