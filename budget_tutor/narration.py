"""Narration recorded by local trainers: validating, normalising, storing and sharing it.

No text-to-speech voice exists for Tajik, and a synthetic Russian voice reading Tajik is worse than
none, so every narration is a person's recording (``docs/narration.md``). This module is the core:

* a recording is **validated by decoding it** (WAV, MP3, OGG/Vorbis, FLAC; the name means nothing):
  at most :data:`MAX_IMPORT_BYTES` and :data:`MAX_SECONDS`, at least :data:`MIN_SECONDS` of sound,
  not silent;
* it is **normalised** (mono, :data:`SAMPLE_RATE` Hz, silence trimmed at both ends, peak at 90 % of
  full scale) and **stored in one compact format**: OGG/Vorbis, about 3 KB a second;
* recordings live in a **narration overlay** in the user's data folder,
  ``narration/<lang>/<lesson>/<step>[.<part>].ogg``; lesson packs may bring their own
  ``narration/`` folder, read after the overlay;
* a **narration pack** (``.btnarration``, a zip with a manifest) carries a language's (or a
  module's) recordings to another laptop; it is checked completely before anything is written, and
  an import either puts every file in place or none (conflicts are decided by the caller).

Audio libraries (miniaudio, soundfile) are imported when first needed, never at start-up.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from budget_tutor.i18n import N_, _, safe_format

SAMPLE_RATE = 22050
SUFFIX = ".ogg"
MAX_IMPORT_BYTES = 25 * 2**20  # a phone's 3-minute WAV is about 16 MiB at 44.1 kHz mono
MAX_SECONDS = 180.0
MIN_SECONDS = 0.3
TARGET_PEAK = 0.9
SILENCE = 0.02  # of the loudest sample: quieter ends are trimmed
MARGIN_SECONDS = 0.15
PACK_FORMAT = "budget-tutor-narration/1"
PACK_SUFFIX = ".btnarration"
MAX_PACK_BYTES = 500 * 2**20
MAX_PACK_FILES = 5000
LANGUAGES = ("tg", "ru", "en")

_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}\Z")
_PART = re.compile(r"(?:(?:option|feedback)-[0-9]{1,2})?\Z")

_MSG_PROBLEM = N_("The recording “{file}” cannot be used: {reason}")
_NOT_SOUND = N_("it is not a sound file that can be played (WAV, MP3, OGG or FLAC)")
_TOO_BIG = N_("the file is larger than {size} MB")
_TOO_LONG = N_("it is longer than {seconds} seconds")
_TOO_SHORT = N_("it is shorter than half a second, or empty")
_SILENT = N_("it is silent")
_MISSING = N_("the file is missing")
_PACK_PROBLEM = N_("The narration pack “{file}” cannot be used: {reason}")
_PACK_FOREIGN = N_("it is not a Budget Tutor narration pack")
_PACK_ENTRY = N_("its entry “{entry}” is not valid: {detail}")


class NarrationError(ValueError):
    """A recording or pack that cannot be used; :meth:`message` says why, in the user's language."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template.format(**values))
        self.template = template
        self.values = values

    def message(self) -> str:
        """``template`` with its ``reason`` (and a reason's ``detail``) translated and filled."""
        values = dict(self.values)
        detail = values.get("detail")
        if isinstance(detail, str):
            values["detail"] = safe_format(_(detail), detail, **self.values)
        reason = values.get("reason")
        if isinstance(reason, str):
            values["reason"] = safe_format(_(reason), reason, **values)
        return safe_format(_(self.template), self.template, **values)


def _problem(file: str, reason: str, **extra: object) -> NarrationError:
    return NarrationError(_MSG_PROBLEM, file=file, reason=reason, **extra)


