"""story, key_message, discussion and summary steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons.model import (
    DiscussionStep,
    KeyMessageStep,
    Lesson,
    Step,
    SummaryStep,
)
from budget_tutor.lessons.sanitize import escape, to_html
from budget_tutor.ui.lesson_steps import step_widget as base
from budget_tutor.ui.lesson_steps.step_widget import (
    StepWidget,
    Translate,
    plain_label,
    rich_label,
)


class TextStepWidget(StepWidget):
    """story, key_message, discussion and summary: text, and a picture or a take-home list."""

    def __init__(
        self, step: Step, lesson: Lesson, translate: Translate, parent: QWidget | None = None
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.kind_label = plain_label(self)
        self.text_label = rich_label(self)
        picture = getattr(step, "picture", None)
        self.picture = base.picture_widget(picture, self)
        if isinstance(step, KeyMessageStep):
            self.text_label.setStyleSheet(
                "QLabel { font-size: 140%; font-weight: bold; padding: 12px;"
                " border-left: 6px solid #2e7d32; }"
            )
        self.layout_.addWidget(self.kind_label)
        if self.picture is not None:
            self.layout_.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.layout_.addWidget(self.text_label)
        self.take_home_label = rich_label(self)
        self.layout_.addWidget(self.take_home_label)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        step = self.step
        self.text_label.setText(to_html(self.t(getattr(step, "text", ""))))
        kind = ""
        if isinstance(step, DiscussionStep):
            kind = _("Role play") if step.role_play else _("Discussion")
        elif isinstance(step, KeyMessageStep):
            kind = _("Remember")
        elif isinstance(step, SummaryStep):
            kind = _("What we learnt")
        self.kind_label.setText(kind)
        self.kind_label.setVisible(bool(kind))
        if self.picture is not None:
            self.picture.setAccessibleName(_("Picture"))
        items = step.take_home if isinstance(step, SummaryStep) else ()
        if items:
            rows = "".join(f"<li>{escape(self.t(item))}</li>" for item in items)
            heading = _("To do at home")
            self.take_home_label.setText(f"<p><b>{escape(heading)}</b></p><ul>{rows}</ul>")
        self.take_home_label.setVisible(bool(items))
