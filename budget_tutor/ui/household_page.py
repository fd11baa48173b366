"""The household chooser: create, open, rename, duplicate, delete (with undo), a privacy PIN,
sample households and plan files."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import text_rules
from budget_tutor.i18n import _, ngettext
from budget_tutor.model import Household, Plan
from budget_tutor.samples import follow_text
from budget_tutor.storage import HouseholdInfo, StorageError
from budget_tutor.ui import icons, messages
from budget_tutor.ui.pin_dialog import PinDialog, fit_height
from budget_tutor.ui.session import AppSession

log = logging.getLogger(__name__)

MAX_NAME = 80


class NameDialog(QDialog):
    """Ask for a household's name (and, for a new household, its size and region)."""

    def __init__(
        self, title: str, name: str = "", *, full: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.full = full
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._title = title
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.selectAll()
        self.people_spin = QSpinBox(self)
        self.people_spin.setRange(1, 40)
        self.people_spin.setValue(4)
        self.region_edit = QLineEdit(self)
        self.region_edit.setMaxLength(MAX_NAME)
        self.name_label, self.people_label, self.region_label = (QLabel(self) for _i in range(3))
        self.name_label.setBuddy(self.name_edit)
        self.people_label.setBuddy(self.people_spin)
        self.region_label.setBuddy(self.region_edit)
        self.problem_label = QLabel(self)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a field's name
        self.problem_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.name_label, self.name_edit)
        if full:
            form.addRow(self.people_label, self.people_spin)
            form.addRow(self.region_label, self.region_edit)
        else:
            self.people_spin.hide()
            self.region_edit.hide()
            self.people_label.hide()
            self.region_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        # grows when a problem line appears: nothing is squeezed or cut
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.problem_label.setMinimumWidth(400)  # wrapped lines of a readable length
        self.retranslate_ui()
        self.name_edit.setFocus()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def text_problem(self) -> str | None:
        """What is wrong with the typed texts (the core's one rule), the field named; or None."""
        fields = [(self.name_label, self.name_edit)]
        if self.full:
            fields.append((self.region_label, self.region_edit))
        for label, edit in fields:
            problem = text_rules.text_problem(edit.text())
            if problem is not None:
                return problem.message_for(label.text().replace("&", "").rstrip(":"))
        return None

    def _on_ok(self) -> None:
        problem = self.text_problem()
        if problem is None and not self.name():
            problem = _("Enter a name.")
        if problem is not None:
            self.problem_label.setText(problem)
            self.problem_label.show()
            fit_height(self)
            self.name_edit.setFocus()
            return
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title)
        self.name_label.setText(_("&Name of the household:"))
        self.people_label.setText(_("&People in the household:"))
        self.region_label.setText(_("&Region or village:"))
        self.name_edit.setPlaceholderText(_("for example, Rahimov family"))
        for label, field in (
            (self.name_label, self.name_edit),
            (self.people_label, self.people_spin),
            (self.region_label, self.region_edit),
        ):
            field.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        messages.translate_button_box(self.buttons)


