"""The lesson player: one step at a time, big Back/Next buttons and keyboard control.

Keys: Alt+Right or Page Down for the next step, Alt+Left or Page Up for the one before, Enter to
check an exercise. A reading step is recorded as done when the learner moves on; an exercise when
its answer is checked; a planner task when "Open my plan" is pressed. The trainer notes panel shows
only in trainer mode.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons.library import Library
from budget_tutor.lessons.model import (
    AssessmentStep,
    DiscussionStep,
    Lesson,
    PlannerTaskStep,
    Step,
)
from budget_tutor.lessons.planner_link import suggested_amount
from budget_tutor.lessons.progress import LessonProgress, record_step
from budget_tutor.lessons.sanitize import to_html
from budget_tutor.storage import StorageError
from budget_tutor.ui.lesson_steps import PlannerTaskWidget, StepWidget, make_step_widget
from budget_tutor.ui.session import AppSession

#: What the store raises for a user to see (StorageError translates its message).
STORAGE_ERRORS: tuple[type[Exception], ...] = (StorageError, OSError)


@dataclass(frozen=True)
class PresenterInfo:
    """What the presenter view shows for the current step (texts already translated)."""

    lesson_title: str
    number: int
    total: int
    step_title: str
    notes_html: str
    next_title: str | None  # None: this is the last step
    budget_seconds: int  # the step's share of the lesson's minutes
    started_at: float  # the player's clock when the step was shown


def step_budget_seconds(lesson: Lesson, step: Step | None = None) -> int:
    """The time a step may take in the room: its own ``minutes`` when the lesson gives them,
    else its share of the lesson's minutes (45 minutes in 9 steps: 5 minutes a step)."""
    minutes = getattr(step, "minutes", None)
    if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes > 0:
        return minutes * 60
    return lesson.minutes * 60 // max(len(lesson.steps), 1)


def step_name(step: Step, number: int, translate: Callable[[str], str]) -> str:
    """A step's title; for a step without one, what kind of step it is ("Pre-test", "Quiz")."""
    from budget_tutor.trainer_kit import ROLE_PLAY, STEP_KIND

    title = translate(step.title) if step.title else ""
    if title:
        return title
    if isinstance(step, AssessmentStep):
        return _("Pre-test") if step.phase == "pre" else _("Post-test")
    if isinstance(step, DiscussionStep) and step.role_play:
        return _(ROLE_PLAY)
    kind = STEP_KIND.get(step.type)
    return _(kind) if kind else _("Step {number}").format(number=number)


