"""Narration: files validated by decoding, normalised, stored compactly; playback and capture on
miniaudio's null device; a narration pack round trip between two data folders, all or nothing."""

from __future__ import annotations

import io
import os
import time
import wave
import zipfile
from pathlib import Path

import numpy as np
import pytest

from budget_tutor import i18n
from budget_tutor.audio import Player, Recorder
from budget_tutor.narration import (
    SAMPLE_RATE,
    NarrationError,
    NarrationKey,
    NarrationStore,
    Sound,
    decode,
    normalise,
)

KEY = NarrationKey("tg", "m02-needs-and-wants", "story")


def tone(
    seconds: float, rate: int = 44100, amplitude: float = 0.3, hz: float = 440.0
) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * hz * t) * amplitude * 32767).astype(np.int16)


def wav_bytes(samples: np.ndarray, rate: int = 44100, channels: int = 1) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.repeat(samples, channels).tobytes())
    return buf.getvalue()


def speech_like() -> bytes:
    """Half a second of silence, 2 s of tone, half a second of silence, stereo 44.1 kHz."""
    silence = np.zeros(22050, dtype=np.int16)
    return wav_bytes(np.concatenate([silence, tone(2.0), silence]), channels=2)


def test_a_phone_recording_is_normalised_and_stored_compactly(tmp_path):
    store = NarrationStore(tmp_path / "narration")
    data = speech_like()
    seconds = store.store_bytes(KEY, data, "story.wav")
    stored = store.own_path(KEY)
    assert stored == tmp_path / "narration" / "tg" / "m02-needs-and-wants" / "story.ogg"
    assert stored.read_bytes().startswith(b"OggS")
    assert len(stored.read_bytes()) < len(data) / 20  # 3 s of 44.1 kHz stereo WAV is 529 KB
    # silence trimmed to 0.15 s margins: 2.0 s of tone + 0.3 s, within codec padding
    assert 2.2 < seconds < 2.45
    sound = store.load(KEY)
    assert int(np.max(np.abs(sound.samples))) == pytest.approx(0.9 * 32767, rel=0.06)
    assert oct(stored.stat().st_mode & 0o777) in ("0o644", "0o664", "0o666")


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.wav", lambda: b"", "shorter than half a second, or empty"),
        ("truncated.wav", lambda: speech_like()[:30], "not a sound file"),
        ("photo.mp3", lambda: b"\xff\xd8\xff\xe0" + b"JFIF" * 500, "not a sound file"),
        ("huge.wav", lambda: b"RIFF" + bytes(26 * 2**20), "larger than 25 MB"),
        ("silent.wav", lambda: wav_bytes(np.zeros(44100 * 2, dtype=np.int16)), "silent"),
        ("long.wav", lambda: wav_bytes(tone(181, rate=8000), rate=8000), "longer than 180 seconds"),
    ],
)
def test_bad_files_are_refused_with_a_message(tmp_path, name, make, reason):
    store = NarrationStore(tmp_path / "narration")
    store.store_bytes(KEY, speech_like(), "good.wav")
    before = store.own_path(KEY).read_bytes()
    with pytest.raises(NarrationError) as caught:
        store.store_bytes(KEY, make(), name)
    assert name in caught.value.message() and reason in caught.value.message()
    assert store.own_path(KEY).read_bytes() == before  # the old recording stays


def test_the_message_is_translated(tmp_path):
    i18n.set_language("ru")
    with pytest.raises(NarrationError) as caught:
        decode(b"not audio at all" * 10, "x.wav")
    assert "x.wav" in caught.value.message()
    assert "cannot" not in caught.value.message() and "sound file" not in caught.value.message()


def test_a_missing_or_damaged_recording_raises_a_named_error(tmp_path):
    store = NarrationStore(tmp_path / "narration")
    with pytest.raises(NarrationError) as caught:
        store.load(KEY)
    assert "missing" in caught.value.message()
    store.own_path(KEY).parent.mkdir(parents=True)
    store.own_path(KEY).write_bytes(b"OggS damaged")
    with pytest.raises(NarrationError):
        store.load(KEY)


def test_a_fifo_is_never_opened(tmp_path):
    store = NarrationStore(tmp_path / "narration")
    fifo = tmp_path / "trap.wav"
    os.mkfifo(fifo)
    with pytest.raises(NarrationError):
        store.import_file(KEY, fifo)  # returns at once instead of hanging


def test_pack_folders_are_read_after_the_overlay(tmp_path):
    pack = tmp_path / "pack" / "narration"
    NarrationStore(pack).store_bytes(KEY, speech_like(), "pack.wav")
    store = NarrationStore(tmp_path / "own", [pack])
    assert store.find(KEY) == pack / KEY.relpath
    store.store_bytes(KEY, speech_like(), "mine.wav")
    assert store.find(KEY) == tmp_path / "own" / KEY.relpath


