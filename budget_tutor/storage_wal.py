"""What the store knows about its database files before SQLite touches them.

Two things live here, both plain file reading with no SQLite connection (see docs/storage.md,
"A WAL that does not belong"):

* :func:`inspect_wal` reads a ``-wal`` file the way SQLite will (header, salts, the cumulative
  frame checksums) and tells how many committed transactions SQLite will replay and whether
  committed transactions follow a damaged frame (which SQLite would silently drop);
* the **state file** ``budget-tutor.state`` says whether the last Budget Tutor closed the
  database cleanly and, if so, the size and SHA-256 of the database file it left. A ``-wal`` found
  beside a database that still has exactly that content cannot belong to it: a clean close
  checkpoints and deletes the WAL.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATE_NAME = "budget-tutor.state"
STATE_FORMAT = 1
#: ``state`` values of the state file.
STATE_OPEN = "open"
STATE_CLOSED = "closed"

_WAL_MAGIC_LE = 0x377F0682
_WAL_MAGIC_BE = 0x377F0683
_WAL_HEADER = 32
_FRAME_HEADER = 24


@dataclass(frozen=True)
class WalReport:
    """What SQLite will make of a WAL file."""

    size: int
    #: The header is a valid WAL header (magic, version, page size, checksum).
    header_ok: bool
    page_size: int
    #: Whole frames in the file (valid or not).
    frames: int
    #: Frames SQLite will replay: up to and including the last valid commit frame.
    replayed_frames: int
    #: Committed transactions SQLite will replay.
    replayed_commits: int
    #: Commit frames with this WAL's salts that come *after* the first damaged frame: committed
    #: transactions SQLite would drop without a word.
    commits_after_damage: int

    @property
    def damaged(self) -> bool:
        """Committed data in this WAL would be lost on replay (a flipped bit, a bad header)."""
        if self.commits_after_damage > 0:
            return True
        return not self.header_ok and self.size >= _WAL_HEADER + _FRAME_HEADER


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum (``walChecksumBytes``) over ``data`` (a multiple of 8 bytes)."""
    count = len(data) // 4
    words = struct.unpack(f"{'>' if big_endian else '<'}{count}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, count, 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


def inspect_wal(path: Path) -> WalReport | None:
    """Read a WAL the way SQLite's recovery does; None if the file cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    size = len(data)
    empty = WalReport(size, False, 0, 0, 0, 0, 0)
    if size < _WAL_HEADER:
        return empty
    magic, version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:32])
    big_endian = magic == _WAL_MAGIC_BE
    valid_size = page_size >= 512 and page_size <= 65536 and page_size & (page_size - 1) == 0
    frame_size = _FRAME_HEADER + (page_size if valid_size else 0)
    frames = (size - _WAL_HEADER) // frame_size if valid_size else 0
    header_ok = (
        magic in (_WAL_MAGIC_LE, _WAL_MAGIC_BE)
        and version == 3007000
        and valid_size
        and _checksum(data[:24], 0, 0, big_endian) == (c1, c2)
    )
    if not header_ok:
        return WalReport(size, False, page_size if valid_size else 0, frames, 0, 0, 0)
    s0, s1 = c1, c2
    replayed_frames = replayed_commits = 0
    damaged_at: int | None = None
    for n in range(frames):
        start = _WAL_HEADER + n * frame_size
        header = data[start : start + _FRAME_HEADER]
        page_no, commit_size, f_salt1, f_salt2, f1, f2 = struct.unpack(">6I", header)
        if f_salt1 != salt1 or f_salt2 != salt2 or page_no == 0:
            damaged_at = n
            break
        s0, s1 = _checksum(header[:8], s0, s1, big_endian)
        s0, s1 = _checksum(data[start + _FRAME_HEADER : start + frame_size], s0, s1, big_endian)
        if (s0, s1) != (f1, f2):
            damaged_at = n
            break
        if commit_size:
            replayed_frames = n + 1
            replayed_commits += 1
    after = 0
    if damaged_at is not None:
        for n in range(damaged_at, frames):
            start = _WAL_HEADER + n * frame_size
            _page, commit_size, f_salt1, f_salt2 = struct.unpack(">4I", data[start : start + 16])
            if commit_size and f_salt1 == salt1 and f_salt2 == salt2:
                after += 1
    return WalReport(size, True, page_size, frames, replayed_frames, replayed_commits, after)


def file_digest(path: Path) -> tuple[int, str] | None:
    """(size, SHA-256 hex) of a file; None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            size = 0
            while chunk := fh.read(1 << 20):
                size += len(chunk)
                digest.update(chunk)
    except OSError:
        return None
    return size, digest.hexdigest()


def read_state(base: Path) -> dict[str, Any]:
    """The state file's content; ``{}`` when it is missing, unreadable or not ours."""
    try:
        raw = json.loads((base / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(raw, dict) or raw.get("format") != STATE_FORMAT:
        return {}
    return raw


def write_state(base: Path, state: dict[str, Any]) -> None:
    """Replace the state file atomically (temporary file, fsync, rename); raises OSError."""
    target = base / STATE_NAME
    tmp = base / f".{STATE_NAME}.tmp"
    text = json.dumps({**state, "format": STATE_FORMAT}, sort_keys=True)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    try:
        dir_fd = os.open(base, os.O_RDONLY)
    except OSError:  # pragma: no cover - no directory handles on this platform
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def forget_state(base: Path) -> None:
    """Remove the state file (raises OSError if it exists and cannot be removed)."""
    (base / STATE_NAME).unlink(missing_ok=True)