class HouseholdPage(QWidget):
    """The list of households on this computer and what can be done with them.

    Every action that shows, copies, renames, deletes or brings back a household with a PIN asks
    for the PIN first (:meth:`_with_pin`); wrong tries slow down (core ``PinGuard``).
    """

    household_opened = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.name_dialog: NameDialog | None = None
        self.pin_dialog: PinDialog | None = None
        self._last_deleted: HouseholdInfo | None = None

        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(32, 32))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)

        def button(icon: str) -> QPushButton:
            b = QPushButton(icons.icon(icon), "", self)
            b.setIconSize(QSize(24, 24))
            b.setMinimumHeight(40)
            return b

        self.open_button = button("action-open")
        self.open_button.setDefault(True)
        self.new_button = button("action-add")
        self.rename_button = button("action-rename")
        self.duplicate_button = button("action-copy")
        self.delete_button = button("action-remove")
        self.pin_button = button("action-pin")
        self.sample_button = button("action-sample")
        self.import_button = button("action-import")
        self.trash_button = QToolButton(self)
        self.trash_button.setIcon(icons.icon("action-trash"))
        self.trash_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.trash_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.trash_button.setMinimumHeight(40)
        self.trash_menu = QMenu(self.trash_button)
        self.trash_button.setMenu(self.trash_menu)
        self.trash_menu.aboutToShow.connect(self._fill_trash_menu)
        # trainer mode only: a family forgot its PIN
        self.clear_pin_button = button("action-pin")
        self.clear_pin_button.setStyleSheet("color: #b00020;")

        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.new_household)
        self.rename_button.clicked.connect(self.rename_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.pin_button.clicked.connect(self.pin_selected)
        self.sample_button.clicked.connect(self.open_sample)
        self.import_button.clicked.connect(self.import_plan_file)
        self.clear_pin_button.clicked.connect(self.clear_forgotten_pin)
        session.trainer_mode_changed.connect(self._on_trainer_mode)

        # "X was deleted. [Undo]"
        self.undo_banner = QFrame(self)
        self.undo_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_banner.setStyleSheet("QFrame, QLabel { background: #fff3cd; color: #3e2723; }")
        self.undo_label = QLabel(self.undo_banner)
        self.undo_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_label.setWordWrap(True)
        self.undo_delete_button = QPushButton(icons.icon("action-undo"), "", self.undo_banner)
        self.undo_delete_button.clicked.connect(self.undo_delete)
        banner = QHBoxLayout(self.undo_banner)
        banner.addWidget(self.undo_label, 1)
        banner.addWidget(self.undo_delete_button)
        self.undo_banner.hide()

        actions = QGridLayout()
        for i, b in enumerate(
            (
                self.open_button,
                self.new_button,
                self.rename_button,
                self.duplicate_button,
                self.pin_button,
                self.delete_button,
                self.sample_button,
                self.import_button,
                self.trash_button,
            )
        ):
            actions.addWidget(b, i // 3, i % 3)
        actions.addWidget(self.clear_pin_button, 3, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.undo_banner)
        layout.addLayout(actions)
        self.retranslate_ui()
        self.refresh()

    # -- the list -----------------------------------------------------------------------------

    def households(self) -> list[HouseholdInfo]:
        try:
            return self.session.store.list_households()
        except StorageError as exc:
            self.session.show_error(str(exc))
            return []

    def refresh(self) -> None:
        selected = self.selected()
        self.list.clear()
        for info in self.households():
            item = QListWidgetItem(self._item_text(info))  # plain text, always
            item.setIcon(icons.icon("action-pin" if info.has_pin else "household"))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(messages.plain_tooltip(follow_text(info.name)))
            self.list.addItem(item)
            if selected is not None and info.id == selected.id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.hint_label.setVisible(self.list.count() == 0)
        self._update_buttons()

    def _item_text(self, info: HouseholdInfo) -> str:
        people = ngettext("{n} person", "{n} people", info.people).format(n=info.people)
        # a sample's name and region in the screen's language, until the user renames it
        details = f"{people}, {follow_text(info.region)}" if info.region else people
        if info.has_pin:
            details = _("{details} (PIN)").format(details=details)
        return f"{follow_text(info.name)}\n{details}"

    def selected(self) -> HouseholdInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        hid = item.data(Qt.ItemDataRole.UserRole)
        for info in self.households():
            if info.id == hid:
                return info
        return None

    def select(self, household_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == household_id:
                self.list.setCurrentRow(row)

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        has = item is not None
        writable = not self.session.read_only
        for b in (self.rename_button, self.duplicate_button, self.delete_button, self.pin_button):
            b.setEnabled(has and writable)
        self.open_button.setEnabled(has)
        creators: tuple[QWidget, ...] = (
            self.new_button,
            self.sample_button,
            self.import_button,
            self.trash_button,
        )
        for widget in creators:
            widget.setEnabled(writable)
        info = self.selected() if has else None
        self.clear_pin_button.setVisible(self.session.trainer_mode)
        self.clear_pin_button.setEnabled(info is not None and info.has_pin and writable)

    def _on_trainer_mode(self, _on: bool) -> None:
        self._update_buttons()  # "Clear a forgotten PIN…" is shown in trainer mode only

    def _discard_dialogs(self) -> None:
        """Dialogs of earlier actions are deleted when a new one opens (no pile-up)."""
        for dialog in (self.name_dialog, self.pin_dialog):
            if dialog is not None and not dialog.isVisible():
                dialog.deleteLater()
        if self.name_dialog is not None and not self.name_dialog.isVisible():
            self.name_dialog = None
        if self.pin_dialog is not None and not self.pin_dialog.isVisible():
            self.pin_dialog = None

    # -- the PIN guard ------------------------------------------------------------------------

    def _with_pin(
        self, info: HouseholdInfo, purpose: str, action: Callable[[str | None], None]
    ) -> None:
        """Run ``action(pin)`` at once for a household without a PIN; for one with a PIN, only
        after the PIN dialog accepted the right PIN (wrong tries slow down)."""
        if not info.has_pin:
            action(None)
            return
        self._discard_dialogs()
        guard = self.session.pin_guard
        self.pin_dialog = PinDialog(
            "check",
            info.name,
            partial(guard.try_pin, info.id),
            purpose=purpose,
            wait=partial(guard.wait_seconds, info.id),
            parent=self,
        )
        dialog = self.pin_dialog
        dialog.accepted.connect(lambda: action(dialog.pin))
        dialog.open()

    def _pin_still_right(self, info: HouseholdInfo, pin: str | None) -> bool:
        """Check again in the core just before acting (the dialog may be stale)."""
        if not info.has_pin:
            return True
        return self.session.pin_allows(info.id, pin)

    # -- opening ------------------------------------------------------------------------------

    def open_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self._with_pin(info, "open", lambda pin, hid=info.id: self._open(hid, pin))

    def _open(self, household_id: int, pin: str | None = None) -> None:
        if self.session.household_id == household_id:  # already open: keep its undo history
            self.household_opened.emit(household_id)
            return
        self.session.open_household(household_id, pin=pin)
        if self.session.household_id == household_id:
            self.household_opened.emit(household_id)

    # -- creating, renaming, duplicating --------------------------------------------------------

    def new_household(self) -> None:
        self._discard_dialogs()
        self.name_dialog = NameDialog(_("New household"), full=True, parent=self)
        self.name_dialog.accepted.connect(self._create_from_dialog)
        self.name_dialog.open()

    def _create_from_dialog(self) -> None:
        d = self.name_dialog
        if d is None:
            return
        household = Household(
            name=d.name(),
            people=d.people_spin.value(),
            region=" ".join(d.region_edit.text().split()),
        )
        self._create_and_open(Plan(household=household))

    def _create_and_open(self, plan: Plan, *, imported: bool = False) -> int | None:
        store = self.session.store
        try:
            # An imported file gets a backup first (Store.import_plan), so an import can be undone.
            hid = store.import_plan(plan) if imported else store.create_household(plan)
        except StorageError as exc:
            self.session.show_error(str(exc))
            return None
        self.refresh()
        self.select(hid)
        self._open(hid)
        return hid

    def rename_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self._with_pin(info, "rename", lambda pin, info=info: self._ask_new_name(info, pin))

    def _ask_new_name(self, info: HouseholdInfo, pin: str | None) -> None:
        self._discard_dialogs()
        self.name_dialog = NameDialog(_("Rename the household"), info.name, parent=self)
        self.name_dialog.accepted.connect(lambda: self._rename(info, pin))
        self.name_dialog.open()

    def _rename(self, info: HouseholdInfo, pin: str | None = None) -> None:
        if self.name_dialog is None or not self._pin_still_right(info, pin):
            return
        household_id = info.id
        name = self.name_dialog.name()
        if self.session.household_id == household_id and self.session.plan is not None:
            # The open household: rename through the plan, so undo covers it.
            plan = self.session.plan
            household = dataclasses.replace(plan.household, name=name)
            self.session.apply_edit(plan.replace(household=household), _("Rename the household"))
        else:
            try:
                self.session.store.rename_household(household_id, name)
            except StorageError as exc:
                self.session.show_error(str(exc))
        self.refresh()

    def duplicate_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self._with_pin(info, "duplicate", lambda pin, info=info: self._ask_copy_name(info, pin))

    def _ask_copy_name(self, info: HouseholdInfo, pin: str | None) -> None:
        # Translators: the suggested name of a copy of a household's plan.
        suggestion = _("{name} (copy)").format(name=info.name)[:MAX_NAME]
        self._discard_dialogs()
        self.name_dialog = NameDialog(_("Duplicate the household"), suggestion, parent=self)
        self.name_dialog.accepted.connect(lambda: self._duplicate(info, pin))
        self.name_dialog.open()

    def _duplicate(self, info: HouseholdInfo, pin: str | None = None) -> None:
        if self.name_dialog is None or not self._pin_still_right(info, pin):
            return
        try:
            # the copy keeps the PIN of the original (Store.duplicate_household)
            new_id = self.session.store.duplicate_household(info.id, self.name_dialog.name())
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        self.refresh()
        self.select(new_id)

    # -- deleting and undoing it ----------------------------------------------------------------

    def delete_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self._with_pin(info, "delete", lambda pin, info=info: self._delete(info, pin))

    def _delete(self, info: HouseholdInfo, pin: str | None = None) -> None:
        question = _(
            'Delete "{name}"? Its plan and lesson progress go to the deleted households, '
            "where they can be brought back."
        ).format(name=info.name)
        if not messages.confirm(self, _("Delete a household"), question, danger=True):
            return
        if not self._pin_still_right(info, pin):
            return
        try:
            self.session.store.delete_household(info.id)
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        if self.session.household_id == info.id:
            self.session.close_household()
        self._last_deleted = info
        self.undo_label.setText(_('"{name}" was deleted.').format(name=info.name))
        self.undo_banner.show()
        self.refresh()

    def undo_delete(self) -> None:
        info = self._last_deleted
        if info is None:
            return
        self._with_pin(info, "restore", lambda pin, info=info: self._restore(info, pin))

    def _restore(self, info: HouseholdInfo, pin: str | None = None) -> None:
        if not self._pin_still_right(info, pin):
            return
        try:
            self.session.store.undelete_household(info.id)
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        if self._last_deleted is not None and self._last_deleted.id == info.id:
            self._last_deleted = None
            self.undo_banner.hide()
        self.refresh()
        self.select(info.id)

    def _fill_trash_menu(self) -> None:
        self.trash_menu.clear()
        try:
            deleted = self.session.store.deleted_households()
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        if not deleted:
            action = self.trash_menu.addAction(_("No deleted households"))
            action.setEnabled(False)
            return
        for info in deleted:
            # Menu texts are plain text; "&" would become a shortcut, so double it.
            label = _("Bring back {name}").format(name=info.name.replace("&", "&&"))
            if info.has_pin:
                label = _("{details} (PIN)").format(details=label)
            action = self.trash_menu.addAction(label)
            action.triggered.connect(lambda _c=False, info=info: self.bring_back(info))

    def bring_back(self, info: HouseholdInfo) -> None:
        """Bring a deleted household back (its PIN first, if it has one)."""
        self._with_pin(info, "restore", lambda pin, info=info: self._restore(info, pin))

    # -- PIN ------------------------------------------------------------------------------------

    def pin_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self._discard_dialogs()
        guard = self.session.pin_guard
        self.pin_dialog = PinDialog(
            "set",
            info.name,
            partial(guard.try_pin, info.id),
            has_pin=info.has_pin,
            wait=partial(guard.wait_seconds, info.id),
            parent=self,
        )
        self.pin_dialog.accepted.connect(lambda hid=info.id: self._set_pin(hid))
        self.pin_dialog.open()

    def _set_pin(self, household_id: int) -> None:
        d = self.pin_dialog
        if d is None:
            return
        try:
            self.session.store.set_pin(household_id, None if d.remove_pin else d.new_pin)
        except StorageError as exc:
            self.session.show_error(str(exc))
        self.refresh()

    def clear_forgotten_pin(self) -> None:
        """Trainer mode: remove a PIN nobody remembers, after a clear warning."""
        info = self.selected()
        if info is None or not info.has_pin or not self.session.trainer_mode:
            return
        warning = _(
            'Remove the PIN of "{name}" without knowing it? After this, anyone using this laptop '
            "can open its plan. Do it only when the family itself asks and you are sure this is "
            "their household. They can set a new PIN afterwards."
        ).format(name=info.name)
        if not messages.confirm(self, _("Clear a forgotten PIN"), warning, danger=True):
            return
        try:
            self.session.pin_guard.clear_forgotten_pin(info.id)
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        self.refresh()
        self.select(info.id)

    # -- samples and plan files -----------------------------------------------------------------

    def sample_choices(self) -> list[tuple[str, Plan]]:
        """The sample households (id, plan), with names in the language of the screen."""
        from budget_tutor.samples import SAMPLES, localized

        return [(sample_id, localized(build())) for sample_id, build in SAMPLES.items()]

    def sample_plans(self) -> list[Plan]:
        return [plan for _id, plan in self.sample_choices()]

    def open_sample(self) -> None:
        from budget_tutor import demo
        from budget_tutor.samples import build_sample

        choices = self.sample_choices()
        if not choices:
            self.session.show_error(_("No sample households are installed."))
            return
        choice = messages.ask_choice(
            self,
            _("Open a sample household"),
            _("Sample households are made-up families to practise with. Choose one:"),
            [plan.household.name for _id, plan in choices],
        )
        if choice < 0:
            return
        sample_id, plan = choices[choice]
        store = self.session.store
        names = (plan.household.name, build_sample(sample_id).household.name)
        try:
            existing = demo.sample_households(store, sample_id, names)
        except StorageError as exc:
            self.session.show_error(str(exc))
            return
        if existing:
            infos = {info.id: info for info in self.households()}
            info = infos.get(existing[0])
            if info is not None:
                answer = messages.ask_choice(
                    self,
                    _("Open a sample household"),
                    _(
                        '"{name}" is already on this computer. Open it as it is now, or make a '
                        "fresh copy of the sample?"
                    ).format(name=info.name),
                    [_("Open the one already here"), _("Make a fresh copy")],
                )
                if answer < 0:
                    return
                if answer == 0:
                    self.select(info.id)
                    self._with_pin(info, "open", lambda pin, hid=info.id: self._open(hid, pin))
                    return
        hid = self._create_and_open(plan)
        if hid is not None:
            try:
                demo.remember_sample(store, sample_id, hid)
            except StorageError as exc:
                log.warning("cannot remember the sample household: %s", exc)

    def import_plan_file(self) -> None:
        from budget_tutor.planfile import load_plan_file

        path = messages.choose_file_to_open(
            self, _("Import a plan file"), messages.plan_file_filters()
        )
        if not path:
            return
        try:
            plan = load_plan_file(path)
        except StorageError as exc:
            self.session.show_error(
                _('"{file}" cannot be used: {problem}').format(
                    file=Path(path).name, problem=str(exc)
                )
            )
            return
        self._create_and_open(plan, imported=True)

    # -- texts ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Households on this computer"))
        self.hint_label.setText(
            _("There are no households yet. Create one, or open a sample household to practise.")
        )
        self.list.setAccessibleName(_("Households"))
        for b, text, tip in (
            (self.open_button, _("&Open"), _("Open the chosen household's plan (Enter)")),
            (self.new_button, _("&New household…"), _("Create a new household (Ctrl+N)")),
            (self.rename_button, _("Re&name…"), _("Change the household's name")),
            (self.duplicate_button, _("D&uplicate…"), _("Make a copy of the plan to try ideas")),
            (self.pin_button, _("&PIN…"), _("Set, change or remove a privacy PIN")),
            (self.delete_button, _("&Delete…"), _("Delete the household (it can be brought back)")),
            (self.sample_button, _("Open a &sample…"), _("A made-up family to practise with")),
            (self.import_button, _("&Import a plan file…"), _("Add a household from a plan file")),
            (self.trash_button, _("Deleted households"), _("Bring back a deleted household")),
            (
                self.clear_pin_button,
                _("Clear a forgotten PIN…"),
                _("Trainer mode: remove the PIN of the chosen household when nobody remembers it"),
            ),
        ):
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(text.replace("&", "").rstrip("…"))
        self.undo_delete_button.setText(_("&Undo"))
        self.undo_delete_button.setAccessibleName(_("Undo the delete"))
        if self._last_deleted is not None:
            self.undo_label.setText(_('"{name}" was deleted.').format(name=self._last_deleted.name))
        if self.list.count():  # "6 people", and a sample's name, in the new language
            self.refresh()
