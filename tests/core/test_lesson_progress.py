"""Progress through the real Store: % done, resume, unlocking, never backwards, pre/post tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budget_tutor.lessons.library import Library, load_library
from budget_tutor.lessons.progress import LessonProgress, record_step
from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"


@pytest.fixture
def library() -> Library:
    lib = load_library(PACKS / "builtin", [PACKS / "good"], assets_dir=PACKS / "assets")
    assert [x.id for x in lib.lessons] == [
        "m00-welcome",
        "m01-money",
        "m10-action",
        "p01-every-step",
    ]
    return lib


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path / "store")
    yield s
    s.close()


def household(store: Store, name: str = "Karimov") -> int:
    return store.create_household(Plan(Household(name)))


def view(store: Store, hid: int, library: Library) -> LessonProgress:
    return LessonProgress.from_store(store, hid, library.lessons, library.course)


def finish(store: Store, hid: int, library: Library, lesson_id: str) -> None:
    lesson = library.lesson(lesson_id)
    assert lesson is not None
    for step in lesson.steps:
        record_step(store, hid, lesson_id, step.id, answer=None, score=None, done=True)


def test_percent_and_resume(store: Store, library: Library) -> None:
    hid = household(store)
    p = view(store, hid, library)
    assert p.lesson_percent("m01-money") == 0 and p.resume_step("m01-money") == 0
    record_step(store, hid, "m01-money", "story", done=True)
    record_step(store, hid, "m01-money", "q-1", answer={"chosen": [0]}, score=Decimal(1), done=True)
    p = view(store, hid, library)
    assert p.done_steps("m01-money") == {"story", "q-1"}
    assert p.lesson_percent("m01-money") == 33  # 2 of 6
    assert p.resume_step("m01-money") == 2
    assert p.module_percent(1) == 2 * 100 // (6 + 10)  # m01 and the pack lesson are module 1
    assert p.lesson_score("m01-money") == Decimal(1)
    assert not p.lesson_done("m01-money")
    finish(store, hid, library, "m01-money")
    p = view(store, hid, library)
    assert p.lesson_done("m01-money") and p.lesson_percent("m01-money") == 100
    assert p.resume_step("m01-money") == 0


def test_progress_never_goes_backwards(store: Store, library: Library) -> None:
    hid = household(store)
    record_step(store, hid, "m01-money", "q-1", answer={"chosen": [0]}, score=Decimal(1), done=True)
    record_step(store, hid, "m01-money", "q-1", answer=None, score=None, done=False)
    rec = store.progress(hid)["m01-money"]["q-1"]
    assert rec.done and rec.answer == {"chosen": [0]} and rec.score == Decimal(1)
    record_step(
        store, hid, "m01-money", "q-1", answer={"chosen": [1]}, score=Decimal(0), done=False
    )
    rec = store.progress(hid)["m01-money"]["q-1"]
    assert rec.done and rec.answer == {"chosen": [1]}  # latest answer kept, still done


def test_records_of_unknown_steps_do_not_count(store: Store, library: Library) -> None:
    hid = household(store)
    record_step(store, hid, "m01-money", "removed-step", done=True)
    assert view(store, hid, library).lesson_percent("m01-money") == 0


def test_unlocking_in_learner_and_trainer_mode(store: Store, library: Library) -> None:
    hid = household(store)
    p = view(store, hid, library)
    assert p.is_unlocked("m00-welcome", trainer_mode=False)
    assert not p.is_unlocked("m01-money", trainer_mode=False)
    assert not p.is_unlocked("m10-action", trainer_mode=False)
    assert p.is_unlocked("p01-every-step", trainer_mode=False)  # a pack lesson, outside the course
    assert all(p.is_unlocked(x.id, trainer_mode=True) for x in library.lessons)
    assert not p.is_unlocked("no-such-lesson", trainer_mode=True)
    finish(store, hid, library, "m00-welcome")
    p = view(store, hid, library)
    assert p.is_unlocked("m01-money", trainer_mode=False)
    assert not p.is_unlocked("m10-action", trainer_mode=False)


def test_reset_is_per_household_and_per_lesson(store: Store, library: Library) -> None:
    a, b = household(store, "A"), household(store, "B")
    finish(store, a, library, "m00-welcome")
    finish(store, a, library, "m01-money")
    finish(store, b, library, "m00-welcome")
    store.reset_progress(a, "m01-money")
    pa = view(store, a, library)
    assert pa.lesson_done("m00-welcome") and pa.lesson_percent("m01-money") == 0
    store.reset_progress(a)
    assert view(store, a, library).course_percent() == 0
    assert view(store, b, library).lesson_done("m00-welcome")


def test_pre_and_post_test_results(store: Store, library: Library) -> None:
    hid = household(store)
    p = view(store, hid, library)
    assert p.assessment("pre") is None and p.improvement().points is None
    record_step(
        store, hid, "m00-welcome", "pre-test",
        answer={"phase": "pre", "answers": {"a-needs": [1], "a-fee": [0], "a-save": []}},
        score=Decimal("0.17"), done=True,
    )  # fmt: skip
    record_step(
        store, hid, "m10-action", "post-test",
        answer={"phase": "post", "answers": {"a-needs": [0], "a-fee": [0, 1], "a-save": [0]}},
        score=Decimal(1), done=True,
    )  # fmt: skip
    p = view(store, hid, library)
    pre, post = p.assessment("pre"), p.assessment("post")
    assert pre is not None and post is not None
    assert pre.percent == 17 and post.percent == 100
    assert p.improvement().points == 83


def test_course_percent(store: Store, library: Library) -> None:
    hid = household(store)
    finish(store, hid, library, "m00-welcome")
    total = sum(len(x.steps) for x in library.course_lessons())
    assert view(store, hid, library).course_percent() == 6 * 100 // total
