"""Every storage failure a user can meet, as a :class:`StorageError` whose message is English
marked with ``N_`` and translated when it is shown, and the translation of SQLite's and the OS's
errors into them (``_translate``, ``_os_error``). Split out of ``storage.py`` (issue 13):
``from budget_tutor.storage import …`` still works for every name."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from budget_tutor.i18n import N_
from budget_tutor.storage_schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from budget_tutor.storage import BackupInfo

#: The WAL's file name, as messages show it (``storage.DB_NAME`` + ``-wal``).
_WAL_NAME = "budget.sqlite-wal"

# SQLite result codes; extended I/O codes that mean "no room" (SQLITE_IOERR_SHMSIZE: the -shm file
# could not be grown) or that mean it when the disk has no room left.
#: Why a store is read-only.
READ_ONLY_ASKED = "asked"


READ_ONLY_OTHER_INSTANCE = "other-instance"


READ_ONLY_WRITE_PROTECTED = "write-protected"


_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8


_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26


_SQLITE_IOERR_SHMSIZE = _SQLITE_IOERR | (19 << 8)


_SQLITE_IOERR_MAYBE_FULL = frozenset(
    _SQLITE_IOERR | (n << 8)
    for n in (3, 4, 6, 18, 19, 21, 24)  # WRITE, FSYNC, TRUNCATE, SHMOPEN, SHMSIZE, SHMMAP, MMAP
)


#: Below this many free bytes an I/O error while writing is reported as a full disk.
_FULL_BELOW = 1 << 20


class Translatable(str):
    """A message parameter that is itself English marked with ``N_``: translated when the
    message is shown, like the message around it."""


class StorageError(Exception):
    """Every storage failure a user can meet.

    ``msgid`` is English marked with ``N_``; :meth:`user_message` (and ``str()``) translate it
    into the language active when the message is shown and fill in ``params``.
    """

    default_msgid = N_("Budget Tutor could not read or save its data.")

    def __init__(self, msgid: str | None = None, **params: object) -> None:
        self.msgid = msgid or self.default_msgid
        self.params = {key: str(value) for key, value in params.items()}
        self._translated = {key for key, value in params.items() if isinstance(value, Translatable)}
        super().__init__(self.msgid)

    def user_message(self) -> str:
        from budget_tutor.i18n import _, safe_format

        keys = getattr(self, "_translated", ())
        params = {k: _(v) if k in keys else v for k, v in self.params.items()}
        try:
            return safe_format(_(self.msgid), self.msgid, **params)
        except (KeyError, IndexError, ValueError):
            return self.msgid

    def __str__(self) -> str:
        return self.user_message()


_MSG_CORRUPT_MOVED_BACKUP = N_(
    'The data file "{path}" is damaged or is not a Budget Tutor file. It was kept aside as '
    '"{damaged}" and nothing was overwritten. The newest good backup is from {backup}: '
    "restore it to go on."
)


_MSG_CORRUPT_MOVED_NO_BACKUP = N_(
    'The data file "{path}" is damaged or is not a Budget Tutor file. It was kept aside as '
    '"{damaged}" and nothing was overwritten. There is no backup yet: Budget Tutor will start '
    "with empty data."
)


_MSG_CORRUPT_BACKUP = N_(
    'The data file "{path}" is damaged. The newest good backup is from {backup}: restore it '
    "to go on."
)


_MSG_CORRUPT_NO_BACKUP = N_('The data file "{path}" is damaged and there is no backup of it.')


class DatabaseCorrupt(StorageError):
    """The database is damaged or foreign. ``damaged_copy`` is where it was moved aside (None if
    it was left in place); ``newest_backup`` is the backup to offer (None if there is none)."""

    def __init__(
        self, path: Path, damaged_copy: Path | None, newest_backup: BackupInfo | None
    ) -> None:
        self.path = path
        self.damaged_copy = damaged_copy
        self.newest_backup = newest_backup
        params: dict[str, object] = {"path": path}
        if damaged_copy is not None:
            params["damaged"] = damaged_copy
        if newest_backup is not None:
            params["backup"] = newest_backup.display_time
        if damaged_copy is not None:
            msgid = _MSG_CORRUPT_MOVED_BACKUP if newest_backup else _MSG_CORRUPT_MOVED_NO_BACKUP
        else:
            msgid = _MSG_CORRUPT_BACKUP if newest_backup else _MSG_CORRUPT_NO_BACKUP
        super().__init__(msgid, **params)


class DatabaseTooNew(StorageError):
    """The database was written by a newer Budget Tutor; it is left untouched."""

    default_msgid = N_(
        'The data file "{path}" was made by a newer Budget Tutor (data version {found}; this '
        "version knows up to {supported}). It was left unchanged: update Budget Tutor to open it."
    )

    def __init__(self, path: Path, found: int) -> None:
        self.path = path
        self.found = found
        super().__init__(None, path=path, found=found, supported=SCHEMA_VERSION)


class AlreadyOpen(StorageError):
    """Another Budget Tutor holds this data directory."""

    default_msgid = N_(
        'Budget Tutor is already open with the data in "{path}". Close the other Budget Tutor '
        "window first, or open this one read-only."
    )

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(None, path=path)


class WriteProtected(StorageError):
    """The data folder cannot be written (a write-protected USB stick, a read-only share): it can
    only be opened read-only."""

    default_msgid = N_(
        'The data folder "{path}" cannot be written (for example a write-protected USB stick). '
        "Budget Tutor can open it read-only: everything can be looked at, but changes are not "
        "saved."
    )

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(None, path=path)


class DiskFull(StorageError):
    """The disk filled up while saving; what was saved before is intact."""

    default_msgid = N_("The disk is full. Nothing was lost: free some space and try again.")


class ReadOnlyStore(StorageError):
    """A write on a store opened read-only; the message says why it is read-only."""

    default_msgid = N_(
        "This data is open read-only because another Budget Tutor is using it. Changes cannot "
        "be saved here."
    )

    def __init__(self, reason: str = READ_ONLY_OTHER_INSTANCE) -> None:
        self.reason = reason
        msgid = {
            READ_ONLY_ASKED: _MSG_READ_ONLY_ASKED,
            READ_ONLY_WRITE_PROTECTED: _MSG_READ_ONLY_PROTECTED,
        }.get(reason)
        super().__init__(msgid)


_MSG_READ_ONLY_ASKED = N_(
    "This data is open read-only, as asked when Budget Tutor was started (--read-only). Changes "
    "cannot be saved here."
)


_MSG_READ_ONLY_PROTECTED = N_(
    "This data is open read-only because its disk or folder cannot be written (for example a "
    "write-protected USB stick). Changes cannot be saved here."
)


_MSG_PROTECTED_NOT_CLOSED = N_(
    'The data in "{path}" cannot be read from here: the disk is write-protected and Budget Tutor '
    "was not closed properly the last time it used this data. Open it once where it can be "
    "written (for example with the USB stick's write protection off), close Budget Tutor, then "
    "try again."
)


_MSG_STALE_WAL = N_(
    'A leftover record of changes ("{wal}") was found beside data that Budget Tutor '
    "had closed properly. It is older than the data or belongs to other data, so it was not "
    'applied and no newer change was lost. It was kept in "{kept}".'
)


_MSG_WAL_COPY_FAILED = N_(
    "Budget Tutor could not keep a copy of the record of the latest changes before reading it "
    "({problem}). The data opened normally."
)


_MSG_DAMAGED_WAL = N_(
    'The record of the latest changes ("{wal}") is damaged: some changes that were '
    'saved could not be read back. A copy of it was kept in "{kept}".'
)


_MSG_DAMAGED_WAL_NO_BACKUP = N_(
    'The record of the latest changes ("{wal}") is damaged: some changes that were '
    'saved could not be read back. A copy of it was kept in "{kept}". There is no backup with '
    "more data."
)


_MSG_BEHIND_BACKUP = N_(
    "The data found at start holds less than the newest backup. Households now: {households_now}, "
    "last change {changed_now}. In the backup from {backup}: {households_backup}, last change "
    "{changed_backup}. Restore the backup to get the newer data back; the data as it is now is "
    "backed up first."
)


class BehindBackup(StorageError):
    """The database opened, but holds less than the newest backup (fewer households, or an older
    last change): what a rolled-back or damaged WAL leaves. The UI offers :attr:`backup`."""

    def __init__(
        self,
        backup: BackupInfo,
        now: tuple[int, str],
        in_backup: tuple[int, str],
        damaged_wal: Path | None,
    ) -> None:
        self.backup = backup
        self.households_now, self.changed_now = now
        self.households_backup, self.changed_backup = in_backup
        self.damaged_wal = damaged_wal
        super().__init__(
            _MSG_BEHIND_BACKUP,
            households_now=self.households_now,
            changed_now=_display_iso(self.changed_now),
            backup=backup.display_time,
            households_backup=self.households_backup,
            changed_backup=_display_iso(self.changed_backup),
        )

    def user_message(self) -> str:
        text = super().user_message()
        if self.damaged_wal is None:
            return text
        return (
            StorageError(_MSG_DAMAGED_WAL, kept=self.damaged_wal, wal=_WAL_NAME).user_message()
            + " "
            + text
        )


class HouseholdNotFound(StorageError):
    default_msgid = N_("That household does not exist any more (number {household}).")

    def __init__(self, household_id: int) -> None:
        self.household_id = household_id
        super().__init__(None, household=household_id)


class InvalidValue(StorageError):
    """A name, PIN or setting that cannot be stored as given."""


_MSG_WRITE_FAILED = N_(
    "Budget Tutor could not save ({reason}). Nothing that was saved before is lost: check the "
    "disk and try again."
)


_MSG_READ_FAILED = N_("Budget Tutor could not read its data ({reason}).")


_MSG_NO_PERMISSION = N_(
    'Budget Tutor may not write in "{path}". Nothing was lost: check the folder\'s permissions.'
)


_MSG_BUSY = N_(
    "The data file is being used by another program. Nothing was lost: close it and try again."
)


_MSG_NO_DATA = N_('There is no Budget Tutor data in "{path}" yet.')


_MSG_NEEDS_UPGRADE = N_(
    "The data file is from an older Budget Tutor and must be opened normally once to upgrade it."
)


_MSG_BAD_BACKUP = N_('The backup "{path}" cannot be used: {reason}.')


_MSG_EMPTY_NAME = N_("Enter a name.")


_MSG_LONG_NAME = N_("A name can be at most {maximum} characters long.")


_MSG_PIN_LENGTH = N_("A PIN must be {low} to {high} characters long.")


_MSG_SETTING_KEY = N_("A setting needs a name.")


_MSG_BAD_ANSWER = N_("This answer cannot be saved: it is not plain text and numbers.")


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_disk_full(exc: BaseException, where: Path | None = None) -> bool:
    """Whether ``exc`` means the disk is full: ENOSPC/EDQUOT, SQLITE_FULL, SQLITE_IOERR_SHMSIZE,
    or an I/O error while writing (write, fsync, truncate, growing the -shm) on a disk with less
    than a megabyte free."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if _sqlite_code(exc) == _SQLITE_FULL or "full" in str(exc).lower():
        return True
    extended = getattr(exc, "sqlite_errorcode", None)
    if extended == _SQLITE_IOERR_SHMSIZE:
        return True
    if extended in _SQLITE_IOERR_MAYBE_FULL and where is not None:
        return _free_bytes(where) < _FULL_BELOW
    return False


