"""One Budget Tutor per data directory: an exclusive ``flock`` on ``budget-tutor.lock``
(``msvcrt.locking`` on Windows) that the OS drops when the process dies. Split out of
``storage.py`` (issue 13); see docs/storage.md, "One Budget Tutor per data directory"."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from budget_tutor.storage_errors import AlreadyOpen, _os_error

try:  # POSIX
    import fcntl as _fcntl
except ImportError:  # pragma: no cover - Windows
    _fcntl = None  # type: ignore[assignment]

__all__ = ["LOCK_NAME", "_acquire_lock", "_fcntl", "_release_lock"]

LOCK_NAME = "budget-tutor.lock"


#: flock errors that mean "this filesystem cannot lock", not "someone holds the lock".
_NO_LOCKING = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL})


def _acquire_lock(base: Path) -> int:
    """Hold ``<base>/budget-tutor.lock`` exclusively; the OS releases it if the process dies."""
    lock_path = base / LOCK_NAME
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise _os_error(exc, base) from None
    try:
        if _fcntl is not None:
            _fcntl.flock(fd, _fcntl.LOCK_EX | _fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:
        if exc.errno in _NO_LOCKING:
            # A filesystem without locks (some network shares): go on unlocked; SQLite's own
            # locking still keeps the file whole.
            return fd
        os.close(fd)
        raise AlreadyOpen(base) from None
    try:  # who holds it, for a person looking at the folder
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        pass
    return fd


def _release_lock(fd: int | None) -> None:
    if fd is None:
        return
    try:
        if _fcntl is not None:
            _fcntl.flock(fd, _fcntl.LOCK_UN)
    except OSError:
        pass  # closing the file releases the lock anyway
    finally:
        os.close(fd)
