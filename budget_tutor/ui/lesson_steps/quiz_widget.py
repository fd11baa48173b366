"""The quiz step: one or several right answers, feedback per option."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import (
    Lesson,
    QuizStep,
)
from budget_tutor.lessons.sanitize import to_html
from budget_tutor.ui.lesson_steps import step_widget as base
from budget_tutor.ui.lesson_steps.options_box import OptionsBox
from budget_tutor.ui.lesson_steps.step_widget import (
    StepWidget,
    Translate,
    plain_label,
    rich_label,
)


class QuizWidget(StepWidget):
    def __init__(
        self, step: QuizStep, lesson: Lesson, translate: Translate, parent: QWidget | None = None
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.quiz = step
        self.picture = base.picture_widget(step.picture, self, 140)
        if self.picture is not None:
            self.layout_.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.question_label = rich_label(self)
        self.hint_label = plain_label(self)
        self.options_box = OptionsBox(step.options, step.multiple, translate, self)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check)
        self.result_label = plain_label(self)
        for w in (self.question_label, self.hint_label, self.options_box):
            self.layout_.addWidget(w)
        self.layout_.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.result_label)
        self.layout_.addStretch(1)
        self.result: checking.QuizResult | None = None
        self.retranslate_ui()

    def check(self) -> bool:
        chosen = self.options_box.chosen()
        if not chosen:
            self.result_label.setText(_("Choose an answer first."))
            return False
        self.result = checking.check_quiz(self.quiz, chosen)
        self.options_box.show_result(self.result)
        self._show_result()
        self._emit({"chosen": chosen}, self.result.score)
        return True

    def _show_result(self) -> None:
        if self.result is None:
            self.result_label.setText("")
        elif self.result.correct:
            self.result_label.setText(_("Well done: that is right."))
        else:
            self.result_label.setText(_("Not quite. Read the notes and try again."))

    def restore(self, answer: dict[str, Any] | None) -> None:
        chosen = answer.get("chosen") if answer else None
        if isinstance(chosen, list):
            self.options_box.set_chosen([c for c in chosen if isinstance(c, int)])
            if self.options_box.chosen():
                self.result = checking.check_quiz(self.quiz, self.options_box.chosen())
                self.options_box.show_result(self.result)
                self._show_result()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.question_label.setText(to_html(self.t(self.quiz.question)))
        self.hint_label.setText(
            _("Tick every right answer.") if self.quiz.multiple else _("Choose one answer.")
        )
        self.options_box.retranslate()
        if self.result is not None:
            self.options_box.show_result(self.result)
        self.check_button.setText(_("Check (Enter)"))
        self._show_result()