@dataclass(frozen=True, order=True)
class NarrationKey:
    """Which text a recording reads: a step of a lesson in a language, or a part of the step
    (``option-1`` … a quiz option, ``feedback-1`` … its feedback)."""

    lang: str
    lesson_id: str
    step_id: str
    part: str = ""

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown language {self.lang!r}")
        for name, value in (("lesson", self.lesson_id), ("step", self.step_id)):
            if not _ID.match(value):
                raise ValueError(f"bad {name} id {value!r}")
        if not _PART.match(self.part):
            raise ValueError(f"bad part {self.part!r}")

    @property
    def relpath(self) -> Path:
        name = self.step_id + (f".{self.part}" if self.part else "") + SUFFIX
        return Path(self.lang) / self.lesson_id / name

    @classmethod
    def from_relpath(cls, rel: str) -> NarrationKey:
        parts = rel.split("/")
        if len(parts) != 3 or not parts[2].endswith(SUFFIX):
            raise ValueError(rel)
        stem = parts[2][: -len(SUFFIX)]
        step, _dot, part = stem.partition(".")
        return cls(parts[0], parts[1], step, part)


# --------------------------------------------------------------------------------------------
# decoding, normalising, encoding
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sound:
    """Mono 16-bit samples at :data:`SAMPLE_RATE` (a numpy ``int16`` array)."""

    samples: Any

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def decode(data: bytes, source: str) -> Sound:
    """Decode any supported file to mono 16-bit at :data:`SAMPLE_RATE`; raises NarrationError."""
    import miniaudio
    import numpy as np

    if not data:
        raise _problem(source, _TOO_SHORT)
    if len(data) > MAX_IMPORT_BYTES:
        raise _problem(source, _TOO_BIG, size=MAX_IMPORT_BYTES // 2**20)
    try:
        decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.SIGNED16,
                                   nchannels=1, sample_rate=SAMPLE_RATE)  # fmt: skip
    except (miniaudio.MiniaudioError, ValueError, TypeError, OSError, MemoryError):
        raise _problem(source, _NOT_SOUND) from None
    samples = np.frombuffer(decoded.samples, dtype=np.int16).copy()
    sound = Sound(samples)
    if sound.seconds > MAX_SECONDS:
        raise _problem(source, _TOO_LONG, seconds=int(MAX_SECONDS))
    if sound.seconds < MIN_SECONDS:
        raise _problem(source, _TOO_SHORT)
    return sound


def normalise(sound: Sound, source: str = "") -> Sound:
    """Trim quiet ends (keeping :data:`MARGIN_SECONDS`), bring the peak to :data:`TARGET_PEAK`."""
    import numpy as np

    samples = sound.samples.astype(np.float32)
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    if peak < 32768 * 0.005:
        raise _problem(source, _SILENT)
    loud = np.flatnonzero(np.abs(samples) >= peak * SILENCE)
    margin = int(MARGIN_SECONDS * SAMPLE_RATE)
    start = max(int(loud[0]) - margin, 0)
    end = min(int(loud[-1]) + margin + 1, len(samples))
    trimmed = samples[start:end] * (TARGET_PEAK * 32767 / peak)
    result = Sound(np.clip(np.round(trimmed), -32768, 32767).astype(np.int16))
    if result.seconds < MIN_SECONDS:
        raise _problem(source, _TOO_SHORT)
    return result


def encode(sound: Sound) -> bytes:
    """OGG/Vorbis, mono, :data:`SAMPLE_RATE` Hz."""
    import soundfile

    buffer = io.BytesIO()
    soundfile.write(buffer, sound.samples, SAMPLE_RATE, format="OGG", subtype="VORBIS")
    return buffer.getvalue()


def prepared(data: bytes, source: str) -> bytes:
    """What is stored for an imported or recorded file: decoded, normalised, encoded."""
    return encode(normalise(decode(data, source), source))


def _verify_ogg(data: bytes) -> str | None:
    if not data.startswith(b"OggS") or len(data) < 100:
        return _("the file came out incomplete")
    return None


# --------------------------------------------------------------------------------------------
# the overlay
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackEntry:
    key: NarrationKey
    data: bytes
    sha256: str


@dataclass
class ImportResult:
    added: int = 0
    replaced: int = 0
    kept: int = 0


