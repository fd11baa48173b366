"""The presenter view: what the trainer sees on the laptop while the lesson is projected.

The current step's trainer notes, the time spent on the step against its share of the lesson's
minutes (a lesson of 45 minutes in 9 steps gives each step 5:00; the time turns red past it) and
the next step. With two screens it fills the laptop screen; with one it is a small window in a
corner that N shows and hides, so the notes are never projected to the room by surprise.

It follows the lesson player of its main window (found when needed: the Lessons page is made
when first shown) through ``LessonPlayer.step_shown`` and a one-second timer.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from budget_tutor.i18n import _
from budget_tutor.lessons.sanitize import escape
from budget_tutor.ui.lesson_player import LessonPlayer, PresenterInfo

OVER_TIME_COLOUR = "#c62828"
COMPACT_SIZE = (600, 460)


def clock_text(seconds: int) -> str:
    """``m:ss`` (minutes may pass 59: a workshop step is never hours long)."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class PresenterView(QWidget):
    """The trainer's window (never inside the projected main window)."""

    def __init__(self, main_window: QWidget) -> None:
        # A window of its own, owned by the main window (closed and deleted with it).
        super().__init__(main_window, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.main_window = main_window
        self.player: LessonPlayer | None = None
        self.compact = False
        layout = QVBoxLayout(self)
        self.lesson_label = QLabel(self)
        self.lesson_label.setWordWrap(True)
        self.lesson_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label = QLabel(self)
        self.step_label.setWordWrap(True)
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.step_label.font()
        font.setBold(True)
        self.step_label.setFont(font)
        self.timer_label = QLabel(self)
        self.timer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.timer_label.setWordWrap(True)
        big = self.timer_label.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.timer_label.setFont(big)
        self.notes_title = QLabel(self)
        self.notes_label = QLabel(self)
        self.notes_label.setTextFormat(Qt.TextFormat.RichText)
        self.notes_label.setOpenExternalLinks(False)
        self.notes_label.setWordWrap(True)
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        notes_area = QScrollArea(self)
        notes_area.setWidgetResizable(True)
        notes_area.setFrameShape(QFrame.Shape.NoFrame)
        notes_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        notes_area.setWidget(self.notes_label)
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.lesson_label, self.step_label, self.timer_label, self.notes_title):
            layout.addWidget(widget)
        layout.addWidget(notes_area, 1)
        layout.addWidget(self.next_label)
        layout.addWidget(self.hint_label)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.refresh)
        # The trainer's keys work here too (on the laptop, the projected window has no focus).
        for keys, slot in (
            ("Esc", self._leave_presentation),
            ("F11", self._leave_presentation),
            ("N", self.hide),
            ("PgDown", lambda: self._step(True)),
            ("PgUp", lambda: self._step(False)),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self.retranslate_ui()

    # -- showing --------------------------------------------------------------------------------

    def show_on(self, screen: QScreen, *, compact: bool) -> None:
        """Fill ``screen`` (the laptop's), or a small corner of it (one screen: N)."""
        self.compact = compact
        area = screen.availableGeometry()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        if compact:
            width, height = (
                min(COMPACT_SIZE[0], area.width()),
                min(COMPACT_SIZE[1], area.height()),
            )
            self.setGeometry(
                QRect(area.right() - width - 16, area.bottom() - height - 16, width, height)
            )
            self.showNormal()
        else:
            self.setGeometry(area)
            self.showMaximized()
        self.refresh()
        self.ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()
        super().hideEvent(event)

    def _leave_presentation(self) -> None:
        session = getattr(self.main_window, "session", None)
        if session is not None:
            session.set_presentation(False)

    def _step(self, forward: bool) -> None:
        player = self._find_player()
        if player is not None and player.isVisible():
            player.go_next() if forward else player.go_back()

    def _find_player(self) -> LessonPlayer | None:
        if self.player is not None and not shiboken6.isValid(self.player):
            self.player = None
        if self.player is None:
            self.player = self.main_window.findChild(LessonPlayer)
            if self.player is not None:
                self.player.step_shown.connect(lambda _i: self.refresh())
        return self.player

    def info(self) -> PresenterInfo | None:
        player = self._find_player()
        if player is None or not player.isVisible():
            return None
        return player.presenter_info()

    def elapsed_seconds(self) -> int:
        player = self._find_player()
        info = self.info()
        if player is None or info is None:
            return 0
        return int(player.clock() - info.started_at)

    def refresh(self) -> None:
        info = self.info()
        if info is None:
            self.lesson_label.setText(_("No lesson is open on the projector."))
            self.step_label.setText("")
            self.timer_label.setText("")
            self.notes_label.setText("")
            self.next_label.setText("")
            self.notes_title.setVisible(False)
            return
        self.notes_title.setVisible(True)
        self.lesson_label.setText(info.lesson_title)
        self.step_label.setText(
            _("Step {number} of {total}: {title}").format(
                number=info.number, total=info.total, title=info.step_title
            )
        )
        elapsed = self.elapsed_seconds()
        self.timer_label.setText(
            # Translators: the time on this step against its share of the lesson, e.g. "3:20 of 5:00".
            _("Time on this step: {elapsed} of {planned}").format(
                elapsed=clock_text(elapsed), planned=clock_text(info.budget_seconds)
            )
        )
        over = elapsed > info.budget_seconds
        self.timer_label.setStyleSheet(f"color: {OVER_TIME_COLOUR};" if over else "")
        self.timer_label.setAccessibleDescription(_("Over time") if over else "")
        no_notes = escape(_("No trainer notes for this step."))
        self.notes_label.setText(info.notes_html or f"<p><i>{no_notes}</i></p>")
        self.next_label.setText(
            _("Next: {title}").format(title=info.next_title)
            if info.next_title is not None
            else _("Next: the end of the lesson.")
        )

    # -- text -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Presenter view — Budget Tutor"))
        self.notes_title.setText(_("Trainer notes"))
        self.hint_label.setText(
            _("Only you see this window. N shows or hides it; F11 leaves presentation mode.")
        )
        self.refresh()
