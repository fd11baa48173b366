"""Qt's own translations and the language-change broadcast.

Qt ships a Russian translation of its own strings (``qtbase_ru.qm``, installed for Russian) but
none for Tajik. :class:`QtTextTranslator`, installed last and so asked first, answers Qt's own
widgets (standard buttons, text-field menus, the file dialog, the print dialog with its
Properties and page-setup parts) from our ``budget_tutor`` catalog, by Qt context and Qt's
English text; whatever it does not know, Qt's own translator or Qt's English answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from budget_tutor import i18n
from budget_tutor.i18n import NP_, _, pgettext

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


# Translators: the texts of Qt's own print dialog (Ctrl+P), its Properties and page-setup parts.
# The context names the Qt widget ("Qt QPrintDialog"); Russian may copy Qt's own translation.
# Paper sizes (A4, Letter, Envelope C5…) are standard names and stay as Qt writes them.
_QT_DIALOG_TEXTS: tuple[tuple[str, str], ...] = (
    NP_("Qt QCupsJobWidget", "&Billing information:"),
    NP_("Qt QCupsJobWidget", "&End:"),
    NP_("Qt QCupsJobWidget", "&Start:"),
    NP_("Qt QCupsJobWidget", "Banner Pages"),
    NP_("Qt QCupsJobWidget", "Classified"),
    NP_("Qt QCupsJobWidget", "Confidential"),
    NP_("Qt QCupsJobWidget", "Day (06:00 to 17:59)"),
    NP_("Qt QCupsJobWidget", "Hold Indefinitely"),
    NP_("Qt QCupsJobWidget", "Job"),
    NP_("Qt QCupsJobWidget", "Job &priority:"),
    NP_("Qt QCupsJobWidget", "Job Control"),
    NP_("Qt QCupsJobWidget", "Night (18:00 to 05:59)"),
    NP_("Qt QCupsJobWidget", "None"),
    NP_("Qt QCupsJobWidget", "Print Immediately"),
    NP_("Qt QCupsJobWidget", "Scheduled &printing:"),
    NP_("Qt QCupsJobWidget", "Second Shift (16:00 to 23:59)"),
    NP_("Qt QCupsJobWidget", "Secret"),
    NP_("Qt QCupsJobWidget", "Specific Time"),
    NP_("Qt QCupsJobWidget", "Standard"),
    NP_("Qt QCupsJobWidget", "Third Shift (00:00 to 07:59)"),
    NP_("Qt QCupsJobWidget", "Top Secret"),
    NP_("Qt QCupsJobWidget", "Unclassified"),
    NP_("Qt QCupsJobWidget", "Weekend (Saturday to Sunday)"),
    NP_("Qt QPageSetupWidget", "Cicero (CC)"),
    NP_("Qt QPageSetupWidget", "Custom"),
    NP_("Qt QPageSetupWidget", "Didot (DD)"),
    NP_("Qt QPageSetupWidget", "Form"),
    NP_("Qt QPageSetupWidget", "Height:"),
    NP_("Qt QPageSetupWidget", "Inches (in)"),
    NP_("Qt QPageSetupWidget", "Landscape"),
    NP_("Qt QPageSetupWidget", "Margins"),
    NP_("Qt QPageSetupWidget", "Millimeters (mm)"),
    NP_("Qt QPageSetupWidget", "Orientation"),
    NP_("Qt QPageSetupWidget", "Page &order:"),
    NP_("Qt QPageSetupWidget", "Page Layout"),
    NP_("Qt QPageSetupWidget", "Page size:"),
    NP_("Qt QPageSetupWidget", "Pages &per sheet:"),
    NP_("Qt QPageSetupWidget", "Paper"),
    NP_("Qt QPageSetupWidget", "Paper source:"),
    NP_("Qt QPageSetupWidget", "Pica (P̸)"),
    NP_("Qt QPageSetupWidget", "Points (pt)"),
    NP_("Qt QPageSetupWidget", "Portrait"),
    NP_("Qt QPageSetupWidget", "Reverse landscape"),
    NP_("Qt QPageSetupWidget", "Reverse portrait"),
    NP_("Qt QPageSetupWidget", "Width:"),
    NP_("Qt QPageSetupWidget", "bottom margin"),
    NP_("Qt QPageSetupWidget", "left margin"),
    NP_("Qt QPageSetupWidget", "mm"),
    NP_("Qt QPageSetupWidget", "right margin"),
    NP_("Qt QPageSetupWidget", "top margin"),
    NP_("Qt QPrintDialog", "&Options <<"),
    NP_("Qt QPrintDialog", "&Options >>"),
    NP_("Qt QPrintDialog", "&Print"),
    NP_("Qt QPrintDialog", "All Pages"),
    NP_("Qt QPrintDialog", "Bottom to Top, Left to Right"),
    NP_("Qt QPrintDialog", "Bottom to Top, Right to Left"),
    NP_("Qt QPrintDialog", "Even Pages"),
    NP_("Qt QPrintDialog", "Left to Right, Bottom to Top"),
    NP_("Qt QPrintDialog", "Left to Right, Top to Bottom"),
    NP_("Qt QPrintDialog", "Local file"),
    NP_("Qt QPrintDialog", "Odd Pages"),
    NP_("Qt QPrintDialog", "Print"),
    NP_("Qt QPrintDialog", "Print to File (PDF)"),
    NP_("Qt QPrintDialog", "Right to Left, Bottom to Top"),
    NP_("Qt QPrintDialog", "Right to Left, Top to Bottom"),
    NP_("Qt QPrintDialog", "Top to Bottom, Left to Right"),
    NP_("Qt QPrintDialog", "Top to Bottom, Right to Left"),
    NP_("Qt QPrintDialog", "Write PDF file"),
    NP_("Qt QPrintPreviewDialog", "Page Setup"),
    NP_("Qt QPrintPropertiesDialog", "Job Options"),
    NP_("Qt QPrintPropertiesDialog", "Printer Properties"),
    NP_("Qt QPrintPropertiesWidget", "Advanced"),
    NP_("Qt QPrintPropertiesWidget", "Form"),
    NP_("Qt QPrintPropertiesWidget", "Page"),
    NP_("Qt QPrintPropertiesWidget", "There are conflicts in some options. Please fix them."),
    NP_("Qt QPrintSettingsOutput", "Collate"),
    NP_("Qt QPrintSettingsOutput", "Color"),
    NP_("Qt QPrintSettingsOutput", "Color Mode"),
    NP_("Qt QPrintSettingsOutput", "Copies"),
    NP_("Qt QPrintSettingsOutput", "Copies:"),
    NP_("Qt QPrintSettingsOutput", "Current Page"),
    NP_("Qt QPrintSettingsOutput", "Double Sided Printing"),
    NP_("Qt QPrintSettingsOutput", "Form"),
    NP_("Qt QPrintSettingsOutput", "Grayscale"),
    NP_("Qt QPrintSettingsOutput", "Long side binding"),
    NP_("Qt QPrintSettingsOutput", "Off"),
    NP_("Qt QPrintSettingsOutput", "Options"),
    NP_("Qt QPrintSettingsOutput", "Output Settings"),
    NP_("Qt QPrintSettingsOutput", "Page &Set:"),
    NP_("Qt QPrintSettingsOutput", "Pages"),
    NP_("Qt QPrintSettingsOutput", "Pages from"),
    NP_("Qt QPrintSettingsOutput", "Print all"),
    NP_("Qt QPrintSettingsOutput", "Print range"),
    NP_("Qt QPrintSettingsOutput", "Reverse"),
    NP_("Qt QPrintSettingsOutput", "Selection"),
    NP_("Qt QPrintSettingsOutput", "Short side binding"),
    NP_(
        "Qt QPrintSettingsOutput",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
    ),
    NP_("Qt QPrintSettingsOutput", "to"),
    NP_("Qt QPrintWidget", "&Name:"),
    NP_("Qt QPrintWidget", "Form"),
    NP_("Qt QPrintWidget", "Location:"),
    NP_("Qt QPrintWidget", "Output &file:"),
    NP_("Qt QPrintWidget", "P&roperties"),
    NP_("Qt QPrintWidget", "Preview"),
    NP_("Qt QPrintWidget", "Printer"),
    NP_("Qt QPrintWidget", "Type:"),
    NP_("Qt QTabBar", "Scroll Left"),
    NP_("Qt QTabBar", "Scroll Right"),
)


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
    for context, text in _QT_DIALOG_TEXTS:
        texts[(context.removeprefix("Qt "), text)] = pgettext(context, text)
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