class NarrationStore:
    """The narration overlay in ``root`` (``<data dir>/narration``) over read-only pack folders."""

    def __init__(self, root: Path, pack_dirs: Sequence[Path] = ()) -> None:
        self.root = Path(root)
        self.pack_dirs = [Path(p) for p in pack_dirs]

    def own_path(self, key: NarrationKey) -> Path:
        return self.root / key.relpath

    def find(self, key: NarrationKey) -> Path | None:
        """The file to play for ``key``: the overlay's, else the first pack's; None: none."""
        for base in [self.root, *self.pack_dirs]:
            path = base / key.relpath
            if path.is_file():
                return path
        return None

    def has(self, key: NarrationKey) -> bool:
        return self.find(key) is not None

    def coverage(self, lang: str, lesson_id: str, step_ids: Iterable[str]) -> dict[str, bool]:
        return {s: self.has(NarrationKey(lang, lesson_id, s)) for s in step_ids}

    def load(self, key: NarrationKey) -> Sound:
        """The recording for playback; raises NarrationError when missing or damaged."""
        path = self.find(key)
        name = key.relpath.as_posix()
        if path is None:
            raise _problem(name, _MISSING)
        try:
            data = _read_regular(path, MAX_IMPORT_BYTES)
        except OSError:
            raise _problem(name, _MISSING) from None
        return decode(data, name)

    def store_bytes(self, key: NarrationKey, data: bytes, source: str) -> float:
        """Validate, normalise and store ``data`` (any supported format) for ``key``; returns the
        stored length in seconds. The old recording stays if anything fails."""
        from budget_tutor import safe_write

        stored = prepared(data, source)
        target = self.own_path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        safe_write.write_bytes(target, stored, verify=_verify_ogg)
        return decode(stored, source).seconds

    def import_file(self, key: NarrationKey, path: Path) -> float:
        try:
            data = _read_regular(path, MAX_IMPORT_BYTES)
        except _TooBig:
            raise _problem(path.name, _TOO_BIG, size=MAX_IMPORT_BYTES // 2**20) from None
        except OSError:
            raise _problem(path.name, _MISSING) from None
        return self.store_bytes(key, data, path.name)

    def store_recording(self, key: NarrationKey, sound: Sound) -> float:
        """A recording made in the app (mono 16-bit at :data:`SAMPLE_RATE`)."""
        return self.store_bytes(key, encode(sound), key.relpath.name)

    def remove(self, key: NarrationKey) -> None:
        self.own_path(key).unlink(missing_ok=True)

    def own_keys(self, lang: str | None = None, lesson_id: str | None = None) -> list[NarrationKey]:
        keys: list[NarrationKey] = []
        if not self.root.is_dir():
            return keys
        for path in sorted(self.root.rglob(f"*{SUFFIX}")):
            try:
                key = NarrationKey.from_relpath(path.relative_to(self.root).as_posix())
            except ValueError:
                continue
            if (lang is None or key.lang == lang) and (
                lesson_id is None or key.lesson_id == lesson_id
            ):
                keys.append(key)
        return keys

    # -- packs ---------------------------------------------------------------------------------

    def export_pack(self, out: Path, lang: str, lesson_id: str | None = None) -> int:
        """Write the overlay's recordings of ``lang`` (or of one module) as one pack file."""
        from budget_tutor import safe_write

        keys = self.own_keys(lang, lesson_id)
        buffer = io.BytesIO()
        manifest: dict[str, Any] = {"format": PACK_FORMAT, "language": lang, "files": []}
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as pack:
            for key in keys:
                data = self.own_path(key).read_bytes()
                rel = key.relpath.as_posix()
                pack.writestr(rel, data)
                manifest["files"].append({"path": rel, "sha256": hashlib.sha256(data).hexdigest()})
            pack.writestr("manifest.json", json.dumps(manifest, indent=1))
        safe_write.write_bytes(
            out, buffer.getvalue(), verify=lambda d: None if d.startswith(b"PK") else "?"
        )
        return len(keys)

    def read_pack(self, path: Path) -> list[PackEntry]:
        """Every entry of a pack, each checked (manifest, names, hashes, decodable sound)."""
        name = path.name

        def refuse(reason: str, **extra: object) -> NarrationError:
            return NarrationError(_PACK_PROBLEM, file=name, reason=reason, **extra)

        try:
            raw = _read_regular(path, MAX_PACK_BYTES)
        except _TooBig:
            raise refuse(_TOO_BIG, size=MAX_PACK_BYTES // 2**20) from None
        except OSError:
            raise refuse(_MISSING) from None
        try:
            pack = zipfile.ZipFile(io.BytesIO(raw))
            manifest = json.loads(pack.read("manifest.json").decode("utf-8"))
        except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError):
            raise refuse(_PACK_FOREIGN) from None
        if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
            raise refuse(_PACK_FOREIGN)
        files = manifest.get("files")
        if not isinstance(files, list) or len(files) > MAX_PACK_FILES:
            raise refuse(_PACK_FOREIGN)
        entries = []
        total = 0
        for item in files:
            rel = item.get("path") if isinstance(item, dict) else None
            digest = item.get("sha256") if isinstance(item, dict) else None
            try:
                key = NarrationKey.from_relpath(str(rel))
                info = pack.getinfo(str(rel))
            except (ValueError, KeyError):
                raise refuse(_PACK_ENTRY, entry=str(rel)[:80], detail=_PACK_FOREIGN) from None
            total += info.file_size
            if info.file_size > MAX_IMPORT_BYTES or total > MAX_PACK_BYTES:
                raise refuse(_TOO_BIG, size=MAX_PACK_BYTES // 2**20)
            data = pack.read(info)
            if hashlib.sha256(data).hexdigest() != digest:
                raise refuse(_PACK_ENTRY, entry=str(rel), detail=N_("it was damaged on the way"))
            try:
                decode(data, str(rel))
            except NarrationError as exc:
                detail = str(exc.values.get("reason", _NOT_SOUND))
                raise refuse(_PACK_ENTRY, entry=str(rel), detail=detail) from None
            entries.append(PackEntry(key, data, str(digest)))
        return entries

    def conflicts(self, entries: Sequence[PackEntry]) -> list[NarrationKey]:
        """Entries whose key the overlay already holds with a different recording."""
        out = []
        for entry in entries:
            own = self.own_path(entry.key)
            if own.is_file() and hashlib.sha256(own.read_bytes()).hexdigest() != entry.sha256:
                out.append(entry.key)
        return out

    def import_pack(
        self, path: Path, replace: Callable[[NarrationKey], bool] = lambda _key: False
    ) -> ImportResult:
        """Import a pack: all files or none. ``replace(key)`` decides each conflict (default:
        keep the recording that is already here)."""
        entries = self.read_pack(path)
        result = ImportResult()
        self.root.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".import-", dir=self.root))
        placed: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
        try:
            plan = []
            for entry in entries:
                target = self.own_path(entry.key)
                exists = target.is_file()
                if exists and hashlib.sha256(target.read_bytes()).hexdigest() == entry.sha256:
                    result.kept += 1
                    continue
                if exists and not replace(entry.key):
                    result.kept += 1
                    continue
                staged = stage / "new" / entry.key.relpath
                staged.parent.mkdir(parents=True, exist_ok=True)
                staged.write_bytes(entry.data)
                with open(staged, "rb+") as fh:
                    os.fsync(fh.fileno())
                plan.append((staged, target, exists))
            for staged, target, exists in plan:
                backup = None
                if exists:
                    backup = stage / "old" / target.relative_to(self.root)
                    backup.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(target, backup)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, target)
                placed.append((target, backup))
                if exists:
                    result.replaced += 1
                else:
                    result.added += 1
        except BaseException:
            for target, backup in reversed(placed):  # put everything back as it was
                target.unlink(missing_ok=True)
                if backup is not None:
                    os.replace(backup, target)
            raise
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        return result


class _TooBig(OSError):
    pass


def _read_regular(path: Path, limit: int) -> bytes:
    """Read a regular file of at most ``limit`` bytes (a FIFO or device is never opened for
    reading: it could hang)."""
    import stat

    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError("not a regular file")
    if info.st_size > limit:
        raise _TooBig()
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise _TooBig()
    return data
