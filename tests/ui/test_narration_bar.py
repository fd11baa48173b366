"""The narration bar in the real lesson player: listen on the null audio device, record from a
generated signal, import a phone's file, and a missing or damaged file never stops the lesson."""

from __future__ import annotations

import io
import wave

import numpy as np
import pytest

from budget_tutor import i18n, resources
from budget_tutor.lessons.library import builtin_lessons_dir, load_library
from budget_tutor.narration import SAMPLE_RATE, NarrationKey
from budget_tutor.samples import build_sample
from budget_tutor.storage import Store
from budget_tutor.ui import narration_bar
from budget_tutor.ui.lesson_player import LessonPlayer
from budget_tutor.ui.narration_bar import NarrationBar
from budget_tutor.ui.session import AppSession


def tone(seconds: float, rate: int = SAMPLE_RATE) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * 330 * t) * 9000).astype(np.int16)


def wav(samples: np.ndarray, rate: int = 44100) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return buf.getvalue()


@pytest.fixture
def player(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(narration_bar, "AUDIO_BACKENDS", ["null"])
    store = Store.open(tmp_path / "data")
    session = AppSession(store)
    household = store.create_household(build_sample("karimov-kulob"))
    session.open_household(household)
    library = load_library(builtin_lessons_dir(), assets_dir=resources.assets_dir())
    widget = LessonPlayer(session, library)
    qtbot.addWidget(widget)
    bar = getattr(widget, "narration_bar", None) or NarrationBar.attach(widget)
    widget.resize(1024, 700)
    widget.show()
    i18n.set_language("tg")
    widget.open_lesson(library.lesson("m02-needs-and-wants"))
    yield widget, bar, session
    bar.stop()
    store.close()


def test_no_recording_no_button_for_the_family(player):
    _widget, bar, session = player
    assert not bar.listen_button.isVisible()
    session.set_trainer_mode(True)
    assert bar.record_button.isVisible()
    assert bar.status_label.text() == "Ин қадам дар ин забон ҳоло сабт надорад."


def test_trainer_records_from_a_signal_and_the_family_listens(player, qtbot):
    widget, bar, session = player
    session.set_trainer_mode(True)
    signal = tone(1.2)
    bar.start_recording(
        source=iter([signal[i : i + 2048].tobytes() for i in range(0, len(signal), 2048)])
    )
    assert bar.record_button.text() != ""
    assert bar.finish_recording()
    key = NarrationKey("tg", "m02-needs-and-wants", widget.lesson.steps[widget.index].id)
    assert bar.store().own_path(key).read_bytes().startswith(b"OggS")
    session.set_trainer_mode(False)
    bar.set_step(key.lesson_id, key.step_id)
    assert bar.listen_button.isVisible()
    bar.toggle_listen()
    assert bar.playing
    qtbot.waitUntil(lambda: not bar.playing, timeout=5000)  # the null device plays it to the end
    qtbot.waitUntil(lambda: bar.listen_button.text() == "Гӯш кардан", timeout=1000)


def test_a_phone_file_is_imported_and_a_bad_one_is_named(player, tmp_path):
    _widget, bar, session = player
    session.set_trainer_mode(True)
    phone = tmp_path / "voice-note.wav"
    phone.write_bytes(wav(np.concatenate([np.zeros(8000, np.int16), tone(1.0, 44100)])))
    assert bar.import_recording(str(phone))
    renamed = tmp_path / "photo.mp3"
    renamed.write_bytes(b"\xff\xd8\xff" + bytes(3000))
    assert not bar.import_recording(str(renamed))
    assert bar.message_label.isVisible() and "photo.mp3" in bar.message_label.text()
    assert bar.has_recording()  # the good recording is still there


def test_a_damaged_recording_never_stops_the_lesson(player):
    widget, bar, _session = player
    key = NarrationKey("tg", "m02-needs-and-wants", widget.lesson.steps[0].id)
    path = bar.store().own_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"OggS" + bytes(500))  # looks like a recording, is not one
    widget.show_step(0)
    assert bar.listen_button.isVisible()
    bar.play()
    assert bar.message_label.isVisible() and key.relpath.name in bar.message_label.text()
    assert not bar.playing
    index = widget.index
    widget.go_next()
    assert widget.index == index + 1  # the lesson goes on


def test_recording_controls_are_never_projected(player):
    _widget, bar, session = player
    session.set_trainer_mode(True)
    assert bar.record_button.isVisible()
    session.set_presentation(True)
    assert not bar.record_button.isVisible() and not bar.isVisible()
    session.set_presentation(False)
    assert bar.record_button.isVisible()


def test_autoplay_is_remembered(player):
    _widget, bar, session = player
    session.set_trainer_mode(True)
    bar.autoplay_box.setChecked(True)
    assert session.store.get_setting(narration_bar.AUTOPLAY_SETTING) == "1"


def test_narration_dialog_shows_coverage_and_carries_a_pack_between_laptops(
    qtbot, tmp_path, player
):
    from budget_tutor.ui.narration_dialog import NarrationDialog

    widget, bar, session = player
    session.set_trainer_mode(True)
    signal = tone(1.0)
    for index in (0, 1):
        widget.show_step(index)
        bar.start_recording(source=iter([signal.tobytes()]))
        assert bar.finish_recording()
    dialog = NarrationDialog(session, widget.library)
    qtbot.addWidget(dialog)
    titles = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    row = titles.index(widget.library.text(widget.lesson.title, widget.lesson))
    steps = len(widget.lesson.steps)
    assert dialog.table.item(row, 1).text() == f"2 аз {steps}"
    assert dialog.table.item(row, 2).text() == f"0 аз {steps}"
    pack = tmp_path / "stick.btnarration"
    assert dialog.export_pack("tg", str(pack)) == 2
    # the other laptop
    other = Store.open(tmp_path / "other")
    try:
        other_session = AppSession(other)
        other_dialog = NarrationDialog(other_session, widget.library)
        qtbot.addWidget(other_dialog)
        assert other_dialog.import_pack(str(pack), replace=False)
        assert other_dialog.table.item(row, 1).text() == f"2 аз {steps}"
        (tmp_path / "broken.btnarration").write_bytes(b"PK\x03\x04 broken")
        assert not other_dialog.import_pack(str(tmp_path / "broken.btnarration"))
        assert "broken.btnarration" in other_dialog.result_label.text()
    finally:
        other.close()
