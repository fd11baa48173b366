"""Lesson progress per household: % done, where to resume, what is unlocked, pre/post scores.

Records live in the store (``budget_tutor.storage.Store``)::

    store.record_step(household_id, lesson_id, step_id, *, answer, score, done)
    store.progress(household_id) -> {lesson_id: {step_id: StepRecord}}
    store.reset_progress(household_id, lesson_id=None)

Progress never goes backwards: :func:`record_step` keeps a step done once it was done, whatever
is recorded for it later. In learner mode a lesson of the course unlocks when the one before it is
done (the first is always open); trainer mode unlocks everything. Lessons from packs, outside the
course, are always open.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from budget_tutor.lessons.checking import AssessmentResult, Improvement, score_assessment
from budget_tutor.lessons.model import AssessmentStep, Course, Lesson


class StepRecordLike(Protocol):
    lesson_id: str
    step_id: str
    answer: dict[str, Any] | None
    score: Decimal | None
    done: bool
    updated: datetime | str | None


class ProgressStore(Protocol):
    def record_step(
        self,
        household_id: int,
        lesson_id: str,
        step_id: str,
        *,
        answer: dict[str, Any] | None,
        score: Decimal | None,
        done: bool,
    ) -> None: ...

    def progress(self, household_id: int) -> Mapping[str, Mapping[str, StepRecordLike]]: ...

    def reset_progress(self, household_id: int, lesson_id: str | None = None) -> None: ...


def record_step(
    store: ProgressStore,
    household_id: int,
    lesson_id: str,
    step_id: str,
    *,
    answer: dict[str, Any] | None = None,
    score: Decimal | None = None,
    done: bool = True,
    previous: Mapping[str, Mapping[str, StepRecordLike]] | None = None,
) -> None:
    """Record a step, never undoing progress: a step once done stays done, and a new visit
    without an answer keeps the answer and score recorded before."""
    known = previous if previous is not None else store.progress(household_id)
    before = known.get(lesson_id, {}).get(step_id)
    if before is not None:
        done = done or bool(before.done)
        if answer is None:
            answer = before.answer
        if score is None:
            score = before.score
    store.record_step(household_id, lesson_id, step_id, answer=answer, score=score, done=done)


class LessonProgress:
    """Read-only view of a household's records against the lessons they belong to."""

    def __init__(
        self,
        lessons: Sequence[Lesson],
        records: Mapping[str, Mapping[str, StepRecordLike]],
        course: Course | None = None,
    ) -> None:
        self.lessons = list(lessons)
        self.records = records
        self.course = course
        self._by_id = {x.id: x for x in self.lessons}
        order = list(course.lesson_ids) if course is not None else []
        self._course_order = [i for i in order if i in self._by_id]

    @classmethod
    def from_store(
        cls,
        store: ProgressStore,
        household_id: int,
        lessons: Sequence[Lesson],
        course: Course | None = None,
    ) -> LessonProgress:
        return cls(lessons, store.progress(household_id), course)

    # -- steps and lessons ----------------------------------------------------------------------

    def record(self, lesson_id: str, step_id: str) -> StepRecordLike | None:
        return self.records.get(lesson_id, {}).get(step_id)

    def done_steps(self, lesson_id: str) -> set[str]:
        lesson = self._by_id.get(lesson_id)
        if lesson is None:
            return set()
        recs = self.records.get(lesson_id, {})
        return {s.id for s in lesson.steps if s.id in recs and recs[s.id].done}

    def lesson_percent(self, lesson_id: str) -> int:
        lesson = self._by_id.get(lesson_id)
        if lesson is None or not lesson.steps:
            return 0
        return len(self.done_steps(lesson_id)) * 100 // len(lesson.steps)

    def lesson_done(self, lesson_id: str) -> bool:
        lesson = self._by_id.get(lesson_id)
        return lesson is not None and len(self.done_steps(lesson_id)) == len(lesson.steps)

    def resume_step(self, lesson_id: str) -> int:
        """The index of the first step not done yet (0 when all are done or none started)."""
        lesson = self._by_id.get(lesson_id)
        if lesson is None:
            return 0
        done = self.done_steps(lesson_id)
        for i, step in enumerate(lesson.steps):
            if step.id not in done:
                return i
        return 0

    def lesson_score(self, lesson_id: str) -> Decimal | None:
        """The mean score of the lesson's scored steps (None until one is scored)."""
        scores = [
            r.score
            for r in self.records.get(lesson_id, {}).values()
            if r.score is not None and self._is_exercise(lesson_id, r.step_id)
        ]
        if not scores:
            return None
        return (sum(scores, Decimal(0)) / len(scores)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    def _is_exercise(self, lesson_id: str, step_id: str) -> bool:
        lesson = self._by_id.get(lesson_id)
        step = lesson.step(step_id) if lesson is not None else None
        return step is not None and step.interactive

    # -- modules and the course -----------------------------------------------------------------

    def modules(self) -> list[int]:
        return sorted({x.module for x in self.lessons})

    def module_percent(self, module: int) -> int:
        """Steps done over all steps of the module's lessons."""
        lessons = [x for x in self.lessons if x.module == module]
        total = sum(len(x.steps) for x in lessons)
        if not total:
            return 0
        done = sum(len(self.done_steps(x.id)) for x in lessons)
        return done * 100 // total

    def course_percent(self) -> int:
        ids = self._course_order or [x.id for x in self.lessons]
        total = sum(len(self._by_id[i].steps) for i in ids)
        if not total:
            return 0
        return sum(len(self.done_steps(i)) for i in ids) * 100 // total

    def is_unlocked(self, lesson_id: str, trainer_mode: bool) -> bool:
        if lesson_id not in self._by_id:
            return False
        if trainer_mode or lesson_id not in self._course_order:
            return True
        index = self._course_order.index(lesson_id)
        return index == 0 or self.lesson_done(self._course_order[index - 1])

    # -- pre-test and post-test -----------------------------------------------------------------

    def assessment_answers(self, phase: str) -> dict[str, list[int]] | None:
        """The answers recorded for the ``phase`` test (None if it was not taken)."""
        for lesson in self.lessons:
            for step in lesson.steps:
                if isinstance(step, AssessmentStep) and step.phase == phase:
                    rec = self.record(lesson.id, step.id)
                    if rec is not None and rec.done and rec.answer is not None:
                        answers = rec.answer.get("answers")
                        if isinstance(answers, dict):
                            return {str(k): _indexes(v) for k, v in answers.items()}
        return None

    def assessment(self, phase: str) -> AssessmentResult | None:
        if self.course is None:
            return None
        answers = self.assessment_answers(phase)
        if answers is None:
            return None
        return score_assessment(self.course.assessment, answers)

    def improvement(self) -> Improvement:
        return Improvement(self.assessment("pre"), self.assessment("post"))


def _indexes(value: object) -> list[int]:
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, Collection) and not isinstance(value, (str, bytes)):
        return [v for v in value if isinstance(v, int) and not isinstance(v, bool)]
    return []