class LessonPlayer(QWidget):
    open_planner = Signal(str, dict)  # section, suggestion (from a planner task)
    lesson_finished = Signal(str)  # lesson id, after Next on the last step
    closed = Signal()  # "Back to the lessons"
    step_recorded = Signal(str, str)  # lesson id, step id (after a successful save)
    step_shown = Signal(int)  # index of the step now shown

    def __init__(
        self, session: AppSession, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        #: The clock of the step timer (the presenter view); tests replace it.
        self.clock: Callable[[], float] = time.monotonic
        self.step_started_at = self.clock()
        self.lesson: Lesson | None = None
        self.index = 0
        self.step_widget: StepWidget | None = None

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.closed.emit)
        self.lesson_title = QLabel(self)
        self.lesson_title.setTextFormat(Qt.TextFormat.PlainText)
        self.lesson_title.setWordWrap(True)
        font = self.lesson_title.font()
        font.setBold(True)
        self.lesson_title.setFont(font)
        self.step_counter = QLabel(self)
        top.addWidget(self.close_button)
        top.addWidget(self.lesson_title, 1)
        top.addWidget(self.step_counter)
        outer.addLayout(top)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(8)
        outer.addWidget(self.progress_bar)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)

        self.notes_frame = QFrame(self)
        self.notes_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.notes_frame.setStyleSheet("QFrame { background: #fff8e1; }")
        notes_layout = QVBoxLayout(self.notes_frame)
        self.notes_title = QLabel(self.notes_frame)
        self.notes_label = QLabel(self.notes_frame)
        self.notes_label.setTextFormat(Qt.TextFormat.RichText)
        self.notes_label.setOpenExternalLinks(False)
        self.notes_label.setWordWrap(True)
        notes_layout.addWidget(self.notes_title)
        notes_layout.addWidget(self.notes_label)
        outer.addWidget(self.notes_frame)

        # Why Finish did not finish: which step is not done yet (the player goes there).
        self.notice_label = QLabel(self)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "QLabel { background: #fff3e0; border-left: 6px solid #e65100; padding: 6px; }"
        )
        self.notice_label.setVisible(False)
        outer.addWidget(self.notice_label)

        nav = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        for button in (self.back_button, self.next_button):
            button.setMinimumHeight(48)
            button.setMinimumWidth(160)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Alt+Right", self.go_next),
            ("PgDown", self.go_next),
            ("Alt+Left", self.go_back),
            ("PgUp", self.go_back),
            ("Return", self.check_current),
            ("Enter", self.check_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

        from budget_tutor.ui.narration_bar import NarrationBar

        NarrationBar.attach(self)  # Listen (Ctrl+L) and, in trainer mode, recording a step

        session.trainer_mode_changed.connect(self._update_notes)
        session.presentation_changed.connect(self._update_notes)
        self.retranslate_ui()

    # -- lessons and steps ----------------------------------------------------------------------

    def open_lesson(self, lesson: Lesson, start_index: int = 0) -> None:
        self.lesson = lesson
        self.show_step(max(0, min(start_index, len(lesson.steps) - 1)))

    def _records(self) -> dict[str, Any]:
        if self.lesson is None or self.session.household_id is None:
            return {}
        try:
            return dict(
                self.session.store.progress(self.session.household_id).get(self.lesson.id, {})
            )
        except STORAGE_ERRORS as exc:  # shown, the lesson still works
            self.session.show_error(str(exc))
            return {}

    def show_step(self, index: int) -> None:
        lesson = self.lesson
        if lesson is None:
            return
        self.index = index
        step = lesson.steps[index]
        items = self.library.course.assessment if self.library.course is not None else ()
        widget = make_step_widget(step, lesson, self._translate, items)
        widget.answered.connect(self._answered)
        widget.answer_drafted.connect(self._drafted)
        if isinstance(widget, PlannerTaskWidget):
            if isinstance(step, PlannerTaskStep) and step.suggestion is not None:
                widget.set_amount(suggested_amount(step.suggestion, self.session.plan))
            widget.open_planner.connect(self.open_planner.emit)
        record = self._records().get(step.id)
        if record is not None and record.answer:
            widget.restore(record.answer)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(widget)
        self.step_widget = widget
        self.step_started_at = self.clock()
        self.notice_label.setVisible(False)
        self._update_navigation()
        self._update_notes()
        widget.setFocus()
        focus = widget.nextInFocusChain()
        if focus is not None and widget.isAncestorOf(focus):
            focus.setFocus()
        self.step_shown.emit(index)

    def _translate(self, msgid: str) -> str:
        return self.library.text(msgid, self.lesson)

    def _record(
        self, step_id: str, answer: dict[str, Any] | None, score: Decimal | None, done: bool
    ) -> bool:
        if self.lesson is None or self.session.household_id is None:
            return False
        try:
            record_step(
                self.session.store,
                self.session.household_id,
                self.lesson.id,
                step_id,
                answer=answer,
                score=score,
                done=done,
            )
        except STORAGE_ERRORS as exc:  # a calm message, never a crash
            self.session.show_error(str(exc))
            return False
        self.step_recorded.emit(self.lesson.id, step_id)
        return True

    def _answered(self, answer: dict[str, Any], score: Decimal | None) -> None:
        if self.step_widget is not None:
            self._record(self.step_widget.step.id, answer, score, True)

    def _drafted(self, answer: dict[str, Any]) -> None:
        """Answers chosen and not yet checked (the pre-test): kept until the step is done, so a
        learner who leaves and comes back finds them; never over a finished test's answers."""
        widget = self.step_widget
        if widget is None:
            return
        record = self._records().get(widget.step.id)
        if record is not None and record.done:
            return
        self._record(widget.step.id, answer, None, False)

    def first_unfinished(self) -> int | None:
        """The index of the first step of the lesson not done yet (None: all done, or no
        household to record progress for)."""
        lesson = self.lesson
        if lesson is None or self.session.household_id is None:
            return None
        try:
            records = self.session.store.progress(self.session.household_id)
        except STORAGE_ERRORS:
            return None
        done = LessonProgress([lesson], records).done_steps(lesson.id)
        return next((i for i, s in enumerate(lesson.steps) if s.id not in done), None)

    def check_current(self) -> None:
        if self.step_widget is not None:
            self.step_widget.check()

    def go_next(self) -> None:
        lesson, widget = self.lesson, self.step_widget
        if lesson is None or widget is None:
            return
        if not widget.interactive and widget.step.type != "assessment":
            self._record(widget.step.id, None, None, True)
        if self.index + 1 < len(lesson.steps):
            self.show_step(self.index + 1)
            return
        missing = self.first_unfinished()
        if missing is None:
            self.lesson_finished.emit(lesson.id)
            return
        step = lesson.steps[missing]
        self.show_step(missing)
        if step.type == "assessment":
            hint = _('Choose your answers, then press "Finish the test".')
        elif step.type == "planner_task":
            hint = _('Press "Open my plan" and add the line to your plan.')
        elif step.interactive:
            hint = _('Answer it and press "Check".')
        else:
            hint = _("Read it and go on with Next.")
        self.notice_label.setText(
            # Translators: shown when Finish is pressed with a step not done yet.
            _('Not finished yet: step {number} of {total}, "{title}". {hint}').format(
                number=missing + 1,
                total=len(lesson.steps),
                title=step_name(step, missing + 1, self._translate),
                hint=hint,
            )
        )
        self.notice_label.setVisible(True)

    def go_back(self) -> None:
        if self.lesson is not None and self.index > 0:
            self.show_step(self.index - 1)

    # -- display --------------------------------------------------------------------------------

    def _update_navigation(self) -> None:
        lesson = self.lesson
        total = len(lesson.steps) if lesson is not None else 0
        self.back_button.setEnabled(self.index > 0)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(self.index + 1 if total else 0)
        self.step_counter.setText(
            _("Step {number} of {total}").format(number=self.index + 1, total=total)
            if total
            else ""
        )
        last = lesson is not None and self.index == total - 1
        self.next_button.setText(_("Finish ✓") if last else _("Next →"))
        self.next_button.setToolTip(_("Next step (Alt+Right or Page Down)"))
        self.back_button.setToolTip(_("Step before (Alt+Left or Page Up)"))
        self.lesson_title.setText(self._translate(lesson.title) if lesson is not None else "")

    def _update_notes(self, *_args: object) -> None:
        """Trainer notes under the step in trainer mode; never in presentation mode, where the
        room would read them (the presenter view or N shows them to the trainer)."""
        step = self.step_widget.step if self.step_widget is not None else None
        notes = step.trainer_notes if step is not None else ""
        self.notes_label.setText(to_html(self._translate(notes)) if notes else "")
        shown = self.session.trainer_mode and not self.session.presentation
        self.notes_frame.setVisible(bool(shown and notes))

    def presenter_info(self) -> PresenterInfo | None:
        """The current step for the presenter view (None when no lesson is open)."""
        lesson, widget = self.lesson, self.step_widget
        if lesson is None or widget is None:
            return None
        step = widget.step
        number = self.index + 1
        following = lesson.steps[self.index + 1] if number < len(lesson.steps) else None
        notes = self._translate(step.trainer_notes) if step.trainer_notes else ""
        return PresenterInfo(
            lesson_title=self._translate(lesson.title),
            number=number,
            total=len(lesson.steps),
            step_title=step_name(step, number, self._translate),
            notes_html=to_html(notes) if notes else "",
            next_title=(
                step_name(following, number + 1, self._translate) if following is not None else None
            ),
            budget_seconds=step_budget_seconds(lesson, step),
            started_at=self.step_started_at,
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.close_button.setText(_("← All lessons"))
        self.back_button.setText(_("← Back"))
        self.notes_title.setText(_("Trainer notes"))
        self._update_navigation()
        self._update_notes()
