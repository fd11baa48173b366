"""Trainer mode → Narration…: which steps of each module have a recording in Tajik and Russian,
and narration packs to carry the recordings to another laptop (USB stick)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _, ngettext
from budget_tutor.narration import PACK_SUFFIX, NarrationError, NarrationKey
from budget_tutor.safe_write import ExportError
from budget_tutor.ui.narration_bar import narration_store

if TYPE_CHECKING:
    from budget_tutor.lessons.library import Library
    from budget_tutor.ui.session import AppSession

LANGS = ("tg", "ru")


def _screen_width() -> int:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry().width() if screen is not None else 1024


class NarrationDialog(QDialog):
    def __init__(
        self, session: AppSession, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)
        self.table = QTableWidget(self)
        self.table.setColumnCount(3)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        # The buttons stack (not a row): in a long language they would widen the dialog
        # past a 1024-pixel projector.
        row = QVBoxLayout()
        self.export_buttons = {}
        for lang in LANGS:
            button = QPushButton(self)
            button.clicked.connect(lambda _c=False, lang=lang: self.export_pack(lang))
            self.export_buttons[lang] = button
            row.addWidget(button)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(lambda: self.import_pack())
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)
        self.resize(min(760, _screen_width() - 40), 560)
        self.retranslate_ui()
        self.refresh()

    def coverage(self) -> list[tuple[str, dict[str, tuple[int, int]]]]:
        """Per module: (title, {lang: (steps with a recording, steps)})."""
        store = narration_store(self.session)
        rows = []
        for lesson in self.library.course_lessons():
            steps = [s.id for s in lesson.steps]
            counts = {}
            for lang in LANGS:
                try:
                    found = store.coverage(lang, lesson.id, steps)
                except ValueError:
                    found = {}
                counts[lang] = (sum(found.values()), len(steps))
            rows.append((self.library.text(lesson.title, lesson), counts))
        return rows

    def refresh(self) -> None:
        rows = self.coverage()
        self.table.setRowCount(len(rows))
        for r, (title, counts) in enumerate(rows):
            title_item = QTableWidgetItem(title)
            title_item.setToolTip(title)  # a long title wraps; the whole of it is here too
            self.table.setItem(r, 0, title_item)
            for c, lang in enumerate(LANGS, start=1):
                have, total = counts[lang]
                text = _("{have} of {total}").format(have=have, total=total)
                item = QTableWidgetItem(("✔ " if have == total else "") + text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def export_pack(self, lang: str, path: str | None = None) -> int | None:
        if path is None:
            name = f"budget-tutor-narration-{lang}{PACK_SUFFIX}"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.export_buttons[lang].text(), str(Path.home() / name),
                _("Narration packs (*{suffix})").format(suffix=PACK_SUFFIX),
            )  # fmt: skip
            if not path:
                return None
        try:
            count = narration_store(self.session).export_pack(Path(path), lang)
        except ExportError as exc:
            self.result_label.setText(exc.message())
            return None
        self.result_label.setText(
            ngettext("{count} recording written to {path}.", "{count} recordings written to {path}.",
                     count).format(count=count, path=path)
        )  # fmt: skip
        return count

    def _ask_replace(self, conflicts: list[NarrationKey]) -> bool | None:
        box = QMessageBox(QMessageBox.Icon.Question, _("Recordings that differ"),
                          ngettext("{count} step already has a different recording on this laptop.",
                                   "{count} steps already have a different recording on this laptop.",
                                   len(conflicts)).format(count=len(conflicts)), parent=self)  # fmt: skip
        replace = box.addButton(_("Use the pack's recordings"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(_("Keep the ones here"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return True
        if clicked is keep:
            return False
        return None

    def import_pack(self, path: str | None = None, replace: bool | None = None) -> bool:
        """Import a pack; ``replace`` decides conflicts (None: ask the trainer)."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.import_button.text(), str(Path.home()),
                _("Narration packs (*{suffix})").format(suffix=PACK_SUFFIX),
            )  # fmt: skip
            if not path:
                return False
        store = narration_store(self.session)
        try:
            entries = store.read_pack(Path(path))
            conflicts = store.conflicts(entries)
            if conflicts and replace is None:
                replace = self._ask_replace(conflicts)
                if replace is None:
                    return False
            result = store.import_pack(Path(path), replace=lambda _key: bool(replace))
        except NarrationError as exc:
            self.result_label.setText(exc.message())
            return False
        except OSError as exc:
            from budget_tutor.safe_write import os_error_reason

            self.result_label.setText(
                _("Nothing was imported: {reason}.").format(reason=os_error_reason(exc))
            )
            return False
        self.result_label.setText(
            _("Imported: {added} new, {replaced} replaced, {kept} kept.").format(
                added=result.added, replaced=result.replaced, kept=result.kept
            )
        )
        self.refresh()
        return True

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Narration"))
        self.intro.setText(_(
            "Recordings made on this laptop, per module: how many steps can be listened to in "
            "Tajik and in Russian. Record a step in the lesson player (trainer mode). A narration "
            "pack carries the recordings of a language to another laptop."
        ))  # fmt: skip
        self.table.setHorizontalHeaderLabels([_("Module"), _("Tajik"), _("Russian")])
        self.export_buttons["tg"].setText(_("Save the Tajik recordings…"))
        self.export_buttons["ru"].setText(_("Save the Russian recordings…"))
        self.import_button.setText(_("Add recordings from a pack…"))
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
        self.table.resizeRowsToContents()  # wrapped titles: heights for the final width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