def _free_bytes(where: Path) -> int:
    """Free bytes on the disk holding ``where`` (a large number when it cannot be told)."""
    for candidate in (where, *where.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return 1 << 62


def _display_iso(moment: str) -> str:
    """``2026-11-28T09:31:26Z`` -> ``2026-11-28 09:31 UTC`` (as BackupInfo.display_time)."""
    if len(moment) < 16:
        return moment or "—"
    return f"{moment[:10]} {moment[11:16]} UTC"


def _os_error(exc: OSError, path: Path) -> StorageError:
    if _is_disk_full(exc, path):
        return DiskFull()
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(_MSG_NO_PERMISSION, path=path)
    return StorageError(_MSG_WRITE_FAILED, reason=exc.strerror or str(exc))


def _is_damage(exc: BaseException) -> bool:
    """SQLite says the file is damaged. A damaged schema can also make SQLite's own error text
    invalid UTF-8 (a flipped bit in a column name), which Python reports as UnicodeDecodeError
    instead of the sqlite3 error: that is damage too (found by the corpus, case 792)."""
    return isinstance(exc, UnicodeDecodeError) or _sqlite_code(exc) in (
        _SQLITE_CORRUPT,
        _SQLITE_NOTADB,
    )


def _translate(
    exc: sqlite3.Error | UnicodeDecodeError, db: Path, base: Path, *, writing: bool = True
) -> StorageError:
    code = _sqlite_code(exc)
    if isinstance(exc, UnicodeDecodeError):
        code = _SQLITE_CORRUPT
    elif _is_disk_full(exc, base):
        return DiskFull()
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        from budget_tutor.storage_backups import _list_backups  # imports this module

        backups = _list_backups(base)
        return DatabaseCorrupt(db, None, backups[0] if backups else None)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(_MSG_BUSY)
    if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
        return StorageError(_MSG_NO_PERMISSION, path=base)
    return StorageError(_MSG_WRITE_FAILED if writing else _MSG_READ_FAILED, reason=str(exc))
