"""The Lessons page: the lesson browser (each module's progress, locked or open) and the player.

Lessons come from the built-in course and from lesson packs the trainer added (folders, kept in
the store's settings). A pack with problems is listed with them; its good lessons still work.
Trainer mode opens every lesson, shows the trainer notes and offers "Reset progress".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.lessons.library import Library, builtin_lessons_dir, load_library
from budget_tutor.lessons.model import Lesson
from budget_tutor.lessons.progress import LessonProgress
from budget_tutor.ui.lesson_player import STORAGE_ERRORS, LessonPlayer
from budget_tutor.ui.session import AppSession

PACKS_SETTING = "lesson_packs"


def pack_folders(session: AppSession) -> list[Path]:
    """The lesson-pack folders the trainer added (a setting; bad values are ignored)."""
    try:
        raw = session.store.get_setting(PACKS_SETTING, "[]")
        value = json.loads(raw or "[]")
    except (*STORAGE_ERRORS, ValueError):  # a damaged setting: no packs, never a crash
        return []
    if not isinstance(value, list):
        return []
    return [Path(v) for v in value if isinstance(v, str)]


def _stamp(folders: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """Names, times and sizes of the lesson files: the cache key of a loaded library."""
    found = []
    for folder in folders:
        try:
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".yaml", ".po", ".svg") and path.is_file():
                    st = path.stat()
                    found.append((str(path), st.st_mtime_ns, st.st_size))
        except OSError:
            found.append((str(folder), -1, -1))
    return tuple(found)


_library_cache: dict[object, Library] = {}


def load_session_library(session: AppSession) -> Library:
    """The built-in lessons and the trainer's packs, loaded once while no file changes (the
    Lessons and Progress pages share it)."""
    folders = pack_folders(session)
    key = (tuple(str(f) for f in folders), _stamp([builtin_lessons_dir(), *folders]))
    library = _library_cache.get(key)
    if library is None:
        library = load_library(builtin_lessons_dir(), folders)
        _library_cache.clear()
        _library_cache[key] = library
    return library


def read_progress(session: AppSession, library: Library) -> LessonProgress:
    records = {}
    if session.household_id is not None:
        try:
            records = session.store.progress(session.household_id)
        except STORAGE_ERRORS as exc:  # shown, the page still shows the lessons
            session.show_error(str(exc))
    return LessonProgress(library.lessons, records, library.course)


class LessonCard(QFrame):
    """One lesson in the browser: module, title, summary, minutes, progress, open button."""

    open_requested = Signal(str)

    def __init__(self, lesson: Lesson, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson = lesson
        self.library = library
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Text (wrapped) and progress on the left, the buttons in a column on the right: nothing
        # is pushed past the right edge of a 1024-pixel projector in presentation mode.
        layout = QHBoxLayout(self)
        text = QVBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.info_label = QLabel(self)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.info_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFixedWidth(240)
        text.addWidget(self.title_label)
        text.addWidget(self.summary_label)
        text.addWidget(self.info_label)
        text.addWidget(self.progress_bar, 0, Qt.AlignmentFlag.AlignLeft)  # the text keeps its width
        layout.addLayout(text, 1)
        buttons = QVBoxLayout()
        self.open_button = QPushButton(self)
        self.open_button.setMinimumHeight(40)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.lesson.id))
        buttons.addWidget(self.open_button)
        self.reset_button = QPushButton(self)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        for button in (self.open_button, self.reset_button):  # as wide as their words
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addLayout(buttons)
        self.percent = 0
        self.unlocked = True

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click anywhere on the card opens the lesson (when it is open)."""
        if event.button() == Qt.MouseButton.LeftButton and self.unlocked:
            self.open_requested.emit(self.lesson.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def update_state(self, percent: int, unlocked: bool, trainer_mode: bool) -> None:
        self.percent = percent
        self.unlocked = unlocked
        self.progress_bar.setValue(percent)
        self.open_button.setEnabled(unlocked)
        self.reset_button.setVisible(trainer_mode)
        self.reset_button.setEnabled(percent > 0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        t = self.library.text
        lesson = self.lesson
        self.title_label.setText(
            _("Module {number}: {title}").format(
                number=lesson.module, title=t(lesson.title, lesson)
            )
        )
        self.summary_label.setText(t(lesson.summary, lesson))
        minutes = i18n.ngettext("{count} minute", "{count} minutes", lesson.minutes).format(
            count=lesson.minutes
        )
        state = _("{percent} % done").format(percent=self.percent)
        if not self.unlocked:
            state = _("Locked: finish the lesson before first")
        self.info_label.setText(f"{minutes} · {state}")
        self.progress_bar.setAccessibleName(state)
        if not self.unlocked:
            self.open_button.setText(_("Locked"))
        elif self.percent == 0:
            self.open_button.setText(_("Start"))
        elif self.percent >= 100:
            self.open_button.setText(_("Open again"))
        else:
            self.open_button.setText(_("Continue"))
        self.reset_button.setText(_("Reset progress"))


class LessonsPage(QWidget):
    """Lesson browser and player. ``open_planner(section, suggestion)`` asks the main window to
    show "My plan" at ``section`` with a suggested line."""

    open_planner = Signal(str, dict)

    def __init__(
        self, session: AppSession, parent: QWidget | None = None, *, library: Library | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library if library is not None else load_session_library(session)
        self._fixed_library = library is not None
        self.cards: list[LessonCard] = []

        self.stack = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.stack)

        self.browser = QWidget(self)
        browser_layout = QVBoxLayout(self.browser)
        header = QHBoxLayout()
        self.heading = QLabel(self.browser)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.course_progress = QProgressBar(self.browser)
        self.course_progress.setRange(0, 100)
        self.course_progress.setMaximumWidth(240)
        header.addWidget(self.heading, 1)
        header.addWidget(self.course_progress)
        browser_layout.addLayout(header)
        # The trainer's buttons get a row of their own under the heading (beside it they were
        # cut at 1024 pixels in presentation mode).
        trainer_row = QHBoxLayout()
        self.add_pack_button = QPushButton(self.browser)
        self.add_pack_button.clicked.connect(self.choose_pack)
        self.reset_all_button = QPushButton(self.browser)
        self.reset_all_button.clicked.connect(lambda: self.reset_progress(None))
        trainer_row.addWidget(self.add_pack_button)
        trainer_row.addWidget(self.reset_all_button)
        trainer_row.addStretch(1)
        browser_layout.addLayout(trainer_row)
        self.scroll = QScrollArea(self.browser)
        self.scroll.setWidgetResizable(True)
        browser_layout.addWidget(self.scroll, 1)
        self.packs_label = QLabel(self.browser)
        self.packs_label.setTextFormat(Qt.TextFormat.PlainText)
        self.packs_label.setWordWrap(True)
        self.packs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The packs' problems are listed above the cards, inside the scrolled list: a long list
        # scrolls with the lessons instead of squeezing them.
        self.stack.addWidget(self.browser)

        self.player = LessonPlayer(session, self.library, self)
        self.player.open_planner.connect(self.open_planner.emit)
        self.player.closed.connect(self.show_browser)
        self.player.lesson_finished.connect(lambda _id: self.show_browser())
        self.stack.addWidget(self.player)

        session.household_changed.connect(lambda _id: self._household_changed())
        session.trainer_mode_changed.connect(lambda _on: self.refresh())
        self._build_cards()
        self.retranslate_ui()

    # -- lessons --------------------------------------------------------------------------------

    def _build_cards(self) -> None:
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.addWidget(self.packs_label)  # moved from the old list before that is deleted
        self.cards = []
        for lesson in self.library.lessons:
            card = LessonCard(lesson, self.library, container)
            card.open_requested.connect(self.open_lesson)
            card.reset_button.clicked.connect(
                lambda _c=False, lid=lesson.id: self.reset_progress(lid)
            )
            layout.addWidget(card)
            self.cards.append(card)
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(container)

    def card(self, lesson_id: str) -> LessonCard | None:
        return next((c for c in self.cards if c.lesson.id == lesson_id), None)

    def progress(self) -> LessonProgress:
        return read_progress(self.session, self.library)

    def refresh(self) -> None:
        """Read the household's progress again (only while shown: ``showEvent`` refreshes)."""
        if not self.isVisible():
            return
        progress = self.progress()
        trainer = self.session.trainer_mode
        for card in self.cards:
            card.update_state(
                progress.lesson_percent(card.lesson.id),
                progress.is_unlocked(card.lesson.id, trainer),
                trainer,
            )
        self.course_progress.setValue(progress.course_percent())
        self.reset_all_button.setVisible(trainer and self.session.household_id is not None)
        self.add_pack_button.setVisible(trainer)
        self._show_packs()

    def open_lesson(self, lesson_id: str) -> None:
        lesson = self.library.lesson(lesson_id)
        if lesson is None:
            return
        progress = self.progress()
        if not progress.is_unlocked(lesson_id, self.session.trainer_mode):
            return
        self.player.open_lesson(lesson, progress.resume_step(lesson_id))
        self.stack.setCurrentWidget(self.player)

    def show_browser(self) -> None:
        self.refresh()
        self.stack.setCurrentWidget(self.browser)

    def _household_changed(self) -> None:
        self.show_browser()

    # -- trainer tools --------------------------------------------------------------------------

    def confirm_reset(self, lesson_id: str | None) -> bool:
        """Ask before resetting (a modal question; tests replace this method)."""
        name = self.session.current_household_name()
        if lesson_id is None:
            text = _('Reset all lesson progress of "{name}"? Answers and test scores are deleted.')
        else:
            text = _('Reset the progress of "{name}" in this lesson?')
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Reset progress"),
            text.format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        from budget_tutor.ui.messages import translate_message_box

        translate_message_box(box)
        return box.exec() == QMessageBox.StandardButton.Yes

    def reset_progress(self, lesson_id: str | None) -> bool:
        """Trainer mode only: clear one lesson's progress (or all) for the open household."""
        hid = self.session.household_id
        if not self.session.trainer_mode or hid is None:
            return False
        if not self.confirm_reset(lesson_id):
            return False
        try:
            self.session.store.reset_progress(hid, lesson_id)
        except STORAGE_ERRORS as exc:  # a calm message
            self.session.show_error(str(exc))
            return False
        self.refresh()
        return True

    def choose_pack(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Choose a lesson pack folder"))
        if folder:
            self.add_pack(Path(folder))

    def add_pack(self, folder: Path) -> None:
        """Remember a pack folder and reload the lessons; its problems are listed on the page."""
        folders = pack_folders(self.session)
        if folder not in folders:
            folders.append(folder)
        try:
            self.session.store.set_setting(PACKS_SETTING, json.dumps([str(f) for f in folders]))
        except STORAGE_ERRORS as exc:
            self.session.show_error(str(exc))
        self.reload_library(folders)

    def reload_library(self, folders: Sequence[Path] | None = None) -> None:
        if folders is None:
            self.library = load_session_library(self.session)
        else:
            self.library = load_library(builtin_lessons_dir(), folders)
        self.player.library = self.library
        self._build_cards()
        self.refresh()

    def _show_packs(self) -> None:
        lines = []
        for pack in self.library.packs:
            if pack.errors:
                count = len(pack.errors)
                lines.append(
                    i18n.ngettext(
                        'Lesson pack "{title}": {count} problem; its good lessons are shown.',
                        'Lesson pack "{title}": {count} problems; its good lessons are shown.',
                        count,
                    ).format(title=pack.title, count=count)
                )
                lines.extend(f"  {p.describe()}" for p in pack.errors[:20])
        if self.session.trainer_mode:
            lines.extend(f"{p.describe()}" for p in self.library.problems if p.severity == "error")
        self.packs_label.setText("\n".join(lines))
        self.packs_label.setVisible(bool(lines))

    # -- display --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        course = self.library.course
        self.heading.setText(
            self.library.text(course.title) if course is not None else _("Lessons")
        )
        self.add_pack_button.setText(_("Add a lesson pack…"))
        self.reset_all_button.setText(_("Reset all progress"))
        self.course_progress.setFormat("%p %")
        self.course_progress.setToolTip(_("The whole course: share of steps done"))
        self.course_progress.setAccessibleName(self.course_progress.toolTip())
        self.refresh()
