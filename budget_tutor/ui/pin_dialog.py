"""The optional privacy PIN of a household: a screen against curious eyes on a shared laptop.

It is *not* encryption, and the dialog says so: the data file itself stays readable to anyone
who copies it. The store keeps only a salted slow hash (scrypt) of the PIN.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.storage import PIN_MAX_LENGTH, PIN_MIN_LENGTH
from budget_tutor.ui import messages


def _pin_field(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_LENGTH)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class PinDialog(QDialog):
    """``mode="check"`` asks for the PIN that opens a household (``check`` verifies it);
    ``mode="set"`` sets, changes or removes it (``check`` verifies the current PIN, if any)."""

    def __init__(
        self,
        mode: str,
        household_name: str,
        check: Callable[[str], bool] | None = None,
        *,
        has_pin: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if mode not in ("check", "set"):
            raise ValueError(mode)
        self.mode = mode
        self.household_name = household_name
        self.check = check
        self.has_pin = has_pin
        self.new_pin: str | None = None
        self.remove_pin = False
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
        self.retranslate_ui()
        (self.current_edit if mode == "check" or has_pin else self.new_edit).setFocus()

    def _on_remove_toggled(self, on: bool) -> None:
        self.new_edit.setEnabled(not on)
        self.repeat_edit.setEnabled(not on)

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()

    def _on_ok(self) -> None:
        if self.mode == "check" or self.has_pin:
            pin = self.current_edit.text()
            if self.check is not None and not self.check(pin):
                self.current_edit.clear()
                self.current_edit.setFocus()
                self._problem(_("That PIN is not right. Try again."))
                return
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
            self.intro_label.setText(
                _('"{name}" has a PIN. Enter it to open the plan.').format(name=self.household_name)
            )
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
