"""Radio buttons or tick boxes with a feedback line each (quiz and assessment steps).

Qt's radio buttons and tick boxes never wrap their text, so a long answer would push the step
wider than a 1024-pixel projector. Each option is therefore a button without text (its text is
its accessible name) beside a word-wrapped label; clicking the label chooses the option too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import QuizOption
from budget_tutor.ui.lesson_steps.step_widget import (
    RIGHT_COLOUR,
    WRONG_COLOUR,
    Translate,
    plain_label,
)


class OptionLabel(QLabel):
    """The wrapped text of one option; a click on it clicks the option's button."""

    def __init__(self, button: QAbstractButton, parent: QWidget) -> None:
        super().__init__(parent)
        self.button = button
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setBuddy(button)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.click()
            self.button.setFocus()
            event.accept()
            return
        super().mousePressEvent(event)


class OptionsBox(QWidget):
    """Radio buttons (one right answer) or tick boxes (several) with a feedback line each."""

    def __init__(
        self, options: tuple[QuizOption, ...], multiple: bool, translate: Translate, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.t = translate
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(1, 1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: list[QAbstractButton] = []
        self.option_labels: list[OptionLabel] = []
        self.feedback_labels: list[QLabel] = []
        for i, _option in enumerate(options):
            button: QAbstractButton = QCheckBox(self) if multiple else QRadioButton(self)
            self.group.addButton(button, i)
            self.buttons.append(button)
            label = OptionLabel(button, self)
            self.option_labels.append(label)
            feedback = plain_label(self)
            feedback.setVisible(False)
            feedback.setContentsMargins(0, 0, 0, 4)
            layout.addWidget(button, 2 * i, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, 2 * i, 1)
            layout.addWidget(feedback, 2 * i + 1, 1)
            self.feedback_labels.append(feedback)
        self._align_buttons()

    def _align_buttons(self) -> None:
        """Each button as tall as one line of its text, so that it sits beside the first line."""
        for button, label in zip(self.buttons, self.option_labels, strict=True):
            button.setFixedHeight(max(label.fontMetrics().height(), button.sizeHint().height()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._align_buttons()

    def chosen(self) -> list[int]:
        return [i for i, b in enumerate(self.buttons) if b.isChecked()]

    def set_chosen(self, chosen: list[int]) -> None:
        exclusive = self.group.exclusive()
        self.group.setExclusive(False)  # an exclusive group cannot be cleared otherwise
        for i, button in enumerate(self.buttons):
            button.setChecked(i in chosen)
        self.group.setExclusive(exclusive)

    def show_result(self, result: checking.QuizResult) -> None:
        shown = {i for i, _ok, _f in result.feedback}
        for i, label in enumerate(self.feedback_labels):
            option = self.options[i]
            if i in shown:
                mark = _("Right.") if option.correct else _("Not right.")
                text = mark + (" " + self.t(option.feedback) if option.feedback else "")
                colour = RIGHT_COLOUR if option.correct else WRONG_COLOUR
                label.setStyleSheet(f"color: {colour};")
                label.setText(text)
                label.setVisible(True)
            else:
                label.setVisible(False)

    def retranslate(self) -> None:
        for option, button, label in zip(
            self.options, self.buttons, self.option_labels, strict=True
        ):
            text = self.t(option.text)
            label.setText(text)
            button.setAccessibleName(text)
