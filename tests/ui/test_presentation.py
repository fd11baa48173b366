"""Presentation mode: F11 full screen with a larger font; leaving restores window and font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.main_window import MainWindow
from budget_tutor.ui.session import AppSession


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "data")
    store.set_setting("language", "en")
    hid = store.create_household(Plan(household=Household(name="Projector family")))
    session = AppSession(store)
    session.open_household(hid)
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(800, 570)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    store.close()


def test_f11_enters_and_leaving_restores(qtbot, window):
    app = QApplication.instance()
    font_before = app.font().pointSizeF()
    size_before = window.size()
    window.presentation_action.trigger()  # F11
    assert window.session.presentation
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert app.font().pointSizeF() == pytest.approx(font_before * 1.5)
    assert window.presentation_action.isChecked()
    window.presentation_action.trigger()
    assert not window.session.presentation
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert app.font().pointSizeF() == pytest.approx(font_before)
    qtbot.waitUntil(lambda: window.size() == size_before, timeout=2000)


def test_escape_leaves_presentation(qtbot, window):
    window.session.set_presentation(True)
    qtbot.waitUntil(lambda: window.leave_presentation_action.isEnabled(), timeout=2000)
    window.leave_presentation_action.trigger()
    assert not window.session.presentation


def test_f11_shortcut_is_bound(window):
    assert window.presentation_action.shortcut().toString() == "F11"
    assert window.trainer_action.shortcut().toString() == "Ctrl+Shift+T"


def test_high_contrast_palette_and_back(qtbot, window):
    app = QApplication.instance()
    before = app.palette().color(QPalette.ColorRole.Window)
    window.high_contrast_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert window.settings.high_contrast()
    # labels with their own style sheet follow the new palette too
    title = window.household_page.title_label
    assert title.styleSheet() and title.text()
    window.show_households()
    QApplication.processEvents()
    image = window.grab().toImage()
    origin = title.mapTo(window, QPoint(0, 0))
    light = sum(
        1
        for x in range(origin.x(), origin.x() + title.width(), 2)
        for y in range(origin.y(), origin.y() + title.height())
        if image.pixelColor(x, y).lightness() > 180
    )
    assert light > 10, "the title is drawn dark on the dark background"
    window.high_contrast_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window) == before
    assert not window.settings.high_contrast()


# -- leaving presentation mode restores every page ---------------------------------------------


def test_leaving_presentation_restores_every_page_font(qtbot, window):
    """F11, open Lessons for the first time (the page is made while presenting), Esc: the
    lesson heading and a step title are back to their normal size, on the shown page and on a
    page that was made before and is not shown."""
    app = QApplication.instance()
    normal = app.font().pointSizeF()
    plan = window.page("plan")  # made before presentation mode
    plan_font = plan.font().pointSizeF()
    window.session.set_presentation(True)
    window.show_page("progress")  # made while presenting: grows once, not twice
    progress = window.page("progress")
    assert progress.font().pointSizeF() == pytest.approx(normal * 1.5)
    assert progress.heading.font().pointSizeF() == pytest.approx(normal * 1.5 * 1.4)
    window.show_page("lessons")
    lessons = window.page("lessons")
    assert lessons.heading.font().pointSizeF() == pytest.approx(normal * 1.5 * 1.4)
    lessons.open_lesson("m00-welcome")
    title = lessons.player.step_widget.title_label
    assert title.font().pointSizeF() == pytest.approx(normal * 1.5 * 1.3)
    window.show_page("plan")
    window.leave_presentation_action.setEnabled(True)
    window.leave_presentation_action.trigger()  # Esc
    assert not window.session.presentation
    assert app.font().pointSizeF() == pytest.approx(normal)
    assert lessons.heading.font().pointSizeF() == pytest.approx(normal * 1.4)
    assert title.font().pointSizeF() == pytest.approx(normal * 1.3)
    assert lessons.card("m00-welcome").open_button.font().pointSizeF() == pytest.approx(normal)
    assert plan.font().pointSizeF() == pytest.approx(plan_font)
    assert progress.font().pointSizeF() == pytest.approx(normal)
    assert progress.heading.font().pointSizeF() == pytest.approx(normal * 1.4)
    # and again: entering and leaving twice never drifts
    for _ in range(2):
        window.session.set_presentation(True)
        window.session.set_presentation(False)
    assert lessons.heading.font().pointSizeF() == pytest.approx(normal * 1.4)
    assert title.font().pointSizeF() == pytest.approx(normal * 1.3)


# -- trainer mode is remembered on the laptop ---------------------------------------------------


def test_trainer_mode_is_remembered_with_an_indicator(qtbot, tmp_path):
    store = Store.open(tmp_path / "laptop")
    store.set_setting("language", "en")
    session = AppSession(store)
    first = MainWindow(session)
    qtbot.addWidget(first)
    first.show()
    assert not session.trainer_mode and not first.trainer_indicator.isVisible()
    first.trainer_action.trigger()  # Ctrl+Shift+T
    assert first.trainer_indicator.isVisible()
    assert first.trainer_indicator.text() == "Trainer mode"
    first.close()
    store.close()
    # the next start on this laptop
    store = Store.open(tmp_path / "laptop")
    session = AppSession(store)
    again = MainWindow(session)
    qtbot.addWidget(again)
    again.show()
    assert session.trainer_mode and again.trainer_action.isChecked()
    assert again.trainer_indicator.isVisible()
    again.trainer_action.trigger()
    again.close()
    store.close()
    store = Store.open(tmp_path / "laptop")
    third = MainWindow(AppSession(store))
    qtbot.addWidget(third)
    assert not third.session.trainer_mode
    third.close()
    store.close()


# -- presenter view -----------------------------------------------------------------------------


def test_one_screen_hides_notes_and_n_shows_them(qtbot, window):
    """One screen: presentation mode never shows the notes in the projected window; N opens the
    small presenter window with the notes, N again closes it."""
    assert len(QApplication.screens()) == 1
    window.session.set_trainer_mode(True)
    window.show_page("lessons")
    lessons = window.page("lessons")
    lessons.open_lesson("m00-welcome")
    player = lessons.player
    assert player.notes_frame.isVisible()
    window.session.set_presentation(True)
    controller = window.presentation
    assert not controller.two_screens
    assert not player.notes_frame.isVisible()
    assert controller.presenter is None or not controller.presenter.isVisible()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N)
    presenter = controller.presenter
    assert presenter is not None and presenter.isVisible() and presenter.compact
    assert presenter.width() <= 600 and presenter.height() <= 460
    notes = lessons.library.text(lessons.player.step_widget.step.trainer_notes, player.lesson)
    assert notes and notes.split()[0] in presenter.notes_label.text()
    assert not player.notes_frame.isVisible()  # still not in the projected window
    controller.toggle_notes()  # N again
    assert not presenter.isVisible()
    # typing an N into an answer field types it, it does not open the notes
    from budget_tutor.ui.lesson_steps import CalculationWidget

    calc_index = next(i for i, step in enumerate(player.lesson.steps) if step.type == "calculation")
    player.show_step(calc_index)
    calc = player.step_widget
    assert isinstance(calc, CalculationWidget)
    calc.answer_edit.setFocus()
    qtbot.keyClicks(calc.answer_edit, "N")
    assert calc.answer_edit.text() == "N" and not presenter.isVisible()
    window.session.set_presentation(False)
    assert player.notes_frame.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N)  # outside presentation mode N does nothing
    assert not presenter.isVisible()


TWO_SCREENS_SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui.main_window import MainWindow
from budget_tutor.ui.session import AppSession

app = QApplication([])
out = {"screens": [(s.name(), s.geometry().getRect()) for s in app.screens()]}
store = Store.open(Path(sys.argv[1]))
store.set_setting("language", "en")
session = AppSession(store)
session.open_household(store.create_household(Plan(household=Household(name="Two screens"))))
window = MainWindow(session)
laptop = app.screens()[0]
window.setGeometry(100, 100, 1000, 700)
window.show()
app.processEvents()
out["before"] = [window.screen().name(), window.geometry().getRect()]
window.show_page("lessons")
lessons = window.page("lessons")
lessons.open_lesson("m00-welcome")
player = lessons.player
session.set_presentation(True)
for _ in range(5):
    app.processEvents()
presenter = window.presentation.presenter
first = player.lesson.steps[0]
out["time"] = [player.lesson.minutes, len(player.lesson.steps), getattr(first, "minutes", None)]
out["during"] = {
    "window_screen": window.screen().name(),
    "window": window.geometry().getRect(),
    "full_screen": window.isFullScreen(),
    "presenter_visible": bool(presenter and presenter.isVisible()),
    "presenter_screen": presenter.screen().name() if presenter else None,
    "presenter": presenter.geometry().getRect() if presenter else None,
    "notes_in_window": player.notes_frame.isVisible(),
    "step": presenter.step_label.text() if presenter else "",
    "timer": presenter.timer_label.text() if presenter else "",
    "notes": presenter.notes_label.text() if presenter else "",
    "next": presenter.next_label.text() if presenter else "",
}
player.go_next()
app.processEvents()
out["after_next"] = {"step": presenter.step_label.text(), "next": presenter.next_label.text()}
projector = window.presentation.projector
window.presentation.screens = lambda: [laptop]  # the projector's cable is pulled
window.presentation.screen_removed(projector)
for _ in range(5):
    app.processEvents()
out["unplugged"] = {
    "window_screen": window.screen().name(),
    "full_screen": window.isFullScreen(),
    "presenter_visible": presenter.isVisible(),
    "notes_in_window": player.notes_frame.isVisible(),
}
session.set_presentation(False)
for _ in range(5):
    app.processEvents()
out["after"] = {
    "window_screen": window.screen().name(),
    "window": window.geometry().getRect(),
    "presenter_visible": presenter.isVisible(),
}
window.close()
store.close()
print(json.dumps(out))
"""


