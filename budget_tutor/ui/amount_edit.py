"""Fields for typed money amounts and decimal numbers, in the user's own way of writing them.

:class:`AmountEdit` reads what a person types with :func:`budget_tutor.money.parse_amount` in the
active language (``1 234,50`` in Russian and Tajik, ``1,234.50`` in English). A text that is not an
amount shows a translated message right under the field and the value stays what it was: never a
silent 0, never a crash. :class:`DecimalEdit` does the same for rates and percentages.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from budget_tutor import i18n
from budget_tutor.money import (
    GROUP_SPACES,
    MAX_AMOUNT,
    AmountError,
    format_amount,
    format_number,
    parse_amount,
    parse_decimal,
)
from budget_tutor.ui.messages import plain_tooltip

ERROR_STYLE = "color: #b00020; font-weight: bold;"


class _CheckedEdit(QWidget):
    """A line edit with an inline error label; subclasses parse and format the value."""

    value_committed = Signal(object)  # the new valid value (after Enter or leaving the field)
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self._value: object = None
        self._error: AmountError | None = None
        self.line_edit = QLineEdit(self)
        self.line_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line_edit.setClearButtonEnabled(False)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes what was typed
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.line_edit)
        self.line_edit.editingFinished.connect(self._commit)
        self.line_edit.textEdited.connect(self._on_edited)
        self._accessible_name = ""
        self._inline_errors = True

    # -- subclass hooks ---------------------------------------------------------------------

    def _parse(self, text: str) -> object:  # raises AmountError
        raise NotImplementedError

    def _format(self, value: object) -> str:
        raise NotImplementedError

    # -- public API -------------------------------------------------------------------------

    def value(self) -> object:
        """The last valid value (what is stored), whatever the field shows now."""
        return self._value

    def set_value(self, value: object) -> None:
        """Show ``value`` (formatted in the active language) and clear any error."""
        self._value = value
        self.line_edit.setText("" if value is None else self._format(value))
        self._set_error(None)

    def is_valid(self) -> bool:
        return self._error is None

    def error_text(self) -> str:
        return str(self._error) if self._error is not None else ""

    def check(self) -> bool:
        """Parse the text now (e.g. before a dialog's OK); shows the error; True if valid."""
        try:
            value = self._parse_or_none(self.line_edit.text())
        except AmountError as exc:
            self._set_error(exc)
            return False
        self._value = value
        self._set_error(None)
        return True

    def set_inline_errors(self, on: bool) -> None:
        """Off: the error is not shown under the field (the field keeps its height, so nothing
        below it moves); the red border and the tooltip still show it, and a form lists it in
        its own summary (the line dialog does)."""
        self._inline_errors = on
        self.error_label.setVisible(on and self._error is not None)

    def set_accessible_name(self, name: str) -> None:
        self._accessible_name = name
        self.setAccessibleName(name)
        self.line_edit.setAccessibleName(name)
        self._update_accessible_description()

    # -- internals --------------------------------------------------------------------------

    def _parse_or_none(self, text: str) -> object:
        if self.optional and not text.strip(GROUP_SPACES + "\t"):
            return None
        return self._parse(text)

    def _on_edited(self, text: str) -> None:
        # Clear a shown error as soon as the text becomes valid; new errors wait for the commit
        # so that half-typed amounts ("1 2" on the way to "1 234") do not flash red.
        if self._error is None:
            return
        try:
            self._parse_or_none(text)
        except AmountError:
            return
        self._set_error(None)

    def _commit(self) -> None:
        text = self.line_edit.text()
        try:
            value = self._parse_or_none(text)
        except AmountError as exc:
            self._set_error(exc)
            return
        self._set_error(None)
        if value != self._value:
            self._value = value
            self.value_committed.emit(value)
        # Show the value the way this language writes it.
        formatted = "" if value is None else self._format(value)
        if formatted != text:
            self.line_edit.setText(formatted)

    def _set_error(self, error: AmountError | None) -> None:
        was_valid = self._error is None
        self._error = error
        if error is None:
            self.error_label.clear()
            self.error_label.hide()
            self.line_edit.setStyleSheet("")
            self.line_edit.setToolTip("")
        else:
            self.error_label.setText(str(error))
            self.error_label.setVisible(self._inline_errors)
            self.line_edit.setStyleSheet("border: 2px solid #b00020;")
            self.line_edit.setToolTip(plain_tooltip(str(error)))  # it quotes what was typed
        self._update_accessible_description()
        if was_valid != (error is None):
            self.validity_changed.emit(error is None)

    def _update_accessible_description(self) -> None:
        self.line_edit.setAccessibleDescription(self.error_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Re-show the error in the new language and re-format a valid value the new way."""
        if self._error is not None:
            self.error_label.setText(str(self._error))
            self.line_edit.setToolTip(plain_tooltip(str(self._error)))
            self._update_accessible_description()
        elif self._value is not None:
            self.line_edit.setText(self._format(self._value))


class AmountEdit(_CheckedEdit):
    """An amount of money, typed in the active language; the value is ``int`` minor units."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        allow_negative: bool = False,
        maximum: int = MAX_AMOUNT,
    ) -> None:
        super().__init__(parent, optional=optional)
        self.allow_negative = allow_negative
        self.maximum = maximum
        self._value = None if optional else 0
        if not optional:
            self.line_edit.setText(self._format(0))

    def value(self) -> int | None:
        return self._value  # type: ignore[return-value]

    def _parse(self, text: str) -> int:
        return parse_amount(
            text,
            i18n.babel_locale(),
            allow_negative=self.allow_negative,
            maximum=self.maximum,
        )

    def _format(self, value: object) -> str:
        assert isinstance(value, int)
        return format_amount(value, i18n.babel_locale())


class DecimalEdit(_CheckedEdit):
    """A rate or a percentage (``Decimal``), typed with a comma or a point."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        places: int = 2,
        minimum: Decimal = Decimal(0),
        maximum: Decimal = Decimal(100),
        optional: bool = False,
    ) -> None:
        super().__init__(parent, optional=optional)
        self.places = places
        self.minimum = minimum
        self.maximum = maximum
        self._value = None if optional else Decimal(0)
        if not optional:
            self.line_edit.setText(self._format(Decimal(0)))

    def value(self) -> Decimal | None:
        return self._value  # type: ignore[return-value]

    def _parse(self, text: str) -> Decimal:
        return parse_decimal(
            text,
            places=self.places,
            minimum=self.minimum,
            maximum=self.maximum,
            locale=i18n.babel_locale(),
        )

    def _format(self, value: object) -> str:
        assert isinstance(value, Decimal)
        return format_number(value, i18n.babel_locale())
