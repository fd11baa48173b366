"""WhatIfSlidersPanel: the family's own change, made with sliders, named and kept in the plan.

A slider moves only on deliberate input — a drag, a click, or the keyboard once it has the focus;
the mouse wheel over a slider that has no focus scrolls the panel instead (see
:mod:`budget_tutor.ui.wheel_guard`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import text_rules
from budget_tutor.i18n import N_, _, babel_locale
from budget_tutor.model import Month, month_label, new_id
from budget_tutor.money import MINOR_PER_MAJOR, format_money, format_percent
from budget_tutor.scenarios import (
    ExchangeRateShock,
    MigrantReturns,
    OneOffExpense,
    RemittanceChange,
    SavingHabit,
    Scenario,
)
from budget_tutor.ui.chart_canvas import override
from budget_tutor.ui.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from budget_tutor.model import Plan

#: One step of the one-off cost slider, in somoni.
ONE_OFF_STEP = 1000
CANNOT_COMPARE = N_("The scenarios cannot be compared for this plan. Check its amounts and months.")


def _signed_percent(value: int) -> str:
    """``+30 %`` / ``−30 %`` / ``0 %`` in the active language's percent style (CLDR)."""
    text = format_percent(abs(value), babel_locale())
    return f"+{text}" if value > 0 else f"\u2212{text}" if value < 0 else text


def _slider(low: int, high: int, step: int) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(low, high)
    slider.setSingleStep(step)
    slider.setPageStep(step * 2)
    slider.setValue(0 if low <= 0 <= high else low)
    slider.setTracking(True)
    slider.setMinimumHeight(28)
    guard_wheel(slider)
    return slider


