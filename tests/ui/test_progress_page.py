"""The Progress page: module progress and pre/post-test scores from the Store; storage errors
reach the user as a message and never crash the lesson pages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from budget_tutor.i18n import _
from budget_tutor.lessons.library import Library, load_library
from budget_tutor.lessons.progress import record_step
from budget_tutor.model import Household, Plan
from budget_tutor.storage import DiskFull, Store
from budget_tutor.ui.lesson_steps import QuizWidget
from budget_tutor.ui.lessons_page import LessonsPage
from budget_tutor.ui.progress_page import ProgressPage
from budget_tutor.ui.session import AppSession

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"


@pytest.fixture
def library() -> Library:
    return load_library(PACKS / "builtin", [PACKS / "good"], assets_dir=PACKS / "assets")


@pytest.fixture
def session(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "store")
    s = AppSession(store)
    s.open_household(store.create_household(Plan(Household("Saidov"))))
    yield s
    store.close()


def take_test(session: AppSession, lesson_id: str, step_id: str, phase: str, answers: dict) -> None:  # type: ignore[type-arg]
    assert session.household_id is not None
    record_step(session.store, session.household_id, lesson_id, step_id,
                answer={"phase": phase, "answers": answers}, score=None, done=True)  # fmt: skip


def test_modules_and_test_scores(qtbot, session: AppSession, library: Library) -> None:  # type: ignore[no-untyped-def]
    page = ProgressPage(session, library=library)
    qtbot.addWidget(page)
    page.show()
    assert sorted(page.module_bars) == [0, 1, 10]
    assert all(bar.value() == 0 for bar in page.module_bars.values())
    assert page.diff_value.text() == "shown when both tests are done"
    assert (
        page.module_labels[1].text() == "Module 1: Where our money comes from / Every kind of step"
    )

    take_test(
        session, "m00-welcome", "pre-test", "pre", {"a-needs": [0], "a-fee": [0], "a-save": []}
    )
    assert session.household_id is not None
    record_step(session.store, session.household_id, "m01-money", "q-1",
                answer={"chosen": [0]}, score=Decimal(1), done=True)  # fmt: skip
    page.refresh()
    assert page.pre_value.text() == "1 of 3 right (50 %)"
    assert page.post_value.text() == "not taken yet"
    assert page.module_bars[0].value() == 100 // 6
    assert page.module_bars[1].value() == 100 // 16
    assert page.module_scores[1].text() == "exercises 100 % right"

    take_test(
        session, "m10-action", "post-test", "post", {"a-needs": [0], "a-fee": [0, 1], "a-save": [0]}
    )
    page.refresh()
    assert page.post_value.text() == "3 of 3 right (100 %)"
    assert page.diff_value.text() == "+50 percentage points"

    take_test(session, "m10-action", "post-test", "post", {"a-needs": [1]})
    page.refresh()
    assert page.diff_value.text() == "−50 percentage points"


def test_household_switch_shows_the_other_household(
    qtbot, session: AppSession, library: Library
) -> None:  # type: ignore[no-untyped-def]
    page = ProgressPage(session, library=library)
    qtbot.addWidget(page)
    page.show()
    take_test(session, "m00-welcome", "pre-test", "pre", {"a-needs": [0]})
    page.refresh()
    assert page.pre_value.text() != "not taken yet"
    other = session.store.create_household(Plan(Household("Other")))
    session.open_household(other)
    assert page.pre_value.text() == "not taken yet"


def test_language_switch_retranslates(qtbot, session: AppSession, library: Library) -> None:  # type: ignore[no-untyped-def]
    page = ProgressPage(session, library=library)
    qtbot.addWidget(page)
    page.show()
    session.set_language("ru")
    expected = _("Pre-test and post-test")
    qtbot.waitUntil(lambda: page.tests_box.title() == expected, timeout=3000)
    session.set_language("en")
    qtbot.waitUntil(lambda: page.tests_box.title() == "Pre-test and post-test", timeout=3000)


def test_a_failed_save_is_a_message_not_a_crash(
    qtbot, session: AppSession, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = LessonsPage(session, library=library)
    qtbot.addWidget(page)
    page.show()
    page.open_lesson("p01-every-step")
    page.player.show_step(2)
    quiz = page.player.step_widget
    assert isinstance(quiz, QuizWidget)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(session.store, "record_step", disk_full)
    button = quiz.options_box.buttons[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    assert session.last_error == str(DiskFull())
    assert quiz.result is not None and quiz.result.correct  # the learner still sees the result
    monkeypatch.undo()
    assert session.household_id is not None
    assert "q-first" not in session.store.progress(session.household_id).get("p01-every-step", {})


def test_add_pack_remembers_the_folder(qtbot, session: AppSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = LessonsPage(session)
    qtbot.addWidget(page)
    page.show()
    assert page.card("p01-every-step") is None
    page.add_pack(PACKS / "good")
    assert page.card("p01-every-step") is not None
    page.add_pack(PACKS / "hostile-tags")
    assert "!!python/object/apply:os.system" in page.packs_label.text()
    again = LessonsPage(session)  # a new page (next start) finds the packs in the settings
    qtbot.addWidget(again)
    assert again.library.lesson("p01-every-step") is not None
    session.store.set_setting("lesson_packs", "{not json")
    broken = LessonsPage(session)  # a damaged setting: the built-in lessons, no crash
    qtbot.addWidget(broken)
    assert broken.library.packs == []


def test_pages_share_one_loaded_library_until_a_file_changes(
    qtbot, session: AppSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import os
    import shutil

    lessons, progress = LessonsPage(session), ProgressPage(session)
    qtbot.addWidget(lessons)
    qtbot.addWidget(progress)
    assert lessons.library is progress.library
    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "good", pack)
    lessons.add_pack(pack)
    first = LessonsPage(session)
    qtbot.addWidget(first)
    assert first.library.lesson("p01-every-step") is not None
    lesson_file = pack / "p01-every-step.yaml"
    lesson_file.write_text(
        lesson_file.read_text(encoding="utf-8").replace("Every kind of step", "Every step, edited"),
        encoding="utf-8",
    )
    os.utime(lesson_file, ns=(1, 10**18))  # a different time stamp, whatever the clock says
    edited = LessonsPage(session)
    qtbot.addWidget(edited)
    assert edited.library is not first.library
    lesson = edited.library.lesson("p01-every-step")
    assert lesson is not None and lesson.title == "Every step, edited"
