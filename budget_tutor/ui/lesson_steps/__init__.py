"""One widget per lesson step type. Each shows its step and, for exercises, checks the answer
with the core (:mod:`budget_tutor.lessons.checking`) and emits :attr:`StepWidget.answered`.

Every text goes through the library (the pack's catalog, then ``lesson_text``) and, for rich
text, through :func:`budget_tutor.lessons.sanitize.to_html`; plain labels are set as plain text.
Every exercise works with the mouse and with the keyboard alone.

One module per step type: :mod:`.step_widget` (the common base and its label and picture
helpers), :mod:`.text_step_widget`, :mod:`.quiz_widget`, :mod:`.sort_widget`,
:mod:`.calculation_widget`, :mod:`.calendar_widget`, :mod:`.planner_task_widget` and
:mod:`.assessment_widget`; :func:`make_step_widget` picks one for a step.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from budget_tutor.lessons.model import (
    AssessmentItem,
    AssessmentStep,
    CalculationStep,
    DiscussionStep,
    KeyMessageStep,
    Lesson,
    PlannerTaskStep,
    QuizStep,
    SeasonCalendarStep,
    SortStep,
    Step,
    StoryStep,
    SummaryStep,
    items_for_phase,
)
from budget_tutor.ui.lesson_steps.assessment_widget import AssessmentWidget
from budget_tutor.ui.lesson_steps.calculation_widget import CalculationWidget, unit_name
from budget_tutor.ui.lesson_steps.calendar_widget import CalendarWidget
from budget_tutor.ui.lesson_steps.options_box import OptionsBox
from budget_tutor.ui.lesson_steps.planner_task_widget import PlannerTaskWidget
from budget_tutor.ui.lesson_steps.quiz_widget import QuizWidget
from budget_tutor.ui.lesson_steps.sort_widget import CARD_ROLE, SortWidget
from budget_tutor.ui.lesson_steps.step_widget import (
    StepWidget,
    Translate,
    picture_widget,
    plain_label,
    rich_label,
)
from budget_tutor.ui.lesson_steps.text_step_widget import TextStepWidget

__all__ = [
    "CARD_ROLE",
    "AssessmentWidget",
    "CalculationWidget",
    "CalendarWidget",
    "OptionsBox",
    "PlannerTaskWidget",
    "QuizWidget",
    "SortWidget",
    "StepWidget",
    "TextStepWidget",
    "Translate",
    "make_step_widget",
    "picture_widget",
    "plain_label",
    "rich_label",
    "unit_name",
]


def make_step_widget(
    step: Step,
    lesson: Lesson,
    translate: Translate,
    assessment_items: tuple[AssessmentItem, ...] = (),
    parent: QWidget | None = None,
) -> StepWidget:
    """The widget for one step."""
    if isinstance(step, QuizStep):
        return QuizWidget(step, lesson, translate, parent)
    if isinstance(step, SortStep):
        return SortWidget(step, lesson, translate, parent)
    if isinstance(step, CalculationStep):
        return CalculationWidget(step, lesson, translate, parent)
    if isinstance(step, SeasonCalendarStep):
        return CalendarWidget(step, lesson, translate, parent)
    if isinstance(step, PlannerTaskStep):
        return PlannerTaskWidget(step, lesson, translate, parent)
    if isinstance(step, AssessmentStep):
        items = items_for_phase(assessment_items, step.phase)  # pre: form A, post: form B
        return AssessmentWidget(step, lesson, translate, items, parent)
    assert isinstance(step, (StoryStep, KeyMessageStep, DiscussionStep, SummaryStep))
    return TextStepWidget(step, lesson, translate, parent)
