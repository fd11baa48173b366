"""The optional privacy PIN of a household: a screen against curious eyes on a shared laptop.

It is *not* encryption, and the dialog says so: the data file itself stays readable to anyone
who copies it. The store keeps only a salted slow hash (scrypt) of the PIN.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import N_, _, ngettext
from budget_tutor.pin_guard import PinCheck
from budget_tutor.storage import PIN_MAX_LENGTH, PIN_MIN_LENGTH
from budget_tutor.ui import messages

#: What the PIN is asked for ("check" mode): the sentence under the title names the action.
PURPOSES = {
    "open": N_('"{name}" has a PIN. Enter it to open the plan.'),
    "duplicate": N_('"{name}" has a PIN. Enter it to make a copy of the plan.'),
    "rename": N_('"{name}" has a PIN. Enter it to rename the household.'),
    "delete": N_('"{name}" has a PIN. Enter it to delete the household.'),
    "restore": N_('"{name}" has a PIN. Enter it to bring the household back.'),
}


def _pin_field(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_LENGTH)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class PinDialog(QDialog):
    """``mode="check"`` asks for the PIN before an action on a household (``purpose``: one of
    :data:`PURPOSES`); ``mode="set"`` sets, changes or removes it. ``check`` verifies the current
    PIN and returns a :class:`~budget_tutor.pin_guard.PinCheck` (or a bool); ``wait`` tells how
    many seconds remain before the next try is allowed: while it runs, OK is disabled and a
    countdown is shown. The PIN that was right is kept in :attr:`pin`."""

    def __init__(
        self,
        mode: str,
        household_name: str,
        check: Callable[[str], PinCheck | bool] | None = None,
        *,
        has_pin: bool = False,
        purpose: str = "open",
        wait: Callable[[], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if mode not in ("check", "set") or purpose not in PURPOSES:
            raise ValueError(mode)
        self.mode = mode
        self.purpose = purpose
        self.household_name = household_name
        self.check = check
        self.wait = wait
        self.has_pin = has_pin
        self.pin: str | None = None
        self.new_pin: str | None = None
        self.remove_pin = False
        self._wrong = False
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.update_wait)
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.intro_label = QLabel(self)
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)  # names the household
        self.intro_label.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #5d4037;")
        self.current_edit = _pin_field(self)
        self.new_edit = _pin_field(self)
        self.repeat_edit = _pin_field(self)
        self.remove_check = QCheckBox(self)
        self.current_label, self.new_label, self.repeat_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.current_label.setBuddy(self.current_edit)
        self.new_label.setBuddy(self.new_edit)
        self.repeat_label.setBuddy(self.repeat_edit)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem_label.hide()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.current_label, self.current_edit)
        if mode == "set":
            form.addRow(self.new_label, self.new_edit)
            form.addRow(self.repeat_label, self.repeat_edit)
            if has_pin:
                form.addRow(self.remove_check)
            form.setRowVisible(self.current_edit, has_pin)
            self.remove_check.toggled.connect(self._on_remove_toggled)
            if not has_pin:
                self.remove_check.hide()
        else:  # only the PIN itself is asked for
            for widget in (
                self.new_label,
                self.new_edit,
                self.repeat_label,
                self.repeat_edit,
                self.remove_check,
            ):
                widget.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)
        # grows when a problem line appears: nothing is squeezed or cut
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.intro_label.setMinimumWidth(400)  # wrapped lines of a readable length
        self.retranslate_ui()
        (self.current_edit if mode == "check" or has_pin else self.new_edit).setFocus()
        self.update_wait()

    def asks_current_pin(self) -> bool:
        return self.mode == "check" or self.has_pin

    def seconds_to_wait(self) -> int:
        if self.wait is None or not self.asks_current_pin():
            return 0
        return max(0, int(self.wait()))

    def update_wait(self) -> None:
        """Show how long until the next try (OK disabled meanwhile); called every second."""
        seconds = self.seconds_to_wait()
        self.ok_button.setEnabled(seconds == 0)
        self.current_edit.setEnabled(seconds == 0)
        if seconds:
            if self._wrong:
                text = ngettext(
                    "That PIN is not right. You can try again in {n} second.",
                    "That PIN is not right. You can try again in {n} seconds.",
                    seconds,
                )
            else:
                text = ngettext(
                    "Too many wrong PINs. You can try again in {n} second.",
                    "Too many wrong PINs. You can try again in {n} seconds.",
                    seconds,
                )
            self._problem(text.format(n=seconds))
            if not self.countdown.isActive():
                self.countdown.start()
            return
        if self.countdown.isActive():  # the wait is over
            self.countdown.stop()
            if self._wrong:
                self._problem(_("That PIN is not right. Try again."))
            else:
                self.problem_label.hide()
            self.current_edit.setFocus()

    def _on_remove_toggled(self, on: bool) -> None:
        self.new_edit.setEnabled(not on)
        self.repeat_edit.setEnabled(not on)

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()
        fit_height(self)

    def _on_ok(self) -> None:
        if self.asks_current_pin():
            if self.seconds_to_wait():
                self.update_wait()
                return
            pin = self.current_edit.text()
            result = self.check(pin) if self.check is not None else True
            ok = result if isinstance(result, bool) else result.ok
            if not ok:
                self.current_edit.clear()
                self._wrong = not (isinstance(result, PinCheck) and result.refused)
                self._problem(_("That PIN is not right. Try again."))
                self.update_wait()
                return
            self._wrong = False
            self.pin = pin
        if self.mode == "set":
            if self.has_pin and self.remove_check.isChecked():
                self.remove_pin = True
                self.new_pin = None
                self.accept()
                return
            new = self.new_edit.text()
            if not (PIN_MIN_LENGTH <= len(new) <= PIN_MAX_LENGTH) or not new.isdigit():
                self._problem(
                    _("A PIN is {low} to {high} digits.").format(
                        low=PIN_MIN_LENGTH, high=PIN_MAX_LENGTH
                    )
                )
                return
            if new != self.repeat_edit.text():
                self.repeat_edit.clear()
                self._problem(_("The two PINs are not the same. Type the new PIN again."))
                return
            self.new_pin = new
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        if self.mode == "check":
            self.setWindowTitle(_("Enter the PIN"))
            self.intro_label.setText(_(PURPOSES[self.purpose]).format(name=self.household_name))
            self.current_label.setText(_("&PIN:"))
        else:
            self.setWindowTitle(_("Privacy PIN"))
            self.intro_label.setText(
                _(
                    'A PIN for "{name}": others using this laptop cannot open the plan without it.'
                ).format(name=self.household_name)
            )
            self.current_label.setText(_("&Current PIN:"))
        self.new_label.setText(_("&New PIN:"))
        self.repeat_label.setText(_("&Repeat the new PIN:"))
        self.remove_check.setText(_("Remove the PIN"))
        self.note_label.setText(
            _(
                "This PIN is only a privacy screen. It is not encryption: anyone who copies "
                "the data file can still read it."
            )
        )
        for label, edit in (
            (self.current_label, self.current_edit),
            (self.new_label, self.new_edit),
            (self.repeat_label, self.repeat_edit),
        ):
            edit.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.remove_check.setAccessibleName(self.remove_check.text())
        messages.translate_button_box(self.buttons)


def fit_height(dialog: QDialog) -> None:
    """Grow ``dialog`` to the height its wrapped texts need at its width (a problem line that
    appears after the dialog is shown must not squeeze the lines below it)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(dialog.width())
    else:
        need = layout.totalSizeHint().height()
    if need > dialog.height():
        dialog.resize(dialog.width(), need)
