"""The season-calendar step: twelve month toggles for each token."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.lessons import checking
from budget_tutor.lessons.model import (
    Lesson,
    SeasonCalendarStep,
)
from budget_tutor.lessons.sanitize import to_html
from budget_tutor.ui.lesson_steps.step_widget import (
    RIGHT_COLOUR,
    WRONG_COLOUR,
    StepWidget,
    Translate,
    plain_label,
    rich_label,
)
from budget_tutor.ui.season_calendar import SeasonCalendar


class CalendarWidget(StepWidget):
    """A row of twelve month toggles for each token."""

    def __init__(
        self,
        step: SeasonCalendarStep,
        lesson: Lesson,
        translate: Translate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, lesson, translate, parent)
        self.calendar_step = step
        self.prompt_label = rich_label(self)
        self.layout_.addWidget(self.prompt_label)
        grid = QGridLayout()
        self.token_labels: list[QLabel] = []
        self.calendars: list[SeasonCalendar] = []
        self.token_results: list[QLabel] = []
        for row, _token in enumerate(step.tokens):
            label = plain_label(self)
            calendar = SeasonCalendar(self)
            calendar.months_changed.connect(self._changed)
            result = plain_label(self)
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(calendar, row * 2, 1)
            grid.addWidget(result, row * 2 + 1, 1)
            self.token_labels.append(label)
            self.calendars.append(calendar)
            self.token_results.append(result)
        self.layout_.addLayout(grid)
        self.check_button = self._add_check_row()
        self.result: checking.CalendarResult | None = None
        self.retranslate_ui()

    def placed(self) -> dict[str, list[int]]:
        return {
            token.id: list(cal.months())
            for token, cal in zip(self.calendar_step.tokens, self.calendars, strict=True)
        }

    def _changed(self, _months: object) -> None:
        self.result = None
        self._show()

    def check(self) -> bool:
        placed = self.placed()
        self.result = checking.check_calendar(self.calendar_step, placed)
        self._show()
        self._emit({"placed": placed}, self.result.score)
        return True

    def restore(self, answer: dict[str, Any] | None) -> None:
        placed = answer.get("placed") if answer else None
        if not isinstance(placed, dict):
            return
        for token, cal in zip(self.calendar_step.tokens, self.calendars, strict=True):
            months = placed.get(token.id)
            if isinstance(months, list):
                cal.set_months([m for m in months if isinstance(m, int) and 1 <= m <= 12])
        self.result = checking.check_calendar(self.calendar_step, self.placed())
        self._show()

    def _show(self) -> None:
        locale = i18n.babel_locale()
        from budget_tutor.model import month_name

        for i, label in enumerate(self.token_results):
            if self.result is None:
                label.setText("")
                continue
            token = self.result.tokens[i]
            if token.correct:
                label.setText(_("Right."))
                label.setStyleSheet(f"color: {RIGHT_COLOUR};")
                continue
            parts = []
            if token.missing_months:
                names = ", ".join(month_name(m, locale) for m in token.missing_months)
                parts.append(_("Also: {months}.").format(months=names))
            if token.extra_months:
                names = ", ".join(month_name(m, locale) for m in token.extra_months)
                parts.append(_("Not in: {months}.").format(months=names))
            label.setText(" ".join(parts))
            label.setStyleSheet(f"color: {WRONG_COLOUR};")
        if self.result is None:
            self.result_label.setText("")
        else:
            self.result_label.setText(
                _("Your calendar is {percent} % right.").format(
                    percent=int(self.result.score * 100)
                )
            )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.prompt_label.setText(to_html(self.t(self.calendar_step.prompt)))
        for token, label, cal in zip(
            self.calendar_step.tokens, self.token_labels, self.calendars, strict=True
        ):
            text = self.t(token.label)
            label.setText(text)
            cal.setAccessibleName(text)
        self.check_button.setText(_("Check (Enter)"))
        self._show()
