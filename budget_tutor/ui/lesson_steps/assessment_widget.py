"""The assessment step (pre-test and post-test): the items of the bank's form A before the course,
of form B after it (chosen by :func:`budget_tutor.lessons.model.items_for_phase`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import (
    AssessmentItem,
    AssessmentStep,
    Lesson,
)
from budget_tutor.lessons.sanitize import to_html
from budget_tutor.ui.lesson_steps.options_box import OptionsBox
from budget_tutor.ui.lesson_steps.step_widget import (
    StepWidget,
    Translate,
    rich_label,
)


class AssessmentWidget(StepWidget):
    """The items of one form of the assessment bank; "Finish the test" scores them all."""

    def __init__(
        self,
        step: AssessmentStep,
        lesson: Lesson,
        translate: Translate,
        items: tuple[AssessmentItem, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.assessment = step
        self.items = items
        self.intro_label = rich_label(self)
        self.layout_.addWidget(self.intro_label)
        self.item_boxes: list[QGroupBox] = []
        self.question_labels: list[QLabel] = []
        self.option_boxes: list[OptionsBox] = []
        self._restoring = False
        for item in items:
            box, question, box_layout = self.titled_box()
            options = OptionsBox(item.options, item.multiple, translate, box)
            options.group.buttonToggled.connect(self._draft_changed)
            box_layout.addWidget(options)
            self.layout_.addWidget(box)
            self.item_boxes.append(box)
            self.question_labels.append(question)
            self.option_boxes.append(options)
        self.finish_button = self._add_check_row()
        self.result: checking.AssessmentResult | None = None
        self.retranslate_ui()

    def _draft_changed(self, *_args: object) -> None:
        """Keep the answers chosen so far (not scored until "Finish the test")."""
        if self._restoring:
            return
        self.result = None
        self._show()
        self.answer_drafted.emit(
            {"phase": self.assessment.phase, "answers": self.answers(), "draft": True}
        )

    def answers(self) -> dict[str, list[int]]:
        return {
            item.id: box.chosen() for item, box in zip(self.items, self.option_boxes, strict=True)
        }

    def check(self) -> bool:
        if not self.items:
            return False
        answers = self.answers()
        self.result = checking.score_assessment(self.items, answers)
        self._show()
        self._emit({"phase": self.assessment.phase, "answers": answers}, self.result.score)
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        answers = answer.get("answers") if answer else None
        if not isinstance(answers, dict):
            return
        self._restoring = True
        try:
            for item, box in zip(self.items, self.option_boxes, strict=True):
                chosen = answers.get(item.id)
                if isinstance(chosen, list):
                    box.set_chosen([c for c in chosen if isinstance(c, int)])
        finally:
            self._restoring = False
        if answer is not None and answer.get("draft"):
            self.result = None  # chosen, not finished: no score yet
        else:
            self.result = checking.score_assessment(self.items, self.answers())
        self._show()

    def _show(self) -> None:
        if not self.items:
            self.result_label.setText(_("This course has no test questions."))
        elif self.result is None:
            self.result_label.setText("")
        else:
            self.result_label.setText(
                _("{right} of {total} answers right ({percent} %).").format(
                    right=self.result.right, total=self.result.total, percent=self.result.percent
                )
            )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        intro = (
            self.t(self.assessment.text)
            if self.assessment.text
            else (
                _(
                    "Before the course: what do you know already? There is no mark; answer as you think."
                )
                if self.assessment.phase == "pre"
                else _(
                    "After the course: questions like those of the first test, with other numbers. See what you have learnt."
                )
            )
        )
        self.intro_label.setText(to_html(intro))
        for n, (item, box, question, options) in enumerate(
            zip(self.items, self.item_boxes, self.question_labels, self.option_boxes, strict=True),
            start=1,
        ):
            question.setText(f"{n}. {self.t(item.question)}")
            box.setAccessibleName(question.text())
            options.retranslate()
        self.finish_button.setText(_("Finish the test (Enter)"))
        self._show()
