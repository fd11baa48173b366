"""Every built-in lesson that validates opens in the real player and every step renders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor.lessons.library import builtin_lessons_dir, load_library
from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.lesson_steps import AssessmentWidget
from budget_tutor.ui.lessons_page import LessonsPage
from budget_tutor.ui.session import AppSession

LIBRARY = load_library(builtin_lessons_dir())


@pytest.fixture
def session(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "store")
    s = AppSession(store)
    s.open_household(store.create_household(Plan(Household("Nazarov"))))
    s.set_trainer_mode(True)
    yield s
    store.close()


@pytest.mark.parametrize("lesson_id", [x.id for x in LIBRARY.lessons])
@pytest.mark.parametrize("lang", ["en", "tg"])
def test_builtin_lesson_steps_render(qtbot, session: AppSession, lesson_id: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    session.set_language(lang)
    page = LessonsPage(session, library=LIBRARY)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # keyboard shortcuts work in the active window
    page.open_lesson(lesson_id)
    player = page.player
    lesson = LIBRARY.lesson(lesson_id)
    assert lesson is not None and player.lesson is lesson
    for index, step in enumerate(lesson.steps):
        widget = player.step_widget
        assert widget is not None and widget.step is step
        widget.grab()
        if isinstance(widget, AssessmentWidget):
            bank = LIBRARY.course.assessment if LIBRARY.course else ()
            form = {"pre": "A", "post": "B"}[widget.assessment.phase]
            assert [i.id for i in widget.items] == [i.id for i in bank if i.form in (None, form)]
            assert len(widget.option_boxes) == len(widget.items) == 12
        assert player.notes_frame.isVisible() == bool(step.trainer_notes)
        if index + 1 < len(lesson.steps):
            qtbot.keyClick(player, Qt.Key.Key_PageDown)
    assert player.index == len(lesson.steps) - 1


def test_main_window_hosts_the_lesson_pages(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The main window imports the pages lazily: they must be there, not the "unavailable" page."""
    from budget_tutor.ui.app import run_app
    from budget_tutor.ui.progress_page import ProgressPage

    assert run_app(["--data-dir", str(tmp_path / "app"), "--lang", "en"], exec_loop=False) == 0
    window = run_app.last_window  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    try:
        lessons = window.page("lessons")
        progress = window.page("progress")
        assert isinstance(lessons, LessonsPage) and isinstance(progress, ProgressPage)
        assert [c.lesson.id for c in lessons.cards] == [x.id for x in LIBRARY.lessons]
    finally:
        window.close()
        run_app.last_error_handler.uninstall()  # type: ignore[attr-defined]
        window.session.store.close()
