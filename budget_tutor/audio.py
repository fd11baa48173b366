"""Playing and recording narration through the laptop's sound card (miniaudio).

miniaudio is imported when a sound is first played or recorded, never at start-up. ``backends``
chooses miniaudio's backends: tests use ``["null"]`` (a device without hardware that consumes
and produces silence at the real pace), so playback and capture are exercised on machines with no
sound card. A recording can also be fed from any iterable of sample blocks (``source=``): a
generated signal stands in for the microphone in tests.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from budget_tutor.i18n import N_, _
from budget_tutor.narration import MAX_SECONDS, SAMPLE_RATE, Sound

_NO_DEVICE = N_("No speaker or microphone can be used on this computer.")


class AudioUnavailable(RuntimeError):
    """No sound device: the lesson goes on with its text; the message is translated."""

    def message(self) -> str:
        return _(_NO_DEVICE)


def _backends(names: Sequence[str] | None) -> list[Any] | None:
    if not names:
        return None
    import miniaudio

    return [getattr(miniaudio.Backend, n.upper()) for n in names]


class Player:
    """Plays one :class:`Sound` at a time; ``playing`` turns False at its end or on ``stop()``."""

    BLOCK = 1024

    def __init__(self, backends: Sequence[str] | None = None) -> None:
        self._backends = backends
        self._device: Any = None
        self._lock = threading.Lock()
        self._position = 0
        self._samples: Any = None

    @property
    def playing(self) -> bool:
        with self._lock:
            return self._samples is not None and self._position < len(self._samples)

    @property
    def position_seconds(self) -> float:
        return self._position / SAMPLE_RATE

    def _stream(self) -> Any:
        import numpy as np

        required = yield b""
        while True:
            with self._lock:
                samples = self._samples
                if samples is None or self._position >= len(samples):
                    chunk = np.zeros(required, dtype=np.int16)
                else:
                    chunk = samples[self._position : self._position + required]
                    self._position += len(chunk)
                    if len(chunk) < required:
                        chunk = np.concatenate([chunk, np.zeros(required - len(chunk), np.int16)])
            required = yield chunk.tobytes()

    def play(self, sound: Sound) -> None:
        import miniaudio

        self.stop()
        with self._lock:
            self._samples = sound.samples
            self._position = 0
        try:
            if self._device is None:
                self._device = miniaudio.PlaybackDevice(
                    output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                    sample_rate=SAMPLE_RATE, buffersize_msec=100, backends=_backends(self._backends),
                )  # fmt: skip
            stream = self._stream()
            next(stream)
            self._device.start(stream)
        except miniaudio.MiniaudioError:
            with self._lock:
                self._samples = None
            raise AudioUnavailable() from None

    def stop(self) -> None:
        with self._lock:
            self._samples = None
            self._position = 0
        if self._device is not None:
            try:
                self._device.stop()
            except Exception:  # a device that already went away
                self._device = None

    def close(self) -> None:
        self.stop()
        if self._device is not None:
            self._device.close()
            self._device = None


class Recorder:
    """Records mono 16-bit at :data:`SAMPLE_RATE`, at most :data:`MAX_SECONDS`."""

    def __init__(self, backends: Sequence[str] | None = None,
                 source: Iterable[bytes] | None = None) -> None:  # fmt: skip
        self._backends = backends
        self._source = source
        self._device: Any = None
        self._blocks: list[bytes] = []
        self._frames = 0
        self._lock = threading.Lock()
        self.recording = False

    @property
    def seconds(self) -> float:
        return self._frames / SAMPLE_RATE

    def _take(self, block: bytes) -> None:
        limit = int(MAX_SECONDS * SAMPLE_RATE)
        with self._lock:
            room = (limit - self._frames) * 2
            if room <= 0:
                return
            block = block[:room]
            self._blocks.append(block)
            self._frames += len(block) // 2

    def _sink(self) -> Any:
        while True:
            data = yield
            if data:
                self._take(bytes(data))

    def start(self) -> None:
        self._blocks, self._frames = [], 0
        self.recording = True
        if self._source is not None:
            return
        import miniaudio

        try:
            self._device = miniaudio.CaptureDevice(
                input_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=SAMPLE_RATE,
                buffersize_msec=100, backends=_backends(self._backends),
            )  # fmt: skip
            sink = self._sink()
            next(sink)
            self._device.start(sink)
        except miniaudio.MiniaudioError:
            self.recording = False
            raise AudioUnavailable() from None

    def stop(self) -> Sound:
        import numpy as np

        if self._source is not None:
            for block in self._source:  # a fed signal: take it all (up to the limit)
                self._take(block)
                if self._frames >= int(MAX_SECONDS * SAMPLE_RATE):
                    break
        elif self._device is not None:
            self._device.close()
            self._device = None
        self.recording = False
        with self._lock:
            data = b"".join(self._blocks)
        return Sound(np.frombuffer(data, dtype=np.int16).copy())
