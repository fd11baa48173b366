"""The built-in course: every lesson validates, is in the course, and is fully translated."""

from __future__ import annotations

from budget_tutor.lessons import check
from budget_tutor.lessons.library import builtin_lessons_dir, load_library
from budget_tutor.lessons.model import AssessmentStep


def test_every_builtin_lesson_validates_and_is_translated(capsys) -> None:  # type: ignore[no-untyped-def]
    status = check.run([str(builtin_lessons_dir()), "--strict"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.strip().endswith("0 errors, 0 warnings")


def test_the_course_has_every_lesson_and_both_tests() -> None:
    library = load_library(builtin_lessons_dir())
    assert library.problems == []
    assert library.course is not None
    files = {p.stem for p in builtin_lessons_dir().glob("*.yaml")} - {"course"}
    assert set(library.course.lesson_ids) == files
    assert len(library.course.lesson_ids) >= 11
    modules = [x.module for x in library.course_lessons()]
    assert modules == sorted(modules) and modules[0] == 0 and modules[-1] == 10
    phases = [s.phase for x in library.lessons for s in x.steps if isinstance(s, AssessmentStep)]
    assert sorted(phases) == ["post", "pre"]
    assert len(library.course.assessment) >= 5
    for lesson in library.lessons:
        assert len(lesson.steps) >= 6 and sum(s.interactive for s in lesson.steps) >= 3