def test_narration_pack_round_trip_between_two_data_folders(tmp_path):
    laptop_a = NarrationStore(tmp_path / "a")
    keys = [KEY, NarrationKey("tg", "m02-needs-and-wants", "quiz", "option-1"),
            NarrationKey("tg", "m03-family-budget", "story"), NarrationKey("ru", "m02-needs-and-wants", "story")]  # fmt: skip
    for key in keys:
        laptop_a.store_bytes(key, speech_like(), "x.wav")
    pack = tmp_path / "stick" / "tajik.btnarration"
    pack.parent.mkdir()
    assert laptop_a.export_pack(pack, "tg") == 3
    laptop_b = NarrationStore(tmp_path / "b")
    result = laptop_b.import_pack(pack)
    assert (result.added, result.replaced, result.kept) == (3, 0, 0)
    assert sorted(laptop_b.own_keys()) == sorted(k for k in keys if k.lang == "tg")
    for key in laptop_b.own_keys():
        assert laptop_b.own_path(key).read_bytes() == laptop_a.own_path(key).read_bytes()
    # importing again changes nothing; a conflict is decided by the caller
    assert laptop_b.import_pack(pack).kept == 3
    laptop_b.store_bytes(KEY, wav_bytes(tone(1.0, hz=880)), "other.wav")
    mine = laptop_b.own_path(KEY).read_bytes()
    entries = laptop_b.read_pack(pack)
    assert laptop_b.conflicts(entries) == [KEY]
    assert laptop_b.import_pack(pack, replace=lambda key: False).kept == 3
    assert laptop_b.own_path(KEY).read_bytes() == mine
    assert laptop_b.import_pack(pack, replace=lambda key: True).replaced == 1
    assert laptop_b.own_path(KEY).read_bytes() == laptop_a.own_path(KEY).read_bytes()


def _tampered(pack: Path, out: Path, change) -> None:
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info)))


@pytest.mark.parametrize(
    "change",
    [
        lambda name, data: data[:-200] if name.endswith("quiz.ogg") else data,  # damaged entry
        lambda name, data: b"{}" if name == "manifest.json" else data,  # foreign manifest
        lambda name, data: (
            data.replace(b"tg/m02", b"../../m0") if name == "manifest.json" else data
        ),
    ],
)
def test_a_damaged_pack_imports_nothing(tmp_path, change):
    laptop_a = NarrationStore(tmp_path / "a")
    for step in ("story", "quiz", "summary"):
        laptop_a.store_bytes(
            NarrationKey("tg", "m02-needs-and-wants", step), speech_like(), "x.wav"
        )
    good = tmp_path / "good.btnarration"
    laptop_a.export_pack(good, "tg")
    bad = tmp_path / "bad.btnarration"
    _tampered(good, bad, change)
    laptop_b = NarrationStore(tmp_path / "b")
    with pytest.raises(NarrationError) as caught:
        laptop_b.import_pack(bad)
    assert "bad.btnarration" in caught.value.message()
    assert laptop_b.own_keys() == []
    assert not list((tmp_path / "b").rglob("*.ogg"))


def test_an_import_that_fails_half_way_puts_everything_back(tmp_path, monkeypatch):
    laptop_a = NarrationStore(tmp_path / "a")
    for step in ("story", "quiz", "summary"):
        laptop_a.store_bytes(
            NarrationKey("tg", "m02-needs-and-wants", step), speech_like(), "x.wav"
        )
    pack = tmp_path / "p.btnarration"
    laptop_a.export_pack(pack, "tg")
    laptop_b = NarrationStore(tmp_path / "b")
    laptop_b.store_bytes(
        NarrationKey("tg", "m02-needs-and-wants", "quiz"), wav_bytes(tone(1, hz=880)), "y.wav"
    )
    before = {k: laptop_b.own_path(k).read_bytes() for k in laptop_b.own_keys()}
    real_replace = os.replace
    calls = {"n": 0}

    def failing(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:  # the disk fails after the first files are in place
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        laptop_b.import_pack(pack, replace=lambda key: True)
    monkeypatch.setattr(os, "replace", real_replace)
    assert {k: laptop_b.own_path(k).read_bytes() for k in laptop_b.own_keys()} == before


def test_playback_starts_and_stops_on_the_null_device():
    player = Player(backends=["null"])
    sound = Sound(tone(0.5, rate=SAMPLE_RATE))
    player.play(sound)
    assert player.playing
    deadline = time.monotonic() + 5
    while player.playing and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not player.playing  # it reached the end at the device's pace
    player.play(Sound(tone(5.0, rate=SAMPLE_RATE)))
    time.sleep(0.2)
    player.stop()
    assert not player.playing
    assert player.position_seconds == 0
    player.close()


def test_recording_from_a_generated_signal_is_stored(tmp_path):
    signal = tone(1.5, rate=SAMPLE_RATE)
    blocks = [signal[i : i + 1024].tobytes() for i in range(0, len(signal), 1024)]
    recorder = Recorder(source=iter(blocks))
    recorder.start()
    sound = recorder.stop()
    assert len(sound.samples) == len(signal)
    store = NarrationStore(tmp_path / "narration")
    seconds = store.store_recording(KEY, sound)
    assert 1.4 < seconds < 1.7
    assert normalise(store.load(KEY)).seconds == pytest.approx(seconds, abs=0.05)


def test_recording_on_the_null_device_gives_silence_that_is_refused(tmp_path):
    recorder = Recorder(backends=["null"])
    recorder.start()
    time.sleep(0.4)
    sound = recorder.stop()
    assert sound.seconds > 0.1
    with pytest.raises(NarrationError):
        NarrationStore(tmp_path).store_recording(KEY, sound)  # a silent microphone is named


def test_audio_libraries_load_only_when_first_used():
    import subprocess
    import sys

    code = ("import sys; import budget_tutor.narration, budget_tutor.audio; "
            "assert 'miniaudio' not in sys.modules and 'soundfile' not in sys.modules, 'loaded'")  # fmt: skip
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
