"""Backups: their names, the rotation policy, the snapshot made with SQLite's backup API, the
check of a backup before a restore, the households in a backup, and the ``kept-…`` copies of a
database and its WAL made before a WAL is replayed. Split out of ``storage.py`` (issue 13):
``from budget_tutor.storage import …`` still works for every name; the ``Store`` methods
(``backup``, ``backups``, ``rotate_backups``, ``restore``, ``restore_from_backup``) call these.
See docs/storage.md, "Backups"."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from budget_tutor.i18n import N_
from budget_tutor.storage_errors import (
    _MSG_BAD_BACKUP,
    _SQLITE_CORRUPT,
    _SQLITE_NOTADB,
    DatabaseTooNew,
    StorageError,
    Translatable,
    _is_damage,
    _os_error,
    _sqlite_code,
    _translate,
)
from budget_tutor.storage_schema import _OUR_TABLES, DB_NAME, SCHEMA_VERSION, _header_version

BACKUP_DIR = "backups"


BACKUP_PREFIX = "budget-tutor-backup-"


#: Rotation: keep the newest KEEP_NEWEST backups, plus the newest of each day for KEEP_DAYS days,
#: plus the newest backup made before a migration.
KEEP_NEWEST = 10


KEEP_DAYS = 14


_BACKUP_RE = re.compile(
    r"budget-tutor-backup-(\d{8}T\d{6})(\d{6})Z-([a-z0-9][a-z0-9-]{0,39})\.sqlite"
)


#: A half-written backup and the journal files SQLite may have made beside it.
_TEMP_RE = re.compile(r"\.budget-tutor-backup-.*\.tmp(-wal|-shm|-journal)?")


#: Files SQLite may create beside a database.
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


#: A copy of the database and its WAL, kept in ``backups/`` before SQLite could replay the WAL.
KEPT_PREFIX = "kept-"


_KEPT_RE = re.compile(r"kept-(\d{8}T\d{6}\d{6}Z)-(before-wal-replay|stale-wal)")


#: How many ``before-wal-replay`` copies are kept (``stale-wal`` copies are never deleted).
KEEP_WAL_COPIES = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: str  # ISO 8601 UTC, e.g. 2026-11-28T09:31:26Z
    reason: str
    schema_version: int

    @property
    def display_time(self) -> str:
        """``2026-11-28 09:31 UTC``: for messages."""
        return f"{self.created[:10]} {self.created[11:16]} UTC"

    @classmethod
    def from_path(cls, path: Path) -> BackupInfo | None:
        """The backup a file name describes (None if the file is not one of our backups)."""
        match = _BACKUP_RE.fullmatch(path.name)
        if match is None:
            return None
        stamp = match.group(1)
        created = (
            f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}Z"
        )
        return cls(path, created, match.group(3), _header_version(path) or 0)


def _fsync_path(path: Path, *, directory: bool = False) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - no directory handles on this platform
        return
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)


def _check_backup_file(path: Path) -> int:
    """The schema version of a backup file after checking that it is sound; raises
    StorageError."""
    if not path.is_file():
        raise StorageError(
            _MSG_BAD_BACKUP, path=path, reason=Translatable(N_("the file does not exist"))
        )
    version = _header_version(path)
    if version is None:
        raise StorageError(
            _MSG_BAD_BACKUP, path=path, reason=Translatable(N_("it is not a database"))
        )
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(path, version)
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if ok and "schema_history" in tables:  # the header's version must be the real one
                recorded = conn.execute("SELECT MAX(version) FROM schema_history").fetchone()[0]
                ok = recorded is None or recorded == version
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if not _is_damage(exc):
            # a read error (a pulled USB stick, no permission) is not damage: say what it is
            raise _translate(exc, path, path.parent, writing=False) from None
        ok, tables = False, set()
    if not ok:
        raise StorageError(_MSG_BAD_BACKUP, path=path, reason=Translatable(N_("it is damaged")))
    if version < 1 or not _OUR_TABLES <= tables:
        raise StorageError(
            _MSG_BAD_BACKUP, path=path, reason=Translatable(N_("it is not a Budget Tutor backup"))
        )
    return version


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _backup_stamp(info: BackupInfo) -> str:
    """The full time in a backup's name (``YYYYMMDDTHHMMSSffffffZ``), for ordering."""
    match = _BACKUP_RE.fullmatch(info.path.name)
    return f"{match.group(1)}{match.group(2)}Z" if match else ""


def _summary(conn: sqlite3.Connection) -> tuple[int, str]:
    count = conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    last = conn.execute(
        "SELECT MAX(m) FROM (SELECT MAX(updated) AS m FROM households "
        "UNION ALL SELECT MAX(updated) FROM progress)"
    ).fetchone()[0]
    return int(count), str(last or "")