class WhatIfSlidersPanel(QGroupBox):
    #: A slider moved (the page compares again; blitting while a drag is on).
    moved = Signal()
    drag_started = Signal()
    drag_finished = Signal()
    #: "Keep in the plan" was clicked.
    keep_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = Month(2027, 1)  # the first month a change applies; the page sets it
        form = QVBoxLayout(self)
        self.remittance_slider = _slider(-100, 50, 5)
        self.rouble_slider = _slider(-50, 50, 5)
        self.home_slider = _slider(0, 12, 1)
        self.one_off_slider = _slider(0, 100, 1)
        self.one_off_month_slider = _slider(1, 12, 1)
        self.saving_slider = _slider(0, 30, 1)
        self.sliders = (
            self.remittance_slider,
            self.rouble_slider,
            self.home_slider,
            self.one_off_slider,
            self.one_off_month_slider,
            self.saving_slider,
        )
        self.captions = [QLabel() for _s in self.sliders]
        self.values = [QLabel() for _s in self.sliders]
        for caption, slider, value in zip(self.captions, self.sliders, self.values, strict=True):
            caption.setWordWrap(True)
            caption.setBuddy(slider)
            # The caption wraps on its own line; the slider and its value share the next one.
            row = QHBoxLayout()
            slider.setMinimumWidth(60)
            row.addWidget(slider, 1)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(value)
            form.addWidget(caption)
            form.addLayout(row)
            slider.valueChanged.connect(self._moved)
            slider.sliderPressed.connect(self.drag_started)
            slider.sliderReleased.connect(self.drag_finished)
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(80)
        self.name_label.setBuddy(self.name_edit)
        form.addWidget(self.name_label)
        form.addWidget(self.name_edit)
        buttons = QVBoxLayout()  # one above the other: long Tajik texts are never cut
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.keep_requested)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        form.addLayout(buttons)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #A00000; font-weight: bold;")
        self.message_label.hide()
        form.addWidget(self.message_label)
        self._message: str | None = None
        self.retranslate_ui()

    # -- the change the sliders describe --------------------------------------------------------

    def changes(self, plan: Plan) -> tuple[Any, ...]:
        """The changes the sliders describe (empty when every slider is at rest)."""
        start = self.start
        changes: list[Any] = []
        if self.remittance_slider.value():
            changes.append(RemittanceChange(Decimal(self.remittance_slider.value()), start))
        if self.rouble_slider.value():
            changes.append(ExchangeRateShock(Decimal(self.rouble_slider.value()), start))
        if self.home_slider.value():
            changes.append(MigrantReturns(start.plus(self.home_slider.value() - 1)))
        if self.one_off_slider.value():
            changes.append(
                OneOffExpense(
                    self.name_edit.text().strip() or _("A large expense"),
                    self.one_off_slider.value() * ONE_OFF_STEP * MINOR_PER_MAJOR,
                    start.plus(self.one_off_month_slider.value() - 1),
                )
            )
        if self.saving_slider.value():
            place_id = next((p.id for p in plan.savings), "")
            changes.append(
                SavingHabit(
                    percent_of_remittance=Decimal(self.saving_slider.value()),
                    place_id=place_id,
                    from_month=start,
                )
            )
        return tuple(changes)

    def scenario_to_keep(self, plan: Plan) -> Scenario | None:
        """The sliders' scenario with the typed name, or None with a message saying what is
        missing (no change yet, no name, a name that cannot be kept)."""
        try:
            changes = self.changes(plan)
        except ValueError:  # months past the end of the calendar
            self.show_message(CANNOT_COMPARE)
            return None
        name = self.name_edit.text().strip()
        problem = text_rules.text_problem(self.name_edit.text()) if name else None
        if not changes:
            self.show_message(N_("Move a slider first: there is no change to keep yet."))
        elif not name:
            self.show_message(N_("Give this scenario a name first."))
            self.name_edit.setFocus()
        elif problem is not None:  # already translated, the field named
            self.show_message(problem.message_for(self.name_label.text()))
            self.name_edit.setFocus()
        else:
            return Scenario(new_id("scenario-"), name, changes)
        return None

    def scenario_name(self) -> str:
        return self.name_edit.text().strip() or _("Your changes")

    def reset(self) -> None:
        """Every slider back at rest (one "moved" signal, not six)."""
        for slider in self.sliders:
            slider.blockSignals(True)
            slider.setValue(1 if slider is self.one_off_month_slider else 0)
            slider.blockSignals(False)
        self.update_values()
        self.moved.emit()

    def _moved(self, _value: int) -> None:
        self.update_values()
        self.show_message(None)
        self.moved.emit()

    def update_values(self) -> None:
        locale = babel_locale()
        home = self.home_slider.value()

        def month_after(months: int) -> str:
            try:
                return month_label(self.start.plus(months), locale)
            except ValueError:  # a plan that starts at the very end of the calendar
                return "\u2014"

        texts = (
            _signed_percent(self.remittance_slider.value()),
            _signed_percent(self.rouble_slider.value()),
            month_after(home - 1) if home else _("Stays abroad"),
            format_money(
                self.one_off_slider.value() * ONE_OFF_STEP * MINOR_PER_MAJOR, locale, decimals=False
            ),
            month_after(self.one_off_month_slider.value() - 1),
            _signed_percent(self.saving_slider.value()).lstrip("+"),
        )
        for label, text in zip(self.values, texts, strict=True):
            label.setText(text)
        # As wide as the widest value any slider can show in this language, so none is cut.
        metrics = self.values[0].fontMetrics()
        widest = [
            _("Stays abroad"),
            format_money(100 * ONE_OFF_STEP * MINOR_PER_MAJOR, locale, decimals=False),
            _signed_percent(-100),
            *(month_after(k) for k in range(12)),
        ]
        width = max(metrics.horizontalAdvance(t) for t in widest) + 8
        if width != self.values[0].minimumWidth():
            for label in self.values:
                label.setMinimumWidth(width)

    # -- messages and words ---------------------------------------------------------------------

    def show_message(self, msgid: str | None) -> None:
        """Show a message (an English msgid, translated now and after a language switch)."""
        self._message = msgid
        self.message_label.setVisible(msgid is not None)
        self.message_label.setText(_(msgid) if msgid else "")

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your own change"))
        captions = (
            _("Money from abroad changes by"),
            _("The rouble rises or falls by"),
            _("The migrant comes home in"),
            _("A large one-off expense"),
            _("Month of the large expense"),
            _("Save this share of each remittance"),
        )
        for label, slider, text in zip(self.captions, self.sliders, captions, strict=True):
            label.setText(text)
            slider.setAccessibleName(text)
            slider.setToolTip(_("Drag, click or use the arrow keys; the mouse wheel scrolls"))
        self.name_label.setText(_("Name of this scenario"))
        self.name_edit.setPlaceholderText(_("For example: Son works in Kazan"))
        self.name_edit.setAccessibleName(_("Name of this scenario"))
        self.save_button.setText(_("Keep in the plan"))
        self.save_button.setAccessibleName(_("Keep this scenario in the plan"))
        self.reset_button.setText(_("Start again"))
        self.reset_button.setAccessibleName(_("Put every slider back"))
        self.show_message(self._message)
        self.update_values()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
