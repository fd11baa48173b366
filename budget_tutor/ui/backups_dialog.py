"""The backups a trainer can see (trainer mode, Trainer ▸ Backups…): each backup with its date,
size, reason and the households in it; restore one (the data as it is now is backed up first, so
a restore can be undone by restoring that backup); back up now; and a full check of the database
with a plain result. The rules are the store's (``Store.backups``, ``Store.restore``,
``Store.check_integrity``, ``storage.backup_households``); this dialog only shows them."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from babel.numbers import format_decimal
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n, storage
from budget_tutor.i18n import _, ngettext, pgettext
from budget_tutor.storage import BackupInfo, StorageError
from budget_tutor.ui import messages
from budget_tutor.ui.session import AppSession
from budget_tutor.wording import long_date

log = logging.getLogger("budget_tutor")

#: Table columns.
COL_DATE, COL_SIZE, COL_REASON, COL_HOUSEHOLDS = range(4)


def backup_moment(info: BackupInfo) -> datetime:
    """When the backup was made, in the computer's time zone."""
    made = datetime.strptime(info.created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return made.astimezone()


def backup_date_text(info: BackupInfo) -> str:
    """``March 5, 2027, 14:05`` in the language shown (wording.long_date and the time)."""
    moment = backup_moment(info)
    # Translators: a backup's date and time, e.g. "5 марта 2027 г., 14:05".
    return _("{date}, {time}").format(date=long_date(moment.date()), time=moment.strftime("%H:%M"))


def size_text(size: int) -> str:
    """A file size in KB or MB, the number written the way the language writes it."""
    locale = i18n.babel_locale()
    if size < 1024 * 1024:
        kib = max(1, round(size / 1024))
        return _("{size} KB").format(size=format_decimal(kib, locale=locale))
    mib = round(size / (1024 * 1024), 1)
    return _("{size} MB").format(size=format_decimal(mib, format="#,##0.0", locale=locale))


def reason_text(reason: str) -> str:
    """Why the backup was made, in words (an unknown reason is shown as written)."""
    known = {
        "auto": pgettext("backup reason", "automatic (daily)"),
        "manual": pgettext("backup reason", "made by hand"),
        "before-migration": pgettext("backup reason", "before an upgrade of the data"),
        "before-restore": pgettext("backup reason", "before a restore"),
        "before-delete": pgettext("backup reason", "before a household was deleted"),
        "before-import": pgettext("backup reason", "before a plan file was imported"),
        "before-demo-reset": pgettext("backup reason", "before the demo was reset"),
    }
    return known.get(reason, reason)


class BackupsDialog(QDialog):
    """Lists the backups of the open data folder; restore, back up now, check the database."""

    #: A backup was restored: the data changed under every page.
    restored = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.backups: list[BackupInfo] = []
        self.setModal(True)
        self.intro_label = QLabel(self)
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)
        self.intro_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (COL_DATE, COL_SIZE, COL_REASON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_HOUSEHOLDS, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        # Rows follow the wrapped households text once the columns have their real widths.
        header.sectionResized.connect(lambda *_args: self._fit_rows())
        self.result_label = QLabel(self)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button = QPushButton(self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check_database)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        self.retranslate_ui()
        self.refresh()

    # -- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the backups folder again (each backup is opened read-only for its households)."""
        try:
            self.backups = self.store.backups()
        except StorageError as exc:
            self.backups = []
            self.result_label.setText(str(exc))
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            try:
                size = info.path.stat().st_size
                size_shown = size_text(size)
            except OSError:
                size_shown = "—"
            try:
                names = storage.backup_households(info.path)
                households = ", ".join(names) if names else _("no households")
            except StorageError as exc:
                households = str(exc)
            cells = {
                COL_DATE: backup_date_text(info),
                COL_SIZE: size_shown,
                COL_REASON: reason_text(info.reason),
                COL_HOUSEHOLDS: households,
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(messages.plain_tooltip(text))
                if column == COL_DATE:
                    item.setData(Qt.ItemDataRole.UserRole, str(info.path))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if self.backups and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def selected_backup(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _update_buttons(self) -> None:
        writable = not self.session.read_only
        self.restore_button.setEnabled(writable and self.selected_backup() is not None)
        self.backup_button.setEnabled(writable)

    # -- actions ----------------------------------------------------------------------------

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None or self.session.read_only:
            return
        when = backup_date_text(info)
        question = _(
            "Put the data back as it was in the backup from {date}? Everything changed since "
            "then is replaced. The data as it is now is backed up first, so this can be undone "
            "by restoring that backup."
        ).format(date=when)
        if not messages.confirm(self, _("Restore a backup"), question, danger=True):
            return
        self.session.close_household()  # no page may keep showing a plan that is replaced
        try:
            safety = self.store.restore(info)
        except StorageError as exc:
            self.result_label.setText(str(exc))
            self.refresh()
            return
        log.info("backup restored from the Backups dialog")
        self.refresh()
        self.result_label.setText(
            _(
                "The backup from {date} was restored. The data as it was just before is in the "
                "backup from {safety}: restore that one to undo."
            ).format(date=when, safety=backup_date_text(safety))
        )
        self.restored.emit()

    def back_up_now(self) -> None:
        if self.session.read_only:
            return
        try:
            info = self.store.backup("manual")
        except StorageError as exc:
            self.result_label.setText(str(exc))
            return
        self.refresh()
        self.result_label.setText(
            _("A backup was made: {date}.").format(date=backup_date_text(info))
        )

    def check_database(self) -> None:
        """The full integrity check of the data in use, with a plain result."""
        try:
            problems = self.store.check_integrity()
        except StorageError as exc:
            self.result_label.setText(str(exc))
            return
        if not problems:
            self.result_label.setText(
                _("The database was checked in full: no problem was found. The data is sound.")
            )
            return
        log.error("integrity check: %d problems, first: %s", len(problems), problems[0][:200])
        count = len(problems)
        self.result_label.setText(
            ngettext(
                "The database was checked in full: {count} problem was found. The data file is "
                "damaged: restore the newest backup from before the problem (the data as it is "
                "now is backed up first).",
                "The database was checked in full: {count} problems were found. The data file is "
                "damaged: restore the newest backup from before the problems (the data as it is "
                "now is backed up first).",
                count,
            ).format(count=count)
        )

    def _fit_rows(self) -> None:
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    # -- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Backups"))
        self.intro_label.setText(
            _(
                "Budget Tutor makes a backup every day it is used and before every upgrade, "
                'restore, import and deletion. The backups are in "{folder}".'
            ).format(folder=self.store.backup_dir)
        )
        self.table.setHorizontalHeaderLabels(
            [_("Made on"), _("Size"), _("Why"), pgettext("backups", "Households")]
        )
        self.restore_button.setText(_("&Restore this backup…"))
        self.backup_button.setText(_("&Back up now"))
        self.check_button.setText(_("&Check database"))
        messages.translate_button_box(self.buttons)
