"""A whole lesson through the real widgets (mouse and keyboard), checked against the Store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QVBoxLayout, QWidget

from budget_tutor.lessons.library import Library, load_library
from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.lesson_steps import (
    AssessmentWidget,
    CalculationWidget,
    CalendarWidget,
    PlannerTaskWidget,
    QuizWidget,
    SortWidget,
    TextStepWidget,
)
from budget_tutor.ui.lessons_page import LessonsPage
from budget_tutor.ui.session import AppSession

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"


@pytest.fixture
def library() -> Library:
    return load_library(PACKS / "builtin", [PACKS / "good"], assets_dir=PACKS / "assets")


@pytest.fixture
def session(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "store")
    s = AppSession(store)
    hid = store.create_household(Plan(Household("Karimov")))
    s.open_household(hid)
    yield s
    store.close()


@pytest.fixture
def page(qtbot, session: AppSession, library: Library) -> LessonsPage:  # type: ignore[no-untyped-def]
    p = LessonsPage(session, library=library)
    qtbot.addWidget(p)
    p.resize(1000, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def click_option(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button or tick box on its indicator (a click far right of the text misses)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def records(session: AppSession, lesson_id: str):  # type: ignore[no-untyped-def]
    assert session.household_id is not None
    return session.store.progress(session.household_id).get(lesson_id, {})


def test_complete_the_every_step_lesson(qtbot, page: LessonsPage, session: AppSession) -> None:  # type: ignore[no-untyped-def]
    card = page.card("p01-every-step")
    assert card is not None and card.open_button.isEnabled()
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    player = page.player
    assert page.stack.currentWidget() is player
    assert player.step_counter.text() == "Step 1 of 10"

    # 1 story: sanitised text and a picture; trainer notes hidden in learner mode
    story = player.step_widget
    assert isinstance(story, TextStepWidget)
    assert "<b>notebook</b>" in story.text_label.text() and story.picture is not None
    assert not player.notes_frame.isVisible()
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)

    # 2 key message, with the keyboard: Page Down
    assert isinstance(player.step_widget, TextStepWidget)
    qtbot.keyClick(player, Qt.Key.Key_PageDown)

    # 3 single-answer quiz: a wrong answer first, then the right one with Enter
    quiz = player.step_widget
    assert isinstance(quiz, QuizWidget) and isinstance(quiz.options_box.buttons[0], QRadioButton)
    click_option(qtbot, quiz.options_box.buttons[1])
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    assert (
        quiz.options_box.feedback_labels[1]
        .text()
        .endswith("It can wait until food and rent are covered.")
    )
    assert records(session, "p01-every-step")["q-first"].score == Decimal(0)
    click_option(qtbot, quiz.options_box.buttons[0])
    qtbot.keyClick(quiz.options_box.buttons[0], Qt.Key.Key_Return)
    assert quiz.result is not None and quiz.result.correct
    rec = records(session, "p01-every-step")["q-first"]
    assert rec.done and rec.score == Decimal(1) and rec.answer == {"chosen": [0]}
    qtbot.keyClick(player, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)

    # 4 several right answers: tick boxes, keyboard only (Space toggles)
    many = player.step_widget
    assert isinstance(many, QuizWidget) and isinstance(many.options_box.buttons[0], QCheckBox)
    for i in (0, 1):
        many.options_box.buttons[i].setFocus()
        qtbot.keyClick(many.options_box.buttons[i], Qt.Key.Key_Space)
    qtbot.keyClick(many.options_box.buttons[1], Qt.Key.Key_Enter)
    assert records(session, "p01-every-step")["q-many"].score == Decimal(1)
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)

    # 5 sort: keyboard (choose a card, press the group's number) and the "Put here" buttons
    sort = player.step_widget
    assert isinstance(sort, SortWidget)
    sort.pool.setFocus()
    sort.pool.setCurrentRow(0)  # Flour
    qtbot.keyClick(sort.pool, Qt.Key.Key_1)
    assert sort.placement() == {0: "need"}
    sort.pool.setCurrentRow(0)  # New phone
    qtbot.keyClick(sort.pool, Qt.Key.Key_1)  # wrong on purpose
    qtbot.mouseClick(sort.check_button, Qt.MouseButton.LeftButton)
    assert sort.result is not None and sort.result.per_card[:2] == (True, False)
    assert sort.group_lists[0].item(1).text().startswith("✗")
    sort.group_lists[0].setFocus()
    sort.group_lists[0].setCurrentRow(1)
    qtbot.keyClick(sort.group_lists[0], Qt.Key.Key_2)  # the phone to Wants
    qtbot.mouseClick(sort.pool.viewport(), Qt.MouseButton.LeftButton,
                     pos=sort.pool.visualItemRect(sort.pool.item(0)).center())  # fmt: skip
    qtbot.mouseClick(sort.group_buttons[0], Qt.MouseButton.LeftButton)  # shoes to Needs
    assert sort.pool.count() == 0
    qtbot.keyClick(sort.check_button, Qt.Key.Key_Return)
    rec = records(session, "p01-every-step")["sort-needs"]
    assert rec.score == Decimal(1)
    assert rec.answer == {"placement": {"0": "need", "1": "want", "2": "need"}}
    qtbot.keyClick(player, Qt.Key.Key_PageDown)

    # 6 calculation: not a number → inline message, nothing stored; then a wrong and a right answer
    calc = player.step_widget
    assert isinstance(calc, CalculationWidget)
    qtbot.keyClicks(calc.answer_edit, "nine hundred")
    qtbot.keyClick(calc.answer_edit, Qt.Key.Key_Return)
    assert calc.error_label.isVisible() and "nine hundred" in calc.error_label.text()
    assert "calc-fee" not in records(session, "p01-every-step")
    calc.answer_edit.clear()
    qtbot.keyClicks(calc.answer_edit, "850")
    qtbot.keyClick(calc.answer_edit, Qt.Key.Key_Return)
    assert not calc.error_label.isVisible() and calc.solution_label.isVisible()
    assert records(session, "p01-every-step")["calc-fee"].score == Decimal(0)
    calc.answer_edit.clear()
    qtbot.keyClicks(calc.answer_edit, "897.14")
    qtbot.mouseClick(calc.check_button, Qt.MouseButton.LeftButton)
    rec = records(session, "p01-every-step")["calc-fee"]
    assert rec.score == Decimal(1) and rec.answer == {"typed": "897.14", "value": "897.14"}
    assert "897.14" in calc.result_label.text()
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)

    # 7 season calendar: twelve toggles per token
    cal = player.step_widget
    assert isinstance(cal, CalendarWidget)
    for m in range(4, 12):
        qtbot.mouseClick(cal.calendars[0].buttons[m - 1], Qt.MouseButton.LeftButton)
    for m in (10, 11):
        cal.calendars[1].buttons[m - 1].setFocus()
        qtbot.keyClick(cal.calendars[1].buttons[m - 1], Qt.Key.Key_Space)
    qtbot.mouseClick(cal.check_button, Qt.MouseButton.LeftButton)
    rec = records(session, "p01-every-step")["calendar"]
    assert rec.score == Decimal(1)
    assert rec.answer == {"placed": {"remit": [4, 5, 6, 7, 8, 9, 10, 11], "coal": [10, 11]}}
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)

    # 8 planner task: the page emits open_planner(section, suggestion)
    task = player.step_widget
    assert isinstance(task, PlannerTaskWidget)
    with qtbot.waitSignal(page.open_planner) as blocker:
        qtbot.mouseClick(task.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [
        "goals",
        {
            "action": "add_goal",
            "name": "Emergency fund",
            "amount_rule": "months_of_food",
            "months": 3,
        },
    ]
    assert records(session, "p01-every-step")["my-plan"].done
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)

    # 9 discussion and 10 summary, then Finish
    assert isinstance(player.step_widget, TextStepWidget)
    assert player.step_widget.kind_label.text() == "Role play"
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
    summary = player.step_widget
    assert isinstance(summary, TextStepWidget)
    assert "Write down every purchase for one week." in summary.take_home_label.text()
    assert player.next_button.text().startswith("Finish")
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)

    assert page.stack.currentWidget() is page.browser
    stored = records(session, "p01-every-step")
    lesson = page.library.lesson("p01-every-step")
    assert lesson is not None
    assert {sid for sid, r in stored.items() if r.done} == {s.id for s in lesson.steps}
    assert card.progress_bar.value() == 100 and card.open_button.text() == "Open again"


def test_resume_back_and_progress_never_goes_backwards(
    qtbot, page: LessonsPage, session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    card = page.card("p01-every-step")
    assert card is not None
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    player = page.player
    for _ in range(3):
        qtbot.keyClick(player, Qt.Key.Key_PageDown)
    assert player.index == 3
    qtbot.keyClick(player, Qt.Key.Key_PageUp)
    qtbot.keyClick(player, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert player.index == 1
    qtbot.mouseClick(player.close_button, Qt.MouseButton.LeftButton)
    assert card.progress_bar.value() == 20  # story, key message (the quiz was skipped: not done)
    assert card.open_button.text() == "Continue"
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    assert player.index == 2  # resumes at the first step not done
    quiz = player.step_widget
    assert isinstance(quiz, QuizWidget)
    click_option(qtbot, quiz.options_box.buttons[0])
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    click_option(qtbot, quiz.options_box.buttons[1])
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)  # a worse answer later
    rec = records(session, "p01-every-step")["q-first"]
    assert rec.done and rec.answer == {"chosen": [1]}
    # opening the step again shows the recorded answer
    qtbot.keyClick(player, Qt.Key.Key_PageDown)
    qtbot.keyClick(player, Qt.Key.Key_PageUp)
    again = player.step_widget
    assert isinstance(again, QuizWidget) and again.options_box.buttons[1].isChecked()


def test_learner_mode_locks_and_trainer_mode_unlocks_and_resets(
    qtbot, page: LessonsPage, session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    m00, m01 = page.card("m00-welcome"), page.card("m01-money")
    assert m00 is not None and m01 is not None
    assert m00.open_button.isEnabled() and not m01.open_button.isEnabled()
    assert m01.open_button.text() == "Locked"
    assert not m00.reset_button.isVisible() and not page.reset_all_button.isVisible()
    page.open_lesson("m01-money")  # refused while locked
    assert page.stack.currentWidget() is page.browser

    session.set_trainer_mode(True)
    assert m01.open_button.isEnabled() and page.reset_all_button.isVisible()
    qtbot.mouseClick(m01.open_button, Qt.MouseButton.LeftButton)
    player = page.player
    assert player.notes_frame.isHidden()  # the first step has no notes
    page.player.go_next()
    qtbot.mouseClick(player.close_button, Qt.MouseButton.LeftButton)
    assert m01.progress_bar.value() > 0

    # trainer notes show only in trainer mode
    p01 = page.card("p01-every-step")
    assert p01 is not None
    qtbot.mouseClick(p01.open_button, Qt.MouseButton.LeftButton)
    assert (
        player.notes_frame.isVisible() and "Ask who keeps a notebook" in player.notes_label.text()
    )
    session.set_trainer_mode(False)
    assert not player.notes_frame.isVisible()
    session.set_trainer_mode(True)
    qtbot.mouseClick(player.close_button, Qt.MouseButton.LeftButton)

    asked: list[str | None] = []
    page.confirm_reset = lambda lesson_id: asked.append(lesson_id) or True  # type: ignore[method-assign]
    qtbot.mouseClick(m01.reset_button, Qt.MouseButton.LeftButton)
    assert asked == ["m01-money"] and records(session, "m01-money") == {}
    assert m01.progress_bar.value() == 0


def test_pre_test_in_the_player_and_progress_page(
    qtbot, page: LessonsPage, session: AppSession, library: Library
) -> None:  # type: ignore[no-untyped-def]
    from budget_tutor.ui.progress_page import ProgressPage

    progress_page = ProgressPage(session, library=library)
    qtbot.addWidget(progress_page)
    progress_page.show()
    assert progress_page.pre_value.text() == "not taken yet"
    page.open_lesson("m00-welcome")
    player = page.player
    qtbot.keyClick(player, Qt.Key.Key_PageDown)
    test = player.step_widget
    assert isinstance(test, AssessmentWidget) and len(test.option_boxes) == 3
    click_option(qtbot, test.option_boxes[0].buttons[1])  # wrong
    click_option(qtbot, test.option_boxes[1].buttons[0])  # half
    qtbot.mouseClick(test.finish_button, Qt.MouseButton.LeftButton)
    rec = records(session, "m00-welcome")["pre-test"]
    assert rec.done and rec.answer == {
        "phase": "pre", "answers": {"a-needs": [1], "a-fee": [0], "a-save": []},
    }  # fmt: skip
    assert test.result_label.text() == "0 of 3 answers right (17 %)."
    progress_page.refresh()
    assert progress_page.pre_value.text() == "0 of 3 right (17 %)"
    assert progress_page.post_value.text() == "not taken yet"
    assert progress_page.module_bars[0].value() == 2 * 100 // 6


def test_hostile_text_is_shown_literally_and_loads_nothing(
    qtbot, session: AppSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import http.server
    import shutil
    import threading

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the http.server API
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        pack = tmp_path / "hostile"
        shutil.copytree(PACKS / "hostile-script", pack)
        lesson_file = pack / "x06-script.yaml"
        lesson_file.write_text(
            lesson_file.read_text(encoding="utf-8").replace("PORT", str(server.server_port)),
            encoding="utf-8",
        )
        library = load_library(PACKS / "builtin", [pack], assets_dir=PACKS / "assets")
        assert library.lesson("x06-script") is not None
        page = LessonsPage(session, library=library)
        qtbot.addWidget(page)
        page.show()
        card = page.card("x06-script")
        assert card is not None
        assert card.title_label.text() == "Module 2: <b>Bold title</b><script>alert(1)</script>"
        qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
        player = page.player
        seen = []
        for _ in range(6):
            widget = player.step_widget
            assert widget is not None
            widget.grab()  # render everything on screen
            seen.append(widget)
            qtbot.keyClick(player, Qt.Key.Key_PageDown)
        story = seen[0]
        assert isinstance(story, TextStepWidget)
        assert (
            "&lt;script&gt;" in story.text_label.text() and "<script" not in story.text_label.text()
        )
        assert story.title_label.text() == '<a href="file:///etc/passwd">Open me</a>'
        assert story.title_label.textFormat() == Qt.TextFormat.PlainText
        QApplication.processEvents()
        qtbot.wait(200)
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []


def test_finish_names_the_unfinished_step_and_goes_there(
    qtbot, page: LessonsPage, session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    page.open_lesson("p01-every-step")
    player = page.player
    for _ in range(9):  # to the last step, answering nothing
        qtbot.keyClick(player, Qt.Key.Key_PageDown)
    assert player.index == 9 and player.next_button.text().startswith("Finish")
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
    # not finished: the player stays, shows the first step not done (the first quiz) and says so
    assert page.stack.currentWidget() is player
    assert player.index == 2 and isinstance(player.step_widget, QuizWidget)
    assert player.notice_label.isVisible()
    assert player.notice_label.text().startswith('Not finished yet: step 3 of 10, "Quiz".')
    assert "q-first" not in records(session, "p01-every-step")
    click_option(qtbot, player.step_widget.options_box.buttons[0])
    qtbot.mouseClick(player.step_widget.check_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(player, Qt.Key.Key_PageDown)
    assert not player.notice_label.isVisible()  # moving on clears the message
    player.show_step(9)
    qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
    assert player.index == 3  # the next one not done: the second quiz
    assert "step 4 of 10" in player.notice_label.text()


def test_pre_test_answers_are_kept_when_leaving_and_returning(
    qtbot, page: LessonsPage, session: AppSession, library: Library
) -> None:  # type: ignore[no-untyped-def]
    page.open_lesson("m00-welcome")
    player = page.player
    qtbot.keyClick(player, Qt.Key.Key_PageDown)
    test = player.step_widget
    assert isinstance(test, AssessmentWidget)
    click_option(qtbot, test.option_boxes[0].buttons[1])
    qtbot.mouseClick(test.option_boxes[1].option_labels[0], Qt.MouseButton.LeftButton)  # the text
    qtbot.mouseClick(player.close_button, Qt.MouseButton.LeftButton)  # leave, not finished
    rec = records(session, "m00-welcome")["pre-test"]
    assert not rec.done and rec.answer["answers"] == {"a-needs": [1], "a-fee": [0], "a-save": []}
    page.open_lesson("m00-welcome")
    player.show_step(1)
    again = player.step_widget
    assert isinstance(again, AssessmentWidget) and again is not test
    assert again.option_boxes[0].buttons[1].isChecked()
    assert again.option_boxes[1].buttons[0].isChecked()
    assert again.result_label.text() == ""  # chosen, not scored: the test was not finished
    from budget_tutor.lessons.progress import LessonProgress

    assert session.household_id is not None
    progress = LessonProgress(library.lessons, session.store.progress(session.household_id))
    assert progress.assessment_answers("pre") is None  # a draft is not a pre-test score
    qtbot.mouseClick(again.finish_button, Qt.MouseButton.LeftButton)
    assert records(session, "m00-welcome")["pre-test"].done


def test_pre_test_question_and_answers_wrap_in_a_narrow_window(qtbot, page: LessonsPage) -> None:  # type: ignore[no-untyped-def]
    page.resize(420, 700)
    page.open_lesson("m00-welcome")
    page.player.show_step(1)
    test = page.player.step_widget
    assert isinstance(test, AssessmentWidget)
    qtbot.waitUntil(lambda: test.width() <= page.player.scroll.viewport().width())
    for label in [*test.question_labels, *test.option_boxes[0].option_labels]:
        assert label.wordWrap() and label.geometry().right() <= test.width()
    assert not page.player.scroll.horizontalScrollBar().isVisible()


def test_trainer_notes_are_never_projected(qtbot, page: LessonsPage, session: AppSession) -> None:  # type: ignore[no-untyped-def]
    session.set_trainer_mode(True)
    page.open_lesson("p01-every-step")
    player = page.player
    assert player.notes_frame.isVisible()
    session.set_presentation(True)
    assert not player.notes_frame.isVisible()
    session.set_presentation(False)
    assert player.notes_frame.isVisible()


def test_double_click_on_a_lesson_opens_it(qtbot, page: LessonsPage) -> None:  # type: ignore[no-untyped-def]
    card = page.card("p01-every-step")
    locked = page.card("m01-money")
    assert card is not None and locked is not None
    qtbot.mouseDClick(locked.summary_label, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.browser  # a locked lesson stays closed
    qtbot.mouseDClick(card.summary_label, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.player
    assert page.player.lesson is not None and page.player.lesson.id == "p01-every-step"


def test_presenter_info_and_step_timer(qtbot, page: LessonsPage) -> None:  # type: ignore[no-untyped-def]
    from budget_tutor.ui.presenter_view import PresenterView, clock_text

    now = [1000.0]
    page.player.clock = lambda: now[0]
    page.open_lesson("p01-every-step")
    info = page.player.presenter_info()
    assert info is not None
    assert (info.number, info.total, info.step_title) == (1, 10, "Nilufar's notebook")
    assert "Ask who keeps a notebook" in info.notes_html
    assert info.next_title == "Key message"  # a step without a title: its kind
    assert info.budget_seconds == 180  # 30 minutes over 10 steps
    host = QWidget()
    host.setLayout(QVBoxLayout())
    qtbot.addWidget(host)
    view = PresenterView(page)
    qtbot.addWidget(view)
    view.refresh()
    assert view.timer_label.text() == "Time on this step: 0:00 of 3:00"
    now[0] += 181
    view.refresh()
    assert view.timer_label.text() == "Time on this step: 3:01 of 3:00"
    assert "c62828" in view.timer_label.styleSheet()  # over time: red
    page.player.go_next()  # a new step starts its own time
    assert view.step_label.text() == "Step 2 of 10: Key message"
    assert view.timer_label.text().startswith("Time on this step: 0:00")
    assert clock_text(65) == "1:05" and clock_text(-3) == "0:00"


def test_a_step_with_its_own_minutes_is_timed_by_them(library: Library) -> None:
    import dataclasses

    from budget_tutor.ui.lesson_player import step_budget_seconds

    lesson = library.lesson("p01-every-step")
    assert lesson is not None and lesson.minutes == 30 and len(lesson.steps) == 10
    step = lesson.steps[0]
    assert step_budget_seconds(lesson, step) == 180  # no minutes of its own: 30 / 10
    if "minutes" in {f.name for f in dataclasses.fields(step)}:  # lessons that time each step
        timed = dataclasses.replace(step, minutes=7)
        assert step_budget_seconds(lesson, timed) == 420


def test_broken_pack_is_listed_and_the_rest_works(qtbot, session: AppSession) -> None:  # type: ignore[no-untyped-def]
    library = load_library(PACKS / "builtin", [PACKS / "mixed", PACKS / "hostile-tags"],
                           assets_dir=PACKS / "assets")  # fmt: skip
    page = LessonsPage(session, library=library)
    qtbot.addWidget(page)
    page.show()
    assert page.card("p02-good") is not None and page.card("p03-broken") is None
    text = page.packs_label.text()
    assert 'Lesson pack "Mixed pack": 9 problems' in text
    assert "no option is marked 'correct: true'" in text
    assert "!!python/object/apply:os.system" in text


def test_drag_and_drop_moves_a_card(qtbot, page: LessonsPage) -> None:  # type: ignore[no-untyped-def]
    page.open_lesson("p01-every-step")
    player = page.player
    player.show_step(4)
    sort = player.step_widget
    assert isinstance(sort, SortWidget)
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QDropEvent

    item = sort.pool.item(0)
    mime = sort.pool.model().mimeData([sort.pool.indexFromItem(item)])
    assert isinstance(mime, QMimeData)
    target = sort.group_lists[0]
    event = QDropEvent(
        target.viewport().rect().center().toPointF(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)
    if event.isAccepted() and event.dropAction() == Qt.DropAction.MoveAction:
        sort.pool.takeItem(sort.pool.row(item))  # what the drag source does after a move
    assert sort.placement() == {0: "need"}


def test_language_switch_retranslates_lesson_text(
    qtbot, page: LessonsPage, session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    card = page.card("p01-every-step")
    assert card is not None and card.title_label.text() == "Module 1: Every kind of step"
    page.open_lesson("p01-every-step")
    page.player.show_step(4)
    sort = page.player.step_widget
    assert isinstance(sort, SortWidget)
    assert sort.prompt_label.text() == "<p>Put each card in the right basket.</p>"
    session.set_language("ru")  # posts QEvent.LanguageChange
    qtbot.waitUntil(lambda: "Все виды шагов" in card.title_label.text(), timeout=3000)
    qtbot.waitUntil(
        lambda: sort.prompt_label.text() == "<p>Положите каждую карточку в нужную корзину.</p>",
        timeout=3000,
    )
    assert page.player.lesson_title.text() == "Все виды шагов"
    session.set_language("en")
    qtbot.waitUntil(lambda: card.title_label.text() == "Module 1: Every kind of step", timeout=3000)


def test_planner_task_amount_comes_from_the_family_plan(
    qtbot, page: LessonsPage, session: AppSession
) -> None:  # type: ignore[no-untyped-def]
    from budget_tutor.model import Expense, ExpenseCategory, Schedule

    assert session.plan is not None
    food = Expense("food", "Flour", ExpenseCategory.FOOD, Schedule.monthly(150000))
    assert session.apply_edit(session.plan.with_line("expenses", food), "add food")
    page.open_lesson("p01-every-step")
    page.player.show_step(7)
    task = page.player.step_widget
    assert isinstance(task, PlannerTaskWidget)
    assert task.suggestion_label.text() == "Suggested: Emergency fund, 3 months of food (4,500 TJS)"
    with qtbot.waitSignal(page.open_planner) as blocker:
        qtbot.keyClick(page.player, Qt.Key.Key_Return)  # Enter works on a planner task too
    assert blocker.args[1]["amount_minor"] == 450000
