"""The 12-month season calendar (when remittances arrive, when seasonal costs fall) and a
month-and-year picker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.model import ALL_MONTHS, Month, month_name

_ON_STYLE = "QPushButton:checked { background: #2e7d32; color: white; font-weight: bold; }"
#: A month button's height in lines of its font: big enough to hit on a touchpad.
_BUTTON_LINES = 1.8


class SeasonCalendar(QWidget):
    """Twelve month toggles, January first, in two rows of six."""

    months_changed = Signal(tuple)  # the chosen calendar months, sorted (1..12)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for m in ALL_MONTHS:
            button = QPushButton(self)
            button.setCheckable(True)
            button.setStyleSheet(_ON_STYLE)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.toggled.connect(self._on_toggled)
            layout.addWidget(button, (m - 1) // 6, (m - 1) % 6)
            self.buttons.append(button)
        self._quiet = False
        self.retranslate_ui()

    def months(self) -> tuple[int, ...]:
        return tuple(m for m, b in zip(ALL_MONTHS, self.buttons, strict=True) if b.isChecked())

    def set_months(self, months: tuple[int, ...] | list[int]) -> None:
        self._quiet = True
        try:
            for m, button in zip(ALL_MONTHS, self.buttons, strict=True):
                button.setChecked(m in months)
        finally:
            self._quiet = False
        self._update_states()

    def _on_toggled(self, _checked: bool) -> None:
        self._update_states()
        if not self._quiet:
            self.months_changed.emit(self.months())

    def _update_states(self) -> None:
        locale = i18n.babel_locale()
        for m, button in zip(ALL_MONTHS, self.buttons, strict=True):
            state = _("on") if button.isChecked() else _("off")
            # Translators: accessible name of a month toggle, e.g. "March: on".
            button.setAccessibleName(
                _("{month}: {state}").format(month=month_name(m, locale), state=state)
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_buttons()
        super().changeEvent(event)

    def _fit_buttons(self) -> None:
        """Give the buttons their height as a real minimum (a style sheet's min-height is not
        in the size hint, so the layout gave the rows less and the second row was cut)."""
        height = round(self.fontMetrics().lineSpacing() * _BUTTON_LINES) + 6
        for button in self.buttons:
            button.setMinimumHeight(max(height, button.sizeHint().height()))
        self.updateGeometry()

    def retranslate_ui(self) -> None:
        locale = i18n.babel_locale()
        for m, button in zip(ALL_MONTHS, self.buttons, strict=True):
            button.setText(month_name(m, locale, short=True))
            button.setToolTip(month_name(m, locale))
        self._update_states()
        self._fit_buttons()


class MonthPicker(QWidget):
    """A calendar month: a month name and a year."""

    month_changed = Signal(object)  # Month

    def __init__(self, parent: QWidget | None = None, value: Month | None = None) -> None:
        super().__init__(parent)
        self.month_combo = QComboBox(self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        for _m in ALL_MONTHS:
            self.month_combo.addItem("")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month_combo, 2)
        layout.addWidget(self.year_spin, 1)
        self.set_month(value or Month(2027, 1))
        self.month_combo.currentIndexChanged.connect(self._emit)
        self.year_spin.valueChanged.connect(self._emit)
        self.retranslate_ui()

    def month(self) -> Month:
        return Month(self.year_spin.value(), self.month_combo.currentIndex() + 1)

    def set_month(self, value: Month) -> None:
        self.year_spin.setValue(value.year)
        self.month_combo.setCurrentIndex(value.month - 1)

    def _emit(self, *_args: object) -> None:
        self.month_changed.emit(self.month())

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)
        # Translators: accessible names of the two parts of a month picker, e.g. "Start: month".
        self.month_combo.setAccessibleName(_("{field}: month").format(field=name))
        self.year_spin.setAccessibleName(_("{field}: year").format(field=name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        locale = i18n.babel_locale()
        for m in ALL_MONTHS:
            self.month_combo.setItemText(m - 1, month_name(m, locale))
