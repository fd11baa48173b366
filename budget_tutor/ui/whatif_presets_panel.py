"""WhatIfPresetsPanel: the ready-made scenarios, each a toggle button with its assumptions.

Clicking a preset adds its scenario(s) to the comparison (click again to take it away). A chosen
preset shows the numbers it assumes (the cow's price and milk, the deposit's rate, the wedding's
cost and month…) in a small editor under its button, so the trainer can show them to the room
and change them; the numbers live in the core (:mod:`budget_tutor.presets`) with their defaults.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import presets
from budget_tutor.i18n import _, babel_locale
from budget_tutor.model import month_name
from budget_tutor.money import MINOR_PER_MAJOR, currency_name
from budget_tutor.presets import Assumption, Unit
from budget_tutor.ui.chart_canvas import override
from budget_tutor.ui.wheel_guard import guard_wheel


class _WrapButton(QPushButton):
    """A toggle button whose title wraps onto more lines instead of being cut (long Tajik and
    Russian titles, presentation mode's larger font). The title is a word-wrapped label."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_title(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def title(self) -> str:
        return self.label.text()

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        return max(36, self.label.heightForWidth(max(width - 16, 40)) + 12)

    @override
    def sizeHint(self) -> QSize:
        return QSize(160, self.heightForWidth(max(self.width(), 160)))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(120, 36)


class WhatIfPresetsPanel(QGroupBox):
    #: The chosen presets or one of their assumptions changed.
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.buttons: dict[str, _WrapButton] = {}
        self.editors: dict[str, QFrame] = {}
        #: preset id -> assumption key -> its editor (QSpinBox or, for a month, QComboBox)
        self.fields: dict[str, dict[str, QSpinBox | QComboBox]] = {}
        self._labels: list[tuple[QLabel, Assumption]] = []
        self.selected: list[str] = []
        for preset in presets.PRESETS:
            button = _WrapButton()
            button.setCheckable(True)
            button.toggled.connect(lambda on, pid=preset.id: self._toggled(pid, on))
            layout.addWidget(button)
            self.buttons[preset.id] = button
            if preset.assumptions:
                editor = self._editor(preset)
                editor.hide()
                layout.addWidget(editor)
                self.editors[preset.id] = editor
        self.retranslate_ui()

    def _editor(self, preset: presets.Preset) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        form = QVBoxLayout(frame)  # each label above its field: long labels wrap, never cut
        form.setContentsMargins(8, 4, 8, 6)
        form.setSpacing(2)
        self.fields[preset.id] = {}
        for assumption in preset.assumptions:
            field: QSpinBox | QComboBox
            if assumption.unit is Unit.MONTH:
                field = QComboBox()
                for month in range(1, 13):
                    field.addItem("", month)
                field.setCurrentIndex(assumption.default - 1)
                field.currentIndexChanged.connect(self._edited)
            else:
                field = QSpinBox()
                scale = MINOR_PER_MAJOR if assumption.unit is Unit.MONEY else 1
                field.setRange(assumption.low // scale, assumption.high // scale)
                field.setValue(assumption.default // scale)
                field.setSingleStep(100 if assumption.unit is Unit.MONEY else 1)
                field.setGroupSeparatorShown(True)
                field.setKeyboardTracking(False)  # typing "9000" is one change, not four
                field.valueChanged.connect(self._edited)
            guard_wheel(field)
            label = QLabel()
            label.setWordWrap(True)
            label.setBuddy(field)
            self._labels.append((label, assumption))
            form.addWidget(label)
            form.addWidget(field)
            self.fields[preset.id][assumption.key] = field
        return frame

    def values(self, preset_id: str) -> dict[str, int]:
        """The assumptions of a preset as the trainer set them (dirams, percent, month)."""
        out = {}
        preset = presets.PRESETS_BY_ID[preset_id]
        for assumption in preset.assumptions:
            field = self.fields[preset_id][assumption.key]
            if isinstance(field, QComboBox):
                out[assumption.key] = int(field.currentData())
            elif assumption.unit is Unit.MONEY:
                out[assumption.key] = field.value() * MINOR_PER_MAJOR
            else:
                out[assumption.key] = field.value()
        return preset.resolve(out)

    def _toggled(self, preset_id: str, on: bool) -> None:
        if on and preset_id not in self.selected:
            self.selected.append(preset_id)
        elif not on and preset_id in self.selected:
            self.selected.remove(preset_id)
        if preset_id in self.editors:
            self.editors[preset_id].setVisible(on)
        self.selection_changed.emit()

    def _edited(self, _value: Any) -> None:
        self._retitle()
        self.selection_changed.emit()

    def _retitle(self) -> None:
        for preset_id, button in self.buttons.items():
            preset = presets.PRESETS_BY_ID[preset_id]
            title = preset.title(self.values(preset_id) if preset.assumptions else None)
            button.set_title(title)
            tip = _(preset.description) if preset.description else ""
            button.setToolTip(
                "\n".join(
                    t for t in (tip, _("Click to compare; click again to take it away.")) if t
                )
            )

    def retranslate_ui(self) -> None:
        self.setTitle(_("Ready-made scenarios"))
        self._retitle()
        locale = babel_locale()
        for label, assumption in self._labels:
            label.setText(_(assumption.label))
        for preset_id, fields in self.fields.items():
            for assumption in presets.PRESETS_BY_ID[preset_id].assumptions:
                field = fields[assumption.key]
                field.setAccessibleName(_(assumption.label))
                if isinstance(field, QComboBox):
                    for i in range(12):
                        field.setItemText(i, month_name(i + 1, locale))
                elif assumption.unit is Unit.PERCENT:
                    field.setSuffix("\u00a0%")
                else:
                    field.setSuffix("\u00a0" + currency_name("TJS"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
