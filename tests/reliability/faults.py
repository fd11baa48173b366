"""Fault injection for the battery: an OSError or SQLite error at the n-th write, replace, fsync or
SQL call, and a snapshot of everything a failure must leave alone."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_file

from budget_tutor.storage import Store

from .helpers import REPO

SITES = ("write", "replace", "fsync", "sql")
ERRNOS = (errno.EIO, errno.EACCES, errno.ENOSPC)
#: SQLite's result code for each injected errno.
_SQLITE_CODE = {
    errno.EIO: (10, "SQLITE_IOERR"),
    errno.EACCES: (3, "SQLITE_PERM"),
    errno.ENOSPC: (13, "SQLITE_FULL"),
}
_SQLITE_TEXT = {
    errno.EIO: "disk I/O error",
    errno.EACCES: "access permission denied",
    errno.ENOSPC: "database or disk is full",
}


class Injected:
    """Counts calls at one site and fails the n-th (and, for ``sticky``, every later one)."""

    def __init__(self, site: str, err: int, n: int, sticky: bool = False) -> None:
        self.site, self.err, self.n, self.sticky = site, err, n, sticky
        self.calls = 0
        self.fired = False

    def hit(self) -> None:
        self.calls += 1
        if self.calls == self.n or (self.sticky and self.calls > self.n):
            self.fired = True
            if self.site == "sql":
                exc = sqlite3.OperationalError(_SQLITE_TEXT[self.err])
                exc.sqlite_errorcode, exc.sqlite_errorname = _SQLITE_CODE[self.err]
                raise exc
            raise OSError(self.err, os.strerror(self.err))


class _FaultyFile:
    def __init__(self, real: Any, fault: Injected) -> None:
        self._real, self._fault = real, fault

    def write(self, data: bytes) -> int:
        self._fault.hit()
        return self._real.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _FaultyFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


class _FaultyConnection:
    """A sqlite3 connection whose execute/backup calls count toward the fault."""

    def __init__(self, real: sqlite3.Connection, fault: Injected) -> None:
        self._real, self._fault = real, fault

    def execute(self, *args: Any) -> Any:
        sql = str(args[0]).strip().upper() if args else ""
        if sql not in ("ROLLBACK",):  # a failing rollback is not a fault SQLite reports
            self._fault.hit()
        return self._real.execute(*args)

    def backup(self, target: Any, *args: Any, **kwargs: Any) -> None:
        self._fault.hit()
        real_target = target._real if isinstance(target, _FaultyConnection) else target
        self._real.backup(real_target, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def install(
    monkeypatch: pytest.MonkeyPatch, store: Store | None, fault: Injected
) -> Callable[[], None]:
    """Start injecting ``fault``; returns a function that stops it."""
    mp = pytest.MonkeyPatch()
    if fault.site == "write":
        real_fdopen, real_write = os.fdopen, os.write

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            return _FaultyFile(real_fdopen(fd, *args, **kwargs), fault)

        def write(fd: int, data: bytes) -> int:
            fault.hit()
            return real_write(fd, data)

        mp.setattr(os, "fdopen", fdopen)
        mp.setattr(os, "write", write)
    elif fault.site in ("replace", "fsync"):
        real = getattr(os, fault.site)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            fault.hit()
            return real(*args, **kwargs)

        mp.setattr(os, fault.site, wrapped)
    else:
        real_connect = sqlite3.connect

        def connect(*args: Any, **kwargs: Any) -> Any:
            fault.hit()
            return _FaultyConnection(real_connect(*args, **kwargs), fault)

        mp.setattr(sqlite3, "connect", connect)
        if store is not None and store._conn is not None:
            real_conn = store._conn
            store._conn = _FaultyConnection(real_conn, fault)  # type: ignore[assignment]

            def unwrap() -> None:
                store._conn = real_conn

            mp.setattr(store, "_unwrap", unwrap, raising=False)

    def stop() -> None:
        unwrap = getattr(store, "_unwrap", None) if store is not None else None
        if unwrap is not None:
            unwrap()
        mp.undo()

    return stop


def logical_dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of our tables, in a stable order."""
    tables = ("households", "plans", "progress", "settings", "schema_history")
    return {
        t: sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables
    }


def files_under(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for f in folders if f.exists() for p in f.rglob("*") if p.is_file()}


_MSGIDS: set[str] = set()


def marked_msgids() -> set[str]:
    """Every string marked for translation in the core (Babel's own extractor)."""
    if not _MSGIDS:
        keywords = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
        for path in (REPO / "budget_tutor").glob("*.py"):
            for _lineno, message, _comments, _context in extract_from_file(
                "python", path, keywords=keywords
            ):
                if isinstance(message, tuple):
                    _MSGIDS.update(m for m in message if m)
                else:
                    _MSGIDS.add(message)
    return _MSGIDS
