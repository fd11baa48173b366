"""Walk the whole app (every page, plan part, lesson step and dialog) and read what is on screen.

Used by the Tajik and Russian smoke tests (no English left) and the pseudo-locale test (nothing
clipped). A screen is "visited" by a generator step; after each step the caller inspects the
visible widgets.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QProgressBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from budget_tutor.model import Plan

#: Latin-script words allowed on a Tajik or Russian screen: the product's name and the names of
#: keys as printed on keyboards, file types and units that are written in Latin letters in
#: Tajik and Russian too.
ALLOWED_PATTERNS = [
    r"Budget Tutor",
    r"Ctrl\+(?:Shift\+)?\w",
    r"English",  # the language chooser names each language in itself
    r"Alt\+\S",
    r"\bF\d{1,2}\b",
    r"\((?:Enter|Insert|Delete)\)",
    r"Page (?:Up|Down)",
    r"\*\.\w+",
    r"\.po\b",
    r"\b(?:PDF|PNG|SVG|UTF-8|YAML|JSON|TJS|RUB|USD|ID)\b",
    r"\.(?:json|pdf|png|svg|po|mo|yaml)\b",  # file name extensions
    r"(?:^|\s)(?:/[\w.-]+)+/?",  # a folder path
    r"\((?:DD|CC)\)",  # typographic units (Didot, Cicero) as Qt's Russian writes them too
]
_ALLOWED = re.compile("|".join(ALLOWED_PATTERNS))
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+);")


def english_words(text: str) -> list[str]:
    """Latin-letter words in ``text`` that are not allowed on a translated screen."""
    text = _HTML_TAG.sub(" ", text)  # rich-text labels: the markup is not shown
    text = _HTML_ENTITY.sub(" ", text)
    cleaned = _ALLOWED.sub(" ", text.replace("&&", "&").replace("&", ""))
    return _LATIN_WORD.findall(cleaned)


def cyrillic_plan(plan: Plan) -> Plan:
    """The plan with every name a user typed replaced by a Cyrillic one (user data in English
    would otherwise be reported: it is the family's text, not the interface's)."""
    counter = [0]

    def convert(value: Any, field_name: str = "") -> Any:
        if isinstance(value, str) and field_name in ("name", "region", "note", "description"):
            counter[0] += 1
            return f"Ном {counter[0]}"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {
                f.name: convert(getattr(value, f.name), f.name)
                for f in dataclasses.fields(value)
                if f.init
            }
            return dataclasses.replace(value, **changes)
        if isinstance(value, tuple):
            return tuple(convert(v, field_name) for v in value)
        return value

    return convert(plan)


def _item_view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts: list[str] = []
    from PySide6.QtCore import QModelIndex

    rows = min(model.rowCount(QModelIndex()), 200)
    try:
        cols = min(model.columnCount(QModelIndex()), 20)
    except TypeError:  # list models hide columnCount
        cols = 1
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        for r in range(rows):
            for c in range(cols):
                value = model.data(model.index(r, c), role)
                if isinstance(value, str):
                    texts.append(value)
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            count = cols if orientation == Qt.Orientation.Horizontal else rows
            for i in range(count):
                value = model.headerData(i, orientation, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip() if action.toolTip() != action.text() else ""]
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """Every text a person or a screen reader meets on ``widget``."""
    texts = [widget.toolTip(), widget.accessibleName(), widget.statusTip(), widget.whatsThis()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    elif isinstance(widget, QAbstractItemView):
        texts += _item_view_texts(widget)
    elif isinstance(widget, QAbstractSpinBox):
        texts += [widget.specialValueText()]
        texts += [getattr(widget, "suffix", lambda: "")(), getattr(widget, "prefix", lambda: "")()]
    elif isinstance(widget, QProgressBar) and widget.isTextVisible():
        texts.append(widget.text())
    elif isinstance(widget, QTextEdit):
        texts.append(widget.toPlainText())
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            if action.menu() is not None:
                texts += _menu_texts(action.menu())
    elif isinstance(widget, QToolBar):
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
    figure = getattr(widget, "figure", None)
    if figure is not None and hasattr(figure, "findobj"):
        from matplotlib.text import Text

        texts += [t.get_text() for t in figure.findobj(Text) if t.get_visible()]
    return [t for t in texts if t]


def _belongs(widget: QWidget, window: QWidget | None) -> bool:
    """Whether ``widget`` is in ``window`` or in a dialog opened from it."""
    if window is None:
        return True
    top: QWidget | None = widget.window()
    while top is not None:
        if top is window:
            return True
        parent = top.parentWidget()
        top = parent.window() if parent is not None else None
    return False


def visible_widgets(window: QWidget | None = None) -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if w.isVisible() and _belongs(w, window)]


def _is_file_name(text: str) -> bool:
    """A file or folder of this computer (shown by a file dialog): its name is not ours."""
    try:
        return text == Path.home().name or (text.startswith("/") and Path(text).exists())
    except OSError:
        return False


def english_on_screen(screen: str, seen: dict[str, str], window: QWidget | None = None) -> None:
    """Add every text with English words to ``seen`` (text -> where it was first met)."""
    papers = paper_size_names()
    for widget in visible_widgets(window):
        for text in widget_texts(widget):
            if text in papers:
                continue
            if text not in seen and english_words(text) and not _is_file_name(text):
                seen[text] = f"{screen}: {type(widget).__name__}"


def close_all_windows() -> None:
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


def start_app(qtbot: Any, data_dir: Path, lang: str) -> Any:
    from budget_tutor.ui.app import run_app

    close_all_windows()
    code = run_app(["--data-dir", str(data_dir), "--lang", lang], exec_loop=False)
    assert code == 0
    window = run_app.last_window  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    return window


def stop_app(window: Any) -> None:
    from budget_tutor.ui.app import run_app

    window.close()
    close_all_windows()
    run_app.last_error_handler.uninstall()  # type: ignore[attr-defined]
    window.session.store.close()


def settle(qtbot: Any) -> None:
    QApplication.processEvents()
    qtbot.wait(5)


def tour(window: Any, qtbot: Any, *, lessons: bool = True) -> Iterator[str]:
    """Show every screen and dialog in turn; yield the name of each one while it is shown."""
    from budget_tutor.ui import messages
    from budget_tutor.ui.household_page import NameDialog
    from budget_tutor.ui.line_dialog import SECTION_PREFIX, LineDialog
    from budget_tutor.ui.main_window import NAV_PAGES, HelpDialog
    from budget_tutor.ui.pin_dialog import PinDialog

    settle(qtbot)
    yield "households (empty)"
    page = window.household_page
    samples = page.sample_plans()
    assert samples, "no sample households to tour with"
    hid = page._create_and_open(cyrillic_plan(samples[0]))
    assert hid is not None
    window.show_households()
    settle(qtbot)
    yield "households"
    window.session.set_trainer_mode(True)
    for key, *_rest in NAV_PAGES:
        window.show_page(key)
        settle(qtbot)
        yield f"page {key}"
        widget = window.page(key)
        sections = getattr(widget, "section_list", None)
        if sections is not None:
            for row in range(sections.count()):
                sections.setCurrentRow(row)
                settle(qtbot)
                yield f"page {key}, part {row}"
        if key == "lessons" and lessons:
            library = widget.library
            for lesson in library.lessons:
                widget.open_lesson(lesson.id)
                player = widget.player
                for index in range(len(lesson.steps)):
                    player.show_step(index)
                    settle(qtbot)
                    yield f"lesson {lesson.id}, step {index}"
                widget.show_browser()
                settle(qtbot)
    plan = window.session.plan
    dialogs: list[tuple[str, QWidget]] = [("help", HelpDialog(window))]
    for section in SECTION_PREFIX:
        dialogs.append((f"add line: {section}", LineDialog(section, plan, None, window)))
        lines = getattr(plan, section)
        if lines:
            dialogs.append((f"edit line: {section}", LineDialog(section, plan, lines[0], window)))
    dialogs += [
        ("PIN (set)", PinDialog("set", "Ном", lambda _pin: True, has_pin=True, parent=window)),
        ("PIN (check)", PinDialog("check", "Ном", lambda _pin: True, parent=window)),
        ("new household", NameDialog("Ном", full=True, parent=window)),
        ("error message", messages.error_box(window, "Хато")),
    ]
    for name, dialog in dialogs:
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        settle(qtbot)
        yield f"dialog {name}"
        if name.startswith("add line"):
            edit = dialog.findChild(QLineEdit)
            menu = messages.text_menu_for(edit) if edit is not None else None
            if menu is not None:  # the Cut/Copy/Paste menu of a text field
                menu.popup(edit.mapToGlobal(edit.rect().center()))
                settle(qtbot)
                yield f"dialog {name}: text field menu"
                menu.close()
        dialog.close()
        dialog.deleteLater()
        settle(qtbot)


def file_dialog_tour(window: Any, qtbot: Any) -> Iterator[str]:
    """Open the app's file and folder dialogs the way the app does (their ``exec`` is replaced
    by a plain ``show`` so the test can look at them)."""
    from unittest import mock

    from PySide6.QtWidgets import QFileDialog

    from budget_tutor.ui import messages

    captured: list[QFileDialog] = []

    def fake_exec(self: QFileDialog) -> int:
        captured.append(self)
        return 0

    def fake_existing_directory(
        parent: Any = None, caption: str = "", *args: Any, **kw: Any
    ) -> str:
        dialog = QFileDialog(parent, caption)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        captured.append(dialog)
        return ""

    openers = [
        ("open a plan file", lambda: messages.choose_file_to_open(
            window, "Ном", messages.plan_file_filters())),
        ("save a plan file", lambda: messages.choose_file_to_save(
            window, "Ном", messages.plan_file_filters(), "ном.json", "json")),
        ("choose a translations folder", window.choose_translation_folder),
        ("choose a lesson pack", lambda: window.page("lessons").choose_pack()),
    ]  # fmt: skip
    with (
        mock.patch.object(QFileDialog, "exec", fake_exec),
        mock.patch.object(QFileDialog, "getExistingDirectory", fake_existing_directory),
    ):
        for name, opener in openers:
            captured.clear()
            opener()
            assert captured, f"{name}: no dialog was opened"
            dialog = captured[0]
            dialog.show()
            settle(qtbot)
            yield f"file dialog {name}"
            dialog.close()
            dialog.deleteLater()
            settle(qtbot)


def paper_size_names() -> set[str]:
    """Qt's names of paper sizes (A4, Letter / ANSI A, Envelope C5…): standard names that Qt's
    own Russian translation keeps as they are, and so do we in Tajik."""
    from PySide6.QtGui import QPageSize

    names = set()
    for size_id in QPageSize.PageSizeId:
        if size_id != QPageSize.PageSizeId.Custom:
            names.add(QPageSize.name(size_id))
    return names


def print_dialog_tour(window: Any, qtbot: Any) -> Iterator[str]:
    """Open Qt's print dialog the way Ctrl+P does (its ``exec`` replaced by a plain ``show``),
    expand its options, then show Qt's page-setup dialog (the Properties part of printing)."""
    from unittest import mock

    from PySide6 import QtPrintSupport
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter

    captured: list[QPrintDialog] = []
    printers: list[QPrinter] = []

    class KeptPrinter(QPrinter):
        """The app's printer lives only while its print dialog runs; the tour looks longer."""

        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            printers.append(self)

    def fake_exec(self: QPrintDialog) -> int:
        captured.append(self)
        return 0

    page = window.household_page
    assert page._create_and_open(cyrillic_plan(page.sample_plans()[0])) is not None
    settle(qtbot)
    with (
        mock.patch.object(QPrintDialog, "exec", fake_exec),
        mock.patch.object(QtPrintSupport, "QPrinter", KeptPrinter),
    ):
        window.print_action.trigger()
    assert printers, "the print dialog was not given a printer"
    assert captured, "Ctrl+P opened no print dialog"
    dialog = captured[0]
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    settle(qtbot)
    yield "print dialog"
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible() and button.text().endswith(">>"):
            button.click()  # "Options >>": copies, pages, colour, both sides
    settle(qtbot)
    yield "print dialog, options"
    page_setup = QPageSetupDialog(dialog.printer(), window)
    page_setup.setWindowModality(Qt.WindowModality.NonModal)
    page_setup.show()
    settle(qtbot)
    yield "page setup"
    for widget in (page_setup, dialog):
        widget.close()
        widget.deleteLater()
    settle(qtbot)
