"""Radio buttons or tick boxes with a feedback line each (quiz and assessment steps)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import (
    QuizOption,
)
from budget_tutor.ui.lesson_steps.step_widget import (
    RIGHT_COLOUR,
    WRONG_COLOUR,
    Translate,
    plain_label,
)


class OptionsBox(QWidget):
    """Radio buttons (one right answer) or tick boxes (several) with a feedback line each."""

    def __init__(
        self, options: tuple[QuizOption, ...], multiple: bool, translate: Translate, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.t = translate
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: list[QAbstractButton] = []
        self.feedback_labels: list[QLabel] = []
        for i, _option in enumerate(options):
            button: QAbstractButton = QCheckBox(self) if multiple else QRadioButton(self)
            self.group.addButton(button, i)
            self.buttons.append(button)
            feedback = plain_label(self)
            feedback.setVisible(False)
            feedback.setContentsMargins(24, 0, 0, 4)
            layout.addWidget(button)
            layout.addWidget(feedback)
            self.feedback_labels.append(feedback)

    def chosen(self) -> list[int]:
        return [i for i, b in enumerate(self.buttons) if b.isChecked()]

    def set_chosen(self, chosen: list[int]) -> None:
        for i, button in enumerate(self.buttons):
            button.setChecked(i in chosen)

    def show_result(self, result: checking.QuizResult) -> None:
        shown = {i for i, _ok, _f in result.feedback}
        for i, label in enumerate(self.feedback_labels):
            option = self.options[i]
            if i in shown:
                mark = _("Right.") if option.correct else _("Not right.")
                text = mark + (" " + self.t(option.feedback) if option.feedback else "")
                label.setStyleSheet(f"color: {RIGHT_COLOUR if option.correct else WRONG_COLOUR};")
                label.setText(text)
                label.setVisible(True)
            else:
                label.setVisible(False)

    def retranslate(self) -> None:
        for option, button in zip(self.options, self.buttons, strict=True):
            button.setText(self.t(option.text))
