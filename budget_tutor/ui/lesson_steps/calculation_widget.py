"""The calculation step: a typed number checked in the current locale, and its solution."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.amount_words import MAX_WORDS, somoni_in_words
from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import (
    CalculationStep,
    Lesson,
)
from budget_tutor.lessons.sanitize import to_html
from budget_tutor.money import MINOR_PER_MAJOR
from budget_tutor.ui.lesson_steps.step_widget import (
    RIGHT_COLOUR,
    WRONG_COLOUR,
    StepWidget,
    Translate,
    plain_label,
    rich_label,
)


def unit_name(unit: str) -> str:
    names = {
        "TJS": i18n.pgettext("currency name", "somoni"),
        "RUB": i18n.pgettext("currency name", "roubles"),
        "USD": i18n.pgettext("currency name", "dollars"),
        "months": _("months"),
        "percent": "%",
    }
    return names.get(unit, unit)


class CalculationWidget(StepWidget):
    def __init__(
        self,
        step: CalculationStep,
        lesson: Lesson,
        translate: Translate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.calc = step
        self.prompt_label = rich_label(self)
        self.layout_.addWidget(self.prompt_label)
        row = QHBoxLayout()
        self.answer_edit = QLineEdit(self)
        self.answer_edit.returnPressed.connect(self.check)
        self.answer_edit.textEdited.connect(lambda _t: self.error_label.setVisible(False))
        self.unit_label = plain_label(self)
        row.addWidget(self.answer_edit, 1)
        row.addWidget(self.unit_label)
        self.layout_.addLayout(row)
        self.error_label = plain_label(self)
        self.error_label.setStyleSheet(f"color: {WRONG_COLOUR};")
        self.error_label.setVisible(False)
        self.layout_.addWidget(self.error_label)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check)
        self.layout_.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result_label = plain_label(self)
        self.layout_.addWidget(self.result_label)
        # The right amount of somoni in words, under the result, for those who read numbers
        # with difficulty ("ду ҳазору ҳафтод сомонӣ").
        self.words_label = plain_label(self)
        font = self.words_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.words_label.setFont(font)
        self.words_label.setVisible(False)
        self.layout_.addWidget(self.words_label)
        self.solution_button = QPushButton(self)
        self.solution_button.setCheckable(True)
        self.solution_button.toggled.connect(self._toggle_solution)
        self.layout_.addWidget(self.solution_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.solution_label = rich_label(self)
        self.solution_label.setVisible(False)
        self.layout_.addWidget(self.solution_label)
        self.layout_.addStretch(1)
        self.result: checking.CalculationResult | None = None
        self.error: Exception | None = None
        self.retranslate_ui()

    def check(self) -> bool:
        text = self.answer_edit.text()
        try:
            self.result = checking.check_calculation(self.calc, text, i18n.babel_locale())
        except (checking.AnswerError, checking.AmountError) as exc:
            self.error = exc
            self.result = None
            self._show()
            return False
        self.error = None
        self._show()
        self._emit({"typed": text, "value": str(self.result.value)}, self.result.score)
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        typed = answer.get("typed") if answer else None
        if isinstance(typed, str):
            self.answer_edit.setText(typed)
            try:
                self.result = checking.check_calculation(self.calc, typed, i18n.babel_locale())
            except (checking.AnswerError, checking.AmountError):
                self.result = None
            self._show()

    def _toggle_solution(self, on: bool) -> None:
        self.solution_label.setVisible(on)
        self.solution_button.setText(_("Hide the solution") if on else _("Show the solution"))

    def _show(self) -> None:
        if self.error is not None:
            self.error_label.setText(checking.calculation_error(self.error))
            self.error_label.setVisible(True)
            self.answer_edit.setAccessibleDescription(self.error_label.text())
        else:
            self.error_label.setVisible(False)
            self.answer_edit.setAccessibleDescription("")
        if self.result is None:
            self.result_label.setText("")
        elif self.result.correct:
            self.result_label.setText(
                _("Right! The answer is {answer} {unit}.").format(
                    answer=self._number(self.result.expected), unit=unit_name(self.calc.unit)
                )
            )
            self.result_label.setStyleSheet(f"color: {RIGHT_COLOUR};")
        else:
            self.result_label.setText(_("Not quite. Look at the solution and try again."))
            self.result_label.setStyleSheet(f"color: {WRONG_COLOUR};")
            if not self.solution_button.isChecked():
                self.solution_button.setChecked(True)
        words = self.amount_in_words()
        self.words_label.setText(words)
        self.words_label.setVisible(bool(words))

    def amount_in_words(self) -> str:
        """The right answer in words when it was found and is an amount of somoni, else ""."""
        if self.result is None or not self.result.correct or self.calc.unit != "TJS":
            return ""
        minor = self.result.expected * MINOR_PER_MAJOR
        if minor != minor.to_integral_value() or not 0 <= minor <= MAX_WORDS * MINOR_PER_MAJOR:
            return ""
        words = somoni_in_words(int(minor), i18n.current_language())
        # Translators: the answer's amount written in words under "Right! The answer is …".
        return _("In words: {amount_in_words}").format(amount_in_words=words)

    def _number(self, value: Decimal) -> str:
        from babel.numbers import format_decimal

        pattern = "#,##0.##" if self.calc.money else "#,##0.#"
        return format_decimal(value, format=pattern, locale=i18n.babel_locale())

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.prompt_label.setText(to_html(self.t(self.calc.prompt)))
        self.unit_label.setText(unit_name(self.calc.unit))
        self.answer_edit.setAccessibleName(
            _("Your answer in {unit}").format(unit=unit_name(self.calc.unit))
        )
        self.answer_edit.setPlaceholderText(_("Type your answer"))
        self.check_button.setText(_("Check (Enter)"))
        self.solution_label.setText(to_html(self.t(self.calc.solution)))
        self._toggle_solution(self.solution_button.isChecked())
        self._show()
