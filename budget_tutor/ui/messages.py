"""Message boxes, standard buttons, file dialogs and text-field menus in our own languages.

Qt has no Tajik translation, so every text Qt would otherwise show in English (OK, Cancel,
Yes, No, Save, Close, the file dialog's labels, the Cut/Copy/Paste menu of a text field) is set
here from our catalogs. Modal helpers (:func:`confirm`, :func:`choose_file_to_open`…) are plain
module functions so tests can replace them.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from budget_tutor.i18n import _, pgettext

SB = QDialogButtonBox.StandardButton
MB = QMessageBox.StandardButton


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally. Qt renders a tooltip that looks like HTML as
    HTML, so a name such as ``<b>x</b><img src=…>`` would turn bold or show a picture."""
    return QtGui.Qt.convertFromPlainText(text) if text else ""


def standard_button_text(button: SB | MB) -> str | None:
    """Our translation of a standard button's text (None for a button we do not use)."""
    value: int = getattr(button, "value", 0)
    texts = {
        int(SB.Ok.value): pgettext("button", "OK"),
        int(SB.Cancel.value): pgettext("button", "Cancel"),
        int(SB.Yes.value): pgettext("button", "Yes"),
        int(SB.No.value): pgettext("button", "No"),
        int(SB.Save.value): pgettext("button", "Save"),
        int(SB.Close.value): pgettext("button", "Close"),
        int(SB.Discard.value): pgettext("button", "Don't save"),
        int(SB.Apply.value): pgettext("button", "Apply"),
        int(SB.Open.value): pgettext("button", "Open"),
        int(SB.Reset.value): pgettext("button", "Reset"),
        int(SB.Help.value): pgettext("button", "Help"),
        int(SB.RestoreDefaults.value): pgettext("button", "Restore defaults"),
    }
    return texts.get(value)


def translate_button_box(box: QDialogButtonBox) -> None:
    """Set our texts on every standard button of a button box."""
    for button in box.buttons():
        text = standard_button_text(box.standardButton(button))
        if text:
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))


def translate_message_box(box: QMessageBox) -> None:
    for button in box.buttons():
        text = standard_button_text(box.standardButton(button))
        if text:
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: MB,
    default: MB,
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote a household's name
    box.setText(text)
    box.setStandardButtons(buttons)
    box.setDefaultButton(default)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel if buttons & MB.Cancel else default)
    translate_message_box(box)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    return box


def error_box(parent: QWidget | None, message: str) -> QMessageBox:
    """A calm, non-blocking message (``open()`` it): something did not work, data is safe."""
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        _("Budget Tutor"),
        message,
        MB.Ok,
        MB.Ok,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def information(parent: QWidget | None, title: str, text: str) -> None:
    """A modal information message with a translated OK button."""
    _box(parent, QMessageBox.Icon.Information, title, text, MB.Ok, MB.Ok).exec()


def warning(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text, MB.Ok, MB.Ok).exec()


def confirm(parent: QWidget | None, title: str, text: str, *, danger: bool = False) -> bool:
    """Ask Yes/No; the safe answer (No) is the default when ``danger``."""
    box = _box(
        parent,
        QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question,
        title,
        text,
        MB.Yes | MB.No,
        MB.No if danger else MB.Yes,
    )
    box.setEscapeButton(MB.No)
    return box.exec() == MB.Yes


