"""The narration bar of the lesson player: a big "Listen" button on every step that has a
recording in the current language (Ctrl+L), auto-play for households who cannot read, and in
trainer mode the recording controls (record, stop, listen back, record again, import a phone's
file, delete).

A missing or damaged recording, or a laptop without a sound card, never stops the lesson: the
bar says so in one translated line and the step's text stays. Audio (miniaudio) is loaded only
when a sound is first played or recorded. The core is :mod:`budget_tutor.narration` and
:mod:`budget_tutor.audio`; ``docs/narration.md`` describes the whole feature.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.i18n import _
from budget_tutor.narration import NarrationError, NarrationKey, NarrationStore
from budget_tutor.ui.icons import icon

if TYPE_CHECKING:
    from budget_tutor.ui.lesson_player import LessonPlayer
    from budget_tutor.ui.session import AppSession

AUTOPLAY_SETTING = "narration_autoplay"
#: Backends for miniaudio (None: the platform's own); tests set ["null"].
AUDIO_BACKENDS: list[str] | None = None


def narration_store(session: AppSession) -> NarrationStore:
    """The overlay in the data folder, over the narration folders of the lesson packs."""
    from budget_tutor.ui.lessons_page import pack_folders

    packs = [folder / "narration" for folder in pack_folders(session)]
    return NarrationStore(Path(session.store.data_dir) / "narration", packs)


class NarrationBar(QWidget):
    """Listen / record for the step the player shows; ``attach(player)`` puts it in place."""

    recorded = Signal(object)  # the NarrationKey whose recording changed

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.key: NarrationKey | None = None
        self._player: Any = None
        self._recorder: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.listen_button = QPushButton(self)
        self.listen_button.setIcon(icon("action-listen"))
        self.listen_button.setMinimumHeight(56)
        self.listen_button.setMinimumWidth(150)
        font = self.listen_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.listen_button.setFont(font)
        self.listen_button.clicked.connect(self.toggle_listen)
        self.autoplay_box = QCheckBox(self)
        self.autoplay_box.setChecked(self._setting(AUTOPLAY_SETTING) == "1")
        self.autoplay_box.toggled.connect(self._autoplay_toggled)
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        row.addWidget(self.listen_button)
        row.addWidget(self.autoplay_box)
        row.addWidget(self.message_label, 1)
        layout.addLayout(row)

        self.trainer_row = QWidget(self)
        trainer = QHBoxLayout(self.trainer_row)
        trainer.setContentsMargins(0, 0, 0, 0)
        self.record_button = QPushButton(self.trainer_row)
        self.record_button.setIcon(icon("action-record"))
        self.record_button.clicked.connect(self.toggle_record)
        self.import_button = QPushButton(self.trainer_row)
        self.import_button.clicked.connect(self.import_recording)
        self.remove_button = QPushButton(self.trainer_row)
        self.remove_button.clicked.connect(self.remove_recording)
        self.status_label = QLabel(self.trainer_row)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        for widget in (self.record_button, self.import_button, self.remove_button):
            trainer.addWidget(widget)
        trainer.addWidget(self.status_label, 1)
        layout.addWidget(self.trainer_row)

        self._poll = QTimer(self)
        self._poll.setInterval(200)
        self._poll.timeout.connect(self._update_buttons)
        session.trainer_mode_changed.connect(lambda _on: self._update_visibility())
        session.presentation_changed.connect(lambda _on: self._update_visibility())
        self.retranslate_ui()
        self._update_visibility()

    # -- placing it in the player ----------------------------------------------------------

    @classmethod
    def attach(cls, player: LessonPlayer) -> NarrationBar:
        """Add a bar under the player's title row, following its steps."""
        bar = cls(player.session, player)
        layout = player.layout()
        layout.insertWidget(2, bar)  # under the title row and the progress bar
        player.step_shown.connect(lambda _index: bar.follow(player))
        shortcut = QShortcut(QKeySequence("Ctrl+L"), player)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(bar.toggle_listen)
        bar.shortcut = shortcut
        player.narration_bar = bar
        return bar

    def follow(self, player: LessonPlayer) -> None:
        lesson = player.lesson
        if lesson is None:
            return
        self.set_step(lesson.id, lesson.steps[player.index].id)

    # -- the step ----------------------------------------------------------------------------

    def store(self) -> NarrationStore:
        return narration_store(self.session)

    def set_step(self, lesson_id: str, step_id: str) -> None:
        self.stop()
        try:
            self.key = NarrationKey(i18n.current_language(), lesson_id, step_id)
        except ValueError:  # a pack's id that narration cannot name: no narration for it
            self.key = None
        self.message_label.setVisible(False)
        self._update_visibility()
        if self.key is not None and self.autoplay_box.isChecked() and self.has_recording():
            QTimer.singleShot(300, self.play)

    def has_recording(self) -> bool:
        return self.key is not None and self.store().has(self.key)

    # -- listening ---------------------------------------------------------------------------

    def _audio_player(self) -> Any:
        if self._player is None:
            from budget_tutor.audio import Player

            self._player = Player(AUDIO_BACKENDS)
        return self._player

    @property
    def playing(self) -> bool:
        return self._player is not None and self._player.playing

    def toggle_listen(self) -> None:
        if self.playing:
            self.stop()
        else:
            self.play()

    def play(self) -> None:
        if self.key is None:
            return
        from budget_tutor.audio import AudioUnavailable

        try:
            sound = self.store().load(self.key)
            self._audio_player().play(sound)
        except NarrationError as exc:
            self._say(exc.message())
            return
        except AudioUnavailable as exc:
            self._say(exc.message())
            return
        self._poll.start()
        self._update_buttons()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
        self._poll.stop()
        self._update_buttons()

    # -- recording (trainer mode) ------------------------------------------------------------

    def toggle_record(self) -> None:
        if self._recorder is not None and self._recorder.recording:
            self.finish_recording()
        else:
            self.start_recording()

    def start_recording(self, source: Any = None) -> None:
        """Start the microphone (``source``: blocks of samples standing in for it, in tests)."""
        from budget_tutor.audio import AudioUnavailable, Recorder

        if self.key is None:
            return
        self.stop()
        self._recorder = Recorder(AUDIO_BACKENDS, source=source)
        try:
            self._recorder.start()
        except AudioUnavailable as exc:
            self._recorder = None
            self._say(exc.message())
            return
        self._poll.start()
        self._update_buttons()

    def finish_recording(self) -> bool:
        recorder, self._recorder = self._recorder, None
        if recorder is None or self.key is None:
            return False
        sound = recorder.stop()
        return self._stored(lambda store, key: store.store_recording(key, sound))

    def import_recording(self, path: str | None = None) -> bool:
        if self.key is None:
            return False
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Import a recording"), str(Path.home()),
                _("Sound files (*.wav *.mp3 *.ogg *.oga *.flac *.m4a);;All files (*)"),
            )  # fmt: skip
            if not path:
                return False
        return self._stored(lambda store, key: store.import_file(key, Path(path)))

    def _stored(self, action: Any) -> bool:
        from budget_tutor.safe_write import ExportError

        key = self.key
        assert key is not None
        try:
            seconds = action(self.store(), key)
        except NarrationError as exc:
            self._say(exc.message())
            self._update_visibility()
            return False
        except ExportError as exc:
            self._say(exc.message())
            self._update_visibility()
            return False
        self.message_label.setVisible(False)
        self._update_visibility(seconds)
        self.recorded.emit(key)
        return True

    def remove_recording(self) -> None:
        if self.key is not None:
            self.stop()
            self.store().remove(self.key)
            self._update_visibility()
            self.recorded.emit(self.key)

    # -- state on screen ---------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(True)

    def _setting(self, key: str) -> str | None:
        try:
            return self.session.store.get_setting(key)
        except Exception:  # a damaged setting: auto-play off
            return None

    def _autoplay_toggled(self, on: bool) -> None:
        if not self.session.read_only:
            try:
                self.session.store.set_setting(AUTOPLAY_SETTING, "1" if on else "0")
            except Exception as exc:  # not remembered; it still works now
                self.session.show_error(str(exc))

    def _update_visibility(self, seconds: float | None = None) -> None:
        # Recording is the trainer's work before a workshop: never projected to the room.
        trainer = bool(self.session.trainer_mode) and not getattr(
            self.session, "presentation", False
        )
        has = self.has_recording()
        self.listen_button.setVisible(has)
        self.autoplay_box.setVisible(has or trainer)
        self.trainer_row.setVisible(trainer and self.key is not None)
        self.remove_button.setEnabled(
            self.key is not None and self.store().own_path(self.key).is_file()
        )
        self.setVisible(has or trainer or self.message_label.isVisible())
        if seconds is not None:
            self.status_label.setText(
                _("Recorded: {seconds} seconds").format(seconds=round(seconds))
            )
        elif trainer:
            self.status_label.setText(
                _("This step has a recording in this language.") if has
                else _("This step has no recording in this language yet.")
            )  # fmt: skip
        self._update_buttons()

    def _update_buttons(self) -> None:
        playing = self.playing
        recording = self._recorder is not None and self._recorder.recording
        self.listen_button.setText(_("Stop") if playing else _("Listen"))
        self.record_button.setText(_("Stop recording") if recording else _("Record"))
        self.import_button.setEnabled(not recording)
        self.listen_button.setEnabled(not recording)
        if not playing and not recording:
            self._poll.stop()

    def retranslate_ui(self) -> None:
        self.autoplay_box.setText(_("Read each step aloud"))
        self.import_button.setText(_("Import a recording…"))
        self.remove_button.setText(_("Delete the recording"))
        self.listen_button.setToolTip(_("Listen to this step (Ctrl+L)"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.key is not None:
                self.set_step(self.key.lesson_id, self.key.step_id)
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        if self._player is not None:
            self._player.close()
        super().closeEvent(event)
