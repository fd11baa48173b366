"""The household database: profiles, plans, lesson progress and settings in one SQLite file.

See ``docs/storage.md``. In short: ``<data_dir>/budget.sqlite`` in WAL mode, one transaction per
user action, ``PRAGMA user_version`` as the schema version with forward-only migrations (a backup
is forced before each), a lock file so that only one Budget Tutor writes a data directory, backups
made with SQLite's backup API into ``<data_dir>/backups/`` and rotated, and a damaged database
moved aside, never overwritten. Every failure a user can meet is a :class:`StorageError` whose
message is translated when it is shown.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from budget_tutor import paths, storage_schema, storage_wal
from budget_tutor.i18n import N_
from budget_tutor.storage_backups import (
    _BACKUP_RE as _BACKUP_RE,
)
from budget_tutor.storage_backups import (
    _KEPT_RE as _KEPT_RE,
)
from budget_tutor.storage_backups import (
    _SIDE_SUFFIXES as _SIDE_SUFFIXES,
)
from budget_tutor.storage_backups import (
    _TEMP_RE as _TEMP_RE,
)
from budget_tutor.storage_backups import (  # re-exported
    BACKUP_DIR as BACKUP_DIR,
)
from budget_tutor.storage_backups import (
    BACKUP_PREFIX as BACKUP_PREFIX,
)
from budget_tutor.storage_backups import (
    KEEP_DAYS as KEEP_DAYS,
)
from budget_tutor.storage_backups import (
    KEEP_NEWEST as KEEP_NEWEST,
)
from budget_tutor.storage_backups import (
    KEEP_WAL_COPIES as KEEP_WAL_COPIES,
)
from budget_tutor.storage_backups import (
    KEPT_PREFIX as KEPT_PREFIX,
)
from budget_tutor.storage_backups import (
    BackupInfo as BackupInfo,
)
from budget_tutor.storage_backups import (
    _backup_stamp as _backup_stamp,
)
from budget_tutor.storage_backups import (
    _backup_summary as _backup_summary,
)
from budget_tutor.storage_backups import (
    _check_backup_file as _check_backup_file,
)
from budget_tutor.storage_backups import (
    _copy_aside as _copy_aside,
)
from budget_tutor.storage_backups import (
    _fsync_path as _fsync_path,
)
from budget_tutor.storage_backups import (
    _list_backups as _list_backups,
)
from budget_tutor.storage_backups import (
    _remove_stale_temps as _remove_stale_temps,
)
from budget_tutor.storage_backups import (
    _remove_with_sides as _remove_with_sides,
)
from budget_tutor.storage_backups import (
    _rotate_kept as _rotate_kept,
)
from budget_tutor.storage_backups import (
    _slug as _slug,
)
from budget_tutor.storage_backups import (
    _snapshot as _snapshot,
)
from budget_tutor.storage_backups import (
    _stamp as _stamp,
)
from budget_tutor.storage_backups import (
    _summary as _summary,
)
from budget_tutor.storage_backups import (
    backup_households as backup_households,
)
from budget_tutor.storage_backups import (
    backups_to_delete as backups_to_delete,
)
from budget_tutor.storage_backups import (
    kept_copies as kept_copies,
)
from budget_tutor.storage_errors import (
    _FULL_BELOW as _FULL_BELOW,
)
from budget_tutor.storage_errors import (
    _MSG_BAD_ANSWER as _MSG_BAD_ANSWER,
)
from budget_tutor.storage_errors import (
    _MSG_BAD_BACKUP as _MSG_BAD_BACKUP,
)
from budget_tutor.storage_errors import (
    _MSG_BEHIND_BACKUP as _MSG_BEHIND_BACKUP,
)
from budget_tutor.storage_errors import (
    _MSG_BUSY as _MSG_BUSY,
)
from budget_tutor.storage_errors import (
    _MSG_CORRUPT_BACKUP as _MSG_CORRUPT_BACKUP,
)
from budget_tutor.storage_errors import (
    _MSG_CORRUPT_MOVED_BACKUP as _MSG_CORRUPT_MOVED_BACKUP,
)
from budget_tutor.storage_errors import (
    _MSG_CORRUPT_MOVED_NO_BACKUP as _MSG_CORRUPT_MOVED_NO_BACKUP,
)
from budget_tutor.storage_errors import (
    _MSG_CORRUPT_NO_BACKUP as _MSG_CORRUPT_NO_BACKUP,
)
from budget_tutor.storage_errors import (
    _MSG_DAMAGED_WAL as _MSG_DAMAGED_WAL,
)
from budget_tutor.storage_errors import (
    _MSG_DAMAGED_WAL_NO_BACKUP as _MSG_DAMAGED_WAL_NO_BACKUP,
)
from budget_tutor.storage_errors import (
    _MSG_EMPTY_NAME as _MSG_EMPTY_NAME,
)
from budget_tutor.storage_errors import (
    _MSG_LONG_NAME as _MSG_LONG_NAME,
)
from budget_tutor.storage_errors import (
    _MSG_NEEDS_UPGRADE as _MSG_NEEDS_UPGRADE,
)
from budget_tutor.storage_errors import (
    _MSG_NO_DATA as _MSG_NO_DATA,
)
from budget_tutor.storage_errors import (
    _MSG_NO_PERMISSION as _MSG_NO_PERMISSION,
)
from budget_tutor.storage_errors import (
    _MSG_PIN_LENGTH as _MSG_PIN_LENGTH,
)
from budget_tutor.storage_errors import (
    _MSG_PROTECTED_NOT_CLOSED as _MSG_PROTECTED_NOT_CLOSED,
)
from budget_tutor.storage_errors import (
    _MSG_READ_FAILED as _MSG_READ_FAILED,
)
from budget_tutor.storage_errors import (
    _MSG_READ_ONLY_ASKED as _MSG_READ_ONLY_ASKED,
)
from budget_tutor.storage_errors import (
    _MSG_READ_ONLY_PROTECTED as _MSG_READ_ONLY_PROTECTED,
)
from budget_tutor.storage_errors import (
    _MSG_SETTING_KEY as _MSG_SETTING_KEY,
)
from budget_tutor.storage_errors import (
    _MSG_STALE_WAL as _MSG_STALE_WAL,
)
from budget_tutor.storage_errors import (
    _MSG_WAL_COPY_FAILED as _MSG_WAL_COPY_FAILED,
)
from budget_tutor.storage_errors import (
    _MSG_WRITE_FAILED as _MSG_WRITE_FAILED,
)
from budget_tutor.storage_errors import (
    _SQLITE_BUSY as _SQLITE_BUSY,
)
from budget_tutor.storage_errors import (
    _SQLITE_CANTOPEN as _SQLITE_CANTOPEN,
)
from budget_tutor.storage_errors import (
    _SQLITE_CORRUPT as _SQLITE_CORRUPT,
)
from budget_tutor.storage_errors import (
    _SQLITE_FULL as _SQLITE_FULL,
)
from budget_tutor.storage_errors import (
    _SQLITE_IOERR as _SQLITE_IOERR,
)
from budget_tutor.storage_errors import (
    _SQLITE_IOERR_MAYBE_FULL as _SQLITE_IOERR_MAYBE_FULL,
)
from budget_tutor.storage_errors import (
    _SQLITE_IOERR_SHMSIZE as _SQLITE_IOERR_SHMSIZE,
)
from budget_tutor.storage_errors import (
    _SQLITE_LOCKED as _SQLITE_LOCKED,
)
from budget_tutor.storage_errors import (
    _SQLITE_NOTADB as _SQLITE_NOTADB,
)
from budget_tutor.storage_errors import (
    _SQLITE_PERM as _SQLITE_PERM,
)
from budget_tutor.storage_errors import (
    _SQLITE_READONLY as _SQLITE_READONLY,
)
from budget_tutor.storage_errors import (
    _WAL_NAME as _WAL_NAME,
)
from budget_tutor.storage_errors import (
    READ_ONLY_ASKED as READ_ONLY_ASKED,
)
from budget_tutor.storage_errors import (
    READ_ONLY_OTHER_INSTANCE as READ_ONLY_OTHER_INSTANCE,
)
from budget_tutor.storage_errors import (
    READ_ONLY_WRITE_PROTECTED as READ_ONLY_WRITE_PROTECTED,
)
from budget_tutor.storage_errors import (  # re-exported: every error, message and helper
    AlreadyOpen as AlreadyOpen,
)
from budget_tutor.storage_errors import (
    BehindBackup as BehindBackup,
)
from budget_tutor.storage_errors import (
    DatabaseCorrupt as DatabaseCorrupt,
)
from budget_tutor.storage_errors import (
    DatabaseTooNew as DatabaseTooNew,
)
from budget_tutor.storage_errors import (
    DiskFull as DiskFull,
)
from budget_tutor.storage_errors import (
    HouseholdNotFound as HouseholdNotFound,
)
from budget_tutor.storage_errors import (
    InvalidValue as InvalidValue,
)
from budget_tutor.storage_errors import (
    ReadOnlyStore as ReadOnlyStore,
)
from budget_tutor.storage_errors import (
    StorageError as StorageError,
)
from budget_tutor.storage_errors import (
    Translatable as Translatable,
)
from budget_tutor.storage_errors import (
    WriteProtected as WriteProtected,
)
from budget_tutor.storage_errors import (
    _display_iso as _display_iso,
)
from budget_tutor.storage_errors import (
    _free_bytes as _free_bytes,
)
from budget_tutor.storage_errors import (
    _is_damage as _is_damage,
)
from budget_tutor.storage_errors import (
    _is_disk_full as _is_disk_full,
)
from budget_tutor.storage_errors import (
    _os_error as _os_error,
)
from budget_tutor.storage_errors import (
    _sqlite_code as _sqlite_code,
)
from budget_tutor.storage_errors import (
    _translate as _translate,
)
from budget_tutor.storage_lock import LOCK_NAME as LOCK_NAME
from budget_tutor.storage_lock import _acquire_lock, _release_lock
from budget_tutor.storage_lock import _fcntl as _fcntl
from budget_tutor.storage_schema import _OUR_TABLES, _header_version
from budget_tutor.storage_schema import _SQLITE_MAGIC as _SQLITE_MAGIC
from budget_tutor.storage_schema import DB_NAME as DB_NAME
from budget_tutor.storage_schema import (
    IMPLAUSIBLE_VERSION as IMPLAUSIBLE_VERSION,
)
from budget_tutor.storage_schema import (
    MIGRATIONS as MIGRATIONS,
)
from budget_tutor.storage_schema import (
    SCHEMA_V1 as SCHEMA_V1,
)
from budget_tutor.storage_schema import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from budget_tutor.storage_workshops import WorkshopTables

if TYPE_CHECKING:
    from budget_tutor.model import Plan

#: Store.open makes an "auto" backup when the newest backup is older than this.
AUTO_BACKUP_HOURS = 24
MAX_NAME_LENGTH = 200
PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 12
#: scrypt cost parameters for PINs (about 50 ms on a laptop).
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1

#: The setting that says from when on backups are compared with the data at start (written by a
#: restore and by "keep the data as it is"): a backup made before it is not "newer data".
COMPARE_AFTER_SETTING = "storage.compare-backups-after"


# ------------------------------------------------------------------------------------------------
# records
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdInfo:
    id: int
    name: str
    people: int
    region: str
    has_pin: bool
    created: str
    updated: str


@dataclass(frozen=True)
class StepRecord:
    lesson_id: str
    step_id: str
    answer: dict[str, Any] | None
    score: Decimal | None
    done: bool
    updated: str


# ------------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _default_clock() -> datetime:
    return datetime.now(UTC)


# Letters of the Tajik (and Russian) alphabet that come right after a base letter: ғ after г,
# ё after е, ӣ after и, қ after к, ӯ after у, ҳ after х, ҷ after ч.
_AFTER = "\U0010ffff"
_SORT_LETTERS = str.maketrans(
    {
        "ғ": "г" + _AFTER,
        "қ": "к" + _AFTER,
        "ҳ": "х" + _AFTER,
        "ҷ": "ч" + _AFTER,
        "\u0308": _AFTER,  # ё = е + diaeresis after NFD
        "\u0304": _AFTER,  # ӣ, ӯ = и, у + macron after NFD
    }
)


def name_sort_key(name: str) -> str:
    """Sort key for household names in Latin, Russian or Tajik script, ignoring case."""
    return unicodedata.normalize("NFD", name.casefold()).translate(_SORT_LETTERS)


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidValue(_MSG_EMPTY_NAME)
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidValue(_MSG_LONG_NAME, maximum=MAX_NAME_LENGTH)
    from budget_tutor.text_rules import text_problem

    problem = text_problem(name)  # controls, direction overrides, surrogates, invisible-only
    if problem is not None:
        raise InvalidValue(problem.msgid, char=problem.char)
    return name.strip()


def _hash_pin(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in a lesson answer")


# ------------------------------------------------------------------------------------------------
# the store
# ------------------------------------------------------------------------------------------------


class Store(WorkshopTables):
    """One open data directory. Create with :meth:`open`; close with :meth:`close` (or ``with``)."""

    def __init__(
        self,
        base: Path,
        conn: sqlite3.Connection,
        lock_fd: int | None,
        read_only: bool,
        clock: Callable[[], datetime],
    ) -> None:
        self.data_dir = base
        self.db_path = base / DB_NAME
        self.read_only = read_only
        self._conn: sqlite3.Connection | None = conn
        self._lock_fd = lock_fd
        self._clock = clock
        #: Why the automatic backup at open failed (None: it worked or was not due).
        self.auto_backup_error: StorageError | None = None
        #: Why the store is read-only (``READ_ONLY_…``; None when it can write).
        self.read_only_reason: str | None = READ_ONLY_ASKED if read_only else None
        #: What the UI should tell after opening (a stale WAL kept aside, a damaged WAL …).
        self.notices: list[StorageError] = []
        #: The data opened holds less than the newest backup: the UI offers that backup
        #: (:meth:`restore`) or keeps the data (:meth:`keep_current_data`).
        self.behind_backup: BehindBackup | None = None
        #: Whether the checks at open were the full ``integrity_check`` (first open of the day,
        #: after a crash) rather than ``quick_check``.
        self.fully_checked = False
        self._state: dict[str, Any] = {}

    # -- opening and closing --------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        read_only: bool = False,
        clock: Callable[[], datetime] | None = None,
    ) -> Store:
        """Open the data directory: lock it, check the database, migrate it (after a backup) and
        switch it to WAL. ``read_only`` opens without the lock, for looking only."""
        base = Path(data_dir) if data_dir is not None else paths.data_dir()
        clock = clock or _default_clock
        try:
            base.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _os_error(exc, base) from None
        if read_only:
            return cls._open_read_only(base, clock)
        if not os.access(base, os.W_OK):
            raise WriteProtected(base)
        lock_fd = _acquire_lock(base)
        try:
            return cls._open_locked(base, lock_fd, clock)
        except BaseException:
            _release_lock(lock_fd)
            raise

    @classmethod
    def _open_locked(cls, base: Path, lock_fd: int, clock: Callable[[], datetime]) -> Store:
        db = base / DB_NAME
        _remove_stale_temps(base)
        state = storage_wal.read_state(base)
        today = clock().astimezone(UTC).date().isoformat()
        crashed = state.get("state") == storage_wal.STATE_OPEN
        full = crashed or state.get("integrity_checked") != today
        checked_fully = False
        notices: list[StorageError] = []
        damaged_wal: Path | None = None
        if not db.exists():
            _set_aside_orphans(base, clock)
        else:
            damaged_wal = cls._keep_wal_aside(base, state, clock, notices)
            size = db.stat().st_size
            if size == 0 and not _nonempty(Path(f"{db}-wal")) and not _list_backups(base):
                # Created but never written (a crash at the very first start): nothing to keep.
                for extra in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                    extra.unlink(missing_ok=True)
            else:
                version = _header_version(db)
                if version is None and not _nonempty(Path(f"{db}-wal")):
                    raise cls._move_aside(base, clock)
                if version is not None and version > IMPLAUSIBLE_VERSION:
                    raise cls._move_aside(base, clock)  # a damaged header, not a future release
                if version is not None and version > SCHEMA_VERSION:
                    raise DatabaseTooNew(db, version)
                if cls._check_without_writing(base, db, clock, full=full):
                    full, checked_fully = False, True  # done, and passed
                    state["integrity_checked"] = today
        # From here on SQLite may write: a crash must not leave "closed cleanly" behind.
        state["state"] = storage_wal.STATE_OPEN
        _mark_state(base, state)
        try:
            conn = sqlite3.connect(db, isolation_level=None, timeout=5.0)
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise _translate(exc, db, base) from None
        try:
            version = cls._check_database(conn, db, full=full)
        except DatabaseTooNew:
            conn.close()
            raise
        except _Damaged:
            # Closing this read-write connection checkpoints the WAL into the damaged file: keep
            # the files as found (nothing has written them yet) and put them back after the move.
            found = _read_sides(db)
            conn.close()
            error = cls._move_aside(base, clock)
            if error.damaged_copy is not None:
                _write_sides(error.damaged_copy, found)
            raise error from None
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            conn.close()
            raise _translate(exc, db, base) from None
        if full:
            state["integrity_checked"] = today
        store = cls(base, conn, lock_fd, False, clock)
        store._state = state
        store.notices = notices
        store.fully_checked = checked_fully or full
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            if version < SCHEMA_VERSION:
                if version >= 1:
                    store.backup("before-migration")
                store._migrate(version)
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            conn.close()
            raise _translate(exc, db, base) from None
        except BaseException:
            conn.close()
            raise
        _mark_state(base, state, required=False)  # remember the integrity check of today
        store.behind_backup = store._compare_with_backups(damaged_wal)
        if damaged_wal is not None and store.behind_backup is None:
            store.notices.append(
                StorageError(_MSG_DAMAGED_WAL_NO_BACKUP, kept=damaged_wal, wal=_WAL_NAME)
            )
        if store.behind_backup is None:
            store._auto_backup()
        return store

    @classmethod
    def _keep_wal_aside(
        cls,
        base: Path,
        state: dict[str, Any],
        clock: Callable[[], datetime],
        notices: list[StorageError],
    ) -> Path | None:
        """Before SQLite may replay a WAL: copy the database, WAL and -shm into ``backups/``.

        A WAL beside a database that Budget Tutor closed cleanly (the state file holds its exact
        size and SHA-256) cannot belong to it: it is moved into the copy instead of replayed, and
        a notice says so. Returns the copy's folder when the WAL is damaged (committed frames
        after a bad one), else None."""
        db = base / DB_NAME
        wal = Path(f"{db}-wal")
        if not _nonempty(wal):
            return None
        report = storage_wal.inspect_wal(wal)
        stale = state.get("state") == storage_wal.STATE_CLOSED and storage_wal.file_digest(db) == (
            state.get("db_size"),
            state.get("db_sha256"),
        )
        why = "stale-wal" if stale else "before-wal-replay"
        try:
            kept = _copy_aside(base, clock, why, move_sides=stale)
        except StorageError as exc:
            if stale:
                raise  # never replay a WAL known to be stale
            notices.append(StorageError(_MSG_WAL_COPY_FAILED, problem=exc.user_message()))
            return None
        if stale:
            notices.append(StorageError(_MSG_STALE_WAL, kept=kept, wal=_WAL_NAME))
            return None
        return kept if report is not None and report.damaged else None

    def data_summary(self) -> tuple[int, str]:
        """(households ever stored, including the trash; the last change recorded) — what a
        rolled-back database has less of than a newer backup."""
        return _summary(self.conn)

    def _compare_with_backups(self, damaged_wal: Path | None) -> BehindBackup | None:
        """The offer to make when the data holds less than the newest backup made since the last
        restore (or since the user chose to keep data that was behind)."""
        after = self.get_setting(COMPARE_AFTER_SETTING, "") or ""
        try:
            now = self.data_summary()
        except (sqlite3.Error, UnicodeDecodeError):
            return None
        for info in self.backups()[:3]:  # the newest readable one
            if _backup_stamp(info) <= after:
                return None
            try:
                in_backup = _backup_summary(info.path)
            except (sqlite3.Error, UnicodeDecodeError, OSError):
                continue
            if in_backup[0] > now[0] or in_backup[1] > now[1]:
                return BehindBackup(info, now, in_backup, damaged_wal)
            return None
        return None

    def keep_current_data(self) -> None:
        """The user keeps the data as it is although a backup holds more: backups made until now
        are no longer compared with it at start."""
        self.set_setting(COMPARE_AFTER_SETTING, _stamp(self._clock()))
        self.behind_backup = None

    def check_integrity(self) -> list[str]:
        """The full ``PRAGMA integrity_check`` and ``foreign_key_check`` of the open database: the
        problems SQLite reports (English, for a log), empty when the database is sound. A
        database SQLite cannot read at all gives one problem."""
        try:
            rows = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
            problems = [] if rows == ["ok"] else rows
            problems += [
                f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                for r in self.conn.execute("PRAGMA foreign_key_check").fetchall()
            ]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if _sqlite_code(exc) not in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                raise self._translate(exc, writing=False) from None
            return [str(exc)]
        if not problems and not self.read_only:
            self._state["integrity_checked"] = self._clock().astimezone(UTC).date().isoformat()
        return problems

    def _auto_backup(self) -> None:
        """The daily automatic backup, made at open when the newest backup is older than
        AUTO_BACKUP_HOURS. A failure does not stop Budget Tutor from opening: it is kept in
        :attr:`auto_backup_error` for the UI to show."""
        try:
            if not self._read("SELECT 1 FROM households LIMIT 1"):
                return
            newest = self.newest_backup()
            if newest is not None:
                made = datetime.strptime(newest.created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                if self._clock() - made < timedelta(hours=AUTO_BACKUP_HOURS):
                    return
            self.backup("auto")
        except StorageError as exc:
            self.auto_backup_error = exc

    @classmethod
    def _check_without_writing(
        cls, base: Path, db: Path, clock: Callable[[], datetime], *, full: bool = False
    ) -> bool:
        """Check the database through a read-only connection first and move it aside if it is
        damaged: closing a read-write connection checkpoints the WAL into the file, which must
        not happen to a damaged file that is kept aside. What only a writer can settle (a hot
        journal to roll back) is left to the read-write check that follows. True when the
        check ran (``integrity_check`` if ``full``) and passed."""
        try:
            conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, isolation_level=None)
        except (sqlite3.Error, UnicodeDecodeError):
            return False
        try:
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except (sqlite3.Error, UnicodeDecodeError) as exc:
                if _sqlite_code(exc) in (
                    _SQLITE_READONLY,
                    _SQLITE_BUSY,
                    _SQLITE_LOCKED,
                    _SQLITE_CANTOPEN,
                    _SQLITE_PERM,
                    _SQLITE_IOERR,
                ):
                    return False
            cls._check_database(conn, db, full=full)
        except _Damaged:
            conn.close()
            raise cls._move_aside(base, clock) from None
        except (sqlite3.Error, UnicodeDecodeError):
            return False
        finally:
            conn.close()
        return full

    @staticmethod
    def _check_database(conn: sqlite3.Connection, db: Path, *, full: bool = False) -> int:
        """The schema version of an open database; raises _Damaged or DatabaseTooNew.
        ``full`` runs ``integrity_check`` (which also compares every index with its table)
        instead of ``quick_check``."""
        try:
            check = "integrity_check" if full else "quick_check"
            ok = conn.execute(f"PRAGMA {check}").fetchall() == [("ok",)]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if _sqlite_code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CANTOPEN):
                raise
            raise _Damaged() from None
        if not ok or version > IMPLAUSIBLE_VERSION:
            raise _Damaged()
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(db, version)
        if version == 0 and tables:
            raise _Damaged()  # someone else's database
        if version >= 1 and not _OUR_TABLES <= tables:
            raise _Damaged()
        if version >= 1 and _recorded_version(conn) not in (None, version):
            # a flipped bit in the header's version (3 -> 1) would "migrate" tables that are
            # already there: the version the schema history records is the real one
            raise _Damaged()
        return int(version)

    @classmethod
    def _move_aside(cls, base: Path, clock: Callable[[], datetime]) -> DatabaseCorrupt:
        """Rename the damaged database (and its WAL) out of the way; the error to raise."""
        db = base / DB_NAME
        stamp = clock().astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        damaged = base / f"{DB_NAME}.damaged-{stamp}"
        try:
            os.replace(db, damaged)
            for suffix in ("-wal", "-shm"):
                side = Path(f"{db}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{damaged}{suffix}"))
            _fsync_path(base, directory=True)
        except OSError as exc:
            raise _os_error(exc, base) from None
        backups = _list_backups(base)
        return DatabaseCorrupt(db, damaged, backups[0] if backups else None)

    @classmethod
    def _open_read_only(cls, base: Path, clock: Callable[[], datetime]) -> Store:
        db = base / DB_NAME
        if not db.is_file() or db.stat().st_size == 0:
            raise StorageError(_MSG_NO_DATA, path=base)
        version = _header_version(db)
        if version is None:
            backups = _list_backups(base)
            raise DatabaseCorrupt(db, None, backups[0] if backups else None)
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(db, version)
        protected = not (os.access(base, os.W_OK) and os.access(db, os.W_OK))
        wal = Path(f"{db}-wal")
        state = storage_wal.read_state(base)
        stale = (
            _nonempty(wal)
            and state.get("state") == storage_wal.STATE_CLOSED
            and storage_wal.file_digest(db) == (state.get("db_size"), state.get("db_sha256"))
        )
        # No WAL to read (closed cleanly), or a WAL that does not belong (closed cleanly, and
        # something put an old WAL beside it): nobody can change the file on a write-protected
        # disk, and a stale WAL must not be read, so SQLite may take the file as it is
        # ("immutable": no -shm needed, no locks, the WAL ignored).
        immutable = stale or (protected and not _nonempty(wal))
        options = "mode=ro&immutable=1" if immutable else "mode=ro"
        try:
            conn = sqlite3.connect(f"{db.as_uri()}?{options}", uri=True, isolation_level=None)
            version = cls._check_database(conn, db)
        except _Damaged:
            backups = _list_backups(base)
            raise DatabaseCorrupt(db, None, backups[0] if backups else None) from None
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            if protected and _sqlite_code(exc) in (_SQLITE_CANTOPEN, _SQLITE_READONLY):
                raise StorageError(_MSG_PROTECTED_NOT_CLOSED, path=base) from None
            raise _translate(exc, db, base) from None
        if version < SCHEMA_VERSION:
            conn.close()
            raise StorageError(_MSG_NEEDS_UPGRADE)
        store = cls(base, conn, None, True, clock)
        if protected:
            store.read_only_reason = READ_ONLY_WRITE_PROTECTED
        return store

    def close(self) -> None:
        """Close the database and release the lock (safe to call twice).

        Closing the last connection checkpoints the WAL into the database and deletes it; the
        state file then records "closed cleanly" with the database's size and SHA-256, so that a
        WAL found beside exactly this file at the next start is known not to belong to it."""
        if self._conn is not None:
            try:
                self._conn.close()
            except (sqlite3.Error, UnicodeDecodeError):
                pass
            self._conn = None
            if not self.read_only and self._lock_fd is not None:
                self._mark_closed()
        _release_lock(self._lock_fd)
        self._lock_fd = None

    def _mark_closed(self) -> None:
        if _nonempty(Path(f"{self.db_path}-wal")):
            return  # another connection kept the WAL: the next start must replay it
        digest = storage_wal.file_digest(self.db_path)
        if digest is None:
            return
        state = dict(self._state)
        state.update(
            state=storage_wal.STATE_CLOSED,
            db_size=digest[0],
            db_sha256=digest[1],
            closed=self._now(),
        )
        try:
            storage_wal.write_state(self.data_dir, state)
        except OSError:
            pass  # the state file still says "open": the next start treats it as a crash

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StorageError(_MSG_READ_FAILED, reason=Translatable(N_("the data file is closed")))
        return self._conn

    def _now(self) -> str:
        return _iso(self._clock())

    # -- transactions and errors ------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One user action: BEGIN IMMEDIATE … COMMIT, rolled back on any failure."""
        if self.read_only:
            raise ReadOnlyStore(self.read_only_reason or READ_ONLY_ASKED)
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise self._translate(exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except (sqlite3.Error, UnicodeDecodeError):
                    pass
            if isinstance(exc, (sqlite3.Error, UnicodeDecodeError)):
                raise self._translate(exc) from None
            if isinstance(exc, OSError):
                raise _os_error(exc, self.data_dir) from None
            raise

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise self._translate(exc, writing=False) from None

    def _translate(
        self, exc: sqlite3.Error | UnicodeDecodeError, *, writing: bool = True
    ) -> StorageError:
        return _translate(exc, self.db_path, self.data_dir, writing=writing)

    def _migrate(self, version: int) -> None:
        """Bring the schema from ``version`` to SCHEMA_VERSION in ONE transaction."""
        with self._write() as conn:
            storage_schema.migrate(conn, version, self._now())

    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    # -- households -------------------------------------------------------------------------

    def _households(self, deleted: bool) -> list[HouseholdInfo]:
        condition = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
        rows = self._read(
            "SELECT id, name, people, region, pin_hash IS NOT NULL, created, updated "
            f"FROM households WHERE {condition}"
        )
        infos = [HouseholdInfo(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6]) for r in rows]
        return sorted(infos, key=lambda h: (name_sort_key(h.name), h.id))

    def list_households(self) -> list[HouseholdInfo]:
        """Households not in the trash, by name."""
        return self._households(deleted=False)

    def deleted_households(self) -> list[HouseholdInfo]:
        """Households in the trash, by name."""
        return self._households(deleted=True)

    def household(self, household_id: int) -> HouseholdInfo:
        rows = self._read(
            "SELECT id, name, people, region, pin_hash IS NOT NULL, created, updated "
            "FROM households WHERE id = ?",
            (household_id,),
        )
        if not rows:
            raise HouseholdNotFound(household_id)
        r = rows[0]
        return HouseholdInfo(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6])

    @staticmethod
    def _document(plan: Plan) -> str:
        """The plan as stored: the plan-file JSON, checked to load back before it is kept."""
        from budget_tutor import planfile

        document = planfile.plan_to_dict(plan)
        planfile.plan_from_dict(document)  # never store what could not be read back
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))

    def _require(self, conn: sqlite3.Connection, household_id: int) -> None:
        if (
            conn.execute("SELECT 1 FROM households WHERE id = ?", (household_id,)).fetchone()
            is None
        ):
            raise HouseholdNotFound(household_id)

    def create_household(self, plan: Plan) -> int:
        """Add a household with its plan; its id."""
        name = _check_name(plan.household.name)
        document = self._document(plan)
        now = self._now()
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO households (name, people, region, created, updated) "
                "VALUES (?, ?, ?, ?, ?)",
                (name, plan.household.people, plan.household.region, now, now),
            )
            household_id = int(cursor.lastrowid or 0)
            conn.execute(
                "INSERT INTO plans (household_id, document) VALUES (?, ?)", (household_id, document)
            )
        return household_id

    def import_plan(self, plan: Plan) -> int:
        """Add a household from an imported plan file, after a forced backup."""
        _check_name(plan.household.name)
        self._document(plan)
        self.backup("before-import")
        return self.create_household(plan)

    def load_plan(self, household_id: int) -> Plan:
        from budget_tutor import planfile

        rows = self._read("SELECT document FROM plans WHERE household_id = ?", (household_id,))
        if not rows:
            raise HouseholdNotFound(household_id)
        try:
            return planfile.plan_from_json(rows[0][0])
        except planfile.PlanFileError as exc:
            from budget_tutor import text_rules

            if exc.msgid not in text_rules.MESSAGES:
                raise
            # stored before the text rule refused hidden characters: open it without them
            document = text_rules.cleaned_strings(json.loads(rows[0][0]))
            return planfile.plan_from_dict(document)

    def save_plan(self, household_id: int, plan: Plan) -> None:
        """Store the plan in ONE transaction; the household's name, people and region follow
        ``plan.household``."""
        name = _check_name(plan.household.name)
        document = self._document(plan)
        with self._write() as conn:
            self._require(conn, household_id)
            conn.execute(
                "UPDATE plans SET document = ? WHERE household_id = ?", (document, household_id)
            )
            conn.execute(
                "UPDATE households SET name = ?, people = ?, region = ?, updated = ? WHERE id = ?",
                (name, plan.household.people, plan.household.region, self._now(), household_id),
            )

    def rename_household(self, household_id: int, name: str) -> None:
        import dataclasses

        name = _check_name(name)
        plan = self.load_plan(household_id)
        self.save_plan(
            household_id, plan.replace(household=dataclasses.replace(plan.household, name=name))
        )

    def duplicate_household(self, household_id: int, new_name: str) -> int:
        """A copy of the household's plan under ``new_name``. Progress is not copied; the PIN is
        (the same PIN opens the copy), so a copy never opens what the original keeps private."""
        import dataclasses

        new_name = _check_name(new_name)
        plan = self.load_plan(household_id)
        copy = plan.replace(household=dataclasses.replace(plan.household, name=new_name))
        document = self._document(copy)
        now = self._now()
        with self._write() as conn:  # one transaction: never a moment with an unprotected copy
            cursor = conn.execute(
                "INSERT INTO households (name, people, region, pin_hash, created, updated) "
                "SELECT ?, people, region, pin_hash, ?, ? FROM households WHERE id = ?",
                (new_name, now, now, household_id),
            )
            if not cursor.rowcount:
                raise HouseholdNotFound(household_id)
            copy_id = int(cursor.lastrowid or 0)
            conn.execute(
                "INSERT INTO plans (household_id, document) VALUES (?, ?)", (copy_id, document)
            )
        return copy_id

    def delete_household(self, household_id: int) -> None:
        """Move the household to the trash (after a backup); :meth:`undelete_household` undoes."""
        self.household(household_id)
        self.backup("before-delete")
        with self._write() as conn:
            conn.execute(
                "UPDATE households SET deleted_at = ? WHERE id = ?", (self._now(), household_id)
            )

    def undelete_household(self, household_id: int) -> None:
        with self._write() as conn:
            self._require(conn, household_id)
            conn.execute(
                "UPDATE households SET deleted_at = NULL, updated = ? WHERE id = ?",
                (self._now(), household_id),
            )

    # -- PIN --------------------------------------------------------------------------------

    def set_pin(self, household_id: int, pin: str | None) -> None:
        """Set (or with None clear) the household's PIN: a salted scrypt hash is stored."""
        stored: str | None = None
        if pin is not None:
            if not isinstance(pin, str) or not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
                raise InvalidValue(_MSG_PIN_LENGTH, low=PIN_MIN_LENGTH, high=PIN_MAX_LENGTH)
            salt = secrets.token_bytes(16)
            digest = _hash_pin(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            stored = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"
        with self._write() as conn:
            self._require(conn, household_id)
            conn.execute("UPDATE households SET pin_hash = ? WHERE id = ?", (stored, household_id))

    def verify_pin(self, household_id: int, pin: str) -> bool:
        """Whether ``pin`` opens the household (True when it has no PIN)."""
        rows = self._read("SELECT pin_hash FROM households WHERE id = ?", (household_id,))
        if not rows:
            raise HouseholdNotFound(household_id)
        stored = rows[0][0]
        if stored is None:
            return True
        try:
            scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
            if scheme != "scrypt":
                return False
            expected = bytes.fromhex(digest_hex)
            actual = _hash_pin(str(pin), bytes.fromhex(salt_hex), int(n), int(r), int(p))
        except (ValueError, TypeError):
            return False
        return hmac.compare_digest(actual, expected)

    # -- settings ---------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        if not isinstance(key, str) or not key:
            raise InvalidValue(_MSG_SETTING_KEY)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, str(value)),
            )

    # -- lesson progress --------------------------------------------------------------------

    def record_step(
        self,
        household_id: int,
        lesson_id: str,
        step_id: str,
        *,
        answer: dict[str, Any] | None,
        score: Decimal | None,
        done: bool,
    ) -> None:
        """Record a step's latest answer and score. ``done`` never goes back from True to False
        (only :meth:`reset_progress` clears it)."""
        try:
            if answer is not None and not isinstance(answer, dict):
                raise TypeError("answer must be a dict")
            answer_text = (
                None
                if answer is None
                else json.dumps(answer, ensure_ascii=False, default=_json_default)
            )
            score_value = None if score is None else Decimal(score)
        except (TypeError, ValueError, InvalidOperation):
            raise InvalidValue(_MSG_BAD_ANSWER) from None
        if score_value is not None and not score_value.is_finite():
            raise InvalidValue(_MSG_BAD_ANSWER)
        score_text = None if score_value is None else str(score_value)
        with self._write() as conn:
            self._require(conn, household_id)
            conn.execute(
                "INSERT INTO progress "
                "(household_id, lesson_id, step_id, answer, score, done, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (household_id, lesson_id, step_id) DO UPDATE SET "
                "answer = excluded.answer, score = excluded.score, "
                "done = MAX(progress.done, excluded.done), updated = excluded.updated",
                (
                    household_id,
                    lesson_id,
                    step_id,
                    answer_text,
                    score_text,
                    int(bool(done)),
                    self._now(),
                ),
            )

    def progress(self, household_id: int) -> dict[str, dict[str, StepRecord]]:
        """lesson id -> step id -> record."""
        rows = self._read(
            "SELECT lesson_id, step_id, answer, score, done, updated FROM progress "
            "WHERE household_id = ? ORDER BY lesson_id, step_id",
            (household_id,),
        )
        result: dict[str, dict[str, StepRecord]] = {}
        for lesson_id, step_id, answer_text, score_text, done, updated in rows:
            try:
                answer = None if answer_text is None else json.loads(answer_text)
            except ValueError:
                answer = None
            try:
                score = None if score_text is None else Decimal(score_text)
            except InvalidOperation:
                score = None
            result.setdefault(lesson_id, {})[step_id] = StepRecord(
                lesson_id,
                step_id,
                answer if isinstance(answer, dict) else None,
                score,
                bool(done),
                updated,
            )
        return result

    def reset_progress(self, household_id: int, lesson_id: str | None = None) -> None:
        with self._write() as conn:
            if lesson_id is None:
                conn.execute("DELETE FROM progress WHERE household_id = ?", (household_id,))
            else:
                conn.execute(
                    "DELETE FROM progress WHERE household_id = ? AND lesson_id = ?",
                    (household_id, lesson_id),
                )

    # -- backups ----------------------------------------------------------------------------

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR

    def backup(self, reason: str) -> BackupInfo:
        """A consistent snapshot (SQLite backup API) into ``backups/``, then rotation."""
        if self.read_only:
            raise ReadOnlyStore(self.read_only_reason or READ_ONLY_ASKED)
        info = _snapshot(self.conn, self.backup_dir, reason, self._clock())
        self.rotate_backups()
        return info

    def backups(self) -> list[BackupInfo]:
        """Our backups, newest first."""
        return _list_backups(self.data_dir)

    def newest_backup(self) -> BackupInfo | None:
        backups = self.backups()
        return backups[0] if backups else None

    def rotate_backups(self) -> list[Path]:
        """Delete backups the policy does not keep (only files named like our backups); the
        deleted paths."""
        doomed = backups_to_delete(self.backups(), self._clock())
        removed = []
        for info in doomed:
            try:
                info.path.unlink()
                removed.append(info.path)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise _os_error(exc, self.backup_dir) from None
        return removed

    def restore(self, backup: BackupInfo) -> BackupInfo:
        """Replace the data with ``backup``. The current state is backed up first and that backup
        is returned: restoring it undoes the restore."""
        if self.read_only:
            raise ReadOnlyStore(self.read_only_reason or READ_ONLY_ASKED)
        version = _check_backup_file(backup.path)
        # no rotation yet: it could delete the very backup being restored
        undo = _snapshot(self.conn, self.backup_dir, "before-restore", self._clock())
        try:
            source = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
            try:
                source.backup(self.conn)
            finally:
                source.close()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise self._translate(exc) from None
        if version < SCHEMA_VERSION:
            self._migrate(version)
        # backups made before now (the one restored from, the safety copy) are not "newer data"
        try:
            self.keep_current_data()
        except StorageError:
            pass  # the restore is done; at worst the next start offers the safety copy
        try:
            self.rotate_backups()
        except StorageError:
            pass  # the restore is done; rotation is tried again with the next backup
        return undo

    @classmethod
    def restore_from_backup(
        cls,
        data_dir: Path | None,
        backup: BackupInfo,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> Store:
        """After :class:`DatabaseCorrupt`: put ``backup`` in place of the (moved-aside) database
        and open it. A database still in place is moved aside too, never overwritten."""
        base = Path(data_dir) if data_dir is not None else paths.data_dir()
        clock = clock or _default_clock
        lock_fd = _acquire_lock(base)
        try:
            _check_backup_file(backup.path)
            db = base / DB_NAME
            if db.exists():
                cls._move_aside(base, clock)
            tmp = base / f".{DB_NAME}.restoring.tmp"
            tmp.unlink(missing_ok=True)
            try:
                source = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
                target = sqlite3.connect(tmp)
                try:
                    source.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")
                    target.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (COMPARE_AFTER_SETTING, _stamp(clock())),
                    )
                    target.commit()
                finally:
                    target.close()
                    source.close()
                _fsync_path(tmp)
                os.replace(tmp, db)
                _fsync_path(base, directory=True)
            except (sqlite3.Error, OSError) as exc:
                _remove_with_sides(tmp)
                if isinstance(exc, OSError):
                    raise _os_error(exc, base) from None
                raise _translate(exc, db, base) from None
        finally:
            _release_lock(lock_fd)
        return cls.open(base, clock=clock)