def _backup_summary(path: Path) -> tuple[int, str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return _summary(conn)
    finally:
        conn.close()


def backup_households(path: Path) -> list[str]:
    """The names of the households in a backup file (not in the trash), read read-only, sorted
    as the household list is; raises StorageError when the file cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            condition = " WHERE deleted_at IS NULL" if version >= 2 else ""
            names = [r[0] for r in conn.execute(f"SELECT name FROM households{condition}")]
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if _sqlite_code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB, None) or "no such" in str(exc):
            raise StorageError(
                _MSG_BAD_BACKUP, path=path, reason=Translatable(N_("it is damaged"))
            ) from None
        raise _translate(exc, path, path.parent, writing=False) from None
    from budget_tutor.storage import name_sort_key  # loaded by now: it imports this module

    return sorted((str(n) for n in names), key=name_sort_key)


def _list_backups(base: Path) -> list[BackupInfo]:
    folder = base / BACKUP_DIR
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    infos = [BackupInfo.from_path(folder / name) for name in names]
    found = [info for info in infos if info is not None]
    return sorted(found, key=lambda info: info.path.name, reverse=True)


def _remove_stale_temps(base: Path) -> None:
    """Half-written backups and copies left by a crash (only our own temporary names)."""
    folder = base / BACKUP_DIR
    try:
        names = os.listdir(folder)
    except OSError:
        names = []
    for name in names:
        try:
            if _TEMP_RE.fullmatch(name):
                (folder / name).unlink()
            elif name.startswith(f".{KEPT_PREFIX}") and name.endswith(".tmp"):
                shutil.rmtree(folder / name)
        except OSError:
            pass
    for suffix in ("", *_SIDE_SUFFIXES):
        try:
            (base / f".{DB_NAME}.restoring.tmp{suffix}").unlink(missing_ok=True)
        except OSError:
            pass


def _copy_aside(base: Path, clock: Callable[[], datetime], why: str, *, move_sides: bool) -> Path:
    """Copy the database with its -wal/-shm into ``backups/kept-<time>-<why>/`` (written under a
    temporary name, then renamed). ``move_sides`` moves the -wal/-shm there instead of copying
    them, so that SQLite never sees them. The folder; raises StorageError."""
    db = base / DB_NAME
    folder = base / BACKUP_DIR
    stamp = clock().astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = folder / f"{KEPT_PREFIX}{stamp}-{why}"
    n = 0
    while final.exists():
        n += 1
        final = folder / f"{KEPT_PREFIX}{stamp}-{why}-{n}"
    tmp = folder / f".{final.name}.tmp"
    try:
        tmp.mkdir(parents=True)
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{db}{suffix}")
            if source.exists():
                shutil.copyfile(source, tmp / source.name)
                _fsync_path(tmp / source.name)
        os.replace(tmp, final)
        if move_sides:
            for suffix in ("-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        _fsync_path(folder, directory=True)
        _fsync_path(base, directory=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise _os_error(exc, folder) from None
    _rotate_kept(folder)
    return final


def kept_copies(base: Path) -> list[Path]:
    """The ``kept-…`` folders in ``backups/`` (copies made before a WAL was replayed, or a stale
    WAL moved aside), newest first."""
    folder = base / BACKUP_DIR
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = [folder / n for n in names if _KEPT_RE.match(n) and (folder / n).is_dir()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _rotate_kept(folder: Path) -> None:
    """Keep the newest KEEP_WAL_COPIES ``before-wal-replay`` copies; ``stale-wal`` ones stay."""
    replays = [p for p in kept_copies(folder.parent) if "-before-wal-replay" in p.name]
    for old in replays[KEEP_WAL_COPIES:]:
        shutil.rmtree(old, ignore_errors=True)


def _remove_with_sides(path: Path) -> None:
    """Remove ``path`` and the -wal/-shm/-journal SQLite may have made beside it."""
    for suffix in ("", *_SIDE_SUFFIXES):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass


def _slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40].strip("-")
    return slug or "manual"


def _snapshot(conn: sqlite3.Connection, folder: Path, reason: str, moment: datetime) -> BackupInfo:
    """Copy the open database into a new backup file (temporary name, then renamed)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, folder) from None
    moment = moment.astimezone(UTC)
    slug = _slug(reason)
    while True:
        stamp = moment.strftime("%Y%m%dT%H%M%S%fZ")
        final = folder / f"{BACKUP_PREFIX}{stamp}-{slug}.sqlite"
        if not final.exists() and not any(
            p.name.startswith(f"{BACKUP_PREFIX}{stamp}") for p in folder.iterdir()
        ):
            break
        moment += timedelta(microseconds=1)
    tmp = folder / f".{final.name}.tmp"
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        _fsync_path(tmp)
        os.replace(tmp, final)
        _fsync_path(folder, directory=True)
    except (sqlite3.Error, OSError) as exc:
        _remove_with_sides(tmp)
        if isinstance(exc, OSError):
            raise _os_error(exc, folder) from None
        raise _translate(exc, folder / final.name, folder.parent) from None
    _remove_with_sides(tmp)  # journal files SQLite may have left beside the temporary name
    info = BackupInfo.from_path(final)
    assert info is not None
    return info


def backups_to_delete(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """What the rotation policy drops from ``backups`` (newest first): everything except the
    newest KEEP_NEWEST, the newest of each of the last KEEP_DAYS days, and the newest backup made
    before a migration."""
    keep: set[Path] = {info.path for info in backups[:KEEP_NEWEST]}
    today = now.astimezone(UTC).date()
    days_seen: set[str] = set()
    for info in backups:
        day = info.created[:10]
        try:
            age = (today - datetime.strptime(day, "%Y-%m-%d").date()).days
        except ValueError:
            continue
        if age < KEEP_DAYS and day not in days_seen:
            days_seen.add(day)
            keep.add(info.path)
    migration = [info for info in backups if info.reason == "before-migration"]
    if migration:
        keep.add(migration[0].path)
    return [info for info in backups if info.path not in keep]