def test_two_screens_lesson_on_the_projector_notes_on_the_laptop(tmp_path):
    """Qt's offscreen platform with two screens (a laptop 1366×768 and a projector 1024×768 to
    its right): F11 puts the lesson full screen on the projector and the presenter view
    (notes, timer, next step) on the laptop; leaving puts the window back on the laptop."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": False,
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768},
                    {"name": "projector", "x": 1366, "y": 0, "width": 1024, "height": 768},
                ],
            }
        ),
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["BUDGET_TUTOR_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", TWO_SCREENS_SCRIPT, str(tmp_path / "store")],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["screens"] == [["laptop", [0, 0, 1366, 768]], ["projector", [1366, 0, 1024, 768]]]
    assert out["before"][0] == "laptop"
    during = out["during"]
    assert during["window_screen"] == "projector" and during["full_screen"]
    assert during["window"] == [1366, 0, 1024, 768]
    assert during["presenter_visible"] and during["presenter_screen"] == "laptop"
    x, y, w, h = during["presenter"]
    assert 0 <= x and x + w <= 1366 and 0 <= y and y + h <= 768
    assert not during["notes_in_window"]
    assert during["step"] == "Step 1 of 9: The Rahimov family from Kulob"
    lesson_minutes, steps, step_minutes = out["time"]
    # the step's own minutes when the lesson gives them, else its share of the lesson's
    planned = step_minutes * 60 if step_minutes else lesson_minutes * 60 // steps
    assert during["timer"] == f"Time on this step: 0:00 of {planned // 60}:{planned % 60:02d}"
    assert "Welcome everyone and introduce yourself" in during["notes"]
    assert during["next"] == "Next: Pre-test"  # the pre-test has no title: its kind
    assert out["after_next"]["step"].startswith("Step 2 of 9")
    unplugged = out["unplugged"]  # the projector went away: full screen on the laptop
    assert unplugged["window_screen"] == "laptop" and unplugged["full_screen"]
    assert not unplugged["presenter_visible"] and not unplugged["notes_in_window"]
    after = out["after"]
    assert after["window_screen"] == "laptop" and not after["presenter_visible"]
    assert after["window"][2:] == list(out["before"][1])[2:]  # its size on the laptop again


def test_first_start_fits_the_screen(qtbot, tmp_path):
    """No remembered size: the window starts no larger than the screen's free area (it used to
    open at 1280×720 whatever the screen, beyond the edge of a 1024×768 projector laptop)."""
    store = Store.open(tmp_path / "small")
    store.set_setting("language", "en")
    w = MainWindow(AppSession(store))
    qtbot.addWidget(w)
    area = w.screen().availableGeometry()
    assert w.width() <= max(area.width(), w.minimumWidth())
    assert w.height() <= max(area.height(), w.minimumHeight())
    assert area.width() < 1280  # the offscreen screen is smaller than the old default
    w.close()
    store.close()