class _Damaged(Exception):
    """Internal: the database failed its checks."""


def _read_sides(db: Path) -> dict[str, bytes]:
    """The bytes of the database and its -wal (suffix -> bytes; what can be read)."""
    found = {}
    for suffix in ("", "-wal"):
        try:
            found[suffix] = Path(f"{db}{suffix}").read_bytes()
        except OSError:
            pass
    return found


def _write_sides(target: Path, found: dict[str, bytes]) -> None:
    """Put back the bytes ``_read_sides`` read (best effort: the copy is kept aside anyway)."""
    for suffix, content in found.items():
        side = Path(f"{target}{suffix}")
        try:
            if side.exists() or suffix == "-wal":
                side.write_bytes(content)
        except OSError:
            pass


def _recorded_version(conn: sqlite3.Connection) -> int | None:
    """The newest version in ``schema_history`` (None when it records none or cannot be read)."""
    try:
        row = conn.execute("SELECT MAX(version) FROM schema_history").fetchone()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return int(row[0]) if row and isinstance(row[0], int) else None


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _set_aside_orphans(base: Path, clock: Callable[[], datetime]) -> None:
    """A WAL without its database (a crash while a damaged database was moved aside) would be
    replayed into a new database: move it aside too."""
    db = base / DB_NAME
    stamp = clock().astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db}{suffix}")
        if side.exists():
            try:
                os.replace(side, base / f"{DB_NAME}.orphan-{stamp}{suffix}")
            except OSError as exc:
                raise _os_error(exc, base) from None


def _mark_state(base: Path, state: dict[str, Any], *, required: bool = True) -> None:
    """Write the state file. When it cannot be written, at least no stale "closed cleanly" may
    stay behind (it would make a genuine WAL look stale after a crash): remove it; if even that
    fails and ``required``, refuse to open."""
    try:
        storage_wal.write_state(base, state)
        return
    except OSError as exc:
        problem = exc
    try:
        storage_wal.forget_state(base)
    except OSError:
        if required:
            raise _os_error(problem, base) from None