def ask_choice(
    parent: QWidget | None, title: str, text: str, choices: list[str], cancel: bool = True
) -> int:
    """Let the user pick one of ``choices`` (buttons); the index, or -1 for Cancel/Escape."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, MB.NoButton, MB.NoButton)
    buttons = [box.addButton(c, QMessageBox.ButtonRole.AcceptRole) for c in choices]
    cancel_button = None
    if cancel:
        cancel_button = box.addButton(MB.Cancel)
        cancel_button.setText(pgettext("button", "Cancel"))
        box.setEscapeButton(cancel_button)
    if buttons:
        box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else -1


# -- file dialogs ------------------------------------------------------------------------------


def _file_dialog(
    parent: QWidget | None,
    title: str,
    filters: list[str],
    accept_mode: QFileDialog.AcceptMode,
    file_mode: QFileDialog.FileMode,
) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    # Qt's own dialog, not the platform's: its texts can be set in Tajik.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # The modes rebuild the buttons, so they come before the texts.
    dialog.setAcceptMode(accept_mode)
    dialog.setFileMode(file_mode)
    if file_mode is QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setNameFilters(filters)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, _("Look in:"))
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileName,
        pgettext("file dialog", "Folder:")
        if file_mode is QFileDialog.FileMode.Directory
        else _("File name:"),
    )
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, _("Files of type:"))
    dialog.setLabelText(QFileDialog.DialogLabel.Reject, pgettext("button", "Cancel"))
    return dialog


def plan_file_filters() -> list[str]:
    return [_("Budget Tutor plan (*.json)"), _("All files (*)")]


def choose_file_to_open(parent: QWidget | None, title: str, filters: list[str]) -> str | None:
    dialog = _file_dialog(
        parent,
        title,
        filters,
        QFileDialog.AcceptMode.AcceptOpen,
        QFileDialog.FileMode.ExistingFile,
    )
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, pgettext("button", "Open"))
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return None


def choose_file_to_save(
    parent: QWidget | None, title: str, filters: list[str], suggested: str, suffix: str
) -> str | None:
    dialog = _file_dialog(
        parent, title, filters, QFileDialog.AcceptMode.AcceptSave, QFileDialog.FileMode.AnyFile
    )
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, pgettext("button", "Save"))
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return None


def choose_folder(parent: QWidget | None, title: str) -> str | None:
    dialog = _file_dialog(
        parent, title, [], QFileDialog.AcceptMode.AcceptOpen, QFileDialog.FileMode.Directory
    )
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, pgettext("file dialog", "Choose"))
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return None


# -- context menus of text fields --------------------------------------------------------------

#: Qt gives the actions of a text field's standard menu these object names.
_MENU_ACTIONS = {
    "edit-undo": lambda: pgettext("text menu", "&Undo"),
    "edit-redo": lambda: pgettext("text menu", "&Redo"),
    "edit-cut": lambda: pgettext("text menu", "Cu&t"),
    "edit-copy": lambda: pgettext("text menu", "&Copy"),
    "edit-paste": lambda: pgettext("text menu", "&Paste"),
    "edit-delete": lambda: pgettext("text menu", "Delete"),
    "select-all": lambda: pgettext("text menu", "Select All"),
    "link-copy": lambda: pgettext("text menu", "Copy &Link Location"),
}


def translate_text_menu(menu: QMenu) -> QMenu:
    """Put our texts on a standard Cut/Copy/Paste menu, keeping Qt's shortcuts."""
    for action in menu.actions():
        make = _MENU_ACTIONS.get(action.objectName())
        if make is None:
            continue
        old = action.text()
        shortcut = old.split("\t", 1)[1] if "\t" in old else ""
        action.setText(make() + ("\t" + shortcut if shortcut else ""))
    return menu


def text_menu_for(widget: QWidget) -> QMenu | None:
    """The translated standard menu of a text field (or a spin box's field), or None."""
    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
        return translate_text_menu(edit.createStandardContextMenu()) if edit else None
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return translate_text_menu(widget.createStandardContextMenu())
    return None


class TextMenuTranslator(QObject):
    """An application-wide event filter: text fields show our translated context menu."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not isinstance(watched, QWidget):
            return False
        if watched.contextMenuPolicy() != Qt.ContextMenuPolicy.DefaultContextMenu:
            return False
        target = watched
        parent = watched.parentWidget()
        if isinstance(parent, QAbstractSpinBox):
            target = parent
        menu = text_menu_for(target)
        if menu is None:
            return False
        assert isinstance(event, QContextMenuEvent)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        return True


_filter: TextMenuTranslator | None = None


def install_text_menus(app: QApplication) -> None:
    global _filter
    if _filter is None:
        _filter = TextMenuTranslator(app)
        app.installEventFilter(_filter)
