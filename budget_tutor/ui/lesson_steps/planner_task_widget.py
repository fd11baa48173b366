"""The planner-task step: opens "My plan" with the suggested line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.lessons.model import (
    Lesson,
    PlannerTaskStep,
)
from budget_tutor.lessons.sanitize import to_html
from budget_tutor.ui.lesson_steps.step_widget import (
    StepWidget,
    Translate,
    plain_label,
    rich_label,
)


class PlannerTaskWidget(StepWidget):
    """A button that opens "My plan" at the step's section with the suggested line."""

    open_planner = Signal(str, dict)

    def __init__(
        self,
        step: PlannerTaskStep,
        lesson: Lesson,
        translate: Translate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.task = step
        #: The suggestion's amount in dirams for this family (set by the player from the plan).
        self.amount_minor: int | None = None
        self.text_label = rich_label(self)
        self.suggestion_label = plain_label(self)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_plan)
        self.done_label = plain_label(self)
        self.open_button.setMinimumHeight(44)
        for w in (self.text_label, self.suggestion_label, self.open_button, self.done_label):
            align = Qt.AlignmentFlag.AlignLeft if w is self.open_button else Qt.AlignmentFlag(0)
            self.layout_.addWidget(w, 0, align)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def suggestion(self) -> dict[str, Any]:
        """The suggestion for the planner, its name translated into the current language."""
        if self.task.suggestion is None:
            return {}
        data = self.task.suggestion.as_dict()
        data["name"] = self.t(self.task.suggestion.name)
        if self.amount_minor is not None:
            data["amount_minor"] = self.amount_minor
        return data

    def set_amount(self, minor: int | None) -> None:
        """Show (and pass on to the planner) the amount this family's plan gives the rule."""
        self.amount_minor = minor
        self.retranslate_ui()

    def open_plan(self) -> None:
        self.open_planner.emit(self.task.section, self.suggestion())
        self._emit({"opened": True}, None)
        self.done_label.setText(_("My plan is open. Come back here when you are done."))

    def check(self) -> bool:
        self.open_plan()
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        if answer and answer.get("opened"):
            self.done_label.setText(_("You added this to your plan before."))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.text_label.setText(to_html(self.t(self.task.text)))
        s = self.task.suggestion
        if s is None:
            self.suggestion_label.setText("")
        elif s.amount_rule is not None and s.months is not None:
            rule = (
                _("{months} months of food")
                if s.amount_rule == "months_of_food"
                else _("{months} months of essential spending")
            ).format(months=s.months)
            if self.amount_minor is not None:
                from budget_tutor.money import format_money

                # Translators: e.g. "3 months of food (4 500 TJS)".
                rule = _("{rule} ({amount})").format(
                    rule=rule, amount=format_money(self.amount_minor, i18n.babel_locale())
                )
            self.suggestion_label.setText(
                _("Suggested: {name}, {amount}").format(name=self.t(s.name), amount=rule)
            )
        elif s.amount is not None:
            from budget_tutor.money import format_money, to_minor

            self.suggestion_label.setText(
                _("Suggested: {name}, {amount}").format(
                    name=self.t(s.name),
                    amount=format_money(to_minor(s.amount), i18n.babel_locale()),
                )
            )
        else:
            self.suggestion_label.setText(_("Suggested: {name}").format(name=self.t(s.name)))
        self.open_button.setText(_("Open my plan"))
